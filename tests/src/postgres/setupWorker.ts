import { inject } from 'vitest';
import { useTestPostgres } from '@jalon/db';
import './provided';

// Runs in each worker of a PostgreSQL project before its test files: `createTestDb()` then
// copies the template on the server globalSetup.ts started.
useTestPostgres(inject('postgresUrl'));
