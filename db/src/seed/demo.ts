import { loadReferenceEpcis } from './referenceEpcis';
import { addDays, type GlobalRole, type TerritoryRole } from '@jalon/shared';
import { inTransaction, type Db, type Trx } from '../connection';
import { setSetting } from '../queries/auth';
import { refreshRollups } from '../queries/rollups';
import { createRandom } from './random';
import { addMonths } from './dates';
import {
  ADMIN,
  COMMITTEE_MEMBER,
  DEMO_ORGANISATIONS,
  DEMO_PILOT,
  DEMO_PLANS,
  DEMO_REGIONS,
  DEMO_TERRITORIES,
  NORD_LORRAINE,
  REGION_OBSERVER,
  leadOrganisation,
  territoryByCode,
  type DemoTerritoryCode,
} from './demoContent';
import { idOf, stamp, type SeededPlan, type Seeding } from './demoState';
import { insertIndicators, insertPlan } from './demoPlans';
import { insertGovernance } from './demoGovernance';
import { insertMeetingSnapshots } from './demoSnapshots';
import { insertUpdateRequests } from './demoUpdateRequests';

// The demo dataset: the territories, plans and committees of DOMAIN.md, with dates derived from
// `today` so that the data stays live (overdue actions, recent measurements, an upcoming meeting
// per committee). A fixed seed makes two runs on the same day identical.

export type DemoRole = GlobalRole | TerritoryRole | 'regional_observer';

export interface DemoAccount {
  email: string;
  name: string;
  role: DemoRole;
  /** 'national', a territory code or a region code. */
  scope: string;
}

export interface DemoSummary {
  territories: number;
  plans: number;
  actions: number;
  indicators: number;
  measurements: number;
  meetings: number;
  accounts: DemoAccount[];
}

