import { Option, type Command } from 'commander';
import { findMail, listMails } from '@jalon/db';
import { MAIL_STATUSES } from '@jalon/shared';
import {
  CliError,
  databaseOf,
  parseInteger,
  print,
  withDatabase,
  type CliContext,
} from '../context';

/** `jalon mail outbox` lists the mails; `jalon mail show <id>` prints one as its recipient reads it. */
export function registerMail(program: Command, ctx: CliContext): void {
  const mail = program.command('mail').description('read the mails Jalon queued, sent or kept');

  mail
    .command('outbox')
    .description('list the mails, newest first (without an SMTP server, they stay here)')
    .addOption(new Option('--status <status>', 'only these').choices(MAIL_STATUSES))
    .option('--limit <n>', 'how many', parseInteger, 50)
    .action(
      async (
        options: { status?: (typeof MAIL_STATUSES)[number]; limit: number },
        command: Command,
      ) => {
        const limit = Math.max(1, Math.min(options.limit, 10_000));
        await withDatabase(databaseOf(ctx, command), { mustExist: true }, async (db) => {
          const { items, total } = await listMails(db, {
            status: options.status,
            limit,
            offset: 0,
          });
          for (const m of items) {
            print(ctx, `#${m.id}  ${m.createdAt}  ${m.status}  ${m.toAddress}  ${m.subject}`);
          }
          print(ctx, `${items.length} of ${total} mails.`);
        });
      },
    );

  mail
    .command('show')
    .description('print one mail: headers, its text, and its calendar invitation if any')
    .argument('<id>', 'the number `jalon mail outbox` shows', parseInteger)
    .option('--ics', 'print the calendar invitation too')
    .action(async (mailId: number, options: { ics?: true }, command: Command) => {
      await withDatabase(databaseOf(ctx, command), { mustExist: true }, async (db) => {
        const found = await findMail(db, mailId);
        if (!found) throw new CliError(`No mail #${mailId}`);
        print(ctx, `To: ${found.toAddress}`);
        print(ctx, `Subject: ${found.subject}`);
        print(ctx, `Status: ${found.status}${found.lastError ? ` (${found.lastError})` : ''}`);
        print(ctx, '');
        print(ctx, found.textBody.trimEnd());
        if (found.ics !== null) {
          print(ctx, '');
          print(
            ctx,
            options.ics ? found.ics.trimEnd() : 'Calendar invitation attached (--ics to print it).',
          );
        }
      });
    });
}
