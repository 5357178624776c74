import {
  ALL_ROWS,
  findIndicator,
  listFundingLines,
  listEntityHistory,
  listPlanHistory,
  listIndicators,
  streamMeasurementRows,
  listMemberships,
} from '@jalon/db';
import {
  fundingLineListInput,
  historyInput,
  indicatorListInput,
  indicatorProgress,
  measurementListInput,
  membershipListInput,
  VOCABULARY_LABELS,
  AUDIT_FIELD_LABELS,
  createFormatters,
  describeAuditSubject,
  describeAuditValue,
  type AuditValue,
  type AuditValueWords,
  type ReadableHistoryEntry,
  type IndicatorTrack,
  type Locale,
} from '@jalon/shared';
import { z } from 'zod';
import type { CsvColumn, CsvRecord } from '../csv';
import { visibilityOf } from '../auth/permissions';
import { authorize } from '../auth/guards';
import { notFound } from '../errors';
import { authorizeHistory } from '../routers/history';
import type { ExportTable } from './tables';

/**
 * Column names and words of the plan-side downloads (indicators, funding lines, measurements,
 * history, members), per language. Codes (tracks, roles, axes…) come from `VOCABULARY_LABELS`.
 */
export const PLAN_TABLE_HEADERS = {
  fr: {
    indicators: {
      name: 'Indicateur',
      plan: 'Fiche action',
      kind: 'Type',
      unit: 'Unité',
      direction: 'Sens',
      baselineValue: 'Valeur de référence',
      baselineDate: 'Date de référence',
      targetValue: 'Cible',
      targetDate: 'Échéance de la cible',
      latestValue: 'Dernière valeur',
      measuredOn: 'Mesurée le',
      expectedValue: 'Valeur attendue à cette date',
      progress: 'Progression (%)',
      track: 'Trajectoire',
    },
    fundingLines: {
      funder: 'Financeur',
      scheme: 'Dispositif',
      requested: 'Demandé (€)',
      granted: 'Accordé (€)',
      paid: 'Versé (€)',
    },
    measurements: {
      date: 'Date',
      value: 'Valeur',
      expected: 'Valeur attendue',
      track: 'Trajectoire',
      source: 'Source',
      comment: 'Commentaire',
      recordedBy: 'Saisie par',
    },
    history: {
      occurredAt: 'Date et heure (UTC)',
      user: 'Auteur',
      item: 'Élément',
      operation: 'Opération',
      field: 'Champ',
      oldValue: 'Ancienne valeur',
      newValue: 'Nouvelle valeur',
      comment: 'Commentaire',
    },
    members: { name: 'Nom', email: 'Courriel', role: 'Rôle' },
    territoryWide: 'Tout le territoire',
    system: 'Système',
    operation: {
      create: 'Création',
      update: 'Modification',
      delete: 'Suppression',
      archive: 'Archivage',
      status: 'Changement de statut',
    },
    values: {
      deleted: '(supprimé)',
      yes: 'Oui',
      no: 'Non',
      reordered: 'Ordre du jour réorganisé',
      attendance: '{count} présences enregistrées ({detail})',
      meeting: '{committee} du {date}',
    },
  },
  en: {
    indicators: {
      name: 'Indicator',
      plan: 'Action sheet',
      kind: 'Kind',
      unit: 'Unit',
      direction: 'Direction',
      baselineValue: 'Baseline',
      baselineDate: 'Baseline date',
      targetValue: 'Target',
      targetDate: 'Target date',
      latestValue: 'Latest value',
      measuredOn: 'Measured on',
      expectedValue: 'Expected value on that date',
      progress: 'Progress (%)',
      track: 'Track',
    },
    fundingLines: {
      funder: 'Funder',
      scheme: 'Scheme',
      requested: 'Requested (€)',
      granted: 'Granted (€)',
      paid: 'Paid (€)',
    },
    measurements: {
      date: 'Date',
      value: 'Value',
      expected: 'Expected value',
      track: 'Track',
      source: 'Source',
      comment: 'Comment',
      recordedBy: 'Recorded by',
    },
    history: {
      occurredAt: 'Date and time (UTC)',
      user: 'Author',
      item: 'Item',
      operation: 'Operation',
      field: 'Field',
      oldValue: 'Old value',
      newValue: 'New value',
      comment: 'Comment',
    },
    members: { name: 'Name', email: 'Email', role: 'Role' },
    territoryWide: 'Whole territory',
    system: 'System',
    operation: {
      create: 'Created',
      update: 'Changed',
      delete: 'Deleted',
      archive: 'Archived',
      status: 'Status changed',
    },
    values: {
      deleted: '(deleted)',
      yes: 'Yes',
      no: 'No',
      reordered: 'Agenda reordered',
      attendance: '{count} attendances recorded ({detail})',
      meeting: '{committee} of {date}',
    },
  },
  de: {
    indicators: {
      name: 'Indikator',
      plan: 'Maßnahmenblatt',
      kind: 'Art',
      unit: 'Einheit',
      direction: 'Richtung',
      baselineValue: 'Ausgangswert',
      baselineDate: 'Datum des Ausgangswerts',
      targetValue: 'Zielwert',
      targetDate: 'Zieldatum',
      latestValue: 'Letzter Wert',
      measuredOn: 'Gemessen am',
      expectedValue: 'Erwarteter Wert an diesem Datum',
      progress: 'Fortschritt (%)',
      track: 'Zielpfad',
    },
    fundingLines: {
      funder: 'Geldgeber',
      scheme: 'Förderprogramm',
      requested: 'Beantragt (€)',
      granted: 'Bewilligt (€)',
      paid: 'Ausgezahlt (€)',
    },
    measurements: {
      date: 'Datum',
      value: 'Wert',
      expected: 'Erwarteter Wert',
      track: 'Zielpfad',
      source: 'Quelle',
      comment: 'Kommentar',
      recordedBy: 'Erfasst von',
    },
    history: {
      occurredAt: 'Datum und Uhrzeit (UTC)',
      user: 'Autor(in)',
      item: 'Element',
      operation: 'Vorgang',
      field: 'Feld',
      oldValue: 'Alter Wert',
      newValue: 'Neuer Wert',
      comment: 'Kommentar',
    },
    members: { name: 'Name', email: 'E-Mail', role: 'Rolle' },
    territoryWide: 'Gesamtes Territorium',
    system: 'System',
    operation: {
      create: 'Angelegt',
      update: 'Geändert',
      delete: 'Gelöscht',
      archive: 'Archiviert',
      status: 'Status geändert',
    },
    values: {
      deleted: '(gelöscht)',
      yes: 'Ja',
      no: 'Nein',
      reordered: 'Tagesordnung neu geordnet',
      attendance: '{count} Anwesenheiten erfasst ({detail})',
      meeting: '{committee} vom {date}',
    },
  },
} as const satisfies Record<Locale, unknown>;

