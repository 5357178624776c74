import type { StageKind } from './vocabulary';
import type { VocabularyLabels } from './labels';

/**
 * What every audited field of every entity holds, so that history reads as people speak: a date
 * is formatted, a code gets its label, a reference gets the name of what it points to. A field
 * written to `audit_events` that is not declared here fails the registry test, so no new field
 * can reach a screen, a print or a CSV as a raw key or id.
 */

/** The rows a field may point to; the server resolves them to names in one query per kind. */
export const AUDIT_REFERENCE_KINDS = [
  'user',
  'organisation',
  'territory',
  'region',
  'plan',
  'stage',
  'action',
  'indicator',
  'meeting',
  'committee',
  'committee_member',
] as const;
export type AuditReferenceKind = (typeof AUDIT_REFERENCE_KINDS)[number];

/** Code lists beyond the programme's vocabulary that audited fields use. */
export type AuditCodeList = keyof VocabularyLabels | 'globalRole' | 'locale' | 'accountRole';

export type AuditFieldKind =
  | { kind: 'text' }
  | { kind: 'longText' }
  | { kind: 'date' }
  | { kind: 'dateTime' }
  | { kind: 'money' }
  | { kind: 'percent' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'code'; list: AuditCodeList }
  | { kind: 'ref'; to: AuditReferenceKind }
  | { kind: 'refs'; to: AuditReferenceKind }
  /** A plan's partners: organisations with their role. */
  | { kind: 'partners' }
  /** A meeting's attendance list: summarised as counts per status, never listed. */
  | { kind: 'attendance' }
  /** Bookkeeping (positions, the commented row's id): kept in the record, never shown. */
  | { kind: 'hidden' };

const text = { kind: 'text' } as const;
const longText = { kind: 'longText' } as const;
const date = { kind: 'date' } as const;
const dateTime = { kind: 'dateTime' } as const;
const money = { kind: 'money' } as const;
const number = { kind: 'number' } as const;
const yesNo = { kind: 'boolean' } as const;
const hidden = { kind: 'hidden' } as const;
const code = (list: AuditCodeList) => ({ kind: 'code', list }) as const;
const ref = (to: AuditReferenceKind) => ({ kind: 'ref', to }) as const;
const refs = (to: AuditReferenceKind) => ({ kind: 'refs', to }) as const;

/** Every audited entity type: the entity types of `ENTITY_TYPES` plus update requests. */
export const AUDIT_FIELDS = {
  territory: {
    code: text,
    name: text,
    regionId: ref('region'),
    phase: text,
    joinedOn: date,
    industrialFirms: number,
    industrialJobs: number,
    electedChair: text,
    industrialChair: text,
    projectLeadName: text,
    archivedAt: dateTime,
    epciIds: refs('organisation'),
    reminderDays: number,
  },
  organisation: { name: text, kind: code('organisationKind'), siren: text },
  user: {
    email: text,
    name: text,
    organisationId: ref('organisation'),
    locale: code('locale'),
    globalRole: code('globalRole'),
    disabledAt: dateTime,
    mailUpdateRequests: yesNo,
    mailReminders: yesNo,
    observedRegionIds: refs('region'),
    // Written by `jalon user add`: the role given and the territory or region it applies to.
    role: code('accountRole'),
    territoryId: ref('territory'),
    regionId: ref('region'),
  },
  membership: { userId: ref('user'), territoryId: ref('territory'), role: code('territoryRole') },
  plan: {
    code: text,
    title: text,
    summary: longText,
    axis: code('axis'),
    priority: code('priority'),
    leadOrganisationId: ref('organisation'),
    startDate: date,
    endDate: date,
    budgetCents: money,
    archivedAt: dateTime,
    territoryIds: refs('territory'),
    partners: { kind: 'partners' },
    leadUserIds: refs('user'),
  },
  funding_line: {
    funderOrganisationId: ref('organisation'),
    scheme: text,
    requestedCents: money,
    grantedCents: money,
    paidCents: money,
  },
  stage: {
    plannedStart: date,
    plannedEnd: date,
    actualStart: date,
    actualEnd: date,
    validatedMeetingId: ref('meeting'),
    validatedOn: date,
  },
  action: {
    title: text,
    description: longText,
    ownerUserId: ref('user'),
    stageId: ref('stage'),
    status: code('actionStatus'),
    progress: { kind: 'percent' },
    statusComment: longText,
    startDate: date,
    dueDate: date,
    completedOn: date,
    archivedAt: dateTime,
  },
  indicator: {
    name: text,
    unit: text,
    kind: code('indicatorKind'),
    direction: code('indicatorDirection'),
    baselineValue: number,
    baselineDate: date,
    baselineSource: text,
    targetValue: number,
    targetDate: date,
    archivedAt: dateTime,
  },
  measurement: {
    indicatorId: ref('indicator'),
    measuredOn: date,
    value: number,
    source: text,
    comment: longText,
    recordedBy: ref('user'),
  },
  committee: { kind: code('committeeKind'), name: text },
  committee_member: {
    committeeId: ref('committee'),
    userId: ref('user'),
    personName: text,
    organisationId: ref('organisation'),
    role: code('committeeMemberRole'),
  },
  meeting: {
    committeeId: ref('committee'),
    scheduledAt: dateTime,
    place: text,
    mode: code('meetingMode'),
    status: code('meetingStatus'),
    heldAt: dateTime,
    minutes: longText,
    // The calendar invitation's SEQUENCE: technical, follows every move.
    icsSequence: hidden,
    // One event per reordering of the agenda: the titles in their new order.
    agendaOrder: { kind: 'hidden' },
  },
  attendance: { entries: { kind: 'attendance' } },
  agenda_item: {
    meetingId: ref('meeting'),
    position: hidden,
    title: text,
    notes: longText,
    planId: ref('plan'),
    stageId: ref('stage'),
    actionId: ref('action'),
  },
  decision: {
    meetingId: ref('meeting'),
    number: number,
    text: longText,
    kind: code('decisionKind'),
    planId: ref('plan'),
    stageId: ref('stage'),
    actionId: ref('action'),
    ownerName: text,
    dueDate: date,
    followUpStatus: code('decisionStatus'),
  },
  comment: { entityType: hidden, entityId: hidden, body: longText },
  update_request: { meetingId: ref('meeting'), message: longText, dueDate: date },
} as const satisfies Record<string, Record<string, AuditFieldKind>>;

