import type { Db } from '@jalon/db';
import { ALL_ROWS, getPortfolio, streamActionRows } from '@jalon/db';
import {
  actionListInput,
  isOverdue,
  isoToday,
  portfolioInput,
  roundProgress,
  VOCABULARY_LABELS,
  type Locale,
  type VocabularyLabels,
} from '@jalon/shared';
import { z } from 'zod';
import type { CsvColumn, CsvRecord } from '../csv';
import { visibilityOf, type Principal } from '../auth/permissions';
import { EXPORT_HEADERS } from './headers';
import { PLAN_ACTION_FIELDS, PLAN_FIELDS, planHeaders, type PlanFileField } from '../import/plans';
import { INDICATOR_FIELDS, indicatorHeaders, type IndicatorField } from '../import/indicators';
import {
  MEASUREMENT_FIELDS,
  measurementHeaders,
  type MeasurementField,
} from '../import/measurements';
import type { ParamKinds } from './params';
import { decisionsExport, meetingsExport } from './meetingTables';
import type { AuthedContext } from '../trpc';
import {
  fundingLinesExport,
  historyExport,
  indicatorsExport,
  measurementsExport,
  membersExport,
} from './planTables';

export interface ExportRequest<I> {
  /**
   * A read snapshot of the database, its connection given to this export alone. A table reads
   * its rows with one query; while that query's cursor is open nothing else may run on `db`, so
   * any roll-up or lookup comes first, once per export.
   */
  db: Db;
  user: Principal;
  input: I;
  lang: Locale;
  now: Date;
}

/** A table offered for download: its filters (the procedure's own schema) and its rows. */
export interface ExportTable<I> {
  schema: z.ZodType<I>;
  kinds: ParamKinds;
  /** The procedure's own check, run before the file starts (403, 404); none when rows are filtered. */
  authorize?: (ctx: AuthedContext, input: I) => Promise<void>;
  columns: (lang: Locale) => readonly CsvColumn[];
  /** The data sheet's name in the .xlsx download (by default, the table's name). */
  sheetName?: (lang: Locale) => string;
  /** A sheet of instructions after the data in the .xlsx download (a file meant to come back). */
  instructions?: (lang: Locale) => { sheet: string; lines: readonly string[] };
  /** The rows as CSV records, in batches (a few hundred rows, or a small table at once). */
  records: (request: ExportRequest<I>) => AsyncGenerator<CsvRecord[]>;
}

// The datetime of a meeting or an update, as a date a spreadsheet reads.
const dateOf = (iso: string | null) => (iso === null ? null : iso.slice(0, 10));

const ACTION_KEYS = [
  'planCode',
  'planTitle',
  'stage',
  'title',
  'owner',
  'status',
  'progress',
  'startDate',
  'dueDate',
  'overdue',
  'completedOn',
  'updatedAt',
  'statusComment',
  'id',
  'version',
] as const;

const actionFilters = actionListInput.omit({ limit: true, offset: true });

export const actionsExport: ExportTable<z.infer<typeof actionFilters>> = {
  schema: actionFilters,
  kinds: {
    numbers: ['territoryId', 'planId', 'stageId', 'ownerUserId'],
    booleans: ['mine', 'overdue', 'includeArchived'],
    arrays: ['statuses'],
  },
  columns: (lang) =>
    ACTION_KEYS.map((key) => ({
      key,
      header: EXPORT_HEADERS[lang].actions[key],
      // What the import reads back, offered as a list in the workbook.
      ...(key === 'status' ? { choices: Object.values(VOCABULARY_LABELS[lang].actionStatus) } : {}),
    })),
  instructions: (lang) => ({
    sheet: EXPORT_HEADERS[lang].instructionsSheet,
    lines: EXPORT_HEADERS[lang].actionsInstructions,
  }),
  async *records({ db, user, input, lang, now }) {
    const { mine, ...filter } = input;
    const today = isoToday(now);
    const labels = VOCABULARY_LABELS[lang];
    const words = EXPORT_HEADERS[lang];
    // The same filter, visibility and order as `action.list`, every page in one query.
    const actions = streamActionRows(
      db,
      visibilityOf(user),
      { ...filter, ownerUserId: mine ? user.id : filter.ownerUserId },
      today,
    );
    for await (const batch of actions) {
      yield batch.map((a) => ({
        planCode: a.planCode,
        planTitle: a.planTitle,
        stage: labels.stageKind[a.stageKind],
        title: a.title,
        owner: a.ownerName,
        status: labels.actionStatus[a.status],
        progress: a.progress,
        startDate: a.startDate,
        dueDate: a.dueDate,
        overdue: isOverdue(a, today) ? words.yes : words.no,
        completedOn: a.completedOn,
        updatedAt: dateOf(a.updatedAt),
        statusComment: a.statusComment,
        id: a.id,
        version: a.version,
      }));
    }
  },
};

