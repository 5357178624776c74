import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { TEST_POSTGRES_TEMPLATE, createDb, migrateToLatest } from '@jalon/db';
import { startPostgres } from './server';
import './provided';

// Vitest's global setup for the suites that run on PostgreSQL: one server for the whole run, a
// template database migrated once, then each `createTestDb()` of a test copies the template.
// The server's URL goes to this project's workers only (setupWorker.ts puts it in their
// environment): the same suites in the SQLite projects must not see it.

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  const admin = createDb({ kind: 'postgres', url: server.url, maxConnections: 1 });
  try {
    await sql.raw(`create database ${TEST_POSTGRES_TEMPLATE}`).execute(admin);
  } finally {
    await admin.destroy();
  }
  const url = new URL(server.url);
  url.pathname = `/${TEST_POSTGRES_TEMPLATE}`;
  const template = createDb({ kind: 'postgres', url: url.toString(), maxConnections: 1 });
  try {
    await migrateToLatest(template);
  } finally {
    await template.destroy();
  }
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
