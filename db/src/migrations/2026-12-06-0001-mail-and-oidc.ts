import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code nor be edited once landed.
// Mail, minutes and sign-in through an OpenID Connect provider (ProConnect).
// - mail_queue: every mail Jalon sends, written in the transaction of the change that causes it
//   and sent later by the mailer (so a request never waits for SMTP nor fails with it). A mail is
//   claimed before it is sent (claimed_until), retried with backoff (next_attempt_at, attempts),
//   and ends `sent`, `kept` (no SMTP server configured: it stays readable in the outbox) or
//   `failed`. `dedupe_key` (unique when set) makes a mail that must go once, such as a reminder,
//   impossible to queue twice.
// - meetings.ics_sequence: the SEQUENCE of the meeting's calendar invitation, bumped when it moves
//   or is cancelled; meetings.minutes: the minutes' text (compte rendu), frozen once approved.
// - territories.reminder_days: how many days before an update request's due date the leads who
//   have not updated are reminded; update_requests.reminded_at: when that reminder was queued.
// - users.mail_update_requests / mail_reminders: the optional mails a user wants (1) or not (0).
// - oidc_logins: a sign-in begun at the provider, by the SHA-256 of its `state`, with its nonce
//   and PKCE verifier; used once. sessions.id_token: the provider's ID token of a session opened
//   through it, sent back as id_token_hint when signing out of both.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_queue')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('ics', 'text')
    .addColumn('territory_id', 'integer', (c) => c.references('territories.id'))
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addCheckConstraint('mail_queue_status_ck', sql`status IN ('queued', 'sent', 'kept', 'failed')`)
    .execute();
  await db.schema
    .createIndex('mail_queue_due_idx')
    .on('mail_queue')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('mail_queue_created_idx')
    .on('mail_queue')
    .columns(['created_at', 'id'])
    .execute();

  await db.schema
    .alterTable('meetings')
    .addColumn('ics_sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('meetings')
    .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('territories')
    .addColumn('reminder_days', 'integer', (c) => c.notNull().defaultTo(2))
    .execute();
  await db.schema.alterTable('update_requests').addColumn('reminded_at', 'text').execute();
  await db.schema
    .alterTable('users')
    .addColumn('mail_update_requests', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('mail_reminders', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('oidc_logins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('sessions').addColumn('id_token', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('id_token').execute();
  await db.schema.dropTable('oidc_logins').execute();
  await db.schema.alterTable('users').dropColumn('mail_reminders').execute();
  await db.schema.alterTable('users').dropColumn('mail_update_requests').execute();
  await db.schema.alterTable('update_requests').dropColumn('reminded_at').execute();
  await db.schema.alterTable('territories').dropColumn('reminder_days').execute();
  await db.schema.alterTable('meetings').dropColumn('minutes').execute();
  await db.schema.alterTable('meetings').dropColumn('ics_sequence').execute();
  await db.schema.dropTable('mail_queue').execute();
}
