import type { Insertable, Updateable } from 'kysely';
import {
  indicatorProgress,
  type IndicatorDirection,
  type IndicatorKind,
  type IndicatorProgress,
} from '@jalon/shared';
import type { Db, Trx } from '../connection';
import type { Indicator, IndicatorTable, Measurement, MeasurementTable } from '../schema';
import { visiblePlanIds, visibleTerritoryIds, type Visibility } from './visibility';
import { refreshIndicatorLatest } from './rollups';

export interface IndicatorFilter {
  planId?: number | undefined;
  /** Indicators of the territory itself and of the plans it takes part in. */
  territoryId?: number | undefined;
  includeArchived: boolean;
  limit: number;
  offset: number;
}

export interface IndicatorSummary {
  id: number;
  planId: number | null;
  planCode: string | null;
  territoryId: number | null;
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: IndicatorDirection;
  baselineValue: number;
  baselineDate: string;
  baselineSource: string;
  targetValue: number;
  targetDate: string;
  archivedAt: string | null;
  progress: IndicatorProgress;
}

/**
 * Indicators joined with their plan and their latest measurement (latest date, then latest
 * recorded), found by a correlated subquery so the database does the "latest per indicator".
 */
export function indicatorsWithLatestQuery(db: Db | Trx) {
  return db
    .selectFrom('indicators as i')
    .leftJoin('plans as ip', 'ip.id', 'i.planId')
    .leftJoin('measurements as lm', (join) =>
      join
        .onRef('lm.indicatorId', '=', 'i.id')
        .on((eb) =>
          eb(
            'lm.id',
            '=',
            eb
              .selectFrom('measurements as lm2')
              .select('lm2.id')
              .whereRef('lm2.indicatorId', '=', 'i.id')
              .orderBy('lm2.measuredOn', 'desc')
              .orderBy('lm2.id', 'desc')
              .limit(1),
          ),
        ),
    )
    .select([
      'i.id',
      'i.planId',
      'ip.code as planCode',
      'i.territoryId',
      'i.name',
      'i.unit',
      'i.kind',
      'i.direction',
      'i.baselineValue',
      'i.baselineDate',
      'i.baselineSource',
      'i.targetValue',
      'i.targetDate',
      'i.archivedAt',
      'lm.measuredOn as latestMeasuredOn',
      'lm.value as latestValue',
    ]);
}

type IndicatorWithLatestRow = Awaited<
  ReturnType<ReturnType<typeof indicatorsWithLatestQuery>['execute']>
>[number];

/** Adds the progress and track of @jalon/shared to an indicator row with its latest measurement. */
export function summariseIndicator(row: IndicatorWithLatestRow): IndicatorSummary {
  const { latestMeasuredOn, latestValue, ...indicator } = row;
  const latest =
    latestMeasuredOn !== null && latestValue !== null
      ? [{ measuredOn: latestMeasuredOn, value: latestValue }]
      : [];
  return { ...indicator, progress: indicatorProgress(indicator, latest) };
}

