import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import { DATE_WINDOW } from '@jalon/shared';
import { appRouter } from '../src/routers/_app';
import { buildWorld, callerAs, type World, type WorldUser } from './support/world';
import { FUZZ_SETTINGS, procedureInput, unboundedLeaves } from './support/fuzzInputs';

/**
 * The fuzz suite of the procedures: every procedure of the router, called through the real
 * router on a seeded real database with inputs generated from its zod schema (see
 * support/fuzzInputs.ts), as an administrator and as a territory's coordinator so that
 * authorization does not hide the input handling. For every call:
 * - no INTERNAL_SERVER_ERROR, and nothing thrown that is not a TRPCError;
 * - an input the schema refuses gets BAD_REQUEST carrying zod's issues;
 * - a refused call changes no row (a fingerprint of every table before and after);
 * - an accepted call stored no day outside the programme's window (DATE_WINDOW).
 * A procedure missing from FUZZED fails the first test, as in the authorization matrix.
 *
 * `JALON_FUZZ_RUNS` sets the runs per procedure and caller, `JALON_FUZZ_SEED` replays a failure
 * (see FUZZ_SETTINGS).
 */

const { runs: RUNS, seed: SEED } = FUZZ_SETTINGS;

type Caller = WorldUser | null;
interface Fuzzed {
  /** Who calls it: null for no session. */
  as: readonly Caller[];
  /** A share of RUNS, for procedures whose every valid call hashes a password. */
  share?: number;
}

const MANAGERS: Fuzzed = { as: ['admin', 'coordinatorNL'] };

const FUZZED: Record<string, Fuzzed> = {
  // Every accepted sign-in input runs scrypt once: a few runs, anonymous as the caller would be.
  'auth.login': { as: [null], share: 0.3 },
  'auth.session': { as: [null, 'admin'] },
  'auth.signInOptions': { as: [null] },
  'auth.passwordLink': { as: [null] },
  // Every accepted input hashes a password (when the random token matched a link, never).
  'auth.setPasswordWithLink': { as: [null], share: 0.3 },
  'auth.logout': MANAGERS,
  'auth.me': MANAGERS,
  'auth.setLocale': MANAGERS,
  // Its accepted inputs check a password (scrypt) and may lock the account: a few runs.
  'auth.changePassword': { ...MANAGERS, share: 0.3 },
  'region.list': MANAGERS,
  'territory.list': MANAGERS,
  'territory.byId': MANAGERS,
  'territory.create': MANAGERS,
  'territory.update': MANAGERS,
  'territory.archive': MANAGERS,
  'organisation.list': MANAGERS,
  'organisation.byId': MANAGERS,
  'organisation.create': MANAGERS,
  'organisation.update': MANAGERS,
  'user.list': MANAGERS,
  'user.byId': MANAGERS,
  // Creating a user hashes its password.
  'user.create': { as: ['admin', 'coordinatorNL'], share: 0.5 },
  'user.update': MANAGERS,
  'user.issuePasswordLink': MANAGERS,
  'membership.list': MANAGERS,
  'membership.create': MANAGERS,
  'membership.invite': MANAGERS,
  'membership.update': MANAGERS,
  'membership.delete': MANAGERS,
  'plan.list': MANAGERS,
  'plan.byId': MANAGERS,
  'plan.create': MANAGERS,
  'plan.update': MANAGERS,
  'plan.archive': MANAGERS,
  'stage.list': MANAGERS,
  'stage.update': MANAGERS,
  'fundingLine.list': MANAGERS,
  'fundingLine.create': MANAGERS,
  'fundingLine.update': MANAGERS,
  'fundingLine.delete': MANAGERS,
  'action.list': MANAGERS,
  'action.byId': MANAGERS,
  'action.create': MANAGERS,
  'action.update': MANAGERS,
  'action.setStatus': MANAGERS,
  'action.archive': MANAGERS,
  'indicator.list': MANAGERS,
  'indicator.byId': MANAGERS,
  'indicator.create': MANAGERS,
  'indicator.update': MANAGERS,
  'indicator.archive': MANAGERS,
  'measurement.list': MANAGERS,
  'measurement.create': MANAGERS,
  'measurement.update': MANAGERS,
  'measurement.delete': MANAGERS,
  'committee.list': MANAGERS,
  'committee.byId': MANAGERS,
  'committee.create': MANAGERS,
  'committee.update': MANAGERS,
  'committeeMember.create': MANAGERS,
  'committeeMember.update': MANAGERS,
  'committeeMember.delete': MANAGERS,
  'meeting.list': MANAGERS,
  'meeting.byId': MANAGERS,
  'meeting.snapshot': MANAGERS,
  'meeting.review': MANAGERS,
  'meeting.create': MANAGERS,
  'meeting.update': MANAGERS,
  'meeting.setStatus': MANAGERS,
  'meeting.setMinutes': MANAGERS,
  'mail.list': MANAGERS,
  'mail.byId': MANAGERS,
  'mail.retry': MANAGERS,
  'mail.preferences': MANAGERS,
  'mail.setPreferences': MANAGERS,
  'attendance.list': MANAGERS,
  'attendance.set': MANAGERS,
  'agenda.list': MANAGERS,
  'agenda.create': MANAGERS,
  'agenda.propose': MANAGERS,
  'agenda.addMany': MANAGERS,
  'agenda.update': MANAGERS,
  'agenda.delete': MANAGERS,
  'agenda.reorder': MANAGERS,
  'decision.list': MANAGERS,
  'decision.create': MANAGERS,
  'decision.update': MANAGERS,
  'updateRequest.create': MANAGERS,
  'updateRequest.status': MANAGERS,
  'updateRequest.mine': MANAGERS,
  'comment.list': MANAGERS,
  'comment.create': MANAGERS,
  'history.list': MANAGERS,
  'history.forPlan': MANAGERS,
  'history.forTerritory': MANAGERS,
  'dashboard.territoryOverview': MANAGERS,
  'dashboard.sinceLastMeeting': MANAGERS,
  'dashboard.portfolio': MANAGERS,
  'progress.territorySeries': MANAGERS,
  'progress.planSeries': MANAGERS,
  'progress.territoryAt': MANAGERS,
};

