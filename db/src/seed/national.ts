import type { Insertable } from 'kysely';
import {
  ACTION_STATUSES,
  AXES,
  MEETING_MODES,
  PRIORITIES,
  STAGE_KINDS,
  addDays,
  type ActionStatus,
  type Axis,
  type GlobalRole,
  type IndicatorDirection,
  type IndicatorKind,
  type MeetingStatus,
} from '@jalon/shared';
import {
  followExplicitIds,
  inTransaction,
  refreshStatistics,
  type Db,
  type Trx,
} from '../connection';
import type { Database } from '../schema';
import { refreshRollups } from '../queries/rollups';
import { addMonths, minDate } from './dates';
import { createRandom, type Random } from './random';

// A synthetic, national-scale dataset for load tests and benchmarks: the 183 territories of phase
// 2 across the 13 metropolitan regions and 5 overseas ones, with ~2,700 plans, ~30,000 actions,
// ~5,000 indicators and ~200,000 measurements. Everything comes from one seeded PRNG and from
// `today`, so two runs with the same options write the same rows (the ids included).

export interface NationalSeedOptions {
  /** PRNG seed; the same seed gives the same data. */
  seed?: number;
  /** ISO date every generated date is derived from. */
  today?: string;
  /** Fraction of the national volume to generate (1 = 183 territories); tests use a small one. */
  scale?: number;
  /** Hash stored for the generated users; by default one that verifies no password. */
  passwordHash?: string;
}

export interface NationalSeedResult {
  territories: number;
  plans: number;
  actions: number;
  indicators: number;
  measurements: number;
  ms: number;
}

/** Emails of the generated accounts the benchmark and the CLI can act as. */
export const NATIONAL_SEED_ADMIN_EMAIL = 'admin@national.jalon.test';
export const NATIONAL_SEED_OBSERVER_EMAIL = 'observateur@national.jalon.test';

const FULL = { territories: 183, plans: 2_700 };
const DAY_MS = 86_400_000;

// Bound parameters per INSERT: SQLite allows 32,766; staying well under keeps statements small.
const MAX_PARAMS_PER_INSERT = 8_000;

// A hash in no known scheme: the password check rejects it, so the accounts cannot sign in
// unless the caller passes a real hash.
const UNUSABLE_PASSWORD_HASH = '!national-seed-no-password';

/** [INSEE code, name, number of territories at full scale] — 183 in all. */
const REGIONS: readonly (readonly [string, string, number])[] = [
  ['84', 'Auvergne-Rhône-Alpes', 26],
  ['27', 'Bourgogne-Franche-Comté', 13],
  ['53', 'Bretagne', 9],
  ['24', 'Centre-Val de Loire', 10],
  ['94', 'Corse', 1],
  ['44', 'Grand Est', 20],
  ['32', 'Hauts-de-France', 18],
  ['11', 'Île-de-France', 5],
  ['28', 'Normandie', 12],
  ['75', 'Nouvelle-Aquitaine', 21],
  ['76', 'Occitanie', 18],
  ['52', 'Pays de la Loire', 12],
  ['93', "Provence-Alpes-Côte d'Azur", 9],
  ['01', 'Guadeloupe', 2],
  ['02', 'Martinique', 2],
  ['03', 'Guyane', 1],
  ['04', 'La Réunion', 3],
  ['06', 'Mayotte', 1],
];

// prettier-ignore
const PLACES = [
  'Arve', 'Oise', 'Sambre', 'Meuse', 'Moselle', 'Saône', 'Doubs', 'Loire', 'Cher', 'Vienne',
  'Charente', 'Dordogne', 'Garonne', 'Tarn', 'Lot', 'Aveyron', 'Rhône', 'Isère', 'Drôme',
  'Ardèche', 'Allier', 'Creuse', 'Seine', 'Marne', 'Aisne', 'Somme', 'Escaut', 'Lys', 'Orne',
  'Vire', 'Sarthe', 'Mayenne', 'Vilaine', 'Blavet', 'Rance', 'Adour', 'Aude', 'Hérault', 'Durance',
  'Vosges', 'Jura', 'Morvan', 'Bresse', 'Forez', 'Velay', 'Cantal', 'Livradois', 'Perche', 'Vexin',
  'Bocage', 'Thiérache', 'Argonne', 'Woëvre', 'Santerre', 'Ternois', 'Cambrésis', 'Avesnois',
  'Ségala', 'Comminges', 'Quercy',
] as const;
const PLACE_SUFFIXES = ['Industrie', 'Sud', 'Nord', 'Avenir', 'Est', 'Ouest'] as const;

