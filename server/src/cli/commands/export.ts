import { pipeline } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { exportPlanRows, type Db, type PlanExportRow } from '@jalon/db';
import { isoToday, roundProgress, type ActionStatus, type Axis } from '@jalon/shared';
import { CSV_PROFILES, createCsvStream, type CsvColumn, type CsvProfile } from '../../csv';
import { databaseFile, withDatabase, type CliContext } from '../context';

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

async function* planRecords(db: Db, today: string) {
  for await (const row of exportPlanRows(db, { today })) yield planRecord(row);
}

const isBrokenPipe = (error: unknown) =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === 'EPIPE';

export function registerExport(program: Command, ctx: CliContext): void {
  const exportCommand = program.command('export').description('export data as CSV on stdout');
  exportCommand
    .command('plans')
    .description(
      'every live plan, one row per plan and territory: stage and plan progress, action counts per status, overdue actions',
    )
    .addOption(
      new Option(
        '--profile <profile>',
        'CSV dialect: excel-fr (BOM, ";", decimal comma) or rfc4180 (",", decimal point)',
      )
        .choices(CSV_PROFILES)
        .default('excel-fr'),
    )
    .addHelpText('after', '\nExample:\n  jalon export plans > plans.csv')
    .action(async (options: { profile: CsvProfile }, command: Command) => {
      const file = databaseFile(ctx, command);
      await withDatabase(file, { mustExist: true }, async (db) => {
        try {
          // `end: false`: on failure pipeline would also destroy stdout with the error, emitting it
          // there a second time; the failure ends here, as the command's one-line error.
          await pipeline(
            planRecords(db, isoToday(ctx.now())),
            createCsvStream(PLAN_COLUMNS, options.profile),
            ctx.io.out,
            { end: false },
          );
        } catch (error) {
          // The reader went away (`| head`): not an error of the export.
          if (!isBrokenPipe(error)) throw error;
        }
      });
    });
}