// At run time `_def.procedures` is flat, keyed by dotted path; its static type is the nested router.
const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string; inputs: z.ZodType[] } }
>;
const procedurePaths = Object.keys(procedures).sort();

/** Reads first, then writes, removals last: a namespace's world keeps its rows as long as it can. */
const order = (path: string) =>
  procedures[path]?._def.type === 'query' ? 0 : /\.(delete|archive)$/.test(path) ? 2 : 1;

/** Tables a refused call may write: sessions and the sign-in throttle (a failed sign-in counts). */
const UNFINGERPRINTED = new Set(['sessions', 'login_throttle']);

/**
 * Every table's row count, plus the latest `updated_at` where a table has one: one query, so
 * cheap enough to take before and after every call.
 */
async function fingerprintQuery(db: World['db']): Promise<() => Promise<string>> {
  const tables = (await db.introspection.getTables()).filter((t) => !UNFINGERPRINTED.has(t.name));
  const parts = tables.flatMap((t) => [
    sql`(select count(*) from ${sql.table(t.name)})`,
    ...(t.columns.some((c) => c.name === 'updated_at')
      ? [sql`(select max(updated_at) from ${sql.table(t.name)})`]
      : []),
  ]);
  const query = sql<Record<string, unknown>>`select ${sql.join(parts, sql`, `)}`;
  return async () => JSON.stringify((await query.execute(db)).rows);
}

/** Days (YYYY-MM-DD, alone or starting an instant) anywhere in a value. */
function daysIn(value: unknown, found: string[] = [], depth = 0): string[] {
  if (depth > 20) return found;
  if (typeof value === 'string') {
    const day = /^(\d{4}|[+-]\d{6})-\d{2}-\d{2}/.exec(value)?.[0];
    if (day) found.push(day);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) daysIn(v, found, depth + 1);
  }
  return found;
}

function procedureAt(caller: object, path: string): (input: unknown) => Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  return target as (input: unknown) => Promise<unknown>;
}

let sent = 0;
afterAll(() => {
  console.info(`fuzz: ${sent} generated inputs sent to ${procedurePaths.length} procedures`);
});

