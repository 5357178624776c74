import { addDays, STAGE_KINDS, type ActionStatus, type StageKind } from '@jalon/shared';
import type { Random } from './random';
import { addMonths, daysBetween, endOfMonth, maxDate, minDate } from './dates';
import {
  ADMIN,
  BLOCKED_COMMENTS,
  DEMO_PILOT,
  DEMO_TERRITORIES,
  LATE_COMMENTS,
  STAGE_FILLERS,
  territoryByCode,
  type DemoAction,
  type DemoIndicator,
  type DemoPlan,
} from './demoContent';
import {
  idOf,
  stamp,
  type SeededAction,
  type SeededPlan,
  type SeededStage,
  type Seeding,
} from './demoState';

// The demo's plans: stages, actions whose status follows their dates relative to "today",
// funding lines, and indicators with monthly measurements on or off their trajectory.

function planPeriod(spec: DemoPlan, today: string): { start: string; end: string } {
  if ('start' in spec.period) return spec.period;
  const start = addMonths(today, -spec.period.startMonthsAgo);
  return { start, end: addMonths(start, spec.period.durationMonths) };
}

/** The stage's own actions, completed with generic ones up to at least three. */
function stageActions(kind: StageKind, own: readonly DemoAction[]): DemoAction[] {
  const missing = STAGE_FILLERS[kind].slice(0, Math.max(0, 3 - own.length));
  return [
    ...missing.filter((f) => f.at === 'start').map((f) => f.title),
    ...own,
    ...missing.filter((f) => f.at === 'end').map((f) => f.title),
  ];
}

/** Planned windows of the three stages: consecutive, overlapping a little, as in real plans. */
function stageWindows(start: string, end: string): [string, string][] {
  const span = daysBetween(start, end);
  const at = (share: number) => addDays(start, Math.round(span * share));
  return [
    [start, at(0.35)],
    [at(0.25), at(0.7)],
    [at(0.6), end],
  ];
}

const PROGRESS_RANGES: Record<ActionStatus, [number, number]> = {
  not_started: [0, 0],
  in_progress: [2, 18],
  done: [20, 20],
  late: [4, 14],
  on_hold: [2, 8],
  blocked: [2, 10],
  dropped: [0, 6],
  to_discuss: [0, 6],
};

function generatedStatus(rng: Random, start: string, due: string, today: string): ActionStatus {
  const r = rng.next();
  // Long past due dates are settled; only the last months hold late or unfinished actions.
  if (due < addDays(today, -200)) return 'done';
  if (due < today) return r < 0.7 ? 'done' : r < 0.85 ? 'late' : 'in_progress';
  if (start <= today) {
    if (r < 0.12) return 'done';
    if (r < 0.8) return 'in_progress';
    if (r < 0.87) return 'to_discuss';
    if (r < 0.94) return 'on_hold';
    return 'blocked';
  }
  return r < 0.94 ? 'not_started' : 'to_discuss';
}

