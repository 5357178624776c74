import {
  ALL_ROWS,
  listDecisions,
  listMeetings,
  loadLinkNames,
  loadTerritoryNames,
} from '@jalon/db';
import type { Db } from '@jalon/db';
import { decisionListInput, meetingListInput, VOCABULARY_LABELS, type Locale } from '@jalon/shared';
import type { z } from 'zod';
import type { CsvColumn, CsvRecord } from '../csv';
import { visibilityOf } from '../auth/permissions';
import type { ExportTable } from './tables';

/**
 * Meetings are stored as UTC instants; committees read them on the French clock. Every meeting
 * file writes them in this zone, as `YYYY-MM-DD HH:MM` (or the day alone), which spreadsheets read
 * as dates.
 */
export const MEETING_TIME_ZONE = 'Europe/Paris';

const localParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: MEETING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A UTC instant as the local `YYYY-MM-DD HH:MM` of the committees, null stays null. */
export function localDateTime(iso: string | null): string | null {
  if (iso === null) return null;
  const parts = Object.fromEntries(
    localParts.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The local day of a UTC instant, `YYYY-MM-DD`. */
export const localDate = (iso: string | null): string | null =>
  localDateTime(iso)?.slice(0, 10) ?? null;

/** Column names of the decision register and meeting list downloads, per language. */
export const MEETING_TABLE_HEADERS = {
  fr: {
    decisions: {
      committee: 'Comité',
      meetingDate: 'Date de la séance',
      number: 'N°',
      text: 'Décision',
      kind: 'Nature',
      planCode: 'Fiche action',
      linked: 'Étape ou action liée',
      owner: 'Responsable',
      dueDate: 'Échéance',
      followUp: 'Suivi',
    },
    meetings: {
      id: 'id',
      committee: 'Comité',
      committeeKind: 'Type de comité',
      territory: 'Territoire',
      date: 'Date et heure',
      place: 'Lieu',
      mode: 'Modalité',
      status: 'Statut',
      heldAt: 'Tenue le',
    },
  },
  en: {
    decisions: {
      committee: 'Committee',
      meetingDate: 'Meeting date',
      number: 'No.',
      text: 'Decision',
      kind: 'Kind',
      planCode: 'Action sheet',
      linked: 'Linked stage or action',
      owner: 'Owner',
      dueDate: 'Due date',
      followUp: 'Follow-up',
    },
    meetings: {
      id: 'id',
      committee: 'Committee',
      committeeKind: 'Committee type',
      territory: 'Territory',
      date: 'Date and time',
      place: 'Place',
      mode: 'Mode',
      status: 'Status',
      heldAt: 'Held at',
    },
  },
  de: {
    decisions: {
      committee: 'Ausschuss',
      meetingDate: 'Sitzungsdatum',
      number: 'Nr.',
      text: 'Beschluss',
      kind: 'Art',
      planCode: 'Maßnahmenblatt',
      linked: 'Verknüpfte Phase oder Maßnahme',
      owner: 'Verantwortlich',
      dueDate: 'Frist',
      followUp: 'Nachverfolgung',
    },
    meetings: {
      id: 'id',
      committee: 'Ausschuss',
      committeeKind: 'Ausschussart',
      territory: 'Industrieterritorium',
      date: 'Datum und Uhrzeit',
      place: 'Ort',
      mode: 'Format',
      status: 'Status',
      heldAt: 'Abgehalten am',
    },
  },
} as const satisfies Record<Locale, unknown>;

type Headers = (typeof MEETING_TABLE_HEADERS)[Locale];

function columnsOf<S extends keyof Headers>(
  section: S,
  keys: readonly (keyof Headers[S] & string)[],
): (lang: Locale) => readonly CsvColumn[] {
  return (lang) =>
    keys.map((key) => ({ key, header: MEETING_TABLE_HEADERS[lang][section][key] as string }));
}

/**
 * Names what decisions or agenda items point to: the action's title, else the stage's label. The
 * names of a whole file are read at once, before its rows are written.
 */
export async function linkNamer(
  db: Db,
  lang: Locale,
  links: readonly { stageId: number | null; actionId: number | null }[],
): Promise<(link: { stageId: number | null; actionId: number | null }) => string | null> {
  const stageKinds = VOCABULARY_LABELS[lang].stageKind;
  const names = await loadLinkNames(db, links);
  return (link) => {
    if (link.actionId !== null) return names.actionTitles.get(link.actionId) ?? null;
    if (link.stageId === null) return null;
    const kind = names.stageKinds.get(link.stageId);
    return kind === undefined ? null : stageKinds[kind];
  };
}

const DECISION_KEYS = [
  'committee',
  'meetingDate',
  'number',
  'text',
  'kind',
  'planCode',
  'linked',
  'owner',
  'dueDate',
  'followUp',
] as const;

const decisionFilters = decisionListInput.omit({ limit: true, offset: true });

/** The decision register, with the filters and the visibility of `decision.list`. */
export const decisionsExport: ExportTable<z.infer<typeof decisionFilters>> = {
  schema: decisionFilters,
  kinds: {
    numbers: ['territoryId', 'committeeId', 'meetingId', 'planId'],
    arrays: ['followUpStatuses', 'kinds'],
  },
  columns: columnsOf('decisions', DECISION_KEYS),
  async *records({ db, user, input, lang }): AsyncGenerator<CsvRecord[]> {
    const labels = VOCABULARY_LABELS[lang];
    // Every decision in one query, then the names they link to, once for the file.
    const { items } = await listDecisions(db, visibilityOf(user), {
      ...input,
      limit: ALL_ROWS,
      offset: 0,
    });
    const linkName = await linkNamer(db, lang, items);
    yield items.map((d) => ({
      committee: d.committeeName,
      meetingDate: localDate(d.meetingScheduledAt),
      number: d.number,
      text: d.text,
      kind: labels.decisionKind[d.kind],
      planCode: d.planCode,
      linked: linkName(d),
      owner: d.ownerName,
      dueDate: d.dueDate,
      followUp: labels.decisionStatus[d.followUpStatus],
    }));
  },
};

const MEETING_KEYS = [
  'id',
  'committee',
  'committeeKind',
  'territory',
  'date',
  'place',
  'mode',
  'status',
  'heldAt',
] as const;

export const meetingColumns = columnsOf('meetings', MEETING_KEYS);

const meetingFilters = meetingListInput.omit({ limit: true, offset: true });
export type MeetingFilters = z.infer<typeof meetingFilters>;

/**
 * The meetings of `meeting.list` (its filters, the given visibility) as CSV records, read in one
 * query. Shared by the download and `jalon export meetings`.
 */
export async function* meetingRecords(
  db: Db,
  visibility: Parameters<typeof listMeetings>[1],
  filters: MeetingFilters,
  lang: Locale,
): AsyncGenerator<CsvRecord[]> {
  const labels = VOCABULARY_LABELS[lang];
  // Every meeting in one query, then the names of their territories, once for the file.
  const { items } = await listMeetings(db, visibility, { ...filters, limit: ALL_ROWS, offset: 0 });
  const territoryNames = await loadTerritoryNames(
    db,
    items.map((m) => m.territoryId),
  );
  yield items.map((m) => ({
    id: m.id,
    committee: m.committeeName,
    committeeKind: labels.committeeKind[m.committeeKind],
    territory: territoryNames.get(m.territoryId) ?? null,
    date: localDateTime(m.scheduledAt),
    place: m.place,
    mode: labels.meetingMode[m.mode],
    status: labels.meetingStatus[m.status],
    heldAt: localDateTime(m.heldAt),
  }));
}

export const meetingsExport: ExportTable<MeetingFilters> = {
  schema: meetingFilters,
  kinds: { numbers: ['territoryId', 'committeeId'], arrays: ['statuses'] },
  columns: meetingColumns,
  records: ({ db, user, input, lang }) => meetingRecords(db, visibilityOf(user), input, lang),
};
