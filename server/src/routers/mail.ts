import {
  countMailsByStatus,
  findMail,
  getMailPreferences,
  listMails,
  requeueMail,
} from '@jalon/db';
import { byIdInput, mailListInput, mailPreferencesInput } from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorizeAdmin } from '../auth/guards';
import { mailNotFound, userNotFound } from '../errors';
import { setOwnMailPreferences, write } from '../services';

export const mailRouter = router({
  /** The outbox: every mail Jalon queued, sent or kept, newest first (administrators only). */
  list: authedProcedure.input(mailListInput).query(async ({ ctx, input }) => {
    authorizeAdmin(ctx);
    const [page, counts] = await Promise.all([
      listMails(ctx.db, input),
      countMailsByStatus(ctx.db),
    ]);
    return { ...page, counts, limit: input.limit, offset: input.offset };
  }),

  /** One mail as its recipient reads it: text, HTML and calendar invitation. */
  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    authorizeAdmin(ctx);
    const mail = await findMail(ctx.db, input.id);
    if (!mail) throw mailNotFound(input.id);
    return mail;
  }),

  /** Sends a mail given up after its retries once more, now (the SMTP server is back). */
  retry: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    authorizeAdmin(ctx);
    const requeued = await requeueMail(ctx.db, input.id, ctx.now().toISOString());
    if (!requeued) throw mailNotFound(input.id, 'Failed mail');
    return { id: input.id };
  }),

  /** The caller's own choice of optional mails. */
  preferences: authedProcedure.query(async ({ ctx }) => {
    const preferences = await getMailPreferences(ctx.db, ctx.user.id);
    if (!preferences) throw userNotFound(ctx.user.id);
    return preferences;
  }),

  setPreferences: authedProcedure
    .input(mailPreferencesInput)
    .mutation(({ ctx, input }) => write(ctx, (w) => setOwnMailPreferences(w, input))),
});
