import { initTRPC, TRPCError } from '@trpc/server';
import { scopeOf, type Scope, type ScopedEntity } from '@jalon/db';
import { DomainRuleError, type RuleReason } from '@jalon/shared';
import { z, ZodError } from 'zod';
import type { Context } from './context';
import { can, type Permission, type Principal } from './auth/permissions';
import { SignInThrottled } from './auth/throttle';

const t = initTRPC.context<Context>().create({
  // Never send stack traces to clients, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    // An unexpected error's message may name tables or files: the client gets the request id,
    // the log gets the details.
    const message =
      error.code === 'INTERNAL_SERVER_ERROR'
        ? `Internal error; quote request ${ctx?.requestId ?? 'unknown'} to the administrators`
        : shape.message;
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        requestId: ctx?.requestId ?? null,
        fieldErrors:
          error.code === 'BAD_REQUEST' && cause instanceof ZodError
            ? z.flattenError(cause).fieldErrors
            : null,
        // The rule a refusal broke, as a stable code the client words in the reader's language.
        reason: cause instanceof DomainRuleError ? cause.reason : null,
        // A refused sign-in: whose limit (the account's or the address's) and until when.
        signInThrottle:
          cause instanceof SignInThrottled
            ? { scope: cause.scope, until: cause.until.toISOString() }
            : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

interface SqliteLikeError {
  code?: unknown;
}

/**
 * Turns constraint violations and broken domain rules into the error codes the API promises, in
 * one place.
 */
const databaseErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainRuleError) {
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: result.error.cause.message,
        cause: result.error.cause,
      });
    }
    return result;
  }
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    const code = (result.error.cause as SqliteLikeError | undefined)?.code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'This record already exists',
        cause: result.error.cause,
      });
    }
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'The request refers to a record that does not exist',
        cause: result.error.cause,
      });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(databaseErrors);

export type AuthedContext = Context & { user: Principal };

/** Every procedure but login needs a signed-in caller. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

const ENTITY_LABELS: Record<ScopedEntity, string> = {
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

const PERMISSION_VERBS: Record<Permission, string> = {
  read: 'read',
  comment: 'comment on',
  manage: 'manage',
  update_plan_work: 'update',
  administer: 'administer',
};

export function notFound(entity: ScopedEntity, id: number): TRPCError {
  const label = ENTITY_LABELS[entity];
  return new TRPCError({ code: 'NOT_FOUND', message: `${label} ${id} not found` });
}

/**
 * Resolves where an entity lives and checks the caller may do `permission` there.
 * Throws NOT_FOUND for a missing entity, FORBIDDEN outside the caller's scope; returns the scope.
 */
export async function authorize(
  ctx: AuthedContext,
  permission: Permission,
  target: { entity: ScopedEntity; id: number },
): Promise<Scope> {
  const scope = await scopeOf(ctx.db, target.entity, target.id);
  if (scope === null) throw notFound(target.entity, target.id);
  if (!can(ctx.user, permission, scope)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `You may not ${PERMISSION_VERBS[permission]} ${ENTITY_LABELS[target.entity].toLowerCase()} ${target.id}`,
    });
  }
  return scope;
}

/** For national reference data (territories, organisations, users): admins only. */
export function authorizeAdmin(ctx: AuthedContext): void {
  if (!can(ctx.user, 'administer', null)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only administrators may do this' });
  }
}

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
