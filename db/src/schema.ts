import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  ActionStatus,
  AttendanceStatus,
  Axis,
  CommitteeKind,
  CommitteeMemberRole,
  DecisionKind,
  DecisionStatus,
  GlobalRole,
  IndicatorDirection,
  IndicatorKind,
  IndicatorTrack,
  Locale,
  MeetingMode,
  MeetingStatus,
  OrganisationKind,
  PartnerRole,
  Priority,
  StageKind,
  TerritoryRole,
} from '@jalon/shared';

// Table interfaces mirror the SQL of the migrations (snake_case there, camelCase here through
// Kysely's CamelCasePlugin). Dates are ISO 8601 strings, money integer cents.

export interface RegionTable {
  id: Generated<number>;
  code: string;
  name: string;
}

export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  kind: OrganisationKind;
  siren: string | null;
  createdAt: string;
}

export interface TerritoryTable {
  id: Generated<number>;
  regionId: number;
  code: string;
  name: string;
  phase: string;
  joinedOn: string | null;
  industrialFirms: number | null;
  industrialJobs: number | null;
  electedChair: string | null;
  industrialChair: string | null;
  projectLeadName: string | null;
  archivedAt: string | null;
  createdAt: string;
  /** Days before an update request's due date when the leads who have not updated are reminded. */
  reminderDays: Generated<number>;
}

export interface TerritoryEpciTable {
  territoryId: number;
  organisationId: number;
}

export interface PasswordLinkTable {
  /** SHA-256 of the link's token, hex. */
  id: string;
  userId: number;
  purpose: 'invitation' | 'reset';
  createdBy: number | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  organisationId: number | null;
  locale: Locale;
  passwordHash: string;
  globalRole: GlobalRole | null;
  disabledAt: string | null;
  createdAt: string;
  /** 1 when the user wants the update requests by mail, 0 when not. */
  mailUpdateRequests: Generated<number>;
  /** 1 when the user wants the reminders before an update request's due date, 0 when not. */
  mailReminders: Generated<number>;
}

export interface RegionObserverTable {
  userId: number;
  regionId: number;
}

export interface MembershipTable {
  id: Generated<number>;
  userId: number;
  territoryId: number;
  role: TerritoryRole;
  createdAt: string;
}