const PLAN_TITLES: Record<Axis, readonly string[]> = {
  skills: [
    'Gestion prévisionnelle des emplois et compétences territoriale',
    'École de production',
    'Attractivité des métiers industriels',
    'Plateforme RH mutualisée',
    'Parcours de reconversion interentreprises',
  ],
  innovation: [
    'Accompagnement des PME vers l’industrie du futur',
    'Démonstrateur robotique partagé',
    'Réseau d’innovation avec les laboratoires',
    'Diagnostics numériques des TPE industrielles',
  ],
  ecological_transition: [
    'Écologie industrielle et territoriale',
    'Décarbonation des procédés',
    'Boucle locale d’hydrogène',
    'Réseau de chaleur fatale',
  ],
  industrial_land: [
    'Requalification de friches industrielles',
    'Observatoire du foncier économique',
    'Offre de sites clés en main',
    'Densification des zones d’activités',
  ],
};

const STAGE_ACTION_TITLES = [
  ['Diagnostic des besoins', 'Enquête auprès des entreprises', 'Cartographie des acteurs'],
  ['Adaptation de l’offre', 'Déploiement de la plateforme', 'Outils RH partagés'],
  ['Accompagnement des salariés', 'Ateliers avec les dirigeants', 'Suivi des transitions'],
] as const;

const BLOCKED_COMMENTS = [
  'En attente de la décision de cofinancement',
  'Convention non signée par un partenaire',
  'Maîtrise foncière non acquise',
  'Recrutement du chargé de mission en cours',
];
const LATE_COMMENTS = [
  'Appel d’offres infructueux, relancé',
  'Retard de livraison du prestataire',
  'Calendrier décalé par le comité de pilotage',
  'Indisponibilité des entreprises pendant l’été',
];

/** Status weights per stage position: early stages are mostly done, late ones not started. */
const STATUS_WEIGHTS: Record<ActionStatus, readonly [number, number, number]> = {
  not_started: [5, 20, 40],
  in_progress: [20, 30, 25],
  done: [45, 20, 8],
  late: [8, 10, 8],
  on_hold: [4, 5, 6],
  blocked: [5, 6, 5],
  dropped: [8, 5, 4],
  to_discuss: [5, 4, 4],
};

interface IndicatorTemplate {
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: IndicatorDirection;
  baseline: readonly [number, number];
}

const PLAN_INDICATORS: readonly IndicatorTemplate[] = [
  {
    name: 'Personnes formées',
    unit: 'personnes',
    kind: 'output',
    direction: 'increase',
    baseline: [0, 50],
  },
  {
    name: 'Entreprises accompagnées',
    unit: 'entreprises',
    kind: 'output',
    direction: 'increase',
    baseline: [0, 20],
  },
  {
    name: 'Recrutements réalisés',
    unit: 'personnes',
    kind: 'outcome',
    direction: 'increase',
    baseline: [10, 200],
  },
  {
    name: 'Postes non pourvus',
    unit: 'postes',
    kind: 'outcome',
    direction: 'decrease',
    baseline: [50, 400],
  },
  {
    name: 'Consommation d’énergie fossile',
    unit: 'GWh',
    kind: 'impact',
    direction: 'decrease',
    baseline: [20, 300],
  },
  {
    name: 'Friches requalifiées',
    unit: 'ha',
    kind: 'output',
    direction: 'increase',
    baseline: [0, 15],
  },
];
const TERRITORY_INDICATORS: readonly IndicatorTemplate[] = [
  {
    name: 'Emplois industriels',
    unit: 'emplois',
    kind: 'impact',
    direction: 'increase',
    baseline: [2_000, 20_000],
  },
  {
    name: 'Émissions industrielles de CO2',
    unit: 'kt',
    kind: 'impact',
    direction: 'decrease',
    baseline: [50, 900],
  },
  {
    name: 'Foncier industriel disponible',
    unit: 'ha',
    kind: 'outcome',
    direction: 'increase',
    baseline: [5, 120],
  },
];

