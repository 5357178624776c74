import { describe, expect, it } from 'vitest';
import { summariseMovement } from '../src/movement';
import { action, decision, indicator, snapshot } from './support/snapshots';

const ids = (items: readonly { id: number }[]) => items.map((item) => item.id);

describe('summariseMovement', () => {
  it('finds nothing moved between two identical states', () => {
    const movement = summariseMovement(snapshot(), snapshot());
    expect(movement.progress.delta).toBe(0);
    expect(movement.progress.before).toBe(movement.progress.after);
    for (const group of [
      movement.done,
      movement.blockedOrLate,
      movement.overdue,
      movement.indicatorsOffTrack,
      movement.indicatorsBackOnTrack,
      movement.decisionsTaken,
      movement.decisionsClosed,
    ]) {
      expect(group).toEqual([]);
    }
  });

  it('counts actions newly done, newly blocked or late, and newly overdue, with their plan', () => {
    const before = snapshot({
      actions: {
        11: [action(1), action(2, { status: 'done', progress: 100 })],
        12: [action(3, { status: 'late', progress: 10, overdue: true })],
      },
    });
    const now = snapshot({
      actions: {
        // 1 done, 2 stays done, 5 is new and already late and overdue.
        11: [
          action(1, { status: 'done', progress: 100 }),
          action(2, { status: 'done', progress: 100 }),
          action(5, {
            status: 'late',
            progress: 0,
            overdue: true,
            statusComment: 'Retard fournisseur',
          }),
        ],
        // 3 stays late and overdue: not news.
        12: [action(3, { status: 'late', progress: 10, overdue: true })],
        // 4 was already blocked in the base state.
      },
    });
    const movement = summariseMovement(before, now);
    expect(ids(movement.done)).toEqual([1]);
    expect(movement.done[0]).toMatchObject({ from: 'in_progress', to: 'done', planCode: 'FA-1' });
    expect(ids(movement.blockedOrLate)).toEqual([5]);
    expect(movement.blockedOrLate[0]).toMatchObject({
      from: null,
      statusComment: 'Retard fournisseur',
      stageKind: 'inventory',
    });
    expect(ids(movement.overdue)).toEqual([5]);
  });

  it('counts a change from blocked to late as news, and leaving those statuses as none', () => {
    const before = snapshot({ actions: { 21: [action(4, { status: 'blocked' })] } });
    const toLate = snapshot({ actions: { 21: [action(4, { status: 'late' })] } });
    const unblocked = snapshot({ actions: { 21: [action(4, { status: 'in_progress' })] } });
    expect(ids(summariseMovement(before, toLate).blockedOrLate)).toEqual([4]);
    expect(summariseMovement(before, unblocked).blockedOrLate).toEqual([]);
  });

  it('reports the territory progress before and after, with the delta in points', () => {
    const before = snapshot();
    const now = snapshot({ actions: { 21: [action(4, { status: 'in_progress', progress: 70 })] } });
    const movement = summariseMovement(before, now);
    // FA-1 is unchanged; FA-2's only stage goes from 10 % to 70 %: the territory mean moves by 30.
    expect(movement.progress.after).not.toBeNull();
    expect(movement.progress.delta).toBe(30);
    expect(movement.progress.after! - movement.progress.before!).toBeCloseTo(30, 5);
  });

  it('finds indicators that went off track and those that came back, on plans and the territory', () => {
    const before = snapshot({
      indicators: [indicator(7, { track: 'off_track' }), indicator(9, { track: 'on_track' })],
      territoryIndicators: [indicator(8, { track: 'no_data' })],
    });
    const now = snapshot({
      indicators: [indicator(7, { track: 'achieved' }), indicator(9, { track: 'off_track' })],
      territoryIndicators: [indicator(8, { track: 'off_track' })],
    });
    const movement = summariseMovement(before, now);
    expect(ids(movement.indicatorsOffTrack)).toEqual([9, 8]);
    expect(movement.indicatorsOffTrack[1]).toMatchObject({ planId: null, from: 'no_data' });
    expect(ids(movement.indicatorsBackOnTrack)).toEqual([7]);
    expect(movement.indicatorsBackOnTrack[0]).toMatchObject({ planCode: 'FA-1', to: 'achieved' });
  });

  it('lists decisions taken since, and those closed since (including one taken and closed)', () => {
    const before = snapshot({ decisions: [decision(1), decision(2, { followUpStatus: 'done' })] });
    const now = snapshot({
      decisions: [
        decision(4, { followUpStatus: 'cancelled' }),
        decision(1, { followUpStatus: 'done' }),
        decision(2, { followUpStatus: 'done' }),
        decision(3),
      ],
    });
    const movement = summariseMovement(before, now);
    expect(ids(movement.decisionsTaken)).toEqual([3, 4]);
    expect(ids(movement.decisionsClosed)).toEqual([1, 4]);
  });
});