type Headers = (typeof PLAN_TABLE_HEADERS)[Locale];
type Section = 'indicators' | 'fundingLines' | 'measurements' | 'history' | 'members';

function columnsOf<S extends Section>(
  section: S,
  keys: readonly (keyof Headers[S] & string)[],
  decimals: Partial<Record<keyof Headers[S] & string, number>> = {},
): (lang: Locale) => readonly CsvColumn[] {
  return (lang) =>
    keys.map((key) => ({
      key,
      header: PLAN_TABLE_HEADERS[lang][section][key] as string,
      ...(decimals[key] === undefined ? {} : { decimals: decimals[key] }),
    }));
}

/**
 * Every row of a paginated list function, read with one query (a single page holding them all):
 * for the tables a plan or a territory keeps small (indicators, funding lines, members, history).
 */
async function everyRow<T>(
  page: (paging: { limit: number; offset: number }) => Promise<{ items: T[] }>,
): Promise<T[]> {
  return (await page({ limit: ALL_ROWS, offset: 0 })).items;
}

/** A computed value (expected on the line, progress) to one decimal; null stays empty. */
const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const euros = (cents: number) => cents / 100;

// ---- Indicators -----------------------------------------------------------------------------

const TRACKS = [
  'on_track',
  'off_track',
  'no_data',
  'achieved',
] as const satisfies readonly IndicatorTrack[];