/** The accounts to log in with (all share the demo password). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: ADMIN.email, name: ADMIN.name, role: 'admin', scope: 'national' },
  { ...NORD_LORRAINE.coordinator, role: 'coordinator', scope: NORD_LORRAINE.code },
  { ...DEMO_PILOT, role: 'lead', scope: NORD_LORRAINE.code },
  {
    email: COMMITTEE_MEMBER.email,
    name: COMMITTEE_MEMBER.name,
    role: 'committee_member',
    scope: NORD_LORRAINE.code,
  },
  {
    email: REGION_OBSERVER.email,
    name: REGION_OBSERVER.name,
    role: 'regional_observer',
    scope: REGION_OBSERVER.regionCode,
  },
  ...DEMO_TERRITORIES.filter((t) => t.code !== NORD_LORRAINE.code).map((t): DemoAccount => ({
    ...t.coordinator,
    role: 'coordinator',
    scope: t.code,
  })),
];

const DEMO_SEED = 20_231_109;

// ---- Reference data and people ---------------------------------------------------------------

async function insertReferenceData(s: Seeding): Promise<void> {
  const createdAt = stamp(addMonths(s.today, -36));
  for (const region of DEMO_REGIONS) {
    const row = await s.trx
      .insertInto('regions')
      .values(region)
      .returning('id')
      .executeTakeFirstOrThrow();
    s.regionIds.set(region.code, row.id);
  }
  const organisations = [
    ...DEMO_ORGANISATIONS.map((o) => ({ ...o, siren: null })),
    ...DEMO_TERRITORIES.flatMap((t) => t.epcis.map((e) => ({ ...e, kind: 'epci' as const }))),
  ];
  for (const organisation of organisations) {
    if (s.orgIds.has(organisation.name)) continue;
    const row = await s.trx
      .insertInto('organisations')
      .values({ ...organisation, createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    s.orgIds.set(organisation.name, row.id);
  }
  // Every other EPCI of France, to pick from when a territory is set up.
  await loadReferenceEpcis(s.trx, createdAt);
  for (const territory of DEMO_TERRITORIES) {
    const row = await s.trx
      .insertInto('territories')
      .values({
        regionId: idOf(s.regionIds, territory.regionCode),
        code: territory.code,
        name: territory.name,
        phase: '2023-2027',
        joinedOn: territory.joinedOn,
        industrialFirms: territory.industrialFirms,
        industrialJobs: territory.industrialJobs,
        electedChair: `${territory.electedChair.name} (${territory.electedChair.epci})`,
        industrialChair: `${territory.industrialChair.name} (${territory.industrialChair.company})`,
        projectLeadName: territory.coordinator.name,
        archivedAt: null,
        createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    s.territoryIds.set(territory.code, row.id);
    await s.trx
      .insertInto('territoryEpcis')
      .values(
        territory.epcis.map((epci) => ({
          territoryId: row.id,
          organisationId: idOf(s.orgIds, epci.name),
        })),
      )
      .execute();
  }
}

async function seedUser(
  s: Seeding,
  user: { email: string; name: string; organisation: string | null; globalRole?: GlobalRole },
): Promise<number> {
  const row = await s.trx
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      organisationId: user.organisation === null ? null : idOf(s.orgIds, user.organisation),
      locale: 'fr',
      passwordHash: s.passwordHash,
      globalRole: user.globalRole ?? null,
      disabledAt: null,
      createdAt: stamp(addMonths(s.today, -30)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  s.userIds.set(user.email, row.id);
  s.userNames.set(row.id, user.name);
  s.usedNames.add(user.name);
  return row.id;
}

async function seedMembership(
  s: Seeding,
  userId: number,
  territory: DemoTerritoryCode,
  role: TerritoryRole,
): Promise<void> {
  await s.trx
    .insertInto('memberships')
    .values({
      userId,
      territoryId: idOf(s.territoryIds, territory),
      role,
      createdAt: stamp(addMonths(s.today, -30)),
    })
    .execute();
}

async function insertPeople(s: Seeding): Promise<void> {
  await seedUser(s, { ...ADMIN, globalRole: 'admin' });
  const regionObserver = await seedUser(s, REGION_OBSERVER);
  await s.trx
    .insertInto('regionObservers')
    .values({ userId: regionObserver, regionId: idOf(s.regionIds, REGION_OBSERVER.regionCode) })
    .execute();
  for (const territory of DEMO_TERRITORIES) {
    const coordinator = await seedUser(s, {
      ...territory.coordinator,
      organisation: territory.electedChair.epci,
    });
    await seedMembership(s, coordinator, territory.code, 'coordinator');
    for (const [i, lead] of territory.leads.entries()) {
      const id = await seedUser(s, { ...lead, organisation: leadOrganisation(territory, i) });
      await seedMembership(s, id, territory.code, 'lead');
    }
  }
  const member = await seedUser(s, COMMITTEE_MEMBER);
  await seedMembership(s, member, NORD_LORRAINE.code, 'committee_member');
  for (const t of DEMO_TERRITORIES) {
    s.usedNames.add(t.electedChair.name);
    s.usedNames.add(t.industrialChair.name);
  }
}

// ---- Recent activity: audit events and comments ----------------------------------------------

async function insertActivity(s: Seeding, plans: readonly SeededPlan[]): Promise<void> {
  const actions = plans.flatMap((p) => p.actions);
  const recent = actions.filter(
    (a) =>
      ['blocked', 'late', 'on_hold', 'to_discuss'].includes(a.status) ||
      (a.status === 'done' && a.completedOn !== null && a.completedOn >= addDays(s.today, -40)),
  );
  for (const [i, action] of recent.slice(0, 16).entries()) {
    const occurredOn =
      action.status === 'done' && action.completedOn
        ? action.completedOn
        : addDays(s.today, -1 - ((i * 3) % 24));
    const occurredAt = stamp(
      occurredOn,
      `${String(8 + (i % 9)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
    );
    const previous = action.status === 'to_discuss' ? 'not_started' : 'in_progress';
    // A blocked action's progress is often revised down: part of the work has to be redone.
    const previousProgress =
      action.status === 'blocked'
        ? Math.min(95, action.progress + 15)
        : Math.max(0, action.progress - 10);
    await s.trx
      .insertInto('auditEvents')
      .values({
        occurredAt,
        userId: action.ownerUserId,
        entityType: 'action',
        entityId: action.id,
        operation: 'status',
        // As the action router records it: an action belongs to its plan, in every territory of a
        // shared plan, not to one of them.
        territoryId: null,
        planId: action.planId,
        oldValue: JSON.stringify({ status: previous, progress: previousProgress }),
        newValue: JSON.stringify({
          status: action.status,
          progress: action.progress,
          statusComment: action.statusComment,
        }),
        comment: action.statusComment,
      })
      .execute();
    await s.trx
      .updateTable('actions')
      .set({ updatedAt: occurredAt })
      .where('id', '=', action.id)
      .execute();
  }

  const comments: {
    entityType: string;
    entityId: number;
    userId: number;
    body: string;
    createdAt: string;
  }[] = [];
  for (const [i, action] of actions.filter((a) => a.status === 'blocked').entries()) {
    comments.push({
      entityType: 'action',
      entityId: action.id,
      userId: idOf(s.userIds, territoryByCode(action.territoryCode).coordinator.email),
      body: 'Relance faite auprès du partenaire. Point à inscrire au prochain COTECH.',
      createdAt: stamp(addDays(s.today, -2 - i), '11:15'),
    });
  }
  for (const [i, action] of actions
    .filter((a) => a.status === 'late')
    .slice(0, 3)
    .entries()) {
    comments.push({
      entityType: 'action',
      entityId: action.id,
      userId: action.ownerUserId,
      body: 'Nouveau calendrier transmis au chef de projet ; échéance à revoir en COTECH.',
      createdAt: stamp(addDays(s.today, -4 - i), '15:40'),
    });
  }
  const nordLorraine = plans.find(
    (p) => p.spec.territories[0] === NORD_LORRAINE.code && p.spec.code === 'FA-3',
  );
  if (nordLorraine) {
    comments.push({
      entityType: 'plan',
      entityId: nordLorraine.id,
      userId: idOf(s.userIds, COMMITTEE_MEMBER.email),
      body: 'Peut-on présenter au COPIL le calendrier de l’acquisition du site de Hayange ?',
      createdAt: stamp(addDays(s.today, -6), '18:05'),
    });
  }
  if (comments.length > 0) await s.trx.insertInto('comments').values(comments).execute();
}

// ---- Entry point -----------------------------------------------------------------------------

async function countRows(
  trx: Db | Trx,
  table: 'territories' | 'plans' | 'actions' | 'indicators' | 'measurements' | 'meetings',
): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Fills an empty, migrated database with the demo dataset in one transaction and marks it as a
 * demo database (the demo password only works there). Deterministic for a given `today`.
 */