export type AuditEntityType = keyof typeof AUDIT_FIELDS;
export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_FIELDS) as AuditEntityType[];

export const isAuditEntityType = (value: string): value is AuditEntityType =>
  Object.hasOwn(AUDIT_FIELDS, value);

/** The declared kind of a field, or null for a field the registry does not know. */
export function auditFieldKind(entityType: string, field: string): AuditFieldKind | null {
  if (!isAuditEntityType(entityType)) return null;
  const fields: Record<string, AuditFieldKind> = AUDIT_FIELDS[entityType];
  return Object.hasOwn(fields, field) ? (fields[field] ?? null) : null;
}

/** The entity an audited reference names, as history shows it. */
export type AuditValue =
  | { kind: 'text'; text: string }
  | { kind: 'longText'; text: string }
  | { kind: 'date'; iso: string }
  | { kind: 'dateTime'; iso: string }
  | { kind: 'money'; cents: number }
  | { kind: 'percent'; value: number }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'code'; list: AuditCodeList; code: string }
  /** Names of the rows referred to; null for one that no longer exists. */
  | { kind: 'names'; names: (string | null)[] }
  /** A meeting, named by its committee and date; null fields when it no longer exists. */
  | { kind: 'meeting'; meeting: AuditMeeting | null }
  | { kind: 'partners'; partners: { name: string | null; role: string }[] }
  | { kind: 'attendance'; total: number; byStatus: Record<string, number> };

export interface AuditMeeting {
  committeeName: string;
  scheduledAt: string;
}

/** What the server found for the rows an event refers to; null for a row that is gone. */
export interface AuditReferences {
  name: (to: AuditReferenceKind, id: number) => string | null;
  stageKind: (id: number) => StageKind | null;
  meeting: (id: number) => AuditMeeting | null;
}

const isEmpty = (raw: unknown) => raw === null || raw === undefined || raw === '';
const asNumber = (raw: unknown) => (typeof raw === 'number' ? raw : Number(raw));
const asText = (raw: unknown) =>
  typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : '';
const asList = (raw: unknown): unknown[] => (Array.isArray(raw) ? raw : [raw]);

/**
 * A recorded value in the shape the client formats: null for empty, for a hidden field, or for a
 * value of an unexpected shape (never the raw JSON).
 */
