import { initTRPC, TRPCError } from '@trpc/server';
import { DomainRuleError } from '@jalon/shared';
import { constraintViolationOf } from '@jalon/db';
import { z, ZodError } from 'zod';
import type { Context } from './context';
import type { Principal } from './auth/permissions';
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
    const violation = constraintViolationOf(result.error.cause);
    if (violation === 'unique') {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'This record already exists',
        cause: result.error.cause,
      });
    }
    if (violation === 'concurrent') {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'Someone changed the same records at the same moment: try again',
        cause: result.error.cause,
      });
    }
    if (violation === 'foreign_key') {
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
