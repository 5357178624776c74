import type { Command } from 'commander';
import { inTransaction, loadReferenceEpcis, migrateToLatest, referenceEpcis } from '@jalon/db';
import { databaseOf, print, withDatabase, type CliContext } from '../context';

export function registerReference(program: Command, ctx: CliContext): void {
  program
    .command('reference')
    .description('load reference data shipped with Jalon')
    .command('epcis')
    .description(
      "add France's EPCIs (official administrative division, by SIREN) to the organisations, " +
        'so that territories pick theirs by name or SIREN; those already there are kept',
    )
    .action(async (_options: unknown, command: Command) => {
      await withDatabase(databaseOf(ctx, command), { mustExist: true }, async (db) => {
        await migrateToLatest(db);
        const added = await inTransaction(db, (trx) =>
          loadReferenceEpcis(trx, ctx.now().toISOString()),
        );
        print(
          ctx,
          `${added} EPCIs added (${referenceEpcis().length} in the reference data, the others were already there).`,
        );
      });
    });
}
