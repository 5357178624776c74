import type { TestProject } from 'vitest/node';
import {
  TEST_POSTGRES_TEMPLATE,
  createDb,
  createPostgresDatabase,
  migrateToLatest,
} from '@jalon/db';
import { startPostgres } from './server';
import './provided';

// Vitest's global setup for the suites that run on PostgreSQL: one server for the whole run, a
// template database migrated once, then each `createTestDb()` of a test copies the template.
// The server's URL goes to this project's workers only (setupWorker.ts puts it in their
// environment): the same suites in the SQLite projects must not see it.

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  const url = await createPostgresDatabase(server.url, TEST_POSTGRES_TEMPLATE);
  const template = createDb({ kind: 'postgres', url, maxConnections: 1 });
  try {
    await migrateToLatest(template);
  } finally {
    await template.destroy();
  }
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
