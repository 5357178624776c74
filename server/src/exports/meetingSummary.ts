import {
  loadLinkNames,
  findMeeting,
  listAgendaItems,
  listAttendance,
  listMeetingDecisions,
  loadMeetingReview,
  type Db,
  type MeetingReview,
} from '@jalon/db';
import {
  isoToday,
  STAGE_KINDS,
  VOCABULARY_LABELS,
  type ActionStatus,
  type Locale,
  type MeetingChanges,
  type MeetingSnapshot,
  type StageKind,
} from '@jalon/shared';
import type { CsvColumn, CsvRecord } from '../csv';
import { EXPORT_HEADERS } from './headers';
import { localDateTime } from './meetingTables';

// A meeting's summary as one CSV file: one header row, then rows of seven sections, each row naming
// its section in the first column and filling only the columns that section documents
// (docs/meeting-summary-csv.md).

export const SUMMARY_SECTIONS = [
  'meeting',
  'attendance',
  'agenda',
  'decisions',
  'changes',
  'indicators',
  'minutes',
] as const;
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];

export const SUMMARY_KEYS = [
  'section',
  'committee',
  'territory',
  'date',
  'place',
  'mode',
  'status',
  'heldAt',
  'person',
  'organisation',
  'representedBy',
  'position',
  'title',
  'number',
  'text',
  'kind',
  'plan',
  'stage',
  'action',
  'owner',
  'dueDate',
  'from',
  'to',
  'before',
  'after',
  'delta',
  'indicator',
  'unit',
  'baseline',
  'target',
  'latest',
  'measuredOn',
  'expected',
  'track',
  'newSince',
  'minutes',
] as const;
export type SummaryKey = (typeof SUMMARY_KEYS)[number];

type SummaryHeaders = Record<SummaryKey, string> & { sections: Record<SummarySection, string> };

/** The summary's column names and section names, per language. */
export const MEETING_SUMMARY_HEADERS: Record<Locale, SummaryHeaders> = {
  fr: {
    sections: {
      meeting: 'Séance',
      attendance: 'Présence',
      agenda: 'Ordre du jour',
      decisions: 'Décisions',
      changes: 'Évolution des actions',
      indicators: 'Indicateurs',
      minutes: 'Compte rendu',
    },
    section: 'Rubrique',
    committee: 'Comité',
    territory: 'Territoire',
    date: 'Date et heure',
    place: 'Lieu',
    mode: 'Modalité',
    status: 'Statut',
    heldAt: 'Tenue le',
    person: 'Personne',
    organisation: 'Organisation',
    representedBy: 'Représenté par',
    position: 'Rang',
    title: 'Point',
    number: 'N° de décision',
    text: 'Décision',
    kind: 'Nature',
    plan: 'Fiche action',
    stage: 'Étape',
    action: 'Action',
    owner: 'Responsable',
    dueDate: 'Échéance',
    from: 'Statut avant',
    to: 'Statut après',
    before: 'Avancement avant (%)',
    after: 'Avancement après (%)',
    delta: 'Écart (points)',
    indicator: 'Indicateur',
    unit: 'Unité',
    baseline: 'Valeur de référence',
    target: 'Cible',
    latest: 'Dernière valeur',
    measuredOn: 'Mesurée le',
    expected: 'Valeur attendue',
    track: 'Trajectoire',
    newSince: 'Nouvelle mesure depuis la séance précédente',
    minutes: 'Texte du compte rendu',
  },
  en: {
    sections: {
      meeting: 'Meeting',
      attendance: 'Attendance',
      agenda: 'Agenda',
      decisions: 'Decisions',
      changes: 'Action changes',
      indicators: 'Indicators',
      minutes: 'Minutes',
    },
    section: 'Section',
    committee: 'Committee',
    territory: 'Territory',
    date: 'Date and time',
    place: 'Place',
    mode: 'Mode',
    status: 'Status',
    heldAt: 'Held at',
    person: 'Person',
    organisation: 'Organisation',
    representedBy: 'Represented by',
    position: 'Position',
    title: 'Item',
    number: 'Decision no.',
    text: 'Decision',
    kind: 'Kind',
    plan: 'Action sheet',
    stage: 'Stage',
    action: 'Action',
    owner: 'Owner',
    dueDate: 'Due date',
    from: 'Status before',
    to: 'Status after',
    before: 'Progress before (%)',
    after: 'Progress after (%)',
    delta: 'Change (points)',
    indicator: 'Indicator',
    unit: 'Unit',
    baseline: 'Baseline',
    target: 'Target',
    latest: 'Latest value',
    measuredOn: 'Measured on',
    expected: 'Expected value',
    track: 'Track',
    newSince: 'New since previous meeting',
    minutes: 'Text of the minutes',
  },
  de: {
    sections: {
      meeting: 'Sitzung',
      attendance: 'Anwesenheit',
      agenda: 'Tagesordnung',
      decisions: 'Beschlüsse',
      changes: 'Änderungen an Maßnahmen',
      indicators: 'Indikatoren',
      minutes: 'Protokoll',
    },
    section: 'Abschnitt',
    committee: 'Ausschuss',
    territory: 'Industrieterritorium',
    date: 'Datum und Uhrzeit',
    place: 'Ort',
    mode: 'Format',
    status: 'Status',
    heldAt: 'Abgehalten am',
    person: 'Person',
    organisation: 'Organisation',
    representedBy: 'Vertreten durch',
    position: 'Position',
    title: 'Tagesordnungspunkt',
    number: 'Beschluss-Nr.',
    text: 'Beschluss',
    kind: 'Art',
    plan: 'Maßnahmenblatt',
    stage: 'Phase',
    action: 'Maßnahme',
    owner: 'Verantwortlich',
    dueDate: 'Frist',
    from: 'Status vorher',
    to: 'Status nachher',
    before: 'Fortschritt vorher (%)',
    after: 'Fortschritt nachher (%)',
    delta: 'Veränderung (Punkte)',
    indicator: 'Indikator',
    unit: 'Einheit',
    baseline: 'Ausgangswert',
    target: 'Zielwert',
    latest: 'Letzter Wert',
    measuredOn: 'Gemessen am',
    expected: 'Erwarteter Wert',
    track: 'Verlauf',
    newSince: 'Neu seit der letzten Sitzung',
    minutes: 'Text des Protokolls',
  },
};