describe('fuzzing every procedure', () => {
  it('covers every procedure, and no procedure that does not exist', () => {
    expect(procedurePaths.filter((path) => !(path in FUZZED))).toEqual([]);
    expect(Object.keys(FUZZED).filter((path) => !procedurePaths.includes(path))).toEqual([]);
  });

  it('bounds every string, number and array of every input', () => {
    const unbounded = procedurePaths.flatMap((path) =>
      (procedures[path]?._def.inputs ?? []).flatMap((schema) =>
        unboundedLeaves(schema).map((leaf) => `${path} ${leaf}`),
      ),
    );
    expect(unbounded).toEqual([]);
  });

  const namespaces = [...new Set(procedurePaths.map((path) => path.split('.')[0] ?? ''))];
  for (const namespace of namespaces) {
    describe(namespace, () => {
      // One world per namespace: building one per procedure would cost more than the calls.
      let world: World;
      let fingerprint: () => Promise<string>;
      // Callers signed in before any call: a call that disables a user must not turn the next
      // caller into an anonymous one.
      const callers = new Map<Caller, object>();
      const paths = procedurePaths
        .filter((path) => path.startsWith(`${namespace}.`))
        .sort((a, b) => order(a) - order(b));
      beforeAll(async () => {
        world = await buildWorld();
        fingerprint = await fingerprintQuery(world.db);
        for (const user of new Set(paths.flatMap((path) => FUZZED[path]?.as ?? [])))
          callers.set(user, await callerAs(world, user));
      });
      afterAll(() => world.db.destroy());

      for (const path of paths) {
        const fuzzed = FUZZED[path];
        const procedure = procedures[path];
        if (!fuzzed || !procedure) continue;
        const schema = procedure._def.inputs[0];
        const numRuns = Math.max(1, Math.round(RUNS * (fuzzed.share ?? 1)));
        it(
          `${path}: no server error, bad input refused with BAD_REQUEST, no row changed by a refusal`,
          async () => {
            for (const user of fuzzed.as) {
              const call = procedureAt(callers.get(user) ?? {}, path);
              await fc.assert(
                fc.asyncProperty(procedureInput(procedure._def.inputs), async (input) => {
                  sent += 1;
                  const before = await fingerprint();
                  let code = 'OK';
                  let cause: unknown;
                  try {
                    await call(input);
                  } catch (error) {
                    if (!(error instanceof TRPCError)) throw error;
                    code = error.code;
                    cause = error.cause;
                  }
                  expect(code, `${user ?? 'anonymous'}: ${String(cause)}`).not.toBe(
                    'INTERNAL_SERVER_ERROR',
                  );
                  const parsed = schema?.safeParse(input);
                  if (parsed && !parsed.success) {
                    expect(code).toBe('BAD_REQUEST');
                    expect(cause).toBeInstanceOf(ZodError);
                  }
                  if (code !== 'OK')
                    expect(await fingerprint(), 'a refused call changed rows').toBe(before);
                  else {
                    const outside = daysIn(parsed?.data).filter(
                      (day) => day < DATE_WINDOW.first || day > DATE_WINDOW.last,
                    );
                    expect(outside, 'accepted days outside the window').toEqual([]);
                  }
                }),
                { numRuns, ...(SEED === undefined ? {} : { seed: SEED }) },
              );
            }
          },
          30_000 + numRuns * fuzzed.as.length * 200,
        );
      }
    });
  }
});

/** The error a call ends with: its code and zod's field errors, as the formatter sends them. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  try {
    await call;
    return { code: 'OK', fields: [] };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const fields =
      error.cause instanceof ZodError ? Object.keys(z.flattenError(error.cause).fieldErrors) : [];
    return { code: error.code, fields: fields.sort() };
  }
}

describe('the inputs the hardening issue reported', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(() => world.db.destroy());

  it('refuses an update that changes nothing with field errors, before any SQL', async () => {
    const admin = await callerAs(world, 'admin');
    const item = await admin.agenda.create({ meetingId: world.meetings.NL, title: 'Point' });
    expect(await refusal(admin.indicator.update({ id: world.indicators.NL1 }))).toEqual({
      code: 'BAD_REQUEST',
      fields: [
        'baselineDate',
        'baselineSource',
        'baselineValue',
        'direction',
        'kind',
        'name',
        'targetDate',
        'targetValue',
        'unit',
      ],
    });
    expect(await refusal(admin.committeeMember.update({ id: 1 }))).toEqual({
      code: 'BAD_REQUEST',
      fields: ['organisationId', 'personName', 'role'],
    });
    expect(await refusal(admin.agenda.update({ id: item.id }))).toEqual({
      code: 'BAD_REQUEST',
      fields: ['notes', 'title'],
    });
    expect(await refusal(admin.action.update({ id: world.actions.NL1a, version: 1 }))).toEqual({
      code: 'BAD_REQUEST',
      fields: ['description', 'dueDate', 'ownerUserId', 'stageId', 'startDate', 'title'],
    });
    // One field is enough.
    expect((await refusal(admin.agenda.update({ id: item.id, notes: 'Relu' }))).code).toBe('OK');
  });

  it(`refuses days outside ${DATE_WINDOW.first} … ${DATE_WINDOW.last}, keeps those inside`, async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const meeting = (scheduledAt: string) =>
      refusal(
        coordinator.meeting.create({
          committeeId: world.committees.copilNL,
          scheduledAt,
          mode: 'video',
        }),
      );
    for (const day of ['0000-01-01', '2017-12-31', '2036-01-01', '9999-12-31'])
      expect(await meeting(`${day}T09:30:00Z`), day).toEqual({
        code: 'BAD_REQUEST',
        fields: ['scheduledAt'],
      });
    expect((await meeting('2035-12-31T09:30:00+01:00')).code).toBe('OK');
    expect(
      await refusal(
        coordinator.stage.update({ id: world.stages.NL1[0] ?? 0, plannedStart: '2017-12-31' }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', fields: ['plannedStart'] });
    expect(
      await refusal(
        coordinator.history.forTerritory({
          territoryId: world.territories.NL,
          since: '0000-01-01',
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', fields: ['since'] });
  });
});