export async function seedDemo(
  db: Db,
  options: { passwordHash: string; today: string },
): Promise<DemoSummary> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
    throw new Error(`seedDemo needs today as YYYY-MM-DD, got "${options.today}"`);
  }
  // Checked before the transaction, which must start by writing to wait for another process's
  // write lock; the unique region codes would stop a concurrent second seed anyway.
  if ((await countRows(db, 'territories')) > 0) {
    throw new Error('seedDemo needs a database without territories');
  }
  return inTransaction(db, async (trx) => {
    const s: Seeding = {
      trx,
      rng: createRandom(DEMO_SEED),
      today: options.today,
      passwordHash: options.passwordHash,
      regionIds: new Map(),
      orgIds: new Map(),
      territoryIds: new Map(),
      userIds: new Map(),
      userNames: new Map(),
      usedNames: new Set(),
    };
    await insertReferenceData(s);
    await insertPeople(s);
    const plans: SeededPlan[] = [];
    for (const spec of DEMO_PLANS) plans.push(await insertPlan(s, spec));
    await insertIndicators(s, plans);
    await insertGovernance(s, plans);
    await insertActivity(s, plans);
    // Last: each held meeting's snapshot is today's state rewound to its day.
    await insertMeetingSnapshots(s);
    await insertUpdateRequests(s);
    // The rows above went in directly: the portfolio's maintained aggregates follow them.
    await refreshRollups(trx);
    await setSetting(trx, 'demo', 'true');
    return {
      territories: await countRows(trx, 'territories'),
      plans: await countRows(trx, 'plans'),
      actions: await countRows(trx, 'actions'),
      indicators: await countRows(trx, 'indicators'),
      measurements: await countRows(trx, 'measurements'),
      meetings: await countRows(trx, 'meetings'),
      accounts: [...DEMO_ACCOUNTS],
    };
  });
}
