import { beforeEach, describe, expect, it } from 'vitest';
import { buildWorld, callerAs, type World } from './support/world';
import { auditOf, refusalOf } from './support/expectations';
import { serveWorldEachTest } from './support/http';

// The rules that keep the record true, as the API enforces them: each refusal carries its reason.

describe('through the caller', () => {
  let world: World;
  beforeEach(async () => {
    world = await buildWorld();
  });

  describe('measurements', () => {
    it('refuses a measurement dated after today, and writes nothing', async () => {
      const lead = await callerAs(world, 'lead');
      const measure = (measuredOn: string) =>
        lead.measurement.create({ indicatorId: world.indicators.NL1, measuredOn, value: 30 });
      expect(await refusalOf(measure('2025-06-16'))).toBe('BAD_REQUEST measurement_in_future');
      expect(await refusalOf(measure('2027-06-30'))).toBe('BAD_REQUEST measurement_in_future');
      const list = await lead.measurement.list({ indicatorId: world.indicators.NL1 });
      expect(list.items.map((m) => m.measuredOn)).not.toContain('2027-06-30');
      // Today's measurement is allowed.
      expect(await refusalOf(measure(world.today))).toBe('OK');
    });
  });

  describe('justifying Bloqué and En retard', () => {
    it('refuses moving to En retard with the old comment carried over', async () => {
      const lead = await callerAs(world, 'lead');
      // NL-1a gets a comment while in progress, then moves to En retard with that same text.
      const commented = await lead.action.setStatus({
        id: world.actions.NL1a,
        version: 1,
        status: 'in_progress',
        comment: 'Atelier du 12 mai',
      });
      const late = (comment: string) =>
        lead.action.setStatus({
          id: world.actions.NL1a,
          version: commented.version,
          status: 'late',
          comment,
        });
      expect(await refusalOf(late('Atelier du 12 mai'))).toBe('BAD_REQUEST justification_required');
      expect(await refusalOf(late('  Atelier du 12 mai '))).toBe(
        'BAD_REQUEST justification_required',
      );
      expect(await auditOf(world, 'action', world.actions.NL1a)).toHaveLength(1);
      const justified = await lead.action.setStatus({
        id: world.actions.NL1a,
        version: commented.version,
        status: 'late',
        comment: 'Prestataire défaillant',
      });
      expect(justified).toMatchObject({ status: 'late', statusComment: 'Prestataire défaillant' });
    });

    it('refuses moving from En retard to Bloqué on the same justification', async () => {
      const lead = await callerAs(world, 'lead');
      const late = await lead.action.setStatus({
        id: world.actions.NL1a,
        version: 1,
        status: 'late',
        comment: 'Prestataire défaillant',
      });
      expect(
        await refusalOf(
          lead.action.setStatus({
            id: world.actions.NL1a,
            version: late.version,
            status: 'blocked',
            comment: 'Prestataire défaillant',
          }),
        ),
      ).toBe('BAD_REQUEST justification_required');
    });

    it('keeps a blocked action blocked with its comment unchanged, e.g. to move its progress', async () => {
      const coordinator = await callerAs(world, 'coordinatorNL');
      const blocked = await coordinator.action.byId({ id: world.actions.NL2a });
      expect(blocked.status).toBe('blocked');
      const saved = await coordinator.action.setStatus({
        id: blocked.id,
        version: blocked.version,
        status: 'blocked',
        progress: 10,
        comment: blocked.statusComment ?? '',
      });
      expect(saved).toMatchObject({ status: 'blocked', progress: 10 });
    });
  });
});

describe('over HTTP', () => {
  let world: World | undefined;
  const { base, signIn } = serveWorldEachTest((w) => (world = w));

  it('sends the reason code in the error data, next to the code', async () => {
    const cookie = await signIn('coordinatorNL');
    const res = await fetch(`${base()}/trpc/meeting.setStatus`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ id: world?.meetings.NL, version: 1, status: 'held' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { data: Record<string, unknown> } };
    expect(body.error.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'meeting_not_started' });
  });

  it('sends no reason for an error that breaks no domain rule', async () => {
    const cookie = await signIn('coordinatorNL');
    const res = await fetch(`${base()}/trpc/meeting.setStatus`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ id: world?.meetings.NL, version: 1, status: 'minutes_approved' }),
    });
    const body = (await res.json()) as { error: { data: Record<string, unknown> } };
    expect(body.error.data).toMatchObject({ code: 'BAD_REQUEST', reason: null });
  });
});