export function toAuditValue(
  kind: AuditFieldKind,
  raw: unknown,
  refs: AuditReferences,
): AuditValue | null {
  if (isEmpty(raw) || kind.kind === 'hidden') return null;
  switch (kind.kind) {
    case 'text':
    case 'longText':
      return asText(raw) === '' ? null : { kind: kind.kind, text: asText(raw) };
    case 'date':
    case 'dateTime':
      return typeof raw === 'string' ? { kind: kind.kind, iso: raw } : null;
    case 'money':
      return Number.isFinite(asNumber(raw)) ? { kind: 'money', cents: asNumber(raw) } : null;
    case 'percent':
    case 'number':
      return Number.isFinite(asNumber(raw)) ? { kind: kind.kind, value: asNumber(raw) } : null;
    case 'boolean':
      return { kind: 'boolean', value: raw === true };
    case 'code':
      return typeof raw === 'string' ? { kind: 'code', list: kind.list, code: raw } : null;
    case 'ref':
    case 'refs': {
      const ids = asList(raw).filter((id): id is number => typeof id === 'number');
      if (ids.length === 0) return null;
      const first = ids[0] ?? 0;
      if (kind.kind === 'ref' && kind.to === 'meeting') {
        return { kind: 'meeting', meeting: refs.meeting(first) };
      }
      const stageKind = kind.kind === 'ref' && kind.to === 'stage' ? refs.stageKind(first) : null;
      if (stageKind) return { kind: 'code', list: 'stageKind', code: stageKind };
      return { kind: 'names', names: ids.map((id) => refs.name(kind.to, id)) };
    }
    case 'partners':
      return {
        kind: 'partners',
        partners: asList(raw).map((p) => {
          const partner = (p ?? {}) as { organisationId?: unknown; role?: unknown };
          return {
            name:
              typeof partner.organisationId === 'number'
                ? refs.name('organisation', partner.organisationId)
                : null,
            role: asText(partner.role),
          };
        }),
      };
    case 'attendance': {
      const byStatus: Record<string, number> = {};
      const entries = asList(raw);
      for (const entry of entries) {
        const status = asText((entry as { status?: unknown } | null)?.status);
        byStatus[status] = (byStatus[status] ?? 0) + 1;
      }
      return { kind: 'attendance', total: entries.length, byStatus };
    }
  }
}

/** The references an audited record names, to look them up in one batch. */
export function referencesIn(
  entityType: string,
  values: Record<string, unknown> | null,
): [AuditReferenceKind, number][] {
  const found: [AuditReferenceKind, number][] = [];
  for (const [field, raw] of Object.entries(values ?? {})) {
    const kind = auditFieldKind(entityType, field);
    if (kind?.kind === 'ref' || kind?.kind === 'refs') {
      for (const id of asList(raw)) if (typeof id === 'number') found.push([kind.to, id]);
    } else if (kind?.kind === 'partners') {
      for (const p of asList(raw)) {
        const id = (p as { organisationId?: unknown } | null)?.organisationId;
        if (typeof id === 'number') found.push(['organisation', id]);
      }
    }
  }
  return found;
}

/** The item an audit event is about, named as people know it. */
export interface AuditSubject {
  /** Its title or name (action title, indicator name, decision text, person…), when known. */
  name: string | null;
  /** A stage is named by its kind. */
  stageKind: StageKind | null;
  /** Meetings, and what belongs to one, are named by their committee and date. */
  meeting: { committeeName: string; scheduledAt: string } | null;
  /** A decision's number. */
  number: number | null;
  plan: { id: number; code: string; title: string } | null;
}

/** One changed field: its key (to look its label up), old and new value. */
export interface AuditFieldChange {
  field: string;
  from: AuditValue | null;
  to: AuditValue | null;
}

/** An audit event as history shows it: who, when, what item, which fields from what to what. */
export interface ReadableHistoryEntry {
  id: number;
  occurredAt: string;
  userName: string | null;
  entityType: AuditEntityType;
  /** For links to the item's page only; never shown. */
  entityId: number;
  operation: 'create' | 'update' | 'delete' | 'archive' | 'status';
  subject: AuditSubject;
  changes: AuditFieldChange[];
  /** The agenda of a meeting was put in a new order (one line, whatever the number of items). */
  reordered: boolean;
  comment: string | null;
}

/**
 * The changed fields of an event, in registry order: creations list the filled fields, updates
 * those whose readable value changed; hidden and unknown fields never appear.
 */
export function auditChanges(
  entityType: string,
  operation: ReadableHistoryEntry['operation'],
  oldValue: Record<string, unknown> | null,
  newValue: Record<string, unknown> | null,
  refs: AuditReferences,
): AuditFieldChange[] {
  if (!isAuditEntityType(entityType)) return [];
  const changes: AuditFieldChange[] = [];
  for (const [field, kind] of Object.entries(AUDIT_FIELDS[entityType]) as [
    string,
    AuditFieldKind,
  ][]) {
    const inOld = oldValue !== null && Object.hasOwn(oldValue, field);
    const inNew = newValue !== null && Object.hasOwn(newValue, field);
    if (!inOld && !inNew) continue;
    const from =
      operation === 'create' || !inOld ? null : toAuditValue(kind, oldValue[field], refs);
    const to = inNew ? toAuditValue(kind, newValue[field], refs) : null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes.push({ field, from, to });
  }
  return changes;
}

/** How a field reads in each language; the client catalogues and the CSV files read these. */
export type AuditFieldLabels = {
  [E in AuditEntityType]: Record<keyof (typeof AUDIT_FIELDS)[E], string>;
};