function weighted<T extends string>(rng: Random, weights: readonly (readonly [T, number])[]): T {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let at = rng.next() * total;
  for (const [value, weight] of weights) {
    at -= weight;
    if (at < 0) return value;
  }
  const last = weights[weights.length - 1];
  if (!last) throw new Error('Cannot pick from empty weights');
  return last[0];
}

/** Splits `total` across `weights` proportionally, largest remainders first, summing exactly. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w * total) / sum);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  const missing = total - counts.reduce((s, c) => s + c, 0);
  for (let k = 0; k < missing; k++) {
    const slot = order[k % order.length];
    if (slot) counts[slot.i] = (counts[slot.i] ?? 0) + 1;
  }
  return counts;
}

async function insertChunked<T extends keyof Database>(
  trx: Trx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const size = Math.max(1, Math.floor(MAX_PARAMS_PER_INSERT / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += size) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
  }
}

type TableWithId =
  | 'organisations'
  | 'users'
  | 'territories'
  | 'plans'
  | 'stages'
  | 'actions'
  | 'indicators'
  | 'committees';

/** The next free id of a table, so that rows can be inserted with known ids (no RETURNING). */
async function nextId(trx: Trx, table: TableWithId): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max('id').as('maxId'))
    .executeTakeFirst();
  return Number(row?.maxId ?? 0) + 1;
}

interface SeedContext {
  trx: Trx;
  rng: Random;
  today: string;
  /** Creation timestamp of reference rows: the seed's "today", for reproducible rows. */
  createdAt: string;
}

interface SeededTerritory {
  id: number;
  regionId: number;
  name: string;
}

interface SeededPlan {
  id: number;
  stageIds: number[];
  stageStarts: string[];
}

/**
 * Writes the national dataset in one transaction with multi-row inserts. Refuses a database that
 * already holds territories, so it never mixes with real or demo data.
 */
export async function seedNational(
  db: Db,
  options: NationalSeedOptions = {},
): Promise<NationalSeedResult> {
  const started = performance.now();
  const today = options.today ?? '2026-11-22';
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 1)) throw new Error('scale must lie in (0, 1]');

  const existing = await db
    .selectFrom('territories')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) {
    throw new Error(
      'The database already holds territories: seed the national dataset into an empty one',
    );
  }

  const counts = await inTransaction(db, async (trx) => {
    const ctx: SeedContext = {
      trx,
      rng: createRandom(options.seed ?? 20_231_109),
      today,
      createdAt: `${today}T00:00:00.000Z`,
    };
    const territories = await seedTerritories(
      ctx,
      Math.max(1, Math.round(FULL.territories * scale)),
    );
    const people = await seedPeople(
      ctx,
      territories,
      options.passwordHash ?? UNUSABLE_PASSWORD_HASH,
    );
    const plans = await seedPlans(
      ctx,
      territories,
      people.operatorIds,
      Math.max(1, Math.round(FULL.plans * scale)),
    );
    const actions = await seedActions(ctx, plans, people.ownerIds);
    const indicators = await seedIndicators(ctx, plans, territories);
    await seedCommittees(ctx, territories);
    // The rows above went in directly: the portfolio's maintained aggregates follow them.
    await refreshRollups(trx);
    await followExplicitIds(trx);
    return { territories: territories.length, plans: plans.length, actions, ...indicators };
  });
  await refreshStatistics(db);

  return { ...counts, ms: Math.round(performance.now() - started) };
}

