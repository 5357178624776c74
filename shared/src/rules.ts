import type { MeetingStatus } from './vocabulary';

// Rules that keep the record true: what a committee saw, decided and measured must be possible.
// Each refusal has a stable reason code; the server sends it with the error and the client says
// it in the reader's language.

export const RULE_REASONS = [
  'meeting_not_started',
  'held_meeting_moved',
  'stage_order',
  'validation_meeting_not_held',
  'measurement_in_future',
  'justification_required',
  'comment_required',
  'progress_range',
  'current_password_wrong',
] as const;
export type RuleReason = (typeof RULE_REASONS)[number];

export type RuleCheck = { ok: true } | { ok: false; reason: RuleReason };

const OK: RuleCheck = { ok: true };
const refuse = (reason: RuleReason): RuleCheck => ({ ok: false, reason });

/**
 * A refusal by a domain rule, carrying its reason code. The server turns it into a tRPC error whose
 * data carries the code.
 */
export class DomainRuleError extends Error {
  constructor(
    readonly reason: RuleReason,
    message: string,
  ) {
    super(message);
    this.name = 'DomainRuleError';
  }
}

export function isRuleReason(value: unknown): value is RuleReason {
  return typeof value === 'string' && (RULE_REASONS as readonly string[]).includes(value);
}

/** The lifecycle of a meeting: each status and the ones it may move to. */
export const MEETING_NEXT_STATUSES = {
  planned: ['held', 'cancelled'],
  held: ['minutes_approved'],
  minutes_approved: [],
  cancelled: [],
} as const satisfies Record<MeetingStatus, readonly MeetingStatus[]>;

/** A status a meeting may move to from another one. */
export type MeetingStep = (typeof MEETING_NEXT_STATUSES)[MeetingStatus][number];

/** The statuses a meeting may move to from `status`, in the order the screen offers them. */
export const nextMeetingStatuses = (status: MeetingStatus): readonly MeetingStep[] =>
  MEETING_NEXT_STATUSES[status];

export const canMoveMeeting = (from: MeetingStatus, to: MeetingStatus): boolean =>
  (nextMeetingStatuses(from) as readonly MeetingStatus[]).includes(to);

/**
 * Approved minutes are the record of the meeting, and a cancelled meeting has no record: neither
 * changes any more (attendance, agenda, decisions, the meeting's own fields).
 */
export const isMeetingEditable = (status: MeetingStatus): boolean =>
  status === 'planned' || status === 'held';

/** A meeting has started once its scheduled time is reached (`now` and `scheduledAt` are instants). */
export function hasMeetingStarted(meeting: { scheduledAt: string }, now: Date): boolean {
  return new Date(meeting.scheduledAt).getTime() <= now.getTime();
}

/** A meeting can be marked held only once it has started. */
export function checkMarkHeld(meeting: { scheduledAt: string }, now: Date): RuleCheck {
  return hasMeetingStarted(meeting, now) ? OK : refuse('meeting_not_started');
}

/**
 * A held meeting took place at its scheduled time, the date its snapshot and stage gates carry:
 * that time no longer moves (`scheduledAt` as stored, `next` as asked; both instants).
 */
export function checkReschedule(
  meeting: { status: MeetingStatus; scheduledAt: string },
  next: string,
): RuleCheck {
  if (meeting.status === 'planned') return OK;
  const same = new Date(meeting.scheduledAt).getTime() === new Date(next).getTime();
  return same ? OK : refuse('held_meeting_moved');
}

/**
 * A stage's validation may be recorded during a meeting (planned and started) or after it (held);
 * never before it starts, never by a cancelled meeting.
 */
export function checkValidationMeeting(
  meeting: { status: MeetingStatus; scheduledAt: string },
  now: Date,
): RuleCheck {
  if (meeting.status === 'cancelled') return refuse('validation_meeting_not_held');
  if (!hasMeetingStarted(meeting, now)) return refuse('meeting_not_started');
  return OK;
}

export interface PlanStageGate {
  id: number;
  position: number;
  validatedMeetingId: number | null;
}

/**
 * A stage is validated only when every earlier stage of its plan is: already validated, or
 * validated by the same meeting (`validatedHere`, the stages this meeting's decisions validate).
 */
export function checkStageOrder(
  stageId: number,
  planStages: readonly PlanStageGate[],
  validatedHere: ReadonlySet<number> = new Set(),
): RuleCheck {
  const stage = planStages.find((s) => s.id === stageId);
  if (!stage) return OK;
  const blocked = planStages.some(
    (s) => s.position < stage.position && s.validatedMeetingId === null && !validatedHere.has(s.id),
  );
  return blocked ? refuse('stage_order') : OK;
}

/**
 * A validation is withdrawn only when no later stage stays validated on the strength of it
 * (`validatedHere` as in `checkStageOrder`, without the stage being withdrawn).
 */
export function checkValidationWithdrawal(
  stageId: number,
  planStages: readonly PlanStageGate[],
  validatedHere: ReadonlySet<number> = new Set(),
): RuleCheck {
  const stage = planStages.find((s) => s.id === stageId);
  if (!stage) return OK;
  const laterValidated = planStages.some(
    (s) =>
      s.position > stage.position && (s.validatedMeetingId !== null || validatedHere.has(s.id)),
  );
  return laterValidated ? refuse('stage_order') : OK;
}

/** A measurement is of something observed: dated today at the latest (ISO dates). */
export function checkMeasurementDate(measuredOn: string, today: string): RuleCheck {
  return measuredOn > today ? refuse('measurement_in_future') : OK;
}
