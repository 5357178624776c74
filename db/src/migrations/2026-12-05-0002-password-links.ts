import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code nor be edited once landed.
// One-time links to set a password: an invitation for a new user, or a reset an administrator
// asks for. Only the SHA-256 of the token is kept (as for sessions): whoever reads the database
// cannot use a link. A link serves once, before it expires.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('password_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addCheckConstraint('password_links_purpose_ck', sql`purpose IN ('invitation', 'reset')`)
    .execute();
  await db.schema
    .createIndex('password_links_user_idx')
    .on('password_links')
    .column('user_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('password_links').execute();
}