async function insertActions(
  s: Seeding,
  plan: SeededPlan,
  stage: SeededStage,
  window: [string, string],
  specs: readonly DemoAction[],
  owners: readonly number[],
): Promise<SeededAction[]> {
  const [windowStart, windowEnd] = window;
  const span = daysBetween(windowStart, windowEnd);
  const seeded: SeededAction[] = [];
  for (const [j, line] of specs.entries()) {
    const spec = typeof line === 'string' ? { title: line } : line;
    let startDate = addDays(windowStart, Math.round((span * 0.6 * j) / specs.length));
    let dueDate =
      spec.due ??
      minDate(
        addDays(startDate, Math.round(span * 0.4) + s.rng.int(-10, 10)),
        addDays(windowEnd, 15),
      );
    startDate = minDate(startDate, addDays(dueDate, -30));

    let status: ActionStatus = plan.spec.closed
      ? 'done'
      : (spec.status ?? generatedStatus(s.rng, startDate, dueDate, s.today));
    if (status === 'late' && dueDate >= s.today) dueDate = addDays(s.today, -s.rng.int(7, 45));
    if (status === 'done' && startDate >= s.today) status = 'in_progress';

    const [low, high] = PROGRESS_RANGES[status];
    const progress = status === 'done' ? 100 : s.rng.int(low, high) * 5;
    const latestCompletion = plan.spec.closed ? minDate(plan.end, s.today) : addDays(s.today, -1);
    const completedOn =
      status === 'done'
        ? (spec.due ??
          maxDate(startDate, minDate(latestCompletion, addDays(dueDate, s.rng.int(-25, 10)))))
        : null;
    const statusComment =
      spec.comment ??
      (status === 'late'
        ? s.rng.pick(LATE_COMMENTS)
        : status === 'blocked'
          ? s.rng.pick(BLOCKED_COMMENTS)
          : null);
    const createdAt = stamp(plan.start);
    const updatedOn =
      completedOn ??
      (status === 'not_started'
        ? plan.start
        : maxDate(plan.start, addDays(s.today, -s.rng.int(3, 75))));
    const ownerUserId = s.rng.pick(owners);
    const row = await s.trx
      .insertInto('actions')
      .values({
        planId: plan.id,
        stageId: stage.id,
        title: spec.title,
        description: '',
        ownerUserId,
        status,
        progress,
        statusComment,
        startDate,
        dueDate,
        completedOn,
        archivedAt: null,
        createdAt,
        updatedAt: stamp(updatedOn, '16:30'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    seeded.push({
      id: row.id,
      planId: plan.id,
      planCode: plan.spec.code,
      territoryCode: plan.spec.territories[0] ?? 'NL',
      stageKind: stage.kind,
      title: spec.title,
      status,
      progress,
      statusComment,
      ownerUserId,
      dueDate,
      completedOn,
    });
  }
  return seeded;
}

function planLeadUserIds(s: Seeding, spec: DemoPlan): number[] {
  if (spec.ledByDemoPilot) return [idOf(s.userIds, DEMO_PILOT.email)];
  return spec.territories.map((code) => {
    const territory = territoryByCode(code);
    const candidates = territory.leads.filter((l) => l.email !== DEMO_PILOT.email);
    const lead = candidates.length > 0 ? s.rng.pick(candidates) : territory.coordinator;
    return idOf(s.userIds, lead.email);
  });
}

export async function insertPlan(s: Seeding, spec: DemoPlan): Promise<SeededPlan> {
  const { start, end } = planPeriod(spec, s.today);
  const row = await s.trx
    .insertInto('plans')
    .values({
      code: spec.code,
      title: spec.title,
      summary: spec.summary,
      axis: spec.axis,
      priority: spec.priority,
      leadOrganisationId: idOf(s.orgIds, spec.lead),
      startDate: start,
      endDate: end,
      budgetCents: spec.budgetEuros * 100,
      archivedAt: null,
      createdAt: stamp(start),
      updatedAt: stamp(maxDate(start, addDays(s.today, -s.rng.int(5, 60)))),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const planId = row.id;
  await s.trx
    .insertInto('planTerritories')
    .values(spec.territories.map((code) => ({ planId, territoryId: idOf(s.territoryIds, code) })))
    .execute();
  const partners = [
    ...spec.partners.map((name) => ({
      planId,
      organisationId: idOf(s.orgIds, name),
      role: 'partner' as const,
    })),
    ...spec.cofunders.map((name) => ({
      planId,
      organisationId: idOf(s.orgIds, name),
      role: 'cofunder' as const,
    })),
  ];
  if (partners.length > 0) await s.trx.insertInto('planPartners').values(partners).execute();
  if (spec.funding.length > 0) {
    await s.trx
      .insertInto('fundingLines')
      .values(
        spec.funding.map((line) => ({
          planId,
          funderOrganisationId: idOf(s.orgIds, line.funder),
          scheme: line.scheme,
          requestedCents: line.requestedEuros * 100,
          grantedCents: line.grantedEuros * 100,
          paidCents: Math.round(line.grantedEuros * Math.min(1, line.paidShare)) * 100,
        })),
      )
      .execute();
  }
  const leadUserIds = planLeadUserIds(s, spec);
  await s.trx
    .insertInto('planLeads')
    .values([...new Set(leadUserIds)].map((userId) => ({ planId, userId })))
    .execute();

  const owners = spec.ledByDemoPilot
    ? leadUserIds
    : [
        ...leadUserIds,
        ...spec.territories.map((code) => idOf(s.userIds, territoryByCode(code).coordinator.email)),
      ];
  const plan: SeededPlan = { id: planId, spec, start, end, leadUserIds, stages: [], actions: [] };
  const windows = stageWindows(start, end);
  for (const [i, kind] of STAGE_KINDS.entries()) {
    const window = windows[i] ?? [start, end];
    const stageRow = await s.trx
      .insertInto('stages')
      .values({
        planId,
        kind,
        position: i + 1,
        plannedStart: window[0],
        plannedEnd: window[1],
        actualStart: null,
        actualEnd: null,
        validatedMeetingId: null,
        validatedOn: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stage: SeededStage = {
      id: stageRow.id,
      planId,
      planCode: spec.code,
      kind,
      actualEnd: null,
    };
    const actions = await insertActions(
      s,
      plan,
      stage,
      window,
      stageActions(kind, spec.stages[i] ?? []),
      owners,
    );
    const started = window[0] <= s.today ? addDays(window[0], s.rng.int(0, 10)) : null;
    const finished = actions.every((a) => a.status === 'done' || a.status === 'dropped');
    const completions = actions.flatMap((a) => (a.completedOn ? [a.completedOn] : []));
    stage.actualEnd = finished && completions.length > 0 ? completions.reduce(maxDate) : null;
    await s.trx
      .updateTable('stages')
      .set({
        actualStart: started === null ? null : minDate(started, s.today),
        actualEnd: stage.actualEnd,
      })
      .where('id', '=', stage.id)
      .execute();
    plan.stages.push(stage);
    plan.actions.push(...actions);
  }
  return plan;
}

// ---- Indicators and measurements -------------------------------------------------------------

/** Rounds towards the target, so that an on-track series never dips below its line by rounding. */
function roundTowardsTarget(value: number, decimals: number, rising: boolean): number {
  const factor = 10 ** decimals;
  return (rising ? Math.ceil(value * factor - 1e-9) : Math.floor(value * factor + 1e-9)) / factor;
}

async function insertIndicator(
  s: Seeding,
  spec: DemoIndicator,
  owner: { planId: number; territoryId: null } | { planId: null; territoryId: number },
  defaults: { baselineDate: string; targetDate: string },
  recordedBy: number,
): Promise<void> {
  const monthsAvailable = Math.floor(
    daysBetween(spec.baselineDate ?? defaults.baselineDate, s.today) / 31,
  );
  const count = Math.max(6, Math.min(s.rng.int(6, 24), monthsAvailable - 1));
  const first = endOfMonth(addMonths(s.today, -count));
  const baselineDate = minDate(spec.baselineDate ?? defaults.baselineDate, addMonths(first, -1));
  const targetDate = spec.targetDate ?? defaults.targetDate;
  const row = await s.trx
    .insertInto('indicators')
    .values({
      ...owner,
      name: spec.name,
      unit: spec.unit,
      kind: spec.kind,
      direction: spec.direction,
      baselineValue: spec.baseline,
      baselineDate,
      baselineSource: spec.baselineSource,
      targetValue: spec.target,
      targetDate,
      archivedAt: null,
      createdAt: stamp(baselineDate),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const rising = spec.direction === 'increase';
  const span = spec.target - spec.baseline;
  // An off-track indicator keeps roughly the same lag behind its line month after month.
  const lag = 0.5 + 0.15 * s.rng.next();
  const totalDays = Math.max(1, daysBetween(baselineDate, targetDate));
  const measurements = [];
  for (let k = count; k >= 1; k -= 1) {
    const measuredOn = endOfMonth(addMonths(s.today, -k));
    const share = Math.min(1, Math.max(0, daysBetween(baselineDate, measuredOn) / totalDays));
    const expected = spec.baseline + span * share;
    const raw = spec.onTrack
      ? expected + span * 0.02 * s.rng.next()
      : spec.baseline + (expected - spec.baseline) * (lag + 0.05 * s.rng.next());
    const bounded = rising ? Math.min(raw, spec.target) : Math.max(raw, spec.target);
    const value = spec.onTrack
      ? roundTowardsTarget(bounded, spec.decimals ?? 0, rising)
      : roundTowardsTarget(bounded, spec.decimals ?? 0, !rising);
    measurements.push({
      indicatorId: row.id,
      measuredOn,
      value,
      source: spec.measurementSource,
      comment:
        k === 1 && !spec.onTrack
          ? 'En deçà de la trajectoire : point prévu au prochain COPIL.'
          : '',
      recordedBy,
      createdAt: stamp(minDate(addDays(measuredOn, 5), s.today), '10:00'),
    });
  }
  await s.trx.insertInto('measurements').values(measurements).execute();
}

export async function insertIndicators(s: Seeding, plans: readonly SeededPlan[]): Promise<void> {
  for (const plan of plans) {
    for (const spec of plan.spec.indicators) {
      await insertIndicator(
        s,
        spec,
        { planId: plan.id, territoryId: null },
        { baselineDate: plan.start, targetDate: plan.end },
        plan.leadUserIds[0] ?? idOf(s.userIds, ADMIN.email),
      );
    }
  }
  for (const territory of DEMO_TERRITORIES) {
    for (const spec of territory.indicators) {
      await insertIndicator(
        s,
        spec,
        { planId: null, territoryId: idOf(s.territoryIds, territory.code) },
        { baselineDate: addMonths(s.today, -26), targetDate: addMonths(s.today, 24) },
        idOf(s.userIds, territory.coordinator.email),
      );
    }
  }
}
