import { TRPCError } from '@trpc/server';
import {
  findUsablePasswordLink,
  findUserByEmail,
  getSetting,
  inTransaction,
  loadPrincipal,
} from '@jalon/db';
import {
  changePasswordInput,
  loginInput,
  passwordLinkInput,
  setLocaleInput,
  setPasswordWithLinkInput,
} from '@jalon/shared';
import { authedProcedure, publicProcedure, router } from '../trpc';
import { hashPassword, PasswordHashingBusy, UNUSABLE_HASH, verifyPassword } from '../auth/password';
import { closeSession, hashToken, openSession, principalForToken } from '../auth/sessions';
import { providerSignOutUrl } from '../auth/oidc';
import {
  admitSignInAttempt,
  signInNotChecked,
  signInSucceeded,
  SignInThrottled,
} from '../auth/throttle';
import type { Principal } from '../auth/permissions';
import type { Context } from '../context';
import { changeOwnPassword, setOwnLocale, setPasswordWithLink, write } from '../services';
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

const linkGone = () =>
  new TRPCError({
    code: 'NOT_FOUND',
    message: 'This link was used already, has expired, or does not exist',
  });

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

  /**
   * Ends the session. One opened through the OpenID provider ends there too: the client follows
   * `redirectTo`, the provider's sign-out, which comes back to Jalon's home.
   */
  logout: authedProcedure.mutation(async ({ ctx }) => {
    let redirectTo: string | null = null;
    if (ctx.sessionId) {
      redirectTo = await providerSignOutUrl(ctx.db, ctx.oidc, ctx.sessionId, ctx.log);
      await closeSession(ctx.db, ctx.sessionId);
    }
    ctx.cookies.clear();
    return { ok: true as const, redirectTo };
  }),

  /** How one may sign in here: with a password always, with ProConnect when it is configured. */
  signInOptions: publicProcedure.query(({ ctx }) => ({ oidc: ctx.site.oidcEnabled })),

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

  /** Whom a one-time link is for, to greet them; NOT_FOUND once used, expired or unknown. */
  passwordLink: publicProcedure.input(passwordLinkInput).query(async ({ ctx, input }) => {
    const link = await findUsablePasswordLink(
      ctx.db,
      hashToken(input.token),
      ctx.now().toISOString(),
    );
    if (!link) throw linkGone();
    return { name: link.name, purpose: link.purpose, expiresAt: link.expiresAt };
  }),

  /**
   * Sets a password with a one-time link (no session needed): the link is used up and every
   * session of the user ends; they then sign in with it.
   */
  setPasswordWithLink: publicProcedure
    .input(setPasswordWithLinkInput)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const link = await findUsablePasswordLink(ctx.db, hashToken(input.token), now.toISOString());
      const user = link ? await loadPrincipal(ctx.db, link.userId) : null;
      if (!user) throw linkGone();
      const passwordHash = await hashPassword(input.password);
      const done = await inTransaction(ctx.db, (trx) =>
        setPasswordWithLink({ trx, actor: user, now, site: ctx.site }, input.token, passwordHash),
      );
      if (!done) throw linkGone();
      return { ok: true as const };
    }),

  setLocale: authedProcedure
    .input(setLocaleInput)
    .mutation(({ ctx, input }) => write(ctx, (w) => setOwnLocale(w, input.locale))),
});