// `indicator.list`'s filters, plus the track the territory dashboard selects ("off track").
const indicatorFilters = indicatorListInput
  .omit({ limit: true, offset: true })
  .extend({ tracks: z.array(z.enum(TRACKS)).optional() });

export const indicatorsExport: ExportTable<z.infer<typeof indicatorFilters>> = {
  schema: indicatorFilters,
  kinds: {
    numbers: ['planId', 'territoryId'],
    booleans: ['includeArchived'],
    arrays: ['tracks'],
  },
  columns: columnsOf('indicators', [
    'name',
    'plan',
    'kind',
    'unit',
    'direction',
    'baselineValue',
    'baselineDate',
    'targetValue',
    'targetDate',
    'latestValue',
    'measuredOn',
    'expectedValue',
    'progress',
    'track',
  ]),
  async *records({ db, user, input, lang }) {
    const { tracks, ...filter } = input;
    const labels = VOCABULARY_LABELS[lang];
    const indicators = await everyRow((paging) =>
      listIndicators(db, visibilityOf(user), { ...filter, ...paging }),
    );
    const shown = tracks ? indicators.filter((i) => tracks.includes(i.progress.track)) : indicators;
    yield shown.map((i) => ({
      name: i.name,
      plan: i.planCode ?? PLAN_TABLE_HEADERS[lang].territoryWide,
      kind: labels.indicatorKind[i.kind],
      unit: i.unit,
      direction: labels.indicatorDirection[i.direction],
      baselineValue: i.baselineValue,
      baselineDate: i.baselineDate,
      targetValue: i.targetValue,
      targetDate: i.targetDate,
      latestValue: i.progress.latest?.value,
      measuredOn: i.progress.latest?.measuredOn,
      expectedValue: oneDecimal(i.progress.expectedValue),
      progress: oneDecimal(i.progress.progressPct),
      track: labels.indicatorTrack[i.progress.track],
    }));
  },
};

// ---- Funding lines --------------------------------------------------------------------------

const fundingLineFilters = fundingLineListInput.omit({ limit: true, offset: true });

export const fundingLinesExport: ExportTable<z.infer<typeof fundingLineFilters>> = {
  schema: fundingLineFilters,
  kinds: { numbers: ['planId'] },
  authorize: async (ctx, input) => {
    await authorize(ctx, 'read', { entity: 'plan', id: input.planId });
  },
  columns: columnsOf('fundingLines', ['funder', 'scheme', 'requested', 'granted', 'paid'], {
    requested: 2,
    granted: 2,
    paid: 2,
  }),
  async *records({ db, input }) {
    const lines = await everyRow((paging) => listFundingLines(db, { ...input, ...paging }));
    yield lines.map((line) => ({
      funder: line.funderName,
      scheme: line.scheme,
      requested: euros(line.requestedCents),
      granted: euros(line.grantedCents),
      paid: euros(line.paidCents),
    }));
  },
};

// ---- Measurements ---------------------------------------------------------------------------

const measurementFilters = measurementListInput.omit({ limit: true, offset: true });

export const measurementsExport: ExportTable<z.infer<typeof measurementFilters>> = {
  schema: measurementFilters,
  kinds: { numbers: ['indicatorId'] },
  authorize: async (ctx, input) => {
    await authorize(ctx, 'read', { entity: 'indicator', id: input.indicatorId });
  },
  columns: columnsOf('measurements', [
    'date',
    'value',
    'expected',
    'track',
    'source',
    'comment',
    'recordedBy',
  ]),
  async *records({ db, input, lang }) {
    const indicator = await findIndicator(db, input.indicatorId);
    if (!indicator) throw notFound('indicator', input.indicatorId);
    const labels = VOCABULARY_LABELS[lang];
    // Newest first, as `measurement.list` pages them, in one query.
    for await (const batch of streamMeasurementRows(db, input.indicatorId)) {
      yield batch.map((m) => {
        // Each measurement judged alone: the expectation on its own date, and its track.
        const judged = indicatorProgress(indicator, [m]);
        return {
          date: m.measuredOn,
          value: m.value,
          expected: oneDecimal(judged.expectedValue),
          track: labels.indicatorTrack[judged.track],
          source: m.source,
          comment: m.comment,
          recordedBy: m.recorderName,
        };
      });
    }
  },
};

