import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { findUserByEmail, listTerritoryKeys, loadPrincipal } from '@jalon/db';
import { createInnerContext } from '../../context';
import { createLogger } from '../../logger';
import { reportOf, type AnyImportPreview } from '../../import/describe';
import { IMPORT_KINDS, IMPORTERS, isImportKind } from '../../import/importers';
import { ImportFileError, MAX_IMPORT_BYTES, readTable } from '../../import/readTable';
import type { AuthedContext } from '../../trpc';
import { CliError, databaseOf, print, withDatabase, type CliContext } from '../context';

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
    .argument(
      '<kind>',
      'what the file holds: plans (new plans and their actions), actions (the actions export, ' +
        'changed), indicators (new indicators), measurements (of existing indicators)',
    )
    .argument('<file>', 'the .xlsx or .csv file')
    .requiredOption('--as <email>', 'the user the import acts as (their permissions apply)')
    .option('--dry-run', 'show what would change and write nothing')
    .option(
      '--territory <code>',
      'plans, indicators, measurements: the territory of rows that name none (by default, the ' +
        'one the user coordinates)',
    )
    .action(async (kind: string, file: string, options: ImportOptions, command: Command) => {
      if (!isImportKind(kind)) {
        throw new CliError(`Unknown kind "${kind}": one of ${IMPORT_KINDS.join(', ')}`);
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
      await withDatabase(databaseOf(ctx, command), { mustExist: true }, async (db) => {
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
        const importer = IMPORTERS[kind];
        const preview: AnyImportPreview = options.dryRun
          ? await importer.preview(actx, table, { territoryId })
          : (await importer.apply(actx, table, { territoryId }, onProgress)).preview;
        const report = reportOf(preview);
        for (const line of report.lines) print(ctx, line);
        if (preview.columns.ignored.length > 0) {
          print(ctx, `Columns ignored: ${preview.columns.ignored.join(', ')}`);
        }
        print(ctx, report.counts);
        if (!preview.applicable) {
          throw new CliError(
            preview.counts.rows === 0
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
