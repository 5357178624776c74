import {
  findIndicator,
  findPlanDetail,
  listFundingLines,
  listHistory,
  listIndicators,
  listMeasurements,
  listMemberships,
  type HistoryEntry,
  type PlanDetail,
} from '@jalon/db';
import {
  expectedValueOn,
  fundingLineListInput,
  historyInput,
  indicatorListInput,
  indicatorProgress,
  isoToday,
  measurementListInput,
  membershipListInput,
  VOCABULARY_LABELS,
  type IndicatorTrack,
  type Locale,
} from '@jalon/shared';
import { z } from 'zod';
import type { CsvColumn, CsvRecord } from '../csv';
import { visibilityOf } from '../auth/permissions';
import { authorize, notFound } from '../trpc';
import { authorizeHistory } from '../routers/history';
import type { ExportTable } from './tables';

/** Rows fetched per query: the largest page the procedures accept, so memory stays bounded. */
const PAGE_SIZE = 200;

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
    planFields: {
      code: 'Code',
      title: 'Intitulé',
      summary: 'Résumé',
      axis: 'Axe',
      priority: 'Priorité',
      leadOrganisationId: 'Porteur',
      startDate: 'Début',
      endDate: 'Fin',
      budgetCents: 'Budget (€)',
      archivedAt: 'Archivage',
      territoryIds: 'Territoires',
      partners: 'Partenaires',
      leadUserIds: 'Pilotes',
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
    planFields: {
      code: 'Code',
      title: 'Title',
      summary: 'Summary',
      axis: 'Axis',
      priority: 'Priority',
      leadOrganisationId: 'Lead organisation',
      startDate: 'Start',
      endDate: 'End',
      budgetCents: 'Budget (€)',
      archivedAt: 'Archived',
      territoryIds: 'Territories',
      partners: 'Partners',
      leadUserIds: 'Action leads',
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
    planFields: {
      code: 'Kennung',
      title: 'Titel',
      summary: 'Zusammenfassung',
      axis: 'Achse',
      priority: 'Priorität',
      leadOrganisationId: 'Träger',
      startDate: 'Beginn',
      endDate: 'Ende',
      budgetCents: 'Budget (€)',
      archivedAt: 'Archivierung',
      territoryIds: 'Territorien',
      partners: 'Partner',
      leadUserIds: 'Verantwortliche',
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

/** Reads every page of a paginated query function, PAGE_SIZE rows at a time. */
async function* everyPage<T>(
  page: (paging: { limit: number; offset: number }) => Promise<{ items: T[] }>,
): AsyncGenerator<T> {
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const { items } = await page({ limit: PAGE_SIZE, offset });
    yield* items;
    if (items.length < PAGE_SIZE) return;
  }
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
    const indicators = everyPage((paging) =>
      listIndicators(db, visibilityOf(user), { ...filter, ...paging }),
    );
    for await (const i of indicators) {
      if (tracks && !tracks.includes(i.progress.track)) continue;
      yield {
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
      };
    }
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
    const lines = everyPage((paging) => listFundingLines(db, { ...input, ...paging }));
    for await (const line of lines) {
      yield {
        funder: line.funderName,
        scheme: line.scheme,
        requested: euros(line.requestedCents),
        granted: euros(line.grantedCents),
        paid: euros(line.paidCents),
      };
    }
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
    // Newest first, as `measurement.list` pages them.
    const measurements = everyPage((paging) => listMeasurements(db, { ...input, ...paging }));
    for await (const m of measurements) {
      yield {
        date: m.measuredOn,
        value: m.value,
        expected: oneDecimal(expectedValueOn(indicator, m.measuredOn)),
        track: labels.indicatorTrack[indicatorProgress(indicator, [m]).track],
        source: m.source,
        comment: m.comment,
        recordedBy: m.recorderName,
      };
    }
  },
};

// ---- History --------------------------------------------------------------------------------

type PlanField = keyof Headers['planFields'];
const isPlanField = (key: string): key is PlanField => key in PLAN_TABLE_HEADERS.fr.planFields;

type Cell = string | number | null;

const asText = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);

