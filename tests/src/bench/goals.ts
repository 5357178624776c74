import type { DatabaseConfig, Db } from '@jalon/db';

/**
 * One line of `pnpm bench`'s table: a measure, the yardstick it is compared with (measured in the
 * same run, on the same machine), their ratio and the goal the issue sets. Nothing here fails a
 * build: the table reports, and the README quotes the last run.
 */
export interface GoalRow {
  /** What is measured, e.g. "measurements.csv, national (rows/s)". */
  measure: string;
  /** The measured figure, already in `unit`. */
  value: number;
  unit: string;
  /** What it is compared with, e.g. "same rows read raw with better-sqlite3". */
  yardstick: string;
  yardstickValue: number | null;
  /** value ÷ yardstick (or the ratio the goal is stated in), null when the goal is absolute. */
  ratio: number | null;
  /** The goal as a sentence, e.g. "≥ 100,000 rows/s and ≤ 2× raw". */
  goal: string;
  /** Whether this run meets the goal; null for rows that only inform. */
  met: boolean | null;
}

/** What every section receives: the seeded national database and the run's options. */
export interface BenchContext {
  db: Db;
  /** Where `db` is: an SQLite file or a PostgreSQL server, for sections that serve it over HTTP. */
  database: DatabaseConfig;
  /** A temporary folder removed after the run; sections may write in it. */
  dir: string;
  /** The day the national seed was made for (YYYY-MM-DD). */
  today: string;
  runs: number;
  warmup: number;
}

/** A part of the bench, e.g. exports or the territory overview over HTTP. */
export interface BenchSection {
  name: string;
  /** The databases it measures on; SQLite only when unset. */
  databases?: readonly DatabaseConfig['kind'][];
  run(ctx: BenchContext): Promise<GoalRow[]>;
}

const number = (value: number | null, digits = 2): string => {
  if (value === null || !Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-GB');
  return value.toFixed(digits);
};

/** The table `pnpm bench` prints: measure, value, yardstick, ratio, goal, met. */
export function formatGoalTable(rows: readonly GoalRow[]): string {
  const header = ['measure', 'value', 'yardstick', 'ratio', 'goal', 'met'];
  const body = rows.map((r) => [
    r.measure,
    `${number(r.value)} ${r.unit}`,
    r.yardstickValue === null ? r.yardstick : `${r.yardstick}: ${number(r.yardstickValue)}`,
    r.ratio === null ? '–' : `${number(r.ratio)}×`,
    r.goal,
    r.met === null ? 'info' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}