const PORTFOLIO_KEYS = [
  'code',
  'name',
  'region',
  'progress',
  'plans',
  'overdue',
  'blocked',
  'offTrack',
  'lastMeeting',
  'nextMeeting',
] as const;

const portfolioFilters = portfolioInput.omit({ limit: true, offset: true });

export const portfolioExport: ExportTable<z.infer<typeof portfolioFilters>> = {
  schema: portfolioFilters,
  kinds: { numbers: ['regionId'] },
  columns: (lang) =>
    PORTFOLIO_KEYS.map((key) => ({
      key,
      header: EXPORT_HEADERS[lang].portfolio[key],
      ...(key === 'progress' ? { decimals: 1 } : {}),
    })),
  async *records({ db, user, input, now }) {
    // One call: the roll-ups of every territory are computed once for the whole file.
    const { items } = await getPortfolio(db, {
      visibility: visibilityOf(user),
      regionId: input.regionId,
      sort: input.sort,
      direction: input.direction,
      limit: ALL_ROWS,
      offset: 0,
      today: isoToday(now),
      nowIso: now.toISOString(),
    });
    yield items.map((t) => ({
      code: t.code,
      name: t.name,
      region: t.regionName,
      progress: roundProgress(t.progress),
      plans: t.planCount,
      overdue: t.overdueCount,
      blocked: t.blockedCount,
      offTrack: t.indicatorsOffTrack,
      lastMeeting: dateOf(t.lastHeldMeetingAt),
      nextMeeting: dateOf(t.nextMeetingAt),
    }));
  },
};

/**
 * The template of an import (server/src/import/): its columns in the user's language, a list for
 * each column whose values come from the vocabulary, and the instructions. No rows.
 */
function importTemplate<F extends string>(spec: {
  fields: readonly F[];
  headers: (lang: Locale) => Record<F, string>;
  lists: (labels: VocabularyLabels) => Partial<Record<F, Record<string, string>>>;
  /** Columns offered a list of usual values, other values allowed. */
  suggestions?: (lang: Locale) => Partial<Record<F, readonly string[]>>;
  sheet: (lang: Locale) => string;
  instructions: (lang: Locale) => readonly string[];
}): ExportTable<Record<string, never>> {
  return {
    schema: z.object({}).strict(),
    kinds: {},
    sheetName: spec.sheet,
    columns: (lang) => {
      const headers = spec.headers(lang);
      const lists = spec.lists(VOCABULARY_LABELS[lang]);
      const suggestions: Partial<Record<F, readonly string[]>> = spec.suggestions?.(lang) ?? {};
      return spec.fields.map((key) => {
        const list = lists[key];
        const suggested = suggestions[key];
        return {
          key,
          header: headers[key],
          ...(list ? { choices: Object.values(list) } : {}),
          ...(suggested ? { choices: suggested, suggestions: true } : {}),
        };
      });
    },
    instructions: (lang) => ({
      sheet: EXPORT_HEADERS[lang].instructionsSheet,
      lines: spec.instructions(lang),
    }),
    // A template has no rows.
    async *records() {},
  };
}

export const plansTemplate = importTemplate<PlanFileField>({
  fields: [...PLAN_FIELDS, ...PLAN_ACTION_FIELDS],
  headers: planHeaders,
  lists: (labels) => ({
    axis: labels.axis,
    priority: labels.priority,
    stage: labels.stageKind,
    status: labels.actionStatus,
  }),
  sheet: (lang) => EXPORT_HEADERS[lang].portfolio.plans,
  instructions: (lang) => EXPORT_HEADERS[lang].plansInstructions,
});

export const indicatorsTemplate = importTemplate<IndicatorField>({
  fields: INDICATOR_FIELDS,
  headers: indicatorHeaders,
  lists: (labels) => ({ kind: labels.indicatorKind, direction: labels.indicatorDirection }),
  suggestions: (lang) => ({ unit: EXPORT_HEADERS[lang].unitSuggestions }),
  sheet: (lang) => EXPORT_HEADERS[lang].templateSheets.indicators,
  instructions: (lang) => EXPORT_HEADERS[lang].indicatorsInstructions,
});

export const measurementsTemplate = importTemplate<MeasurementField>({
  fields: MEASUREMENT_FIELDS,
  headers: measurementHeaders,
  lists: () => ({}),
  sheet: (lang) => EXPORT_HEADERS[lang].templateSheets.measurements,
  instructions: (lang) => EXPORT_HEADERS[lang].measurementsInstructions,
});

export const EXPORT_TABLES = {
  actions: actionsExport,
  'plans-template': plansTemplate,
  'indicators-template': indicatorsTemplate,
  'measurements-template': measurementsTemplate,
  portfolio: portfolioExport,
  decisions: decisionsExport,
  meetings: meetingsExport,
  indicators: indicatorsExport,
  'funding-lines': fundingLinesExport,
  measurements: measurementsExport,
  history: historyExport,
  members: membersExport,
} as const;
