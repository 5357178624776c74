import { createTestDb, loadPrincipal, refreshRollups, setSetting, type Db } from '@jalon/db';
import { STAGE_KINDS, type TerritoryRole } from '@jalon/shared';
import { pino } from 'pino';
import { createCallerFactory } from '../../src/trpc';
import { appRouter } from '../../src/routers/_app';
import { createInnerContext, type SessionCookieJar } from '../../src/context';
import { hashPassword } from '../../src/auth/password';

/**
 * A small, real world for API tests, built in a fresh in-memory database:
 * - Grand Est (GE) holds Nord Lorraine (NL) and Chaumont-Langres (CL); Centre-Val de Loire (CVL)
 *   holds Chartres (CH).
 * - Plan NL-1 (in NL) is led by `lead`; plan NL-2 (in NL) is led by nobody; plan SHARED spans NL
 *   and CL; plan CH-1 is in Chartres.
 * - Every plan has its three stages; NL-1 has actions, an indicator with measurements, and NL has a
 *   COPIL with a planned meeting.
 * Every user has the password `world-password`.
 */
export const WORLD_PASSWORD = 'world-password';

export const WORLD_USERS = [
  'admin',
  'national',
  'regionGE',
  'coordinatorNL',
  'lead',
  'otherLead',
  'memberNL',
  'observerNL',
  'coordinatorCH',
  'outsider',
] as const;
export type WorldUser = (typeof WORLD_USERS)[number];

export interface World {
  db: Db;
  today: string;
  regions: { GE: number; CVL: number };
  territories: { NL: number; CL: number; CH: number };
  users: Record<WorldUser, number>;
  orgs: { metz: number; region: number; bpi: number };
  plans: { NL1: number; NL2: number; SHARED: number; CH1: number };
  stages: { NL1: number[]; NL2: number[]; SHARED: number[]; CH1: number[] };
  actions: { NL1a: number; NL1b: number; NL2a: number; CH1a: number };
  indicators: { NL1: number; CH1: number };
  committees: { copilNL: number; copilCH: number };
  meetings: { NL: number; CH: number };
}

let cachedHash: Promise<string> | null = null;
const worldHash = () => (cachedHash ??= hashPassword(WORLD_PASSWORD));

export const WORLD_TODAY = '2025-06-15';
/** When the world's rows were created, before its "today". */
export const WORLD_CREATED_AT = '2025-01-01T08:00:00.000Z';

