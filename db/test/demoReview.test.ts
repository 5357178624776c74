import { beforeAll, describe, expect, it } from 'vitest';
import { planProgress, stageProgress, type MeetingChanges } from '@jalon/shared';
import { createTestDb, type Db } from '../src/connection';
import { findMeetingSnapshot } from '../src/queries/meetings';
import { loadMeetingReview } from '../src/queries/meetingReview';
import { seedDemo } from '../src/seed/demo';

const TODAY = '2026-03-16';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db, { passwordHash: 'scrypt$test-hash', today: TODAY });
});

const committeeMeetings = (committeeName: string) =>
  db
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committeeId')
    .select(['m.id', 'm.status', 'm.scheduledAt'])
    .where('c.name', '=', committeeName)
    .orderBy('m.scheduledAt')
    .execute();

async function latestHeldChanges(committeeName: string): Promise<MeetingChanges | null> {
  const meetings = await committeeMeetings(committeeName);
  const latest = meetings.filter((m) => m.status === 'held').at(-1);
  const review = await loadMeetingReview(db, latest?.id ?? 0, TODAY);
  expect(review?.frozen).toBe(true);
  return review?.changes ?? null;
}

describe('the demo meetings’ "since last meeting"', () => {
  it('shows real changes at the Nord Lorraine COPIL’s latest held meeting', async () => {
    const changes = await latestHeldChanges('COPIL Nord Lorraine');
    expect(changes?.statusChanges.length).toBeGreaterThan(0);
    expect(changes?.progressDeltas.length).toBeGreaterThan(0);
    expect(changes?.newMeasurements.length).toBeGreaterThan(0);
    expect(changes?.decisionsOpened.length).toBeGreaterThan(0);
    expect(changes?.decisionsClosed.length).toBeGreaterThan(0);
    for (const m of changes?.newMeasurements ?? []) {
      expect(m.measuredOn > (m.previousMeasuredOn ?? '')).toBe(true);
    }
  });

  it('gives every committee’s latest held meeting changes, and the demo some of each kind', async () => {
    const committees = await db.selectFrom('committees').select('name').orderBy('id').execute();
    const all: MeetingChanges[] = [];
    for (const { name } of committees) {
      const changes = await latestHeldChanges(name);
      expect(changes, name).not.toBeNull();
      if (!changes) continue;
      expect(changes.statusChanges.length, name).toBeGreaterThan(0);
      expect(
        changes.progressDeltas.some((d) => d.delta > 0),
        name,
      ).toBe(true);
      expect(changes.newMeasurements.length, name).toBeGreaterThan(0);
      expect(changes.decisionsOpened.length, name).toBeGreaterThan(0);
      all.push(changes);
      // The next meeting, still planned, compares today's state with it.
      const upcoming = (await committeeMeetings(name)).find((m) => m.status === 'planned');
      const live = await loadMeetingReview(db, upcoming?.id ?? 0, TODAY);
      expect(live?.frozen).toBe(false);
      if (live?.changes) all.push(live.changes);
    }
    expect(all.some((c) => c.progressDeltas.some((d) => d.delta < 0))).toBe(true);
    expect(all.some((c) => c.decisionsClosed.length > 0)).toBe(true);
    expect(all.some((c) => c.stagesValidated.length > 0)).toBe(true);
  });

  it('freezes each past meeting with roll-ups consistent with its actions', async () => {
    const past = await db
      .selectFrom('meetings')
      .select(['id', 'scheduledAt'])
      .where('status', 'in', ['held', 'minutes_approved'])
      .execute();
    expect(past.length).toBeGreaterThanOrEqual(28);
    for (const meeting of past) {
      const stored = await findMeetingSnapshot(db, meeting.id);
      const snapshot = stored?.snapshot;
      expect(snapshot?.asOf).toBe(meeting.scheduledAt.slice(0, 10));
      for (const plan of snapshot?.plans ?? []) {
        for (const stage of plan.stages) {
          expect(stage.progress).toBe(stageProgress(stage.actions));
          if (stage.validatedOn !== null) {
            expect(stage.validatedOn <= (snapshot?.asOf ?? '')).toBe(true);
          }
        }
        expect(plan.progress).toBe(planProgress(plan.stages.map((s) => s.progress)));
        for (const i of plan.indicators) {
          expect((i.latestMeasuredOn ?? '') <= (snapshot?.asOf ?? '')).toBe(true);
        }
      }
      const meetingIds = new Set(past.map((m) => m.id));
      for (const d of snapshot?.decisions ?? []) expect(meetingIds.has(d.meetingId)).toBe(true);
    }
  });
});
