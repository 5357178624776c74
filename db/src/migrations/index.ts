import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026-11-22-0001-initial';
import * as updateRequests from './2026-11-22-0002-update-requests';
import * as portfolioIndexes from './2026-12-04-0001-portfolio-indexes';
import * as maintainedRollups from './2026-12-05-0001-maintained-rollups';
import * as passwordLinks from './2026-12-05-0002-password-links';
import * as mailAndOidc from './2026-12-06-0001-mail-and-oidc';
import * as moneyBigint from './2026-12-07-0001-money-bigint';
import * as jsonbSnapshots from './2026-12-08-0001-jsonb-snapshots';
import * as openActionsIndex from './2026-12-08-0002-open-actions-index';

// Static provider: migrations are bundled with the code, never discovered on disk at run time.
const migrations: Record<string, Migration> = {
  '2026-11-22-0001-initial': initial,
  '2026-11-22-0002-update-requests': updateRequests,
  '2026-12-04-0001-portfolio-indexes': portfolioIndexes,
  '2026-12-05-0001-maintained-rollups': maintainedRollups,
  '2026-12-05-0002-password-links': passwordLinks,
  '2026-12-06-0001-mail-and-oidc': mailAndOidc,
  '2026-12-07-0001-money-bigint': moneyBigint,
  '2026-12-08-0001-jsonb-snapshots': jsonbSnapshots,
  '2026-12-08-0002-open-actions-index': openActionsIndex,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