export async function buildWorld(): Promise<World> {
  const db = await createTestDb();
  const passwordHash = await worldHash();
  const ins = <T extends { id: number }>(q: Promise<T>) => q.then((r) => r.id);

  const GE = await ins(
    db
      .insertInto('regions')
      .values({ code: '44', name: 'Grand Est' })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  const CVL = await ins(
    db
      .insertInto('regions')
      .values({ code: '24', name: 'Centre-Val de Loire' })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  const territory = (regionId: number, code: string, name: string) =>
    ins(
      db
        .insertInto('territories')
        .values({
          createdAt: WORLD_CREATED_AT,
          regionId,
          code,
          name,
          phase: '2023-2027',
          joinedOn: null,
          industrialFirms: null,
          industrialJobs: null,
          electedChair: null,
          industrialChair: null,
          projectLeadName: null,
          archivedAt: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
  const NL = await territory(GE, 'NL', 'Nord Lorraine');
  const CL = await territory(GE, 'CL', 'Chaumont-Langres');
  const CH = await territory(CVL, 'CH', 'Chartres métropole');

  const org = (name: string, kind: 'epci' | 'region' | 'operator') =>
    ins(
      db
        .insertInto('organisations')
        .values({ createdAt: WORLD_CREATED_AT, name, kind, siren: null })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
  const orgs = {
    metz: await org('Eurométropole de Metz', 'epci'),
    region: await org('Région Grand Est', 'region'),
    bpi: await org('Bpifrance', 'operator'),
  };

  const users = {} as Record<WorldUser, number>;
  for (const key of WORLD_USERS) {
    users[key] = await ins(
      db
        .insertInto('users')
        .values({
          createdAt: WORLD_CREATED_AT,
          email: `${key.toLowerCase()}@world.test`,
          name: key,
          organisationId: null,
          locale: 'fr',
          passwordHash,
          globalRole: key === 'admin' ? 'admin' : key === 'national' ? 'national_observer' : null,
          disabledAt: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
  }
  await db.insertInto('regionObservers').values({ userId: users.regionGE, regionId: GE }).execute();
  const memberships: [WorldUser, number, TerritoryRole][] = [
    ['coordinatorNL', NL, 'coordinator'],
    ['lead', NL, 'lead'],
    ['otherLead', NL, 'lead'],
    ['memberNL', NL, 'committee_member'],
    ['observerNL', NL, 'observer'],
    ['coordinatorCH', CH, 'coordinator'],
  ];
  for (const [user, territoryId, role] of memberships) {
    await db
      .insertInto('memberships')
      .values({ createdAt: WORLD_CREATED_AT, userId: users[user], territoryId, role })
      .execute();
  }

  const stages = {} as World['stages'];
  const plan = async (key: keyof World['plans'], code: string, territoryIds: number[]) => {
    const id = await ins(
      db
        .insertInto('plans')
        .values({
          createdAt: WORLD_CREATED_AT,
          updatedAt: WORLD_CREATED_AT,
          code,
          title: `Plan ${code}`,
          summary: '',
          axis: 'skills',
          priority: 'high',
          leadOrganisationId: orgs.metz,
          startDate: '2024-01-01',
          endDate: '2026-12-31',
          budgetCents: 100_000_00,
          archivedAt: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    for (const territoryId of territoryIds)
      await db.insertInto('planTerritories').values({ planId: id, territoryId }).execute();
    stages[key] = [];
    for (const [i, kind] of STAGE_KINDS.entries()) {
      stages[key].push(
        await ins(
          db
            .insertInto('stages')
            .values({
              planId: id,
              kind,
              position: i + 1,
              plannedStart: null,
              plannedEnd: null,
              actualStart: null,
              actualEnd: null,
              validatedMeetingId: null,
              validatedOn: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow(),
        ),
      );
    }
    return id;
  };
  const plans = {
    NL1: await plan('NL1', 'FA-1', [NL]),
    NL2: await plan('NL2', 'FA-2', [NL]),
    SHARED: await plan('SHARED', 'FA-X', [NL, CL]),
    CH1: await plan('CH1', 'FA-1', [CH]),
  };
  await db.insertInto('planLeads').values({ planId: plans.NL1, userId: users.lead }).execute();

  const action = (
    planKey: keyof World['plans'],
    stage: number,
    title: string,
    status: 'in_progress' | 'not_started' | 'blocked',
    dueDate: string | null,
  ) =>
    ins(
      db
        .insertInto('actions')
        .values({
          createdAt: WORLD_CREATED_AT,
          updatedAt: WORLD_CREATED_AT,
          planId: plans[planKey],
          stageId: stages[planKey][stage] ?? 0,
          title,
          description: '',
          ownerUserId: planKey === 'NL1' ? users.lead : null,
          status,
          progress: status === 'in_progress' ? 40 : 0,
          statusComment: status === 'blocked' ? 'En attente du financement' : null,
          startDate: null,
          dueDate,
          completedOn: null,
          archivedAt: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
  const actions = {
    NL1a: await action('NL1', 0, 'Diagnostic des compétences', 'in_progress', '2025-03-31'),
    NL1b: await action('NL1', 1, 'Adapter l’offre de formation', 'not_started', '2025-12-31'),
    NL2a: await action('NL2', 0, 'Cartographie du foncier', 'blocked', null),
    CH1a: await action('CH1', 0, 'Campus de formation', 'in_progress', '2026-06-30'),
  };

  const indicator = (planId: number) =>
    ins(
      db
        .insertInto('indicators')
        .values({
          createdAt: WORLD_CREATED_AT,
          planId,
          territoryId: null,
          name: 'Personnes formées',
          unit: 'personnes',
          kind: 'output',
          direction: 'increase',
          baselineValue: 0,
          baselineDate: '2024-01-01',
          baselineSource: 'ANCT',
          targetValue: 120,
          targetDate: '2026-12-31',
          archivedAt: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
  const indicators = { NL1: await indicator(plans.NL1), CH1: await indicator(plans.CH1) };
  await db
    .insertInto('measurements')
    .values([
      {
        createdAt: WORLD_CREATED_AT,
        indicatorId: indicators.NL1,
        measuredOn: '2024-06-30',
        value: 10,
        source: 'OPCO',
        comment: '',
        recordedBy: users.lead,
      },
      {
        createdAt: WORLD_CREATED_AT,
        indicatorId: indicators.NL1,
        measuredOn: '2024-12-31',
        value: 25,
        source: 'OPCO',
        comment: '',
        recordedBy: users.lead,
      },
    ])
    .execute();

  const committee = (territoryId: number, name: string) =>
    ins(
      db
        .insertInto('committees')
        .values({ territoryId, kind: 'copil', name, archivedAt: null })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
  const committees = {
    copilNL: await committee(NL, 'COPIL Nord Lorraine'),
    copilCH: await committee(CH, 'COPIL Chartres'),
  };
  const meeting = (committeeId: number) =>
    ins(
      db
        .insertInto('meetings')
        .values({
          createdAt: WORLD_CREATED_AT,
          committeeId,
          scheduledAt: '2025-07-01T09:30:00.000Z',
          place: 'Amnéville',
          mode: 'in_person',
          status: 'planned',
          heldAt: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
  const meetings = { NL: await meeting(committees.copilNL), CH: await meeting(committees.copilCH) };

  // The rows above went in directly, as in the seeds: the maintained aggregates follow them.
  await refreshRollups(db);
  await setSetting(db, 'demo', 'false');
  return {
    db,
    today: WORLD_TODAY,
    regions: { GE, CVL },
    territories: { NL, CL, CH },
    users,
    orgs,
    plans,
    stages,
    actions,
    indicators,
    committees,
    meetings,
  };
}

const createCaller = createCallerFactory(appRouter);
const silentLog = pino({ level: 'silent' });

export interface CookieRecorder extends SessionCookieJar {
  token: string | null;
  cleared: boolean;
}

export function recordCookies(): CookieRecorder {
  const jar: CookieRecorder = {
    token: null,
    cleared: false,
    set(token) {
      jar.token = token;
    },
    clear() {
      jar.cleared = true;
    },
  };
  return jar;
}

/** When the world's meetings have started: a caller at this time may mark them held. */
export const AFTER_WORLD_MEETINGS = '2025-07-01T12:00:00.000Z';

/**
 * A caller acting as `user` (null for no session), at noon of the world's fixed "today", or at
 * the moment `at`.
 */
export async function callerAs(
  world: World,
  user: WorldUser | null,
  options: { cookies?: SessionCookieJar; at?: string } = {},
) {
  const { cookies, at } = options;
  const principal = user === null ? null : await loadPrincipal(world.db, world.users[user]);
  return createCaller(
    createInnerContext({
      db: world.db,
      log: silentLog,
      user: principal,
      now: () => new Date(at ?? `${world.today}T12:00:00.000Z`),
      ...(cookies ? { cookies } : {}),
    }),
  );
}