export function meetingSummaryColumns(lang: Locale): readonly CsvColumn<SummaryKey>[] {
  return SUMMARY_KEYS.map((key) => ({ key, header: MEETING_SUMMARY_HEADERS[lang][key] }));
}

type SummaryRecord = CsvRecord<SummaryKey>;

/** Where the state of the meeting puts each plan, stage and action, to name links by it. */
function linkIndex(state: MeetingSnapshot) {
  const plans = new Map<number, string>();
  const stages = new Map<number, StageKind>();
  const actions = new Map<number, { title: string; stageKind: StageKind }>();
  for (const plan of state.plans) {
    plans.set(plan.id, plan.code);
    for (const stage of plan.stages) {
      stages.set(stage.id, stage.kind);
      for (const action of stage.actions) {
        actions.set(action.id, { title: action.title, stageKind: stage.kind });
      }
    }
  }
  return { plans, stages, actions };
}

const roundTo = (value: number | null, decimals: number) =>
  value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;

const LEVEL_ORDER = { plan: 0, stage: 1, action: 2 } as const;

interface ChangeRow {
  planCode: string;
  level: keyof typeof LEVEL_ORDER;
  stageKind: StageKind | null;
  title: string | null;
  from?: ActionStatus | null;
  to?: ActionStatus;
  before?: number | null;
  after?: number | null;
  delta?: number;
}

/**
 * One row per plan and stage whose progress moved, and one per action whose status or progress
 * changed (both on the same row), in plan order, then plan, stage, action.
 */
function changeRows(changes: MeetingChanges, state: MeetingSnapshot): ChangeRow[] {
  const index = linkIndex(state);
  const byAction = new Map<number, ChangeRow>();
  const rows: ChangeRow[] = [];
  for (const c of changes.statusChanges) {
    const row: ChangeRow = {
      planCode: c.planCode,
      level: 'action',
      stageKind: index.actions.get(c.actionId)?.stageKind ?? null,
      title: c.title,
      from: c.from,
      to: c.to,
    };
    byAction.set(c.actionId, row);
    rows.push(row);
  }
  for (const d of changes.progressDeltas) {
    const delta = { before: d.before, after: d.after, delta: d.delta };
    const known = d.level === 'action' ? byAction.get(d.id) : undefined;
    if (known) Object.assign(known, delta);
    else
      rows.push({
        planCode: d.planCode,
        level: d.level,
        stageKind: d.stageKind,
        title: d.level === 'stage' ? null : d.title,
        ...delta,
      });
  }
  const stageOrder = (kind: StageKind | null) => (kind === null ? -1 : STAGE_KINDS.indexOf(kind));
  return rows.sort(
    (x, y) =>
      x.planCode.localeCompare(y.planCode, 'fr') ||
      LEVEL_ORDER[x.level] - LEVEL_ORDER[y.level] ||
      stageOrder(x.stageKind) - stageOrder(y.stageKind) ||
      (x.title ?? '').localeCompare(y.title ?? '', 'fr'),
  );
}

interface SummaryData {
  review: MeetingReview;
  attendance: Awaited<ReturnType<typeof listAttendance>>;
  agenda: Awaited<ReturnType<typeof listAgendaItems>>;
  decisions: Awaited<ReturnType<typeof listMeetingDecisions>>;
  /** Stages linked from the agenda or decisions that the meeting's state does not hold. */
  otherStages: Map<number, StageKind>;
  /** The minutes' text; empty while none is drafted. */
  minutes: string;
}

