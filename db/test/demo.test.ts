import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES } from '@jalon/shared';
import { createTestDb, type Db } from '../src/connection';
import { getSetting } from '../src/queries/auth';
import { DEMO_ACCOUNTS, seedDemo } from '../src/seed/demo';

const TODAY = '2026-03-16';
const PASSWORD_HASH = 'scrypt$test-hash';

async function seeded(
  today = TODAY,
): Promise<{ db: Db; summary: Awaited<ReturnType<typeof seedDemo>> }> {
  const db = await createTestDb();
  const summary = await seedDemo(db, { passwordHash: PASSWORD_HASH, today });
  return { db, summary };
}

const planList = (db: Db) =>
  db.selectFrom('plans').select(['id', 'code', 'title', 'budgetCents']).orderBy('id').execute();

describe('seedDemo', () => {
  it('is deterministic: two runs give the same counts, plans and actions', async () => {
    const first = await seeded();
    const second = await seeded();
    expect(second.summary).toEqual(first.summary);
    expect(await planList(second.db)).toEqual(await planList(first.db));
    const actions = (db: Db) =>
      db
        .selectFrom('actions')
        .select(['title', 'status', 'progress', 'dueDate', 'ownerUserId'])
        .orderBy('id')
        .execute();
    expect(await actions(second.db)).toEqual(await actions(first.db));
    expect(first.summary).toMatchObject({ territories: 7 });
    expect(first.summary.plans).toBeGreaterThanOrEqual(20);
    expect(first.summary.meetings).toBeGreaterThanOrEqual(28);
  });

  it('covers every action status with the rules committees rely on', async () => {
    const { db } = await seeded();
    const actions = await db.selectFrom('actions').selectAll().execute();
    const statuses = new Set(actions.map((a) => a.status));
    for (const status of ACTION_STATUSES) expect(statuses, status).toContain(status);
    for (const a of actions) {
      if (a.status === 'blocked' || a.status === 'late')
        expect(a.statusComment?.trim()).toBeTruthy();
      if (a.status === 'done') {
        expect(a.progress).toBe(100);
        expect(a.completedOn).not.toBeNull();
        expect(a.completedOn! <= TODAY).toBe(true);
      } else {
        expect(a.completedOn).toBeNull();
      }
      expect(a.progress).toBeGreaterThanOrEqual(0);
      expect(a.progress).toBeLessThanOrEqual(100);
      expect(a.version).toBe(1);
    }
    const overdue = actions.filter(
      (a) =>
        a.dueDate !== null && a.dueDate < TODAY && a.status !== 'done' && a.status !== 'dropped',
    );
    expect(overdue.length).toBeGreaterThanOrEqual(5);
  });

  it('follows "today": overdue actions and recent measurements move with it', async () => {
    const later = '2027-09-01';
    const { db } = await seeded(later);
    const overdue = await db
      .selectFrom('actions')
      .select('id')
      .where('dueDate', '<', later)
      .where('status', 'not in', ['done', 'dropped'])
      .execute();
    expect(overdue.length).toBeGreaterThan(0);
    const range = await db
      .selectFrom('measurements')
      .select((eb) => [eb.fn.min('measuredOn').as('first'), eb.fn.max('measuredOn').as('last')])
      .executeTakeFirstOrThrow();
    expect(range.last < later).toBe(true);
    expect(range.last >= '2027-07-01').toBe(true);
    expect(range.first >= '2025-08-01').toBe(true);
  });

  it('gives every plan exactly three stages in order, and shares IN&MA between territories', async () => {
    const { db } = await seeded();
    const stages = await db
      .selectFrom('stages')
      .select(['planId', 'kind', 'position'])
      .orderBy('planId')
      .orderBy('position')
      .execute();
    const plans = await planList(db);
    for (const plan of plans) {
      const own = stages.filter((s) => s.planId === plan.id);
      expect(own.map((s) => [s.position, s.kind])).toEqual([
        [1, 'inventory'],
        [2, 'tool_adaptation'],
        [3, 'support_for_change'],
      ]);
    }
    const inma = plans.find((p) => p.title.startsWith('IN&MA'));
    expect(inma).toBeDefined();
    const territories = await db
      .selectFrom('planTerritories')
      .select('territoryId')
      .where('planId', '=', inma!.id)
      .execute();
    expect(territories.length).toBeGreaterThanOrEqual(2);
    const metalTech = plans.find((p) => p.title.startsWith('MétalTech'));
    expect(metalTech?.budgetCents).toBe(240_000_000);
  });

  it('keeps money and indicators consistent', async () => {
    const { db } = await seeded();
    const lines = await db.selectFrom('fundingLines').selectAll().execute();
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(l.paidCents).toBeLessThanOrEqual(l.grantedCents);
      expect(l.grantedCents).toBeLessThanOrEqual(l.requestedCents);
    }
    const indicators = await db.selectFrom('indicators').selectAll().execute();
    expect(new Set(indicators.map((i) => i.direction))).toEqual(new Set(['increase', 'decrease']));
    for (const indicator of indicators) {
      const count = await db
        .selectFrom('measurements')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('indicatorId', '=', indicator.id)
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBeGreaterThanOrEqual(6);
      expect(Number(count.n)).toBeLessThanOrEqual(24);
      expect(indicator.baselineDate < indicator.targetDate).toBe(true);
    }
  });

  it('holds committees with past and upcoming meetings, decisions numbered per committee', async () => {
    const { db } = await seeded();
    const committees = await db.selectFrom('committees').selectAll().execute();
    expect(committees).toHaveLength(14);
    for (const committee of committees) {
      const meetings = await db
        .selectFrom('meetings')
        .selectAll()
        .where('committeeId', '=', committee.id)
        .orderBy('scheduledAt')
        .execute();
      expect(meetings.filter((m) => m.status === 'planned')).toHaveLength(1);
      expect(meetings.at(-1)?.status).toBe('planned');
      expect(meetings.at(-1)!.scheduledAt > TODAY).toBe(true);
      expect(meetings.some((m) => m.status === 'held' || m.status === 'minutes_approved')).toBe(
        true,
      );
      const numbers = await db
        .selectFrom('decisions as d')
        .innerJoin('meetings as m', 'm.id', 'd.meetingId')
        .select('d.number')
        .where('m.committeeId', '=', committee.id)
        .orderBy('m.scheduledAt')
        .orderBy('d.number')
        .execute();
      expect(numbers.map((n) => n.number)).toEqual(numbers.map((_, i) => i + 1));
    }
    const amneville = await db
      .selectFrom('meetings')
      .select(['status', 'place'])
      .where('scheduledAt', 'like', '2024-01-30%')
      .executeTakeFirst();
    expect(amneville).toEqual({ status: 'minutes_approved', place: 'Amnéville' });
  });

  it('tells a true story: meetings held on their day, stages validated in order, no future', async () => {
    for (const today of [TODAY, '2025-11-20']) {
      const { db } = await seeded(today);
      const meetings = await db
        .selectFrom('meetings')
        .select(['id', 'status', 'scheduledAt', 'heldAt'])
        .execute();
      const meetingById = new Map(meetings.map((m) => [m.id, m]));
      for (const m of meetings) {
        if (m.status === 'held' || m.status === 'minutes_approved') {
          // Held once started, and held on its scheduled time.
          expect(m.scheduledAt.slice(0, 10) <= today).toBe(true);
          expect(m.heldAt).toBe(m.scheduledAt);
        } else {
          expect(m.heldAt).toBeNull();
        }
      }

      const measurements = await db
        .selectFrom('measurements')
        .select('measuredOn')
        .where('measuredOn', '>', today)
        .execute();
      expect(measurements).toEqual([]);

      const stages = await db
        .selectFrom('stages')
        .select(['id', 'planId', 'position', 'validatedMeetingId', 'validatedOn'])
        .orderBy('planId')
        .orderBy('position')
        .execute();
      expect(stages.some((s) => s.validatedMeetingId !== null)).toBe(true);
      for (const stage of stages) {
        if (stage.validatedMeetingId === null) {
          expect(stage.validatedOn).toBeNull();
          continue;
        }
        // Validated only by a meeting that took place, on its day, after the stages before it.
        const meeting = meetingById.get(stage.validatedMeetingId);
        expect(['held', 'minutes_approved']).toContain(meeting?.status);
        expect(stage.validatedOn).toBe(meeting?.scheduledAt.slice(0, 10));
        const earlier = stages.filter(
          (s) => s.planId === stage.planId && s.position < stage.position,
        );
        for (const before of earlier) {
          expect(before.validatedOn).not.toBeNull();
          expect((before.validatedOn ?? '') <= (stage.validatedOn ?? '')).toBe(true);
        }
      }

      // Every validation decision with a stage is that stage's gate.
      const validations = await db
        .selectFrom('decisions as d')
        .innerJoin('stages as s', 's.id', 'd.stageId')
        .select(['d.meetingId', 's.validatedMeetingId'])
        .where('d.kind', '=', 'validation')
        .execute();
      for (const v of validations) expect(v.validatedMeetingId).toBe(v.meetingId);

      // Blocked and late actions carry their justification.
      const unjustified = await db
        .selectFrom('actions')
        .select('id')
        .where('status', 'in', ['blocked', 'late'])
        .where((eb) => eb.or([eb('statusComment', 'is', null), eb('statusComment', '=', '')]))
        .execute();
      expect(unjustified).toEqual([]);
      await db.destroy();
    }
  });

  it('creates each demo account with its role, and marks the database as a demo', async () => {
    const { db, summary } = await seeded();
    expect(summary.accounts).toEqual(DEMO_ACCOUNTS);
    for (const account of DEMO_ACCOUNTS) {
      const user = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', account.email)
        .executeTakeFirstOrThrow();
      expect(user.passwordHash).toBe(PASSWORD_HASH);
      if (account.role === 'admin' || account.role === 'national_observer') {
        expect(user.globalRole).toBe(account.role);
      } else if (account.role === 'regional_observer') {
        const row = await db
          .selectFrom('regionObservers as o')
          .innerJoin('regions as r', 'r.id', 'o.regionId')
          .select('r.code')
          .where('o.userId', '=', user.id)
          .executeTakeFirstOrThrow();
        expect(row.code).toBe(account.scope);
      } else {
        const row = await db
          .selectFrom('memberships as m')
          .innerJoin('territories as t', 't.id', 'm.territoryId')
          .select(['m.role', 't.code'])
          .where('m.userId', '=', user.id)
          .executeTakeFirstOrThrow();
        expect(row).toEqual({ role: account.role, code: account.scope });
      }
    }
    const pilot = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'pilote@jalon.test')
      .executeTakeFirstOrThrow();
    const led = await db
      .selectFrom('planLeads')
      .select('planId')
      .where('userId', '=', pilot.id)
      .execute();
    expect(led.length).toBeGreaterThanOrEqual(3);
    const owned = await db
      .selectFrom('actions')
      .select('planId')
      .where('ownerUserId', '=', pilot.id)
      .execute();
    expect(new Set(owned.map((a) => a.planId))).toEqual(new Set(led.map((l) => l.planId)));
    expect(await getSetting(db, 'demo')).toBe('true');
  });

  it('records recent status changes and comments', async () => {
    const { db } = await seeded();
    const events = await db.selectFrom('auditEvents').selectAll().execute();
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (const e of events) expect(e.occurredAt.slice(0, 10) <= TODAY).toBe(true);
    const comments = await db.selectFrom('comments').selectAll().execute();
    expect(comments.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a database that already holds territories', async () => {
    const { db } = await seeded();
    await expect(seedDemo(db, { passwordHash: PASSWORD_HASH, today: TODAY })).rejects.toThrow(
      /without territories/,
    );
  });
});