/** The regions (reused when they exist) and `total` territories spread as in the programme. */
async function seedTerritories(ctx: SeedContext, total: number): Promise<SeededTerritory[]> {
  const { trx, rng, today, createdAt } = ctx;
  const knownRegions = await trx.selectFrom('regions').select(['id', 'code']).execute();
  const regionIdByCode = new Map(knownRegions.map((r) => [r.code, r.id]));
  let nextRegionId = Math.max(0, ...knownRegions.map((r) => r.id)) + 1;
  const newRegions: Insertable<Database['regions']>[] = [];
  for (const [code, name] of REGIONS) {
    if (regionIdByCode.has(code)) continue;
    regionIdByCode.set(code, nextRegionId);
    newRegions.push({ id: nextRegionId++, code, name });
  }
  await insertChunked(trx, 'regions', newRegions);

  const perRegion = apportion(
    total,
    REGIONS.map(([, , n]) => n),
  );
  const names = shuffled(
    rng,
    PLACE_SUFFIXES.flatMap((suffix) => PLACES.map((place) => `${place} ${suffix}`)),
  );
  const firstId = await nextId(trx, 'territories');
  const territories: SeededTerritory[] = [];
  const rows: Insertable<Database['territories']>[] = [];
  REGIONS.forEach(([code], r) => {
    for (let k = 0; k < (perRegion[r] ?? 0); k++) {
      const id = firstId + territories.length;
      const regionId = regionIdByCode.get(code) ?? 0;
      const name = names[territories.length] ?? `Territoire ${territories.length + 1}`;
      territories.push({ id, regionId, name });
      rows.push({
        id,
        regionId,
        code: `TI-${code}-${String(k + 1).padStart(2, '0')}`,
        name,
        phase: '2023-2027',
        joinedOn: addDays(today, -rng.int(700, 1_200)),
        industrialFirms: rng.int(80, 900),
        industrialJobs: rng.int(2_000, 30_000),
        electedChair: null,
        industrialChair: null,
        projectLeadName: null,
        archivedAt: null,
        createdAt,
      });
    }
  });
  await insertChunked(trx, 'territories', rows);
  return territories;
}

/** National operators, and a few accounts: admin, observers, coordinators and action leads. */
async function seedPeople(
  ctx: SeedContext,
  territories: readonly SeededTerritory[],
  passwordHash: string,
): Promise<{ operatorIds: number[]; ownerIds: number[] }> {
  const { trx, createdAt } = ctx;
  let orgId = await nextId(trx, 'organisations');
  const organisations: Insertable<Database['organisations']>[] = [
    'Banque des Territoires',
    'Bpifrance',
    'ADEME',
    'France Travail',
    'Business France',
  ].map((name) => ({ id: orgId++, name, kind: 'operator', siren: null, createdAt }));
  await insertChunked(trx, 'organisations', organisations);

  let userId = await nextId(trx, 'users');
  const user = (email: string, name: string, globalRole: GlobalRole | null) => ({
    id: userId++,
    email,
    name,
    organisationId: null,
    locale: 'fr' as const,
    passwordHash,
    globalRole,
    disabledAt: null,
    createdAt,
  });
  const admin = user(NATIONAL_SEED_ADMIN_EMAIL, 'Administratrice nationale', 'admin');
  const observer = user(NATIONAL_SEED_OBSERVER_EMAIL, 'Observateur ANCT', 'national_observer');
  const regional = user('region@national.jalon.test', 'Observatrice régionale', null);
  const coordinators = territories
    .slice(0, 5)
    .map((_, i) =>
      user(`coordination${i + 1}@national.jalon.test`, `Cheffe de projet ${i + 1}`, null),
    );
  const leads = Array.from({ length: 10 }, (_, i) =>
    user(`pilote${i + 1}@national.jalon.test`, `Pilote ${i + 1}`, null),
  );
  await insertChunked(trx, 'users', [admin, observer, regional, ...coordinators, ...leads]);
  const firstRegion = territories[0]?.regionId;
  if (firstRegion !== undefined) {
    await insertChunked(trx, 'regionObservers', [{ userId: regional.id, regionId: firstRegion }]);
  }
  const territoryAt = (i: number) => territories[i % territories.length]?.id ?? 0;
  await insertChunked(trx, 'memberships', [
    ...coordinators.map((u, i) => ({
      userId: u.id,
      territoryId: territoryAt(i),
      role: 'coordinator' as const,
      createdAt,
    })),
    ...leads.map((u, i) => ({
      userId: u.id,
      territoryId: territoryAt(i),
      role: 'lead' as const,
      createdAt,
    })),
  ]);
  return {
    operatorIds: organisations.map((o) => o.id ?? 0),
    ownerIds: [...coordinators, ...leads].map((u) => u.id),
  };
}

