import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code nor be edited once landed.
// Dates are ISO 8601 text (YYYY-MM-DD, or full timestamps in UTC), money is integer cents,
// so that the same schema maps one-to-one onto PostgreSQL. Timestamps are always written by the
// application in ISO 8601: a database default (CURRENT_TIMESTAMP) would write another format in
// SQLite than in PostgreSQL, and sort apart from the application's own.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('siren', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organisations_name_idx')
    .on('organisations')
    .column('name')
    .execute();

  await db.schema
    .createTable('territories')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('joined_on', 'text')
    .addColumn('industrial_firms', 'integer')
    .addColumn('industrial_jobs', 'integer')
    .addColumn('elected_chair', 'text')
    .addColumn('industrial_chair', 'text')
    .addColumn('project_lead_name', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('territories_region_idx')
    .on('territories')
    .column('region_id')
    .execute();

  await db.schema
    .createTable('territory_epcis')
    .addColumn('territory_id', 'integer', (c) =>
      c.notNull().references('territories.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('territory_epcis_pk', ['territory_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('fr'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('global_role', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('region_observers')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('region_id', 'integer', (c) =>
      c.notNull().references('regions.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('region_observers_pk', ['user_id', 'region_id'])
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('territory_id', 'integer', (c) =>
      c.notNull().references('territories.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('memberships_user_territory_uq', ['user_id', 'territory_id'])
    .execute();
  await db.schema
    .createIndex('memberships_territory_idx')
    .on('memberships')
    .column('territory_id')
    .execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('axis', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('lead_organisation_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('budget_cents', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_territories')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('territory_id', 'integer', (c) =>
      c.notNull().references('territories.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('plan_territories_pk', ['plan_id', 'territory_id'])
    .execute();
  await db.schema
    .createIndex('plan_territories_territory_idx')
    .on('plan_territories')
    .column('territory_id')
    .execute();

  await db.schema
    .createTable('plan_partners')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_partners_pk', ['plan_id', 'organisation_id', 'role'])
    .execute();

  await db.schema
    .createTable('plan_leads')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('plan_leads_pk', ['plan_id', 'user_id'])
    .execute();
  await db.schema.createIndex('plan_leads_user_idx').on('plan_leads').column('user_id').execute();

  await db.schema
    .createTable('funding_lines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('funder_organisation_id', 'integer', (c) =>
      c.notNull().references('organisations.id'),
    )
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('requested_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('granted_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('funding_lines_plan_idx')
    .on('funding_lines')
    .column('plan_id')
    .execute();

  await db.schema
    .createTable('committees')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('territory_id', 'integer', (c) =>
      c.notNull().references('territories.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createIndex('committees_territory_idx')
    .on('committees')
    .column('territory_id')
    .execute();

  await db.schema
    .createTable('committee_members')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('committee_id', 'integer', (c) =>
      c.notNull().references('committees.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('committee_members_committee_idx')
    .on('committee_members')
    .column('committee_id')
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('committee_id', 'integer', (c) =>
      c.notNull().references('committees.id').onDelete('cascade'),
    )
    .addColumn('scheduled_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meetings_committee_idx')
    .on('meetings')
    .columns(['committee_id', 'scheduled_at'])
    .execute();

  await db.schema
    .createTable('stages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('planned_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('validated_meeting_id', 'integer', (c) => c.references('meetings.id'))
    .addColumn('validated_on', 'text')
    .addUniqueConstraint('stages_plan_kind_uq', ['plan_id', 'kind'])
    .execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('stage_id', 'integer', (c) =>
      c.notNull().references('stages.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status_comment', 'text')
    .addColumn('start_date', 'text')
    .addColumn('due_date', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('actions_plan_idx')
    .on('actions')
    .columns(['plan_id', 'status'])
    .execute();
  await db.schema.createIndex('actions_stage_idx').on('actions').column('stage_id').execute();
  await db.schema.createIndex('actions_owner_idx').on('actions').column('owner_user_id').execute();
  await db.schema.createIndex('actions_due_idx').on('actions').column('due_date').execute();

  await db.schema
    .createTable('indicators')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('plan_id', 'integer', (c) => c.references('plans.id').onDelete('cascade'))
    .addColumn('territory_id', 'integer', (c) => c.references('territories.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('baseline_value', 'double precision', (c) => c.notNull())
    .addColumn('baseline_date', 'text', (c) => c.notNull())
    .addColumn('baseline_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    .addColumn('target_date', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('indicators_owner_ck', sql`(plan_id IS NULL) <> (territory_id IS NULL)`)
    .execute();
  await db.schema.createIndex('indicators_plan_idx').on('indicators').column('plan_id').execute();
  await db.schema
    .createIndex('indicators_territory_idx')
    .on('indicators')
    .column('territory_id')
    .execute();

  await db.schema
    .createTable('measurements')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('indicator_id', 'integer', (c) =>
      c.notNull().references('indicators.id').onDelete('cascade'),
    )
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measurements_indicator_idx')
    .on('measurements')
    .columns(['indicator_id', 'measured_on'])
    .execute();

  await db.schema
    .createTable('attendance')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('committee_member_id', 'integer', (c) => c.references('committee_members.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('represented_by', 'text')
    .execute();
  await db.schema
    .createIndex('attendance_meeting_idx')
    .on('attendance')
    .column('meeting_id')
    .execute();

  await db.schema
    .createTable('agenda_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plan_id', 'integer', (c) => c.references('plans.id'))
    .addColumn('stage_id', 'integer', (c) => c.references('stages.id'))
    .addColumn('action_id', 'integer', (c) => c.references('actions.id'))
    .execute();
  await db.schema
    .createIndex('agenda_items_meeting_idx')
    .on('agenda_items')
    .columns(['meeting_id', 'position'])
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'integer', (c) => c.references('plans.id'))
    .addColumn('stage_id', 'integer', (c) => c.references('stages.id'))
    .addColumn('action_id', 'integer', (c) => c.references('actions.id'))
    .addColumn('owner_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due_date', 'text')
    .addColumn('follow_up_status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('decisions_meeting_number_uq', ['meeting_id', 'number'])
    .execute();

  await db.schema
    .createTable('meeting_snapshots')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().unique().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('territory_id', 'integer', (c) => c.references('territories.id'))
    .addColumn('plan_id', 'integer', (c) => c.references('plans.id'))
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema
    .createIndex('audit_entity_idx')
    .on('audit_events')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('audit_territory_idx')
    .on('audit_events')
    .columns(['territory_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('audit_plan_idx')
    .on('audit_events')
    .columns(['plan_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comments_entity_idx')
    .on('comments')
    .columns(['entity_type', 'entity_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  await db.schema
    .createTable('app_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'app_settings',
    'login_throttle',
    'sessions',
    'comments',
    'audit_events',
    'meeting_snapshots',
    'decisions',
    'agenda_items',
    'attendance',
    'measurements',
    'indicators',
    'actions',
    'stages',
    'meetings',
    'committee_members',
    'committees',
    'funding_lines',
    'plan_leads',
    'plan_partners',
    'plan_territories',
    'plans',
    'memberships',
    'region_observers',
    'users',
    'territory_epcis',
    'territories',
    'organisations',
    'regions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
