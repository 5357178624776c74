import { describe, expect, it } from 'vitest';
import { diffSnapshots, readMeetingSnapshot } from '../src/meetingChanges';
import { action, decision, indicator, snapshot } from './support/snapshots';

const NOTHING = {
  statusChanges: [],
  progressDeltas: [],
  newMeasurements: [],
  decisionsOpened: [],
  decisionsClosed: [],
  stagesValidated: [],
};

describe('diffSnapshots', () => {
  it('finds nothing between two identical states', () => {
    expect(diffSnapshots(snapshot(), snapshot())).toEqual(NOTHING);
  });

  it('reports a new action with no previous status, and its progress', () => {
    const changes = diffSnapshots(
      snapshot(),
      snapshot({ actions: { 12: [action(3, { status: 'not_started', progress: 0 }), action(5)] } }),
    );
    expect(changes.statusChanges).toEqual([
      {
        actionId: 5,
        title: 'Action 5',
        planId: 1,
        planCode: 'FA-1',
        from: null,
        to: 'in_progress',
      },
    ]);
    // Stage 12 goes from 0 to 20; the plan from (70 + 0) / 2 = 35 to (70 + 20) / 2 = 45.
    expect(changes.progressDeltas).toEqual([
      {
        level: 'action',
        id: 5,
        planId: 1,
        planCode: 'FA-1',
        title: 'Action 5',
        stageKind: 'tool_adaptation',
        before: null,
        after: 40,
        delta: 40,
      },
      {
        level: 'stage',
        id: 12,
        planId: 1,
        planCode: 'FA-1',
        title: null,
        stageKind: 'tool_adaptation',
        before: 0,
        after: 20,
        delta: 20,
      },
      {
        level: 'plan',
        id: 1,
        planId: 1,
        planCode: 'FA-1',
        title: 'Plan FA-1',
        stageKind: null,
        before: 35,
        after: 45,
        delta: 10,
      },
    ]);
  });

  it('reports no status for an action archived since, only the roll-ups it moved', () => {
    const changes = diffSnapshots(snapshot(), snapshot({ actions: { 11: [action(1)] } }));
    expect(changes.statusChanges).toEqual([]);
    expect(changes.progressDeltas.map((d) => [d.level, d.id, d.before, d.after, d.delta])).toEqual([
      ['stage', 11, 70, 40, -30],
      ['plan', 1, 35, 20, -15],
    ]);
  });

  it('reports status changes with progress up and down, largest first', () => {
    const changes = diffSnapshots(
      snapshot(),
      snapshot({
        actions: {
          11: [action(1, { status: 'done', progress: 100 }), action(2, { status: 'done' })],
          21: [action(4, { status: 'on_hold', progress: 5 })],
        },
      }),
    );
    expect(changes.statusChanges.map((c) => [c.actionId, c.from, c.to])).toEqual([
      [1, 'in_progress', 'done'],
      [4, 'blocked', 'on_hold'],
    ]);
    expect(changes.progressDeltas.map((d) => [d.level, d.id, d.delta])).toEqual([
      ['action', 1, 60],
      ['stage', 11, 30],
      ['plan', 1, 15],
      ['plan', 2, -5],
      ['stage', 21, -5],
      ['action', 4, -5],
    ]);
    // Réalisé counts as 100 whatever the stored progress: action 2 did not move.
    expect(changes.progressDeltas.some((d) => d.id === 2 && d.level === 'action')).toBe(false);
  });

  it('reports a status change without progress change, and progress without status change', () => {
    const changes = diffSnapshots(
      snapshot(),
      snapshot({ actions: { 11: [action(1, { status: 'late' }), action(2, { status: 'done' })] } }),
    );
    expect(changes.statusChanges.map((c) => [c.actionId, c.to])).toEqual([[1, 'late']]);
    expect(changes.progressDeltas).toEqual([]);
    const moved = diffSnapshots(
      snapshot(),
      snapshot({ actions: { 21: [action(4, { status: 'blocked', progress: 15 })] } }),
    );
    expect(moved.statusChanges).toEqual([]);
    expect(moved.progressDeltas.map((d) => [d.level, d.delta])).toEqual([
      ['plan', 5],
      ['stage', 5],
      ['action', 5],
    ]);
  });

  it('reports indicators measured since, with the previous value', () => {
    const changes = diffSnapshots(
      snapshot(),
      snapshot({
        indicators: [
          indicator(7, {
            latestValue: 35,
            latestMeasuredOn: '2025-04-30',
            measurementCount: 4,
            track: 'on_track',
          }),
          indicator(9, { latestValue: 3, latestMeasuredOn: '2025-05-31', measurementCount: 1 }),
          indicator(10, { latestValue: null, latestMeasuredOn: null, measurementCount: 0 }),
        ],
      }),
    );
    expect(changes.newMeasurements).toEqual([
      {
        indicatorId: 7,
        name: 'Indicateur 7',
        unit: 'emplois',
        planId: 1,
        planCode: 'FA-1',
        previousValue: 20,
        previousMeasuredOn: '2025-01-31',
        value: 35,
        measuredOn: '2025-04-30',
        track: 'on_track',
      },
      expect.objectContaining({
        indicatorId: 9,
        previousValue: null,
        previousMeasuredOn: null,
        value: 3,
      }),
    ]);
  });

  it('reports a back-dated measurement by the count, and territory indicators without a plan', () => {
    const changes = diffSnapshots(
      snapshot({ territoryIndicators: [indicator(8, { measurementCount: 3 })] }),
      snapshot({
        indicators: [indicator(7, { measurementCount: 4 })],
        territoryIndicators: [indicator(8, { latestValue: 25, measurementCount: 4 })],
      }),
    );
    expect(changes.newMeasurements.map((m) => [m.indicatorId, m.planId, m.planCode])).toEqual([
      [7, 1, 'FA-1'],
      [8, null, null],
    ]);
  });

  it('reports decisions opened, closed, and opened then closed between the meetings', () => {
    const before = snapshot({
      decisions: [decision(1), decision(2, { followUpStatus: 'late' }), decision(3)],
    });
    const after = snapshot({
      decisions: [
        decision(1, { followUpStatus: 'done' }),
        decision(2, { followUpStatus: 'in_progress' }),
        decision(3),
        decision(4, { meetingId: 2 }),
        decision(5, { meetingId: 2, followUpStatus: 'cancelled' }),
      ],
    });
    const changes = diffSnapshots(before, after);
    expect(changes.decisionsOpened.map((d) => d.id)).toEqual([4, 5]);
    expect(changes.decisionsClosed.map((d) => [d.id, d.followUpStatus])).toEqual([
      [1, 'done'],
      [5, 'cancelled'],
    ]);
    // Closed before and still closed: not news.
    expect(diffSnapshots(after, snapshot({ decisions: after.decisions })).decisionsClosed).toEqual(
      [],
    );
  });

  it('reports a stage validated since, once', () => {
    const validated = snapshot({ validatedOn: { 11: '2025-05-20' } });
    expect(diffSnapshots(snapshot(), validated).stagesValidated).toEqual([
      {
        stageId: 11,
        planId: 1,
        planCode: 'FA-1',
        stageKind: 'inventory',
        validatedOn: '2025-05-20',
      },
    ]);
    expect(diffSnapshots(validated, validated).stagesValidated).toEqual([]);
  });
});

describe('readMeetingSnapshot', () => {
  it('reads a payload stored before decisions and measurement counts were kept', () => {
    const current = snapshot();
    const { decisions: _decisions, ...old } = current;
    const stored = JSON.parse(
      JSON.stringify({
        ...old,
        plans: old.plans.map((p) => ({
          ...p,
          indicators: p.indicators.map(({ measurementCount: _count, ...i }) => i),
        })),
      }),
    ) as unknown;
    const read = readMeetingSnapshot(stored);
    expect(read.decisions).toEqual([]);
    expect(read.plans[0]?.indicators[0]?.measurementCount).toBeNull();
    // Everything in the newer state that was already there is not news.
    const changes = diffSnapshots(read, current);
    expect(changes.decisionsOpened.map((d) => d.id)).toEqual([1]);
    expect(changes.newMeasurements).toEqual([]);
    expect(changes.statusChanges).toEqual([]);
  });
});
