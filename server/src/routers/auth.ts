import { TRPCError } from '@trpc/server';
import { findUserByEmail, getSetting } from '@jalon/db';
import { loginInput, setLocaleInput } from '@jalon/shared';
import { authedProcedure, publicProcedure, router } from '../trpc';
import { PasswordHashingBusy, UNUSABLE_HASH, verifyPassword } from '../auth/password';
import { closeSession, openSession, principalForToken } from '../auth/sessions';
import {
  admitSignInAttempt,
  signInNotChecked,
  signInSucceeded,
  SignInThrottled,
} from '../auth/throttle';
import type { Principal } from '../auth/permissions';
import { setOwnLocale, write } from '../services';
import { DEMO_PASSWORD } from '../demo';

const publicUser = (p: Principal) => ({
  id: p.id,
  email: p.email,
  name: p.name,
  locale: p.locale,
  globalRole: p.globalRole,
  observedRegionIds: p.observedRegionIds,
  memberships: p.memberships,
  ledPlanIds: p.ledPlanIds,
});

const badCredentials = () =>
  new TRPCError({ code: 'UNAUTHORIZED', message: 'Unknown email or wrong password' });

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    try {
      await admitSignInAttempt(ctx.db, input.email, ctx.clientIp, now);
    } catch (error) {
      if (!(error instanceof SignInThrottled)) throw error;
      ctx.log.info(
        { requestId: ctx.requestId, event: 'login_throttled', scope: error.scope },
        'sign-in refused before checking the password',
      );
      throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: error.message, cause: error });
    }
    const user = await findUserByEmail(ctx.db, input.email);
    // Verify against a dummy hash for unknown emails so timing does not reveal which exist.
    const valid = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_HASH).catch(
      async (error: unknown) => {
        // Never checked: the attempt is given back before the caller is told to retry.
        if (error instanceof PasswordHashingBusy) {
          await signInNotChecked(ctx.db, input.email, ctx.clientIp);
        }
        throw error;
      },
    );
    const demoPasswordRefused =
      valid && input.password === DEMO_PASSWORD && (await getSetting(ctx.db, 'demo')) !== 'true';
    if (!user || !valid || user.disabledAt !== null || demoPasswordRefused) {
      // The attempt was counted before the check: nothing more to record.
      ctx.log.info({ requestId: ctx.requestId, event: 'login_failed' }, 'sign-in failed');
      throw badCredentials();
    }
    await signInSucceeded(ctx.db, input.email, ctx.clientIp);
    const session = await openSession(ctx.db, user.id, now);
    ctx.cookies.set(session.token, session.expires);
    const loaded = await principalForToken(ctx.db, session.token, now);
    if (!loaded)
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Session vanished' });
    return publicUser(loaded.principal);
  }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionId) await closeSession(ctx.db, ctx.sessionId);
    ctx.cookies.clear();
    return { ok: true as const };
  }),

  me: authedProcedure.query(({ ctx }) => publicUser(ctx.user)),

  /**
   * The signed-in user, or null: what the app asks on load, so that a signed-out visitor gets
   * the sign-in page without a refused request.
   */
  session: publicProcedure.query(({ ctx }) => (ctx.user ? publicUser(ctx.user) : null)),

  setLocale: authedProcedure
    .input(setLocaleInput)
    .mutation(({ ctx, input }) => write(ctx, (w) => setOwnLocale(w, input.locale))),
});