/** `total` plans, mostly of one territory, some shared in a region, each with its three stages. */
async function seedPlans(
  ctx: SeedContext,
  territories: readonly SeededTerritory[],
  operatorIds: readonly number[],
  total: number,
): Promise<SeededPlan[]> {
  const { trx, rng, today } = ctx;
  const planRows: Insertable<Database['plans']>[] = [];
  const planTerritoryRows: Insertable<Database['planTerritories']>[] = [];
  const stageRows: Insertable<Database['stages']>[] = [];
  const plans: SeededPlan[] = [];
  /** Per territory, the highest plan number given so far among its plans. */
  const lastCode = new Map<number, number>();
  const firstPlanId = await nextId(trx, 'plans');
  const firstStageId = await nextId(trx, 'stages');
  for (let p = 0; p < total; p++) {
    const id = firstPlanId + p;
    const home = rng.pick(territories);
    const axis = rng.pick(AXES);
    const sharedWith = rng.chance(0.1) ? (rng.chance(0.3) ? 2 : 1) : 0;
    const neighbours = territories.filter((t) => t.regionId === home.regionId && t.id !== home.id);
    const linked = [home, ...shuffled(rng, neighbours).slice(0, sharedWith)];
    // A territory lists its plans by code, shared ones included: the number must be free in each.
    const code = Math.max(...linked.map((t) => lastCode.get(t.id) ?? 0)) + 1;
    for (const territory of linked) {
      lastCode.set(territory.id, code);
      planTerritoryRows.push({ planId: id, territoryId: territory.id });
    }
    const start = addDays(today, -rng.int(60, 900));
    const end = addDays(start, rng.int(720, 1_460));
    planRows.push({
      id,
      code: `FA-${code}`,
      title: rng.pick(PLAN_TITLES[axis]),
      summary: '',
      axis,
      priority: rng.pick(PRIORITIES),
      leadOrganisationId: rng.pick(operatorIds),
      startDate: start,
      endDate: end,
      budgetCents: rng.int(5, 400) * 10_000_00,
      archivedAt: null,
      createdAt: `${start}T08:00:00.000Z`,
      updatedAt: `${start}T08:00:00.000Z`,
    });

    const third = Math.floor((Date.parse(end) - Date.parse(start)) / DAY_MS / 3);
    const plan: SeededPlan = { id, stageIds: [], stageStarts: [] };
    STAGE_KINDS.forEach((kind, i) => {
      const stageId = firstStageId + stageRows.length;
      const plannedStart = addDays(start, third * i);
      const plannedEnd = addDays(start, third * (i + 1));
      plan.stageIds.push(stageId);
      plan.stageStarts.push(plannedStart);
      stageRows.push({
        id: stageId,
        planId: id,
        kind,
        position: i + 1,
        plannedStart,
        plannedEnd,
        actualStart: plannedStart < today ? plannedStart : null,
        actualEnd: plannedEnd < today && i === 0 ? plannedEnd : null,
        validatedMeetingId: null,
        validatedOn: null,
      });
    });
    plans.push(plan);
  }
  await insertChunked(trx, 'plans', planRows);
  await insertChunked(trx, 'planTerritories', planTerritoryRows);
  await insertChunked(trx, 'stages', stageRows);
  return plans;
}