function* summaryRecords(data: SummaryData, lang: Locale): Generator<SummaryRecord> {
  const { review } = data;
  const labels = VOCABULARY_LABELS[lang];
  const words = EXPORT_HEADERS[lang];
  const section = MEETING_SUMMARY_HEADERS[lang].sections;
  const index = linkIndex(review.state);
  // Links are named as the meeting's state saw them: a held meeting keeps its words.
  const planCode = (id: number | null, live: string | null) =>
    (id === null ? null : index.plans.get(id)) ?? live;
  const actionTitle = (id: number | null, live: string | null) =>
    (id === null ? null : index.actions.get(id)?.title) ?? live;
  const stageName = (id: number | null) => {
    if (id === null) return null;
    const kind = index.stages.get(id) ?? data.otherStages.get(id);
    return kind === undefined ? null : labels.stageKind[kind];
  };

  const m = review.meeting;
  yield {
    section: section.meeting,
    committee: m.committeeName,
    territory: m.territoryName,
    date: localDateTime(m.scheduledAt),
    place: m.place,
    mode: labels.meetingMode[m.mode],
    status: labels.meetingStatus[m.status],
    heldAt: localDateTime(m.heldAt),
  };

  for (const a of data.attendance) {
    yield {
      section: section.attendance,
      person: a.personName,
      organisation: a.organisationName,
      status: labels.attendanceStatus[a.status],
      representedBy: a.representedBy,
    };
  }

  for (const item of data.agenda) {
    yield {
      section: section.agenda,
      position: item.position,
      title: item.title,
      plan: planCode(item.planId, item.planCode),
      stage: stageName(item.stageId),
      action: actionTitle(item.actionId, item.actionTitle),
    };
  }

  for (const d of data.decisions) {
    yield {
      section: section.decisions,
      number: d.number,
      text: d.text,
      kind: labels.decisionKind[d.kind],
      plan: planCode(d.planId, d.planCode),
      stage: stageName(d.stageId),
      action: actionTitle(d.actionId, null),
      owner: d.ownerName,
      dueDate: d.dueDate,
      status: labels.decisionStatus[d.followUpStatus],
    };
  }

  for (const c of review.changes ? changeRows(review.changes, review.state) : []) {
    yield {
      section: section.changes,
      plan: c.planCode,
      stage: c.stageKind === null ? null : labels.stageKind[c.stageKind],
      action: c.level === 'action' ? c.title : null,
      from: c.from ? labels.actionStatus[c.from] : null,
      to: c.to ? labels.actionStatus[c.to] : null,
      before: c.before,
      after: c.after,
      delta: c.delta,
    };
  }

  const measured = new Set(review.changes?.newMeasurements.map((n) => n.indicatorId));
  const indicators = [
    ...review.state.plans.flatMap((plan) => plan.indicators.map((i) => ({ ...i, plan }))),
    ...review.state.territoryIndicators.map((i) => ({ ...i, plan: null })),
  ];
  for (const i of indicators) {
    yield {
      section: section.indicators,
      indicator: i.name,
      plan: i.plan?.code,
      unit: i.unit,
      baseline: i.baselineValue,
      target: i.targetValue,
      latest: i.latestValue,
      measuredOn: i.latestMeasuredOn,
      expected: roundTo(i.expectedValue, 2),
      track: labels.indicatorTrack[i.track],
      // Without a previous meeting there is nothing to be new against.
      newSince: review.changes ? (measured.has(i.id) ? words.yes : words.no) : null,
    };
  }

  // The minutes, one row with their whole text (line breaks kept inside the quoted cell).
  if (data.minutes !== '') yield { section: section.minutes, minutes: data.minutes };
}

/**
 * Reads a meeting's summary: its row, attendance, agenda, decisions, and the state and changes of
 * `loadMeetingReview` (frozen for a held meeting). Undefined for an unknown meeting. Shared by
 * `GET /api/meetings/<id>/summary.csv` and `jalon export meeting <id>`.
 */
export async function loadMeetingSummary(
  db: Db,
  meetingId: number,
  lang: Locale,
  now: Date,
): Promise<Iterable<CsvRecord> | undefined> {
  const review = await loadMeetingReview(db, meetingId, isoToday(now));
  if (!review) return undefined;
  const [attendance, agenda, decisions, meeting] = await Promise.all([
    listAttendance(db, meetingId),
    listAgendaItems(db, meetingId),
    listMeetingDecisions(db, meetingId),
    findMeeting(db, meetingId),
  ]);
  const known = linkIndex(review.state).stages;
  const unknownStages = [...agenda, ...decisions]
    .filter(({ stageId }) => stageId !== null && !known.has(stageId))
    .map(({ stageId }) => ({ stageId, actionId: null }));
  const otherStages = (await loadLinkNames(db, unknownStages)).stageKinds;
  return summaryRecords(
    { review, attendance, agenda, decisions, otherStages, minutes: meeting?.minutes ?? '' },
    lang,
  );
}
