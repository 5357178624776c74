import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import {
  exportPlanRows,
  listTerritories,
  readFromSnapshot,
  type Db,
  type PlanExportRow,
} from '@jalon/db';
import {
  isoToday,
  LOCALES,
  roundProgress,
  type ActionStatus,
  type Axis,
  type Locale,
} from '@jalon/shared';
import {
  CSV_PROFILES,
  createCsvStream,
  type CsvColumn,
  type CsvProfile,
  type CsvRecord,
} from '../../csv';
import { loadMeetingSummary, meetingSummaryColumns } from '../../exports/meetingSummary';
import { meetingColumns, meetingRecords } from '../../exports/meetingTables';
import { CliError, databaseOf, parseInteger, withDatabase, type CliContext } from '../context';

// The export is for French committees opening it in a spreadsheet: headers and labels in French.
const AXIS_LABELS: Record<Axis, string> = {
  skills: 'Compétences',
  innovation: 'Innovation',
  ecological_transition: 'Transition écologique et énergétique',
  industrial_land: 'Foncier industriel',
};

const STATUS_HEADERS: Record<ActionStatus, string> = {
  not_started: 'À venir',
  in_progress: 'En cours',
  done: 'Réalisé',
  late: 'En retard',
  on_hold: 'En pause',
  blocked: 'Bloqué',
  dropped: 'Abandonné',
  to_discuss: 'À discuter',
};

const PLAN_COLUMNS = [
  { key: 'territoryCode', header: 'Code territoire' },
  { key: 'territoryName', header: 'Territoire' },
  { key: 'planCode', header: 'Fiche action' },
  { key: 'title', header: 'Intitulé' },
  { key: 'axis', header: 'Axe' },
  { key: 'leadOrganisation', header: 'Porteur' },
  { key: 'inventoryProgress', header: 'Avancement état des lieux (%)', decimals: 1 },
  { key: 'toolAdaptationProgress', header: 'Avancement adaptation des outils (%)', decimals: 1 },
  {
    key: 'supportForChangeProgress',
    header: 'Avancement accompagnement au changement (%)',
    decimals: 1,
  },
  { key: 'planProgress', header: 'Avancement de la fiche (%)', decimals: 1 },
  ...(Object.entries(STATUS_HEADERS) as [ActionStatus, string][]).map(([status, header]) => ({
    key: status,
    header,
  })),
  { key: 'overdue', header: 'Actions échues' },
] as const satisfies readonly CsvColumn[];

type PlanColumn = (typeof PLAN_COLUMNS)[number]['key'];

function planRecord(row: PlanExportRow): Record<PlanColumn, string | number | null> {
  return {
    territoryCode: row.territoryCode,
    territoryName: row.territoryName,
    planCode: row.planCode,
    title: row.title,
    axis: AXIS_LABELS[row.axis],
    leadOrganisation: row.leadOrganisation,
    inventoryProgress: roundProgress(row.inventoryProgress),
    toolAdaptationProgress: roundProgress(row.toolAdaptationProgress),
    supportForChangeProgress: roundProgress(row.supportForChangeProgress),
    planProgress: roundProgress(row.planProgress),
    ...row.statusCounts,
    overdue: row.overdue,
  };
}

/** The plans export, read from a snapshot of the database on a read-only connection of its own. */
function planRecords(db: Db, today: string) {
  return readFromSnapshot(db, async function* (snapshot) {
    for await (const row of exportPlanRows(snapshot, { today })) yield planRecord(row);
  });
}

const isBrokenPipe = (error: unknown) =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === 'EPIPE';

/** Writes CSV records to stdout in the profile; a reader that goes away (`| head`) is no error. */
async function writeCsv(
  ctx: CliContext,
  records: Iterable<CsvRecord | CsvRecord[]> | AsyncIterable<CsvRecord | CsvRecord[]>,
  columns: readonly CsvColumn[],
  profile: CsvProfile,
): Promise<void> {
  try {
    // `end: false`: on failure pipeline would also destroy stdout with the error, emitting it
    // there a second time; the failure ends here, as the command's one-line error.
    await pipeline(
      Readable.from(records, { highWaterMark: 1 }),
      createCsvStream(columns, profile),
      ctx.io.out,
      {
        end: false,
      },
    );
  } catch (error) {
    if (!isBrokenPipe(error)) throw error;
  }
}

const profileOption = () =>
  new Option(
    '--profile <profile>',
    'CSV dialect: excel-fr (BOM, ";", decimal comma) or rfc4180 (",", decimal point)',
  )
    .choices(CSV_PROFILES)
    .default('excel-fr');

const langOption = () =>
  new Option('--lang <lang>', 'language of headers and labels').choices(LOCALES).default('fr');

/** The id of the live territory with this code (any case). */
async function territoryIdOf(db: Db, code: string): Promise<number> {
  const { items } = await listTerritories(
    db,
    { all: true },
    { search: code, sort: 'code', direction: 'asc', limit: 200, offset: 0 },
  );
  const territory = items.find((t) => t.code.toLowerCase() === code.toLowerCase());
  if (!territory) throw new CliError(`Unknown territory code "${code}"`);
  return territory.id;
}

export function registerExport(program: Command, ctx: CliContext): void {
  const exportCommand = program.command('export').description('export data as CSV on stdout');
  exportCommand
    .command('plans')
    .description(
      'every live plan, one row per plan and territory: stage and plan progress, action counts per status, overdue actions',
    )
    .addOption(profileOption())
    .addHelpText('after', '\nExample:\n  jalon export plans > plans.csv')
    .action(async (options: { profile: CsvProfile }, command: Command) => {
      const database = databaseOf(ctx, command);
      await withDatabase(database, { mustExist: true }, (db) =>
        writeCsv(ctx, planRecords(db, isoToday(ctx.now())), PLAN_COLUMNS, options.profile),
      );
    });

  exportCommand
    .command('meeting')
    .description(
      "a meeting's summary: meeting, attendance, agenda, decisions, action changes since the previous meeting, indicators (docs/meeting-summary-csv.md)",
    )
    .argument('<id>', 'meeting id (see "jalon export meetings")', parseInteger)
    .addOption(langOption())
    .addOption(profileOption())
    .addHelpText('after', '\nExample:\n  jalon export meeting 12 --lang fr > copil-12.csv')
    .action(
      async (id: number, options: { lang: Locale; profile: CsvProfile }, command: Command) => {
        const database = databaseOf(ctx, command);
        await withDatabase(database, { mustExist: true }, async (db) => {
          const summary = await loadMeetingSummary(db, id, options.lang, ctx.now());
          if (!summary) throw new CliError(`Meeting ${id} not found`);
          await writeCsv(ctx, summary, meetingSummaryColumns(options.lang), options.profile);
        });
      },
    );

  exportCommand
    .command('meetings')
    .description('every meeting, latest first, with its id: committee, territory, date, status')
    .option('--territory <code>', 'only the meetings of this territory')
    .addOption(langOption())
    .addOption(profileOption())
    .addHelpText('after', '\nExample:\n  jalon export meetings --territory NL > meetings.csv')
    .action(
      async (
        options: { territory?: string; lang: Locale; profile: CsvProfile },
        command: Command,
      ) => {
        const database = databaseOf(ctx, command);
        await withDatabase(database, { mustExist: true }, async (db) => {
          const territoryId =
            options.territory === undefined
              ? undefined
              : await territoryIdOf(db, options.territory);
          const records = meetingRecords(
            db,
            { all: true },
            { territoryId, direction: 'desc' },
            options.lang,
          );
          await writeCsv(ctx, records, meetingColumns(options.lang), options.profile);
        });
      },
    );
}
