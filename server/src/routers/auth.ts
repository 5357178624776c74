import { TRPCError } from '@trpc/server';
import { findUserByEmail, getSetting } from '@jalon/db';
import { changePasswordInput, loginInput, setLocaleInput } from '@jalon/shared';
import { authedProcedure, publicProcedure, router } from '../trpc';
import { hashPassword, PasswordHashingBusy, UNUSABLE_HASH, verifyPassword } from '../auth/password';
import { closeSession, openSession, principalForToken } from '../auth/sessions';
import {
  admitSignInAttempt,
  signInNotChecked,
  signInSucceeded,
  SignInThrottled,
} from '../auth/throttle';
import type { Principal } from '../auth/permissions';
import type { Context } from '../context';
import { changeOwnPassword, setOwnLocale, write } from '../services';
import { ruleBroken } from '../errors';
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

/**
 * Counts an attempt at `email`'s password before it is checked, at sign-in and when a password
 * is changed alike; a throttled one is refused with TOO_MANY_REQUESTS and logged.
 */
async function admitPasswordAttempt(ctx: Context, email: string, event: string): Promise<void> {
  try {
    await admitSignInAttempt(ctx.db, email, ctx.clientIp, ctx.now());
  } catch (error) {
    if (!(error instanceof SignInThrottled)) throw error;
    ctx.log.info(
      { requestId: ctx.requestId, event, scope: error.scope },
      'password attempt refused before checking the password',
    );
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: error.message, cause: error });
  }
}

const badCredentials = () =>
  new TRPCError({ code: 'UNAUTHORIZED', message: 'Unknown email or wrong password' });

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    await admitPasswordAttempt(ctx, input.email, 'login_throttled');
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

  /**
   * The signed-in user changes their password. The current password is checked as at sign-in,
   * and counted by the same throttle (a stolen session cannot guess it faster); every other
   * session of the user ends.
   */
  changePassword: authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await admitPasswordAttempt(ctx, ctx.user.email, 'password_change_throttled');
    const account = await findUserByEmail(ctx.db, ctx.user.email);
    const valid = await verifyPassword(
      input.currentPassword,
      account?.passwordHash ?? UNUSABLE_HASH,
    ).catch(async (error: unknown) => {
      if (error instanceof PasswordHashingBusy) {
        await signInNotChecked(ctx.db, ctx.user.email, ctx.clientIp);
      }
      throw error;
    });
    if (!valid) {
      ctx.log.info(
        { requestId: ctx.requestId, event: 'password_change_refused' },
        'wrong password',
      );
      throw ruleBroken('current_password_wrong', 'The current password is wrong');
    }
    await signInSucceeded(ctx.db, ctx.user.email, ctx.clientIp);
    const passwordHash = await hashPassword(input.newPassword);
    return write(ctx, (w) => changeOwnPassword(w, { passwordHash, keepSessionId: ctx.sessionId }));
  }),

  setLocale: authedProcedure
    .input(setLocaleInput)
    .mutation(({ ctx, input }) => write(ctx, (w) => setOwnLocale(w, input.locale))),
});
