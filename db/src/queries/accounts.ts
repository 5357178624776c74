import type { GlobalRole, Locale, TerritoryRole } from '@jalon/shared';
import { inTransaction, type Db } from '../connection';
import { recordAudit } from './audit';
import { findUserByEmail } from './auth';
import { insertMembership, insertUser, replaceObservedRegions, type PublicUser } from './users';

/** Where a new account acts: everywhere, over a region, or in one territory. */
export type AccountScope =
  | { kind: 'global'; role: GlobalRole }
  | { kind: 'region'; regionCode: string }
  | { kind: 'territory'; territoryCode: string; role: TerritoryRole };

export interface NewAccount {
  email: string;
  name: string;
  locale: Locale;
  passwordHash: string;
  scope: AccountScope;
}

export type CreateAccountResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: 'email_taken' | 'unknown_territory' | 'unknown_region' };

/**
 * Creates a user with their role (a global role, a region to observe or a territory membership)
 * and records it in the audit trail, in one transaction. Used by administrators' tooling, hence no
 * acting user in the audit event.
 */
export async function createAccount(
  db: Db,
  account: NewAccount,
  nowIso: string,
): Promise<CreateAccountResult> {
  const email = account.email.trim().toLowerCase();
  const { scope } = account;
  // Checks first, outside the transaction: a transaction that reads before it writes cannot wait
  // for another process's write lock (SQLite answers "database is locked"), one that starts by
  // writing can. The unique index on users.email still guards against a concurrent twin.
  if (await findUserByEmail(db, email)) return { ok: false, reason: 'email_taken' };
  const territory =
    scope.kind === 'territory'
      ? await db
          .selectFrom('territories')
          .select(['id', 'code'])
          .where('code', '=', scope.territoryCode)
          .where('archivedAt', 'is', null)
          .executeTakeFirst()
      : undefined;
  if (scope.kind === 'territory' && !territory) return { ok: false, reason: 'unknown_territory' };
  const region =
    scope.kind === 'region'
      ? await db
          .selectFrom('regions')
          .select(['id', 'code'])
          .where('code', '=', scope.regionCode)
          .executeTakeFirst()
      : undefined;
  if (scope.kind === 'region' && !region) return { ok: false, reason: 'unknown_region' };

  return inTransaction(db, async (trx): Promise<CreateAccountResult> => {
    const user = await insertUser(trx, {
      email,
      name: account.name,
      organisationId: null,
      locale: account.locale,
      passwordHash: account.passwordHash,
      globalRole: scope.kind === 'global' ? scope.role : null,
      disabledAt: null,
      createdAt: nowIso,
    });
    if (scope.kind === 'territory' && territory) {
      await insertMembership(trx, {
        userId: user.id,
        territoryId: territory.id,
        role: scope.role,
        createdAt: nowIso,
      });
    }
    if (region) await replaceObservedRegions(trx, user.id, [region.id]);
    await recordAudit(trx, {
      userId: null,
      entityType: 'user',
      entityId: user.id,
      operation: 'create',
      territoryId: territory?.id ?? null,
      newValue: {
        email,
        name: account.name,
        role: scope.kind === 'region' ? 'regional_observer' : scope.role,
        ...(territory ? { territoryId: territory.id } : {}),
        ...(region ? { regionId: region.id } : {}),
      },
      comment: 'jalon user add',
      occurredAt: nowIso,
    });
    return { ok: true, user };
  });
}

/**
 * True when the database holds no user, no territory (archived ones included) and no region: the
 * only state in which seeding may plant demo accounts, whose password is public.
 */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const { used } = await db
    .selectNoFrom((eb) =>
      eb
        .or([
          eb.exists(eb.selectFrom('users').select('id')),
          eb.exists(eb.selectFrom('territories').select('id')),
          eb.exists(eb.selectFrom('regions').select('id')),
        ])
        .as('used'),
    )
    .executeTakeFirstOrThrow();
  return !used;
}