/** Lists the indicators visible to the caller, each with its latest measurement and progress. */
export async function listIndicators(
  db: Db | Trx,
  visibility: Visibility,
  filter: IndicatorFilter,
): Promise<{ items: IndicatorSummary[]; total: number }> {
  const base = db
    .selectFrom('indicators as i')
    .leftJoin('plans as p', 'p.id', 'i.planId')
    .where((eb) =>
      eb.or([
        eb('i.planId', 'in', visiblePlanIds(db, visibility)),
        eb('i.territoryId', 'in', visibleTerritoryIds(db, visibility)),
      ]),
    )
    .$if(!filter.includeArchived, (qb) =>
      qb.where('i.archivedAt', 'is', null).where('p.archivedAt', 'is', null),
    )
    .$if(filter.planId !== undefined, (qb) => qb.where('i.planId', '=', filter.planId ?? 0))
    .$if(filter.territoryId !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('i.territoryId', '=', filter.territoryId ?? 0),
          eb(
            'i.planId',
            'in',
            eb
              .selectFrom('planTerritories')
              .select('planId')
              .where('territoryId', '=', filter.territoryId ?? 0),
          ),
        ]),
      ),
    );

  const [rows, count] = await Promise.all([
    indicatorsWithLatestQuery(db)
      .where('i.id', 'in', base.select('i.id'))
      .orderBy('i.name', 'asc')
      .orderBy('i.id', 'asc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(summariseIndicator), total: Number(count.n) };
}

export async function findIndicator(db: Db | Trx, id: number): Promise<Indicator | undefined> {
  return db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertIndicator(
  trx: Db | Trx,
  values: Insertable<IndicatorTable>,
): Promise<Indicator> {
  return trx.insertInto('indicators').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateIndicator(
  trx: Db | Trx,
  id: number,
  patch: Updateable<IndicatorTable>,
): Promise<Indicator> {
  const indicator = await trx
    .updateTable('indicators')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // A new baseline or target judges the latest measurement anew.
  await refreshIndicatorLatest(trx, [id]);
  return indicator;
}

/** Every measurement of an indicator, oldest first (the order of a chart). */
export async function listIndicatorMeasurements(
  db: Db | Trx,
  indicatorId: number,
): Promise<Measurement[]> {
  return db
    .selectFrom('measurements')
    .selectAll()
    .where('indicatorId', '=', indicatorId)
    .orderBy('measuredOn', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** The date of an indicator's earliest measurement, or null when it has none. */
export async function findEarliestMeasuredOn(
  db: Db | Trx,
  indicatorId: number,
): Promise<string | null> {
  const row = await db
    .selectFrom('measurements')
    .select((eb) => eb.fn.min<string | null>('measuredOn').as('measuredOn'))
    .where('indicatorId', '=', indicatorId)
    .executeTakeFirst();
  return row?.measuredOn ?? null;
}

export interface MeasurementListItem extends Measurement {
  recorderName: string | null;
}

/** One page of an indicator's measurements, newest first, with who recorded each. */
export async function listMeasurements(
  db: Db | Trx,
  filter: { indicatorId: number; limit: number; offset: number },
): Promise<{ items: MeasurementListItem[]; total: number }> {
  const base = db.selectFrom('measurements as m').where('m.indicatorId', '=', filter.indicatorId);
  const [items, count] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'm.recordedBy')
      .selectAll('m')
      .select('u.name as recorderName')
      .orderBy('m.measuredOn', 'desc')
      .orderBy('m.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findMeasurement(db: Db | Trx, id: number): Promise<Measurement | undefined> {
  return db.selectFrom('measurements').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMeasurement(
  trx: Db | Trx,
  values: Insertable<MeasurementTable>,
): Promise<Measurement> {
  const measurement = await trx
    .insertInto('measurements')
    .values(values)
    .returningAll()
    .executeTakeFirstOrThrow();
  await refreshIndicatorLatest(trx, [measurement.indicatorId]);
  return measurement;
}

export async function deleteMeasurement(trx: Db | Trx, id: number): Promise<void> {
  const deleted = await trx
    .deleteFrom('measurements')
    .where('id', '=', id)
    .returning('indicatorId')
    .execute();
  await refreshIndicatorLatest(
    trx,
    deleted.map((m) => m.indicatorId),
  );
}

export async function updateMeasurement(
  trx: Db | Trx,
  id: number,
  patch: Updateable<MeasurementTable>,
): Promise<Measurement> {
  // Moved to another indicator, the former one's latest changes too.
  const before =
    patch.indicatorId !== undefined
      ? await trx.selectFrom('measurements').select('indicatorId').where('id', '=', id).execute()
      : [];
  const measurement = await trx
    .updateTable('measurements')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await refreshIndicatorLatest(trx, [...before.map((m) => m.indicatorId), measurement.indicatorId]);
  return measurement;
}
