import { beforeEach, describe, expect, it } from 'vitest';
import { findAction, loadPrincipal, overdueActionSql } from '@jalon/db';
import { ACTION_STATUSES, AUDIT_FIELDS, isOverdue } from '@jalon/shared';
import { pino } from 'pino';
import { createInnerContext } from '../src/context';
import { audit, write } from '../src/services';
import type { AuthedContext } from '../src/trpc';
import { buildWorld, type World } from './support/world';
import { auditOf } from './support/expectations';

// The one write path: a change and its audit event commit or roll back together, the event keeps
// the registry's fields only, and the overdue rule reads the same in SQL as in @jalon/shared.

async function contextOf(world: World): Promise<AuthedContext> {
  const user = await loadPrincipal(world.db, world.users.lead);
  if (!user) throw new Error('the world has its lead');
  return {
    ...createInnerContext({ db: world.db, log: pino({ level: 'silent' }) }),
    user,
    now: () => new Date(`${world.today}T12:00:00.000Z`),
  };
}

describe('the write path', () => {
  let world: World;
  beforeEach(async () => {
    world = await buildWorld();
  });

  it('records only the fields the registry declares, at the write instant, by the actor', async () => {
    const ctx = await contextOf(world);
    const action = await findAction(world.db, world.actions.NL1a);
    if (!action) throw new Error('the world has NL-1a');
    await write(ctx, (w) =>
      audit(w, { entityType: 'action', entityId: action.id, operation: 'create', after: action }),
    );
    const [event] = await auditOf(world, 'action', action.id);
    expect(Object.keys(event?.newValue ?? {}).sort()).toEqual(
      Object.keys(AUDIT_FIELDS.action).sort(),
    );
    expect(event?.newValue).not.toHaveProperty('version');
    expect(event?.userId).toBe(world.users.lead);
    expect(event?.occurredAt).toBe(`${world.today}T12:00:00.000Z`);
  });

  it('records an update only when a field changed, a status change always', async () => {
    const ctx = await contextOf(world);
    const before = await findAction(world.db, world.actions.NL1a);
    if (!before) throw new Error('the world has NL-1a');
    const change = (operation: 'update' | 'status', title: string) =>
      write(ctx, (w) =>
        audit(w, {
          entityType: 'action',
          entityId: before.id,
          operation,
          comment: operation === 'status' ? 'checked' : null,
          before,
          after: { ...before, title },
        }),
      );
    const count = async () => (await auditOf(world, 'action', before.id)).length;
    const initial = await count();
    await change('update', before.title);
    expect(await count()).toBe(initial);
    await change('status', before.title);
    expect(await count()).toBe(initial + 1);
    await change('update', 'Renamed');
    const [latest] = await auditOf(world, 'action', before.id);
    expect(latest?.oldValue).toEqual({ title: before.title });
    expect(latest?.newValue).toEqual({ title: 'Renamed' });
  });

  it('rolls the audit event back with the change when the change fails', async () => {
    const ctx = await contextOf(world);
    const initial = (await auditOf(world, 'plan', world.plans.NL1)).length;
    await expect(
      write(ctx, async (w) => {
        await audit(w, {
          entityType: 'plan',
          entityId: world.plans.NL1,
          operation: 'archive',
          after: { archivedAt: w.now.toISOString() },
        });
        throw new Error('a rule broken after the audit');
      }),
    ).rejects.toThrow('a rule broken after the audit');
    expect(await auditOf(world, 'plan', world.plans.NL1)).toHaveLength(initial);
  });

  it('judges overdue actions in SQL exactly as isOverdue does', async () => {
    const today = '2025-06-15';
    const dueDates = [null, '2025-06-14', today, '2025-06-16'];
    const id = world.actions.NL1a;
    for (const status of ACTION_STATUSES) {
      for (const dueDate of dueDates) {
        await world.db
          .updateTable('actions')
          .set({ status, dueDate })
          .where('id', '=', id)
          .execute();
        const row = await world.db
          .selectFrom('actions as a')
          .where('a.id', '=', id)
          .select((eb) => [
            eb.case().when(overdueActionSql('a', today)).then(1).else(0).end().as('overdue'),
          ])
          .executeTakeFirstOrThrow();
        expect([status, dueDate, Number(row.overdue) === 1]).toEqual([
          status,
          dueDate,
          isOverdue({ status, dueDate }, today),
        ]);
      }
    }
  });
});