/** Any recorded value as a cell: money in euros, lists and objects as JSON, the rest as it is. */
function plainCell(field: string, value: unknown): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return field.endsWith('Cents') ? euros(value) : value;
  return asText(value);
}

/** A recorded plan value in words, as the plan page's history shows it (names for ids). */
function planCell(field: PlanField, value: unknown, plan: PlanDetail | null, lang: Locale): Cell {
  if (value === null || value === undefined || value === '') return null;
  const labels = VOCABULARY_LABELS[lang];
  const list = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : []);
  const orgName = (id: unknown) =>
    plan?.partners.find((p) => p.organisationId === id)?.name ??
    (plan && id === plan.leadOrganisationId ? plan.leadOrganisationName : null) ??
    `#${asText(id)}`;
  switch (field) {
    case 'axis':
      return labels.axis[value as keyof typeof labels.axis] ?? asText(value);
    case 'priority':
      return labels.priority[value as keyof typeof labels.priority] ?? asText(value);
    case 'leadOrganisationId':
      return orgName(value);
    case 'territoryIds':
      return list(value)
        .map((id) => plan?.territories.find((t) => t.id === id)?.name ?? `#${asText(id)}`)
        .join(', ');
    case 'leadUserIds':
      return list(value)
        .map((id) => plan?.leads.find((l) => l.userId === id)?.name ?? `#${asText(id)}`)
        .join(', ');
    case 'partners':
      return list(value)
        .map((p) => {
          const partner = p as { organisationId?: unknown; role?: unknown };
          const role =
            labels.partnerRole[partner.role as keyof typeof labels.partnerRole] ??
            asText(partner.role);
          return `${orgName(partner.organisationId)} (${role})`;
        })
        .join(', ');
    default:
      return plainCell(field, value);
  }
}

const historyFilters = historyInput.omit({ limit: true, offset: true });

export const historyExport: ExportTable<z.infer<typeof historyFilters>> = {
  schema: historyFilters,
  kinds: { numbers: ['entityId'] },
  authorize: (ctx, input) => authorizeHistory(ctx, input),
  columns: columnsOf('history', [
    'occurredAt',
    'user',
    'operation',
    'field',
    'oldValue',
    'newValue',
    'comment',
  ]),
  async *records({ db, input, lang, now }) {
    const words = PLAN_TABLE_HEADERS[lang];
    const plan =
      input.entityType === 'plan'
        ? ((await findPlanDetail(db, input.entityId, isoToday(now))) ?? null)
        : null;
    const cell = (field: string, value: unknown): Cell =>
      input.entityType === 'plan' && isPlanField(field)
        ? planCell(field, value, plan, lang)
        : plainCell(field, value);
    const fieldName = (field: string) =>
      input.entityType === 'plan' && isPlanField(field) ? words.planFields[field] : field;
    // One line per changed field, as the plan page lists them; one line for other operations.
    const lines = (entry: HistoryEntry): CsvRecord[] => {
      const common = {
        occurredAt: entry.occurredAt.slice(0, 16).replace('T', ' '),
        user: entry.userName ?? words.system,
        operation: words.operation[entry.operation],
        comment: entry.comment,
      };
      const fields = entry.operation === 'update' ? Object.keys(entry.newValue ?? {}) : [];
      if (fields.length === 0) return [common];
      return fields.map((field) => ({
        ...common,
        field: fieldName(field),
        oldValue: cell(field, entry.oldValue?.[field]),
        newValue: cell(field, entry.newValue?.[field]),
      }));
    };
    for await (const entry of everyPage((paging) => listHistory(db, { ...input, ...paging }))) {
      yield* lines(entry);
    }
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
    for await (const m of everyPage((paging) => listMemberships(db, { ...input, ...paging }))) {
      yield { name: m.userName, email: m.userEmail, role: roles[m.role] };
    }
  },
};
