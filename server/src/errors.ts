import { TRPCError } from '@trpc/server';
import type { ScopedEntity } from '@jalon/db';
import { DomainRuleError, type RuleReason } from '@jalon/shared';

// The errors the API promises, built in one place. Guards and services throw these and never
// construct a TRPCError themselves, so a refusal reads the same whichever router raised it.

export const ENTITY_LABELS: Record<ScopedEntity, string> = {
  territory: 'Territory',
  plan: 'Plan',
  stage: 'Stage',
  action: 'Action',
  funding_line: 'Funding line',
  indicator: 'Indicator',
  measurement: 'Measurement',
  committee: 'Committee',
  committee_member: 'Committee member',
  meeting: 'Meeting',
  agenda_item: 'Agenda item',
  decision: 'Decision',
  membership: 'Membership',
};

/** NOT_FOUND for a missing row, named as people know it (`Action 42 not found`). */
export function notFound(entity: ScopedEntity, id: number): TRPCError {
  const label = ENTITY_LABELS[entity];
  return new TRPCError({ code: 'NOT_FOUND', message: `${label} ${id} not found` });
}

/** Mails belong to no territory either: the outbox is the administrators'. */
export const mailNotFound = (id: number, what = 'Mail'): TRPCError =>
  new TRPCError({ code: 'NOT_FOUND', message: `${what} ${id} not found` });

/** Users are not scoped entities (they belong to no territory), hence their own NOT_FOUND. */
export const userNotFound = (id: number): TRPCError =>
  new TRPCError({ code: 'NOT_FOUND', message: `User ${id} not found` });

/** Organisations are national reference data, not scoped entities. */
export const organisationNotFound = (id: number): TRPCError =>
  new TRPCError({ code: 'NOT_FOUND', message: `Organisation ${id} not found` });

/** A request that breaks a rule with no reason code of its own (dates out of order, a clash). */
export const badRequest = (message: string): TRPCError =>
  new TRPCError({ code: 'BAD_REQUEST', message });

/** The row exists already under a unique name or code. */
export const alreadyExists = (message: string): TRPCError =>
  new TRPCError({ code: 'CONFLICT', message });

export const forbidden = (message: string): TRPCError =>
  new TRPCError({ code: 'FORBIDDEN', message });

/**
 * A refusal by a domain rule: BAD_REQUEST (or a more apt code) whose data carries the rule's
 * reason code.
 */
export function ruleBroken(
  reason: RuleReason,
  message: string,
  code: 'BAD_REQUEST' | 'PRECONDITION_FAILED' = 'BAD_REQUEST',
): TRPCError {
  return new TRPCError({ code, message, cause: new DomainRuleError(reason, message) });
}

/** Optimistic concurrency: the caller saw `expected`, the row is now at `actual`. */
export function conflict(entity: ScopedEntity, id: number): TRPCError {
  return new TRPCError({
    code: 'CONFLICT',
    message: `${ENTITY_LABELS[entity]} ${id} was changed by someone else; reload it and try again`,
  });
}