// ---- History --------------------------------------------------------------------------------

type Cell = string | number | null;

const historyFilters = historyInput.omit({ limit: true, offset: true });

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/**
 * One line per changed field, each with its label and values as the history screens show them
 * (names, formatted dates and amounts, vocabulary labels), never a key or an id. A plan's file
 * holds its whole history: stages, actions, indicators, measurements included.
 */
export const historyExport: ExportTable<z.infer<typeof historyFilters>> = {
  schema: historyFilters,
  kinds: { numbers: ['entityId'] },
  authorize: (ctx, input) => authorizeHistory(ctx, input),
  columns: columnsOf('history', [
    'occurredAt',
    'user',
    'item',
    'operation',
    'field',
    'oldValue',
    'newValue',
    'comment',
  ]),
  async *records({ db, input, lang }) {
    const words = PLAN_TABLE_HEADERS[lang];
    const format = createFormatters(lang);
    const valueWords: AuditValueWords = {
      none: '',
      deleted: words.values.deleted,
      yes: words.values.yes,
      no: words.values.no,
      attendance: (count, detail) =>
        fill(words.values.attendance, { count: String(count), detail }),
      meeting: (committee, date) => fill(words.values.meeting, { committee, date }),
    };
    const fieldLabels = AUDIT_FIELD_LABELS[lang] as Record<string, Record<string, string>>;
    // Amounts and figures stay numbers, so a spreadsheet can add them up.
    const cell = (value: AuditValue | null): Cell => {
      if (value === null) return null;
      if (value.kind === 'money') return euros(value.cents);
      if (value.kind === 'number') return value.value;
      return describeAuditValue(value, lang, format, valueWords, { full: true });
    };
    const lines = (entry: ReadableHistoryEntry): CsvRecord[] => {
      const common = {
        occurredAt: entry.occurredAt.slice(0, 16).replace('T', ' '),
        user: entry.userName ?? words.system,
        item: describeAuditSubject(entry, lang, format, valueWords),
        operation: words.operation[entry.operation],
        comment: entry.comment,
      };
      if (entry.reordered) return [{ ...common, field: words.values.reordered }];
      if (entry.changes.length === 0) return [common];
      return entry.changes.map((change) => ({
        ...common,
        field: fieldLabels[entry.entityType]?.[change.field] ?? null,
        oldValue: cell(change.from),
        newValue: cell(change.to),
      }));
    };
    const page = (paging: { limit: number; offset: number }) =>
      input.entityType === 'plan'
        ? listPlanHistory(db, { planId: input.entityId, ...paging })
        : listEntityHistory(db, { ...input, ...paging });
    yield (await everyRow(page)).flatMap(lines);
  },
};

// ---- Territory members ----------------------------------------------------------------------

const memberFilters = membershipListInput.omit({ limit: true, offset: true });

export const membersExport: ExportTable<z.infer<typeof memberFilters>> = {
  schema: memberFilters,
  kinds: { numbers: ['territoryId'] },
  // The members screen, emails included, is for the territory's coordinators.
  authorize: async (ctx, input) => {
    await authorize(ctx, 'manage', { entity: 'territory', id: input.territoryId });
  },
  columns: columnsOf('members', ['name', 'email', 'role']),
  async *records({ db, input, lang }) {
    const roles = VOCABULARY_LABELS[lang].territoryRole;
    const members = await everyRow((paging) => listMemberships(db, { ...input, ...paging }));
    yield members.map((m) => ({ name: m.userName, email: m.userEmail, role: roles[m.role] }));
  },
};
