import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionStatus, MeetingSnapshot, StageKind } from '@jalon/shared';
import { createTestDb, type Db } from '../src/connection';
import {
  planProgressSeries,
  territoryProgressSeries,
  territoryStateAt,
  territoryStatesAt,
} from '../src/queries/stateAt';

// A hand-built history, changed only through rows and audit events as the routers write them.
// Territory T holds plan A (three stages, the third never has an action), plan B (no action at
// all) and plan C (one done action, archived on 2026-03-10). Today is 2026-06-15.
//
// Plan A's actions:
// - a1 (stage 1, 2026-01-01 → 2026-05-01): not started, then 20 % on 02-10, 60 % on 04-10;
// - a2 created on 02-15 (between the two meetings) in stage 1, moved to stage 2 on 03-20 and
//   dropped on 04-20 at 30 %;
// - a3 (stage 2, no dates): done from the start, archived on 03-01;
// - a4 (stage 2, 2026-03-01 → 03-31, due date pushed to 04-30 on 03-15): never started.
// Meetings held on 02-01 (COTECH) and 05-01 (COPIL).

const TODAY = '2026-06-15';
const at = (day: string, time = '10:00') => `${day}T${time}:00.000Z`;

let db: Db;
let territoryId: number;
let planA: number;
let stagesA: number[];
let meetings: { cotech: number; copil: number };
let actionIds: Record<'a1' | 'a2' | 'a3' | 'a4', number>;

