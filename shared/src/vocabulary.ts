// Codes stored in the database and sent over the wire. Labels live in the client's message
// catalogs (FR, EN, DE); these codes never change once data exists.

export const ACTION_STATUSES = [
  'not_started', // À venir
  'in_progress', // En cours
  'done', // Réalisé
  'late', // En retard
  'on_hold', // En pause
  'blocked', // Bloqué
  'dropped', // Abandonné
  'to_discuss', // À discuter
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses whose change must be justified by a comment. */
export const STATUSES_REQUIRING_COMMENT: readonly ActionStatus[] = ['blocked', 'late'];

export const STAGE_KINDS = ['inventory', 'tool_adaptation', 'support_for_change'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const AXES = ['skills', 'innovation', 'ecological_transition', 'industrial_land'] as const;
export type Axis = (typeof AXES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const ORGANISATION_KINDS = [
  'epci',
  'region',
  'state_service',
  'operator',
  'company',
  'federation',
  'chamber',
  'training_body',
  'cluster',
  'employment_agency',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const PARTNER_ROLES = ['partner', 'cofunder'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const TERRITORY_ROLES = ['coordinator', 'lead', 'committee_member', 'observer'] as const;
export type TerritoryRole = (typeof TERRITORY_ROLES)[number];

export const GLOBAL_ROLES = ['admin', 'national_observer'] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];

export const LOCALES = ['fr', 'en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

export const INDICATOR_KINDS = ['output', 'outcome', 'impact'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_DIRECTIONS = ['increase', 'decrease'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const COMMITTEE_KINDS = ['copil', 'cotech'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

export const COMMITTEE_MEMBER_ROLES = ['chair', 'member', 'guest'] as const;
export type CommitteeMemberRole = (typeof COMMITTEE_MEMBER_ROLES)[number];

export const MEETING_STATUSES = ['planned', 'held', 'minutes_approved', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
/** Meetings that took place: they have a snapshot, and one of them is "the previous meeting". */
export const HELD_MEETING_STATUSES = [
  'held',
  'minutes_approved',
] as const satisfies readonly MeetingStatus[];

export const MEETING_MODES = ['in_person', 'video', 'hybrid'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export const ATTENDANCE_STATUSES = ['present', 'excused', 'represented', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const DECISION_KINDS = [
  'validation',
  'arbitration',
  'reorientation',
  'abandonment',
  'information_request',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_STATUSES = ['todo', 'in_progress', 'done', 'late', 'cancelled'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Entities that carry comments and an audit history. */
export const ENTITY_TYPES = [
  'territory',
  'organisation',
  'user',
  'membership',
  'plan',
  'funding_line',
  'stage',
  'action',
  'indicator',
  'measurement',
  'committee',
  'committee_member',
  'meeting',
  'attendance',
  'agenda_item',
  'decision',
  'comment',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const COMMENTABLE_ENTITY_TYPES = [
  'plan',
  'action',
  'indicator',
  'meeting',
  'decision',
] as const;
export type CommentableEntityType = (typeof COMMENTABLE_ENTITY_TYPES)[number];
