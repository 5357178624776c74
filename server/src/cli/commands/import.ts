import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { findUserByEmail, listTerritoryKeys, loadPrincipal } from '@jalon/db';
import { createInnerContext } from '../../context';
import { createLogger } from '../../logger';
import { applyActionImport, previewActionImport } from '../../import/actions';
import { applyPlanImport, previewPlanImport, type PlanImportOptions } from '../../import/plans';
import {
  describeCounts,
  describePlanCounts,
  describePlanRow,
  describeRow,
} from '../../import/describe';
import {
  ImportFileError,
  MAX_IMPORT_BYTES,
  readTable,
  type ImportTable,
} from '../../import/readTable';
import type { AuthedContext } from '../../trpc';
import { CliError, databaseFile, print, withDatabase, type CliContext } from '../context';

const KINDS = ['plans', 'actions', 'indicators', 'measurements'] as const;

interface ImportOptions {
  as: string;
  dryRun?: boolean;
  territory?: string;
}

/** How often a long import reports the rows written. */
const PROGRESS_EVERY = 1_000;

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(
      'Import a spreadsheet (.xlsx or .csv, French Excel or RFC 4180) as a user: shows what ' +
        'would change, then writes it all in one transaction, or nothing',
    )
    .argument('<kind>', `what the file holds: ${KINDS.join(', ')}`)
    .argument('<file>', 'the .xlsx or .csv file')
    .requiredOption('--as <email>', 'the user the import acts as (their permissions apply)')
    .option('--dry-run', 'show what would change and write nothing')
    .option(
      '--territory <code>',
      'plans: the territory of rows that name none (by default, the one the user coordinates)',
    )
    .action(async (kind: string, file: string, options: ImportOptions, command: Command) => {
      if (!(KINDS as readonly string[]).includes(kind)) {
        throw new CliError(`Unknown kind "${kind}": one of ${KINDS.join(', ')}`);
      }
      if (kind !== 'actions' && kind !== 'plans') {
        throw new CliError(
          `Importing ${kind} is not available yet; "plans" (new plans and their actions) and ` +
            '"actions" (round trip of the actions export) are',
        );
      }
      const size = await stat(file).then(
        (s) => s.size,
        () => {
          throw new CliError(`No file at ${file}`);
        },
      );
      if (size > MAX_IMPORT_BYTES) {
        throw new CliError(`${file} exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      }
      await withDatabase(databaseFile(ctx, command), { mustExist: true }, async (db) => {
        const account = await findUserByEmail(db, options.as);
        const user = account && !account.disabledAt ? await loadPrincipal(db, account.id) : null;
        if (!user) throw new CliError(`No active user with the email ${options.as}`);
        const actx: AuthedContext = {
          ...createInnerContext({ db, log: createLogger('silent'), now: ctx.now }),
          user,
        };
        let table;
        try {
          table = await readTable(await readFile(file));
        } catch (error) {
          if (error instanceof ImportFileError) throw new CliError(`${file}: ${error.message}`);
          throw error;
        }
        print(ctx, `${table.rows.length} rows read from ${file} (${table.format})`);
        const onProgress = (written: number, total: number) => {
          if (written % PROGRESS_EVERY === 0 || written === total) {
            print(ctx, `written ${written} of ${total}`);
          }
        };
        let territoryId: number | undefined;
        if (options.territory !== undefined) {
          const wanted = options.territory.toLowerCase();
          const territory = (await listTerritoryKeys(db)).find(
            (t) => t.code.toLowerCase() === wanted || t.name.toLowerCase() === wanted,
          );
          if (!territory)
            throw new CliError(`No territory with the code or name ${options.territory}`);
          territoryId = territory.id;
        }
        const report =
          kind === 'plans'
            ? await importPlans(actx, table, { territoryId }, options.dryRun === true, onProgress)
            : await importActions(actx, table, options.dryRun === true, onProgress);
        for (const line of report.lines) print(ctx, line);
        if (report.ignored.length > 0) print(ctx, `Columns ignored: ${report.ignored.join(', ')}`);
        print(ctx, report.counts);
        if (!report.applicable) {
          throw new CliError(
            report.rows === 0
              ? 'The file holds no data rows: nothing was written'
              : 'Nothing was written: fix or remove the refused and conflicting rows, then import again',
          );
        }
        print(
          ctx,
          options.dryRun
            ? `Dry run: nothing was written (${report.wouldDo})`
            : `Imported: ${report.done}`,
        );
      });
    });
}

/** What the CLI prints of an import, whatever its kind. */
interface Report {
  lines: string[];
  ignored: string[];
  counts: string;
  rows: number;
  applicable: boolean;
  /** What was written, in words. */
  done: string;
  /** What would be written, in words, for a dry run. */
  wouldDo: string;
}

type Progress = (written: number, total: number) => void;

async function importActions(
  ctx: AuthedContext,
  table: ImportTable,
  dryRun: boolean,
  onProgress: Progress,
): Promise<Report> {
  const preview = dryRun
    ? await previewActionImport(ctx, table)
    : (await applyActionImport(ctx, table, onProgress)).preview;
  return {
    lines: preview.rows.flatMap((row) => describeRow(row) ?? []),
    ignored: preview.columns.ignored,
    counts: describeCounts(preview),
    rows: preview.counts.rows,
    applicable: preview.applicable,
    done: `${preview.counts.change} actions changed`,
    wouldDo: `${preview.counts.change} actions would change`,
  };
}

async function importPlans(
  ctx: AuthedContext,
  table: ImportTable,
  options: PlanImportOptions,
  dryRun: boolean,
  onProgress: Progress,
): Promise<Report> {
  const preview = dryRun
    ? await previewPlanImport(ctx, table, options)
    : (await applyPlanImport(ctx, table, options, onProgress)).preview;
  return {
    lines: preview.rows.map(describePlanRow),
    ignored: preview.columns.ignored,
    counts: describePlanCounts(preview),
    rows: preview.counts.rows,
    applicable: preview.applicable,
    done: `${preview.counts.plans} plans and ${preview.counts.actions} actions created`,
    wouldDo: `${preview.counts.plans} plans and ${preview.counts.actions} actions would be created`,
  };
}