/** 0 to 8 actions per stage (some stages stay empty), and recent status changes in the audit. */
async function seedActions(
  ctx: SeedContext,
  plans: readonly SeededPlan[],
  ownerIds: readonly number[],
): Promise<number> {
  const { trx, rng, today } = ctx;
  const actionRows: Insertable<Database['actions']>[] = [];
  const auditRows: Insertable<Database['auditEvents']>[] = [];
  const firstActionId = await nextId(trx, 'actions');
  for (const plan of plans) {
    plan.stageIds.forEach((stageId, position) => {
      const statusWeights = ACTION_STATUSES.map(
        (s) => [s, STATUS_WEIGHTS[s][position] ?? 1] as const,
      );
      const count = rng.int(0, 7) + (rng.chance(0.25) ? 1 : 0);
      for (let k = 0; k < count; k++) {
        const id = firstActionId + actionRows.length;
        const status = weighted(rng, statusWeights);
        const dates = actionDates(rng, today, status, plan.stageStarts[position] ?? today);
        const progress =
          status === 'done'
            ? 100
            : status === 'not_started'
              ? 0
              : status === 'in_progress'
                ? rng.int(2, 18) * 5
                : rng.int(0, 12) * 5;
        const statusComment =
          status === 'blocked'
            ? rng.pick(BLOCKED_COMMENTS)
            : status === 'late'
              ? rng.pick(LATE_COMMENTS)
              : null;
        const lastChange = addDays(today, -rng.int(0, 120));
        const updatedAt = `${lastChange}T${String(rng.int(7, 18)).padStart(2, '0')}:15:00.000Z`;
        actionRows.push({
          id,
          planId: plan.id,
          stageId,
          title: `${rng.pick(STAGE_ACTION_TITLES[position] ?? ['Action'])} ${k + 1}`,
          description: '',
          ownerUserId: rng.chance(0.8) ? rng.pick(ownerIds) : null,
          status,
          progress,
          statusComment,
          ...dates,
          archivedAt: null,
          createdAt: `${minDate(dates.startDate, today)}T08:00:00.000Z`,
          updatedAt,
        });
        if (lastChange >= addDays(today, -45) && rng.chance(0.3)) {
          auditRows.push({
            occurredAt: updatedAt,
            userId: rng.pick(ownerIds),
            entityType: 'action',
            entityId: id,
            operation: 'status',
            territoryId: null,
            planId: plan.id,
            oldValue: JSON.stringify({ status: 'in_progress' }),
            newValue: JSON.stringify({ status, progress, statusComment }),
            comment: statusComment,
          });
        }
      }
    });
  }
  await insertChunked(trx, 'actions', actionRows);
  await insertChunked(trx, 'auditEvents', auditRows);
  return actionRows.length;
}

/**
 * Plausible dates for an action of `status` in a stage starting on `stageStart`: work that moved
 * has started, a late action is past due, a done one was completed between its start and today.
 */
function actionDates(
  rng: Random,
  today: string,
  status: ActionStatus,
  stageStart: string,
): { startDate: string; dueDate: string; completedOn: string | null } {
  let startDate = addDays(stageStart, rng.int(0, 90));
  if (status !== 'not_started' && status !== 'to_discuss' && startDate >= today) {
    startDate = addDays(today, -rng.int(30, 200));
  }
  let dueDate = addDays(startDate, rng.int(30, 300));
  if (status === 'late' && dueDate >= today) {
    dueDate = addDays(today, -rng.int(5, 200));
    startDate = minDate(startDate, addDays(dueDate, -rng.int(30, 200)));
  }
  if (status !== 'done') return { startDate, dueDate, completedOn: null };
  const completedOn = minDate(addDays(today, -1), addDays(dueDate, rng.int(-30, 30)));
  return { startDate, dueDate, completedOn: completedOn < startDate ? startDate : completedOn };
}