async function insertPlan(code: string, createdOn: string, archivedAt: string | null) {
  const plan = await db
    .insertInto('plans')
    .values({
      code,
      title: `Plan ${code}`,
      summary: '',
      axis: 'skills',
      priority: 'high',
      leadOrganisationId: null,
      startDate: createdOn,
      endDate: null,
      budgetCents: null,
      archivedAt,
      createdAt: at(createdOn, '08:00'),
      updatedAt: at(createdOn, '08:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('planTerritories').values({ planId: plan.id, territoryId }).execute();
  const kinds: StageKind[] = ['inventory', 'tool_adaptation', 'support_for_change'];
  const stages = await db
    .insertInto('stages')
    .values(kinds.map((kind, position) => ({ planId: plan.id, kind, position })))
    .returning('id')
    .execute();
  return { id: plan.id, stages: stages.map((s) => s.id) };
}

async function insertAction(values: {
  planId: number;
  stageId: number;
  status: ActionStatus;
  progress: number;
  startDate?: string | null;
  dueDate?: string | null;
  createdOn: string;
  archivedAt?: string | null;
}): Promise<number> {
  const row = await db
    .insertInto('actions')
    .values({
      planId: values.planId,
      stageId: values.stageId,
      title: 'Action',
      description: '',
      ownerUserId: null,
      status: values.status,
      progress: values.progress,
      statusComment: null,
      startDate: values.startDate ?? null,
      dueDate: values.dueDate ?? null,
      completedOn: null,
      archivedAt: values.archivedAt ?? null,
      createdAt: at(values.createdOn, '08:30'),
      updatedAt: at(values.createdOn, '08:30'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function audit(
  actionId: number,
  planId: number,
  occurredAt: string,
  operation: 'create' | 'update' | 'status' | 'archive',
  oldValue: Record<string, unknown> | null,
  newValue: Record<string, unknown>,
) {
  await db
    .insertInto('auditEvents')
    .values({
      occurredAt,
      userId: null,
      entityType: 'action',
      entityId: actionId,
      operation,
      territoryId: null,
      planId,
      oldValue: oldValue === null ? null : JSON.stringify(oldValue),
      newValue: JSON.stringify(newValue),
      comment: null,
    })
    .execute();
}

async function heldMeeting(committeeId: number, day: string): Promise<number> {
  const row = await db
    .insertInto('meetings')
    .values({
      committeeId,
      scheduledAt: at(day, '09:30'),
      place: '',
      mode: 'in_person',
      status: 'held',
      heldAt: at(day, '09:30'),
      createdAt: at(day, '08:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeEach(async () => {
  db = await createTestDb();
  const region = await db
    .insertInto('regions')
    .values({ code: 'GES', name: 'Grand Est' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const territory = await db
    .insertInto('territories')
    .values({
      regionId: region.id,
      code: 'T',
      name: 'Territoire T',
      phase: '2',
      joinedOn: null,
      industrialFirms: null,
      industrialJobs: null,
      electedChair: null,
      industrialChair: null,
      projectLeadName: null,
      archivedAt: null,
      createdAt: at('2025-12-01'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  territoryId = territory.id;

  const a = await insertPlan('FA-1', '2026-01-05', null);
  await insertPlan('FA-2', '2026-01-05', null);
  const c = await insertPlan('FA-3', '2026-01-05', at('2026-03-10'));
  planA = a.id;
  stagesA = a.stages;
  const [s1, s2] = a.stages as [number, number, number];

  const a1 = await insertAction({
    planId: a.id,
    stageId: s1,
    status: 'in_progress',
    progress: 60,
    startDate: '2026-01-01',
    dueDate: '2026-05-01',
    createdOn: '2026-01-05',
  });
  await audit(
    a1,
    a.id,
    at('2026-02-10'),
    'status',
    { status: 'not_started', progress: 0 },
    { status: 'in_progress', progress: 20 },
  );
  await audit(a1, a.id, at('2026-04-10'), 'update', { progress: 20 }, { progress: 60 });

  const a2 = await insertAction({
    planId: a.id,
    stageId: s2,
    status: 'dropped',
    progress: 30,
    createdOn: '2026-02-15',
  });
  await audit(a2, a.id, at('2026-02-15', '08:30'), 'create', null, { stageId: s1 });
  await audit(a2, a.id, at('2026-03-20'), 'update', { stageId: s1 }, { stageId: s2 });
  await audit(
    a2,
    a.id,
    at('2026-04-20'),
    'status',
    { status: 'in_progress', progress: 30 },
    { status: 'dropped', progress: 30 },
  );

  const a3 = await insertAction({
    planId: a.id,
    stageId: s2,
    status: 'done',
    progress: 100,
    createdOn: '2026-01-05',
    archivedAt: at('2026-03-01'),
  });
  await audit(a3, a.id, at('2026-03-01'), 'archive', null, { archivedAt: at('2026-03-01') });

  const a4 = await insertAction({
    planId: a.id,
    stageId: s2,
    status: 'not_started',
    progress: 0,
    startDate: '2026-03-01',
    dueDate: '2026-04-30',
    createdOn: '2026-01-05',
  });
  await audit(
    a4,
    a.id,
    at('2026-03-15'),
    'update',
    { dueDate: '2026-03-31' },
    { dueDate: '2026-04-30' },
  );
  actionIds = { a1, a2, a3, a4 };

  const [c1] = c.stages as [number];
  await insertAction({
    planId: c.id,
    stageId: c1,
    status: 'done',
    progress: 100,
    createdOn: '2026-01-05',
  });

  const committees = await db
    .insertInto('committees')
    .values([
      { territoryId, kind: 'cotech', name: 'COTECH T', archivedAt: null },
      { territoryId, kind: 'copil', name: 'COPIL T', archivedAt: null },
    ])
    .returning('id')
    .execute();
  meetings = {
    cotech: await heldMeeting(committees[0]?.id ?? 0, '2026-02-01'),
    copil: await heldMeeting(committees[1]?.id ?? 0, '2026-05-01'),
  };
});

describe('a territory as it stood on a past day', () => {
  it('counts only the actions live then, in the stage they were in, with their status then', async () => {
    const [jan, feb, mar, apr] = await territoryStatesAt(
      db,
      territoryId,
      ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'],
      TODAY,
    );
    const stagesOfA = (state: typeof jan) =>
      state?.plans.find((p) => p.id === planA)?.stages.map((s) => s.progress);
    // 01-31: a1 not started (0), a3 done (100), a4 (0); a2 does not exist yet.
    expect(stagesOfA(jan)).toEqual([0, 50, null]);
    // 02-28: a1 20 %, a2 (new) in stage 1 at 30 %, a3 still live.
    expect(stagesOfA(feb)).toEqual([25, 50, null]);
    // 03-31: a2 moved to stage 2, a3 archived.
    expect(stagesOfA(mar)).toEqual([20, 15, null]);
    // 04-30: a1 60 %, a2 dropped leaves the roll-up.
    expect(stagesOfA(apr)).toEqual([60, 0, null]);

    // Plan B never has a value; plan C counts until it was archived.
    expect(jan?.plans.map((p) => [p.code, p.progress])).toEqual([
      ['FA-1', 25],
      ['FA-2', null],
      ['FA-3', 100],
    ]);
    expect(jan?.progress).toBe(62.5);
    expect(feb?.progress).toBe((37.5 + 100) / 2);
    expect(mar?.plans.map((p) => p.code)).toEqual(['FA-1', 'FA-2']);
    expect(mar?.progress).toBe(17.5);
    expect(apr?.progress).toBe(30);
  });

  it('counts statuses then, dropped and archived included as they were', async () => {
    const feb = await territoryStateAt(db, territoryId, '2026-02-28', TODAY);
    expect(feb.statusCounts).toMatchObject({ in_progress: 2, done: 2, not_started: 1, dropped: 0 });
    const now = await territoryStateAt(db, territoryId, TODAY, TODAY);
    expect(now.statusCounts).toMatchObject({ in_progress: 1, done: 0, not_started: 1, dropped: 1 });
  });

  it('reads expected progress from the dates as they stood then', async () => {
    const [jan, feb, mar] = await territoryStatesAt(
      db,
      territoryId,
      ['2026-01-31', '2026-02-28', '2026-03-31'],
      TODAY,
    );
    const expectedOfA = (state: typeof jan) =>
      state?.plans.find((p) => p.id === planA)?.stages.map((s) => s.expected);
    // a1: 30 of 120 days; stage 2: a3 has no dates, a4 not started yet.
    expect(expectedOfA(jan)).toEqual([25, 0, null]);
    // 03-31: a1 89 of 120 days, a2 no dates; a4 at 30 of its (pushed) 60 days.
    expect(expectedOfA(mar)?.[0]).toBeCloseTo((100 * 89) / 120, 6);
    expect(expectedOfA(mar)?.[1]).toBe(50);
    // 02-28: a4's due date was still 03-31 and it had not started.
    expect(expectedOfA(feb)?.[1]).toBe(0);
  });

  it('treats a day after today as today', async () => {
    const later = await territoryStateAt(db, territoryId, '2030-01-01', TODAY);
    const now = await territoryStateAt(db, territoryId, TODAY, TODAY);
    expect(later).toEqual(now);
  });
});

describe('progress series', () => {
  it('gives the territory month by month and at each held meeting', async () => {
    const series = await territoryProgressSeries(db, territoryId, TODAY);
    expect(series.points.map((p) => p.day)).toEqual([
      '2026-01-31',
      '2026-02-01',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-01',
      '2026-05-31',
      '2026-06-15',
    ]);
    const byDay = new Map(series.points.map((p) => [p.day, p]));
    expect(byDay.get('2026-02-01')?.meetings).toEqual([
      { id: meetings.cotech, day: '2026-02-01', committeeKind: 'cotech' },
    ]);
    expect(byDay.get('2026-02-01')?.monthEnd).toBe(false);
    expect(byDay.get('2026-05-01')?.meetings.map((m) => m.committeeKind)).toEqual(['copil']);
    expect(byDay.get('2026-03-31')?.value.progress).toBe(17.5);
    expect(byDay.get('2026-06-15')?.value.progress).toBe(30);
  });

  it('gives a plan and each of its stages, the empty stage without a value', async () => {
    const series = await planProgressSeries(db, planA, TODAY);
    expect(series.stages.map((s) => s.id)).toEqual(stagesA);
    const march = series.points.find((p) => p.day === '2026-03-31');
    expect(march?.value.progress).toBe(17.5);
    expect(march?.value.stages.map((s) => s.progress)).toEqual([20, 15, null]);
    expect(series.meetings).toHaveLength(2);
  });

  it('takes a held meeting’s snapshot as the state of its day, and rewinds from it', async () => {
    // A snapshot that says a1 stood at 50 % (not the 60 % the audit trail gives) on 05-01.
    const snapshot: MeetingSnapshot = {
      territoryId,
      asOf: '2026-05-01',
      territoryIndicators: [],
      decisions: [],
      plans: [
        {
          id: planA,
          code: 'FA-1',
          title: 'Plan FA-1',
          axis: 'skills',
          priority: 'high',
          progress: null,
          indicators: [],
          stages: stagesA.map((id, position) => ({
            id,
            kind: 'inventory',
            position,
            progress: null,
            plannedStart: null,
            plannedEnd: null,
            actualStart: null,
            actualEnd: null,
            validatedMeetingId: null,
            validatedOn: null,
            actions:
              position === 0
                ? [snapshotAction(actionIds.a1, 'in_progress', 50)]
                : position === 1
                  ? [
                      snapshotAction(actionIds.a2, 'dropped', 30),
                      snapshotAction(actionIds.a4, 'not_started', 0),
                    ]
                  : [],
          })),
        },
      ],
    };
    await db
      .insertInto('meetingSnapshots')
      .values({
        meetingId: meetings.copil,
        takenAt: at('2026-05-01', '12:00'),
        payload: JSON.stringify(snapshot),
      })
      .execute();
    const [meetingDay, before, after] = await territoryStatesAt(
      db,
      territoryId,
      ['2026-05-01', '2026-04-30', '2026-05-31'],
      TODAY,
    );
    expect(meetingDay?.plans.find((p) => p.id === planA)?.progress).toBe(25);
    expect(before?.plans.find((p) => p.id === planA)?.progress).toBe(25);
    // Rewound from the snapshot past a1's 04-10 change: 20 % again.
    const april = await territoryStateAt(db, territoryId, '2026-04-05', TODAY);
    expect(april.plans.find((p) => p.id === planA)?.stages[0]?.progress).toBe(20);
    // After the last snapshot, today's rows decide.
    expect(after?.plans.find((p) => p.id === planA)?.progress).toBe(30);
  });
});

function snapshotAction(id: number, status: ActionStatus, progress: number) {
  return {
    id,
    title: 'Action',
    status,
    progress,
    dueDate: null,
    statusComment: null,
    overdue: false,
  };
}
