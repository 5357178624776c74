import { fileURLToPath } from 'node:url';
import {
  deleteExpiredSessions,
  getSetting,
  createDb,
  describeDatabase,
  isDatabaseEmpty,
  migrateToLatest,
  seedDemo,
} from '@jalon/db';
import { isoToday } from '@jalon/shared';
import { databaseConfig, loadEnv } from './env';
import { createLogger } from './logger';
import { createApp } from './http';
import { hashPassword } from './auth/password';
import { startSessionPurge } from './auth/sessionPurge';
import { DEMO_PASSWORD, demoAccountLines } from './demo';
import { siteFromEnv } from './site';
import { smtpTransport, startMailer } from './mail/mailer';

/** `pnpm start`: opens (or creates) the database, migrates, seeds the demo when empty, serves. */
async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  const database = databaseConfig(env);
  const db = createDb(database);
  const applied = await migrateToLatest(db);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');

  // Only a database with nothing in it gets the demo: never plant the demo accounts (and their
  // public password) beside real users.
  if (await isDatabaseEmpty(db)) {
    const summary = await seedDemo(db, {
      passwordHash: await hashPassword(DEMO_PASSWORD),
      today: isoToday(),
    });
    log.info({ ...summary, accounts: undefined }, 'demo data seeded');
  }
  await deleteExpiredSessions(db, new Date().toISOString());
  const stopSessionPurge = startSessionPurge(db, log);
  const site = siteFromEnv(env);
  // Without an SMTP server, mails stay in the outbox (administrators read them in the app).
  const mailer = startMailer(db, log, {
    site,
    transport: env.JALON_SMTP_URL ? smtpTransport(env.JALON_SMTP_URL, site) : null,
  });

  const clientDist =
    env.JALON_CLIENT_DIST ?? fileURLToPath(new URL('../../client/dist', import.meta.url));
  const app = createApp({
    db,
    log,
    secureCookies: env.JALON_SECURE_COOKIES,
    clientDist,
    trustProxy: env.JALON_TRUST_PROXY,
    site,
    oidc:
      env.JALON_OIDC_ISSUER && env.JALON_OIDC_CLIENT_ID && env.JALON_OIDC_CLIENT_SECRET
        ? {
            issuer: env.JALON_OIDC_ISSUER,
            clientId: env.JALON_OIDC_CLIENT_ID,
            clientSecret: env.JALON_OIDC_CLIENT_SECRET,
          }
        : undefined,
  });
  const isDemo = (await getSetting(db, 'demo')) === 'true';
  const server = app.listen(env.PORT, env.HOST, () => {
    const banner = [
      `Jalon is running on http://${env.HOST}:${env.PORT} (database ${describeDatabase(database)})`,
    ];
    if (isDemo) banner.push(...demoAccountLines());
    console.log(banner.join('\n'));
  });
  server.on('error', (error) => {
    console.error(`Cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`);
    process.exit(1);
  });

  const shutdown = () => {
    stopSessionPurge();
    mailer.stop();
    server.close(() => {
      void db.destroy().then(() => process.exit(0));
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
