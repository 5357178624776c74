import { beforeAll, describe, expect, it } from 'vitest';
import { STAGE_KINDS, isOverdue, planProgress, stageProgress } from '@jalon/shared';
import { createTestDb, type Db } from '../src/connection';
import { exportPlanRows, type PlanExportOptions, type PlanExportRow } from '../src/queries/exports';
import { seedDemo } from '../src/seed/demo';

const TODAY = '2026-03-16';

async function collect(db: Db, options: PlanExportOptions): Promise<PlanExportRow[]> {
  const rows: PlanExportRow[] = [];
  for await (const row of exportPlanRows(db, options)) rows.push(row);
  return rows;
}

function expectSameProgress(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db, { passwordHash: 'unused', today: TODAY });
});

describe('exportPlanRows', () => {
  it('gives one row per plan and territory, in order', async () => {
    const rows = await collect(db, { today: TODAY });
    const links = await db.selectFrom('planTerritories').select('planId').execute();
    expect(rows).toHaveLength(links.length);
    const keys = rows.map((r) => [r.territoryCode, r.planId] as const);
    const sorted = [...keys].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
    expect(keys).toEqual(sorted);
  });

  it('agrees with the roll-up rules of @jalon/shared', async () => {
    const rows = await collect(db, { today: TODAY });
    const actions = await db
      .selectFrom('actions as a')
      .innerJoin('stages as s', 's.id', 'a.stageId')
      .select(['a.planId', 's.kind', 'a.status', 'a.progress', 'a.dueDate'])
      .where('a.archivedAt', 'is', null)
      .execute();
    for (const row of rows) {
      const own = actions.filter((a) => a.planId === row.planId);
      const stages = STAGE_KINDS.map((kind) => stageProgress(own.filter((a) => a.kind === kind)));
      expectSameProgress(row.inventoryProgress, stages[0] ?? null);
      expectSameProgress(row.toolAdaptationProgress, stages[1] ?? null);
      expectSameProgress(row.supportForChangeProgress, stages[2] ?? null);
      expectSameProgress(row.planProgress, planProgress(stages));
      for (const [status, count] of Object.entries(row.statusCounts)) {
        expect(count, `${row.planCode} ${status}`).toBe(
          own.filter((a) => a.status === status).length,
        );
      }
      expect(row.overdue).toBe(own.filter((a) => isOverdue(a, TODAY)).length);
    }
  });

  it('keeps to what the caller may read', async () => {
    const nordLorraine = await db
      .selectFrom('territories')
      .select('id')
      .where('code', '=', 'NL')
      .executeTakeFirstOrThrow();
    const rows = await collect(db, {
      today: TODAY,
      visibility: { all: false, territoryIds: [nordLorraine.id], regionIds: [] },
    });
    expect(rows).toHaveLength(9);
    expect(new Set(rows.map((r) => r.territoryCode))).toEqual(new Set(['NL']));
    const none = await collect(db, {
      today: TODAY,
      visibility: { all: false, territoryIds: [], regionIds: [] },
    });
    expect(none).toEqual([]);
  });
});