export interface PlanTable {
  id: Generated<number>;
  code: string;
  title: string;
  summary: string;
  axis: Axis;
  priority: Priority;
  leadOrganisationId: number | null;
  startDate: string | null;
  endDate: string | null;
  budgetCents: number | null;
  version: Generated<number>;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PlanTerritoryTable {
  planId: number;
  territoryId: number;
}

export interface PlanPartnerTable {
  planId: number;
  organisationId: number;
  role: PartnerRole;
}

export interface PlanLeadTable {
  planId: number;
  userId: number;
}

export interface FundingLineTable {
  id: Generated<number>;
  planId: number;
  funderOrganisationId: number;
  scheme: string;
  requestedCents: number;
  grantedCents: number;
  paidCents: number;
}

export interface StageTable {
  id: Generated<number>;
  planId: number;
  kind: StageKind;
  position: number;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  validatedMeetingId: number | null;
  validatedOn: string | null;
}

export interface ActionTable {
  id: Generated<number>;
  planId: number;
  stageId: number;
  title: string;
  description: string;
  ownerUserId: number | null;
  status: ActionStatus;
  progress: number;
  statusComment: string | null;
  startDate: string | null;
  dueDate: string | null;
  completedOn: string | null;
  version: Generated<number>;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IndicatorTable {
  id: Generated<number>;
  planId: number | null;
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
  createdAt: string;
}

export interface MeasurementTable {
  id: Generated<number>;
  indicatorId: number;
  measuredOn: string;
  value: number;
  source: string;
  comment: string;
  recordedBy: number | null;
  createdAt: string;
}

export interface CommitteeTable {
  id: Generated<number>;
  territoryId: number;
  kind: CommitteeKind;
  name: string;
  archivedAt: string | null;
}

export interface CommitteeMemberTable {
  id: Generated<number>;
  committeeId: number;
  userId: number | null;
  personName: string;
  organisationId: number | null;
  role: CommitteeMemberRole;
}

export interface MeetingTable {
  id: Generated<number>;
  committeeId: number;
  scheduledAt: string;
  place: string;
  mode: MeetingMode;
  status: MeetingStatus;
  heldAt: string | null;
  version: Generated<number>;
  createdAt: string;
  /** The calendar invitation's SEQUENCE: bumped when the meeting moves or is cancelled. */
  icsSequence: Generated<number>;
  /** The minutes (compte rendu), in simple Markdown; frozen once approved. */
  minutes: Generated<string>;
}

export interface AttendanceTable {
  id: Generated<number>;
  meetingId: number;
  committeeMemberId: number | null;
  personName: string;
  organisationId: number | null;
  status: AttendanceStatus;
  representedBy: string | null;
}

export interface AgendaItemTable {
  id: Generated<number>;
  meetingId: number;
  position: number;
  title: string;
  notes: string;
  planId: number | null;
  stageId: number | null;
  actionId: number | null;
}

export interface DecisionTable {
  id: Generated<number>;
  meetingId: number;
  number: number;
  text: string;
  kind: DecisionKind;
  planId: number | null;
  stageId: number | null;
  actionId: number | null;
  ownerName: string;
  dueDate: string | null;
  followUpStatus: DecisionStatus;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingSnapshotTable {
  id: Generated<number>;
  meetingId: number;
  takenAt: string;
  /** JSON text: portable across SQLite and PostgreSQL. */
  payload: string;
}

export interface UpdateRequestTable {
  id: Generated<number>;
  meetingId: number;
  requestedByUserId: number;
  requestedAt: string;
  message: string;
  dueDate: string | null;
  /** When the reminder to the leads who had not updated was queued; null until then. */
  remindedAt: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  occurredAt: string;
  userId: number | null;
  entityType: string;
  entityId: number;
  operation: 'create' | 'update' | 'delete' | 'archive' | 'status';
  territoryId: number | null;
  planId: number | null;
  /** JSON text of the changed fields before and after. */
  oldValue: string | null;
  newValue: string | null;
  comment: string | null;
}

export interface CommentTable {
  id: Generated<number>;
  entityType: string;
  entityId: number;
  userId: number;
  body: string;
  createdAt: string;
}

export interface SessionTable {
  /** SHA-256 of the session token: a leaked database does not leak live sessions. */
  id: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  /** The OpenID provider's ID token when the session was opened through it (for its logout). */
  idToken: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

export type MailStatus = 'queued' | 'sent' | 'kept' | 'failed';

export interface MailQueueTable {
  id: Generated<number>;
  kind: string;
  userId: number | null;
  toAddress: string;
  locale: Locale;
  subject: string;
  textBody: string;
  htmlBody: string;
  /** The calendar invitation (text/calendar) sent with the mail, if any. */
  ics: string | null;
  territoryId: number | null;
  /** Unique when set: a mail that must go once cannot be queued twice. */
  dedupeKey: string | null;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string;
  /** A mailer is sending it until then; another may claim it after (the first one crashed). */
  claimedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** A sign-in begun at the OpenID provider, by the SHA-256 of its `state`. */
export interface OidcLoginTable {
  id: string;
  nonce: string;
  codeVerifier: string;
  createdAt: string;
  expiresAt: string;
}

export interface AppSettingTable {
  key: string;
  value: string;
}

/** Maintained with the actions (queries/rollups.ts): one row per (plan, stage) with live actions. */
export interface StageRollupTable {
  planId: number;
  stageId: number;
  /** Progress that counts: done as 100, dropped left out. */
  progressSum: number;
  /** Live actions that count (not dropped). */
  counted: number;
  live: number;
  blocked: number;
}

/** Maintained with `stage_rollups` (queries/rollups.ts): one row per plan with live actions. */
export interface PlanRollupTable {
  planId: number;
  /** `planProgress` of @jalon/shared over the plan's stages, in stage id order. */
  progress: number | null;
  blocked: number;
}

/** Maintained with the measurements and indicators (queries/rollups.ts): latest measurement, track. */
export interface IndicatorLatestTable {
  indicatorId: number;
  measurementId: number;
  measuredOn: string;
  value: number;
  /** `indicatorProgress(...).track` of @jalon/shared: it depends on no date but the measurement's. */
  track: IndicatorTrack;
}

export interface Database {
  regions: RegionTable;
  organisations: OrganisationTable;
  territories: TerritoryTable;
  territoryEpcis: TerritoryEpciTable;
  passwordLinks: PasswordLinkTable;
  users: UserTable;
  regionObservers: RegionObserverTable;
  memberships: MembershipTable;
  plans: PlanTable;
  planTerritories: PlanTerritoryTable;
  planPartners: PlanPartnerTable;
  planLeads: PlanLeadTable;
  fundingLines: FundingLineTable;
  stages: StageTable;
  actions: ActionTable;
  indicators: IndicatorTable;
  measurements: MeasurementTable;
  stageRollups: StageRollupTable;
  planRollups: PlanRollupTable;
  indicatorLatest: IndicatorLatestTable;
  committees: CommitteeTable;
  committeeMembers: CommitteeMemberTable;
  meetings: MeetingTable;
  attendance: AttendanceTable;
  agendaItems: AgendaItemTable;
  decisions: DecisionTable;
  meetingSnapshots: MeetingSnapshotTable;
  updateRequests: UpdateRequestTable;
  auditEvents: AuditEventTable;
  comments: CommentTable;
  sessions: SessionTable;
  loginThrottle: LoginThrottleTable;
  appSettings: AppSettingTable;
  mailQueue: MailQueueTable;
  oidcLogins: OidcLoginTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Plan = Selectable<PlanTable>;
export type PlanUpdate = Updateable<PlanTable>;
export type Action = Selectable<ActionTable>;
export type NewAction = Insertable<ActionTable>;
export type ActionUpdate = Updateable<ActionTable>;
export type Stage = Selectable<StageTable>;
export type Indicator = Selectable<IndicatorTable>;
export type Measurement = Selectable<MeasurementTable>;
export type Meeting = Selectable<MeetingTable>;
export type Territory = Selectable<TerritoryTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