/** One to three indicators per plan, three per territory, each measured monthly since baseline. */
async function seedIndicators(
  ctx: SeedContext,
  plans: readonly SeededPlan[],
  territories: readonly SeededTerritory[],
): Promise<{ indicators: number; measurements: number }> {
  const { trx, rng, today, createdAt } = ctx;
  const indicatorRows: Insertable<Database['indicators']>[] = [];
  const measurementRows: Insertable<Database['measurements']>[] = [];
  const firstIndicatorId = await nextId(trx, 'indicators');
  const addIndicator = (
    owner: { planId: number } | { territoryId: number },
    template: IndicatorTemplate,
  ) => {
    const id = firstIndicatorId + indicatorRows.length;
    const baselineDate = addMonths(today, -rng.int(24, 56));
    const targetDate = addMonths(baselineDate, rng.int(48, 72));
    const baselineValue = rng.int(template.baseline[0], template.baseline[1]);
    const change =
      template.direction === 'increase' ? 0.2 + rng.next() * 1.3 : -(0.15 + rng.next() * 0.45);
    const targetValue = Math.round(baselineValue + Math.max(5, baselineValue) * change);
    indicatorRows.push({
      id,
      planId: 'planId' in owner ? owner.planId : null,
      territoryId: 'territoryId' in owner ? owner.territoryId : null,
      name: template.name,
      unit: template.unit,
      kind: template.kind,
      direction: template.direction,
      baselineValue,
      baselineDate,
      baselineSource: 'INSEE',
      targetValue,
      targetDate,
      archivedAt: null,
      createdAt,
    });
    // Some indicators run ahead of the straight line to the target, others lag behind it.
    const pace = 0.4 + rng.next();
    const totalDays = (Date.parse(targetDate) - Date.parse(baselineDate)) / DAY_MS;
    for (let month = 1; ; month++) {
      const measuredOn = addMonths(baselineDate, month);
      if (measuredOn > today) break;
      const share = (Date.parse(measuredOn) - Date.parse(baselineDate)) / DAY_MS / totalDays;
      const noise = (rng.next() - 0.5) * 0.1 * Math.abs(targetValue - baselineValue);
      const value = baselineValue + (targetValue - baselineValue) * share * pace + noise;
      measurementRows.push({
        indicatorId: id,
        measuredOn,
        value: Math.round(value * 10) / 10,
        source: 'Suivi territorial',
        comment: '',
        recordedBy: null,
        createdAt: `${measuredOn}T10:00:00.000Z`,
      });
    }
  };
  for (const plan of plans) {
    const count = 1 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.17) ? 1 : 0);
    for (let k = 0; k < count; k++) addIndicator({ planId: plan.id }, rng.pick(PLAN_INDICATORS));
  }
  for (const territory of territories) {
    for (const template of TERRITORY_INDICATORS)
      addIndicator({ territoryId: territory.id }, template);
  }
  await insertChunked(trx, 'indicators', indicatorRows);
  await insertChunked(trx, 'measurements', measurementRows);
  return { indicators: indicatorRows.length, measurements: measurementRows.length };
}

/** A COPIL (every 4 months) and a COTECH (every 2) per territory: past meetings and the next. */
async function seedCommittees(
  ctx: SeedContext,
  territories: readonly SeededTerritory[],
): Promise<void> {
  const { trx, rng, today } = ctx;
  const committeeRows: Insertable<Database['committees']>[] = [];
  const meetingRows: Insertable<Database['meetings']>[] = [];
  const firstCommitteeId = await nextId(trx, 'committees');
  for (const territory of territories) {
    for (const [kind, everyMonths, past] of [
      ['copil', 4, rng.int(2, 5)],
      ['cotech', 2, rng.int(3, 7)],
    ] as const) {
      const committeeId = firstCommitteeId + committeeRows.length;
      committeeRows.push({
        id: committeeId,
        territoryId: territory.id,
        kind,
        name: `${kind === 'copil' ? 'COPIL' : 'COTECH'} ${territory.name}`,
        archivedAt: null,
      });
      const meeting = (day: string, status: MeetingStatus) => {
        const at = `${day}T09:30:00.000Z`;
        meetingRows.push({
          committeeId,
          scheduledAt: at,
          place: 'Hôtel de la communauté',
          mode: rng.pick(MEETING_MODES),
          status,
          heldAt: status === 'held' || status === 'minutes_approved' ? at : null,
          createdAt: `${addDays(day, -30)}T09:00:00.000Z`,
        });
      };
      for (let k = past; k >= 1; k--) {
        const day = addDays(addMonths(today, -everyMonths * k), rng.int(-10, 10));
        const status = rng.chance(0.05) ? 'cancelled' : k === 1 ? 'held' : 'minutes_approved';
        meeting(minDate(day, addDays(today, -1)), status);
      }
      meeting(addDays(today, rng.int(7, everyMonths * 30)), 'planned');
    }
  }
  await insertChunked(trx, 'committees', committeeRows);
  await insertChunked(trx, 'meetings', meetingRows);
}

function shuffled<T>(rng: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy;
}
