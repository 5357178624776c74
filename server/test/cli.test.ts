import { execFile, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, getSetting, migrateToLatest, openDb, type Db } from '@jalon/db';
import { jalon, type Run } from './support/cli';
import { DEMO_PASSWORD } from '../src/demo';

// The CLI's commands run in-process on a database file in a temporary folder, through the same
// `runCli` as `pnpm jalon`. Child processes only where the process is what is tested: the
// `pnpm jalon` entry itself, and stdout on a full disk or a closed pipe.

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const WORKSPACE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(SERVER_DIR, 'node_modules', '.bin', 'tsx');
/** For the few tests that start a process (tsx compiles the CLI on each start). */
const PROCESS_TIMEOUT = 120_000;

// eslint-disable-next-line no-restricted-syntax -- the child's environment is this test's input
const inheritedEnv = { ...process.env };
delete inheritedEnv.JALON_DB;
delete inheritedEnv.JALON_DATABASE_URL;
delete inheritedEnv.JALON_NEW_USER_PASSWORD;

/** `pnpm jalon <args>` from the workspace root, as an administrator runs it. */
function pnpmJalon(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'pnpm',
      ['jalon', ...args],
      { cwd: WORKSPACE_DIR, env: { ...inheritedEnv, LOG_LEVEL: 'silent' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs the CLI with stdout on a file descriptor, or on a pipe whose reader has already gone. */
function jalonWithStdout(args: readonly string[], stdout: number | 'closed'): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['src/cli/main.ts', ...args], {
      cwd: SERVER_DIR,
      env: { ...inheritedEnv, LOG_LEVEL: 'silent' },
      stdio: ['ignore', stdout === 'closed' ? 'pipe' : stdout, 'pipe'],
    });
    child.stdout?.destroy();
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: '', stderr }));
  });
}

/** One line starting with "error:", and no stack trace. */
function expectOneLineError(run: Run, message: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/^error: [^\n]*\n$/);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jalon-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function withDb<T>(file: string, run: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb(file);
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

const planCount = (file: string) =>
  withDb(file, async (db) => {
    const row = await db
      .selectFrom('plans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  });

describe('jalon --help', () => {
  it('exits 0 and lists the commands', async () => {
    const run = await jalon(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['migrate', 'seed', 'user', 'export', 'backup', 'restore']) {
      expect(run.stdout).toContain(command);
    }
    const sub = await jalon(['user', 'add', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--territory');
    expect(sub.stdout).toContain('--db');
  });

  it('rejects an unknown command and a seed without a dataset', async () => {
    const [unknown, noDataset] = await Promise.all([
      jalon(['frobnicate']),
      jalon(['--db', join(dir, 'unused.sqlite'), 'seed']),
    ]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect(noDataset.code).toBe(1);
    expect(noDataset.stderr).toContain('--demo or --scale national');
  });
});

describe('pnpm jalon', () => {
  it(
    'runs the CLI as a process',
    async () => {
      const file = join(dir, 'entry.sqlite');
      const migrate = await pnpmJalon(['--db', file, 'migrate']);
      expect(migrate).toMatchObject({ code: 0, stderr: '' });
      expect(migrate.stdout).toContain('2026-11-22-0001-initial');
      expect(await planCount(file)).toBe(0);
    },
    PROCESS_TIMEOUT,
  );
});

describe('jalon migrate', () => {
  it('creates and migrates a new database file, then has nothing left to do', async () => {
    const file = join(dir, 'migrate.sqlite');
    const first = await jalon(['--db', file, 'migrate']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('2026-11-22-0001-initial');
    expect(existsSync(file)).toBe(true);
    const second = await jalon(['migrate'], { JALON_DB: file });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('up to date');
    expect(await planCount(file)).toBe(0);
  });
});

describe('jalon reference epcis', () => {
  it("adds France's EPCIs to the organisations once, by SIREN", async () => {
    const file = join(dir, 'reference.sqlite');
    await jalon(['--db', file, 'migrate']);
    const first = await jalon(['--db', file, 'reference', 'epcis']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const added = Number(/^(\d+) EPCIs added/.exec(first.stdout)?.[1]);
    expect(added).toBeGreaterThan(1_200);
    const epcis = await withDb(file, (db) =>
      db.selectFrom('organisations').select(['siren', 'kind']).execute(),
    );
    expect(epcis).toHaveLength(added);
    expect(new Set(epcis.map((o) => o.siren)).size).toBe(added);
    expect(epcis.every((o) => o.kind === 'epci' && /^\d{9}$/.test(o.siren ?? ''))).toBe(true);
    const again = await jalon(['--db', file, 'reference', 'epcis']);
    expect(again.stdout).toMatch(/^0 EPCIs added/);
  });
});

describe('jalon seed', () => {
  it('refuses a database holding users, territories (even archived) or regions', async () => {
    const withUser = join(dir, 'seed-user.sqlite');
    await jalon(['--db', withUser, 'migrate']);
    const admin = await jalon([
      ...['--db', withUser, 'user', 'add', '--email', 'root@example.fr', '--name', 'Root'],
      ...['--role', 'admin', '--password', 'password-1234'],
    ]);
    expect(admin.code).toBe(0);
    const withArchivedTerritory = join(dir, 'seed-archived.sqlite');
    const withRegion = join(dir, 'seed-region.sqlite');
    for (const file of [withArchivedTerritory, withRegion]) {
      await withDb(file, async (db) => {
        await migrateToLatest(db);
        await db.insertInto('regions').values({ code: '44', name: 'Grand Est' }).execute();
      });
    }
    await withDb(withArchivedTerritory, async (db) => {
      const region = await db.selectFrom('regions').select('id').executeTakeFirstOrThrow();
      await db
        .insertInto('territories')
        .values({
          regionId: region.id,
          code: 'OLD',
          name: 'Ancien territoire',
          phase: '2',
          joinedOn: null,
          industrialFirms: null,
          industrialJobs: null,
          electedChair: null,
          industrialChair: null,
          projectLeadName: null,
          archivedAt: '2025-01-01T08:00:00.000Z',
          createdAt: '2024-01-01T08:00:00.000Z',
        })
        .execute();
      // Every territory has a region; drop it to see the territory alone refused.
      await sql`pragma foreign_keys = off`.execute(db);
      await db.deleteFrom('regions').execute();
    });

    const runs = await Promise.all([
      jalon(['--db', withUser, 'seed', '--demo']),
      jalon(['--db', withUser, 'seed', '--scale', 'national']),
      jalon(['--db', withArchivedTerritory, 'seed', '--demo']),
      jalon(['--db', withRegion, 'seed', '--demo']),
    ]);
    for (const run of runs) expectOneLineError(run, /seeding needs an empty database/);
    await withDb(withUser, async (db) => {
      const emails = await db.selectFrom('users').select('email').execute();
      expect(emails).toEqual([{ email: 'root@example.fr' }]);
      expect(await getSetting(db, 'demo')).toBeNull();
    });
    expect(await planCount(withArchivedTerritory)).toBe(0);
    expect(await planCount(withRegion)).toBe(0);
  });
});

describe('jalon export plans', () => {
  it('fails on a database that was never migrated with a one-line error', async () => {
    const file = join(dir, 'unmigrated.sqlite');
    writeFileSync(file, '');
    expectOneLineError(await jalon(['--db', file, 'export', 'plans']), /no such table/);
  });
});

describe('on a demo database', () => {
  let file: string;
  beforeAll(async () => {
    file = join(dir, 'demo.sqlite');
    const run = await jalon(['seed', '--demo'], { JALON_DB: file });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Demo data seeded');
    for (const account of DEMO_ACCOUNTS) expect(run.stdout).toContain(account.email);
  }, 60_000);

  it('refuses to seed it a second time', async () => {
    const before = await planCount(file);
    const run = await jalon(['--db', file, 'seed', '--demo']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('seeding needs an empty database');
    expect(await planCount(file)).toBe(before);
  });

  describe('export plans', () => {
    const territoryCodes = DEMO_ACCOUNTS.filter((a) => a.role === 'coordinator').map(
      (a) => a.scope,
    );

    it('writes CSV for French Excel: BOM, ";", CRLF, decimal comma, a row per plan and territory', async () => {
      const run = await jalon(['--db', file, 'export', 'plans']);
      expect(run.code).toBe(0);
      expect(run.stdout.startsWith('\uFEFFCode territoire;Territoire;Fiche action;')).toBe(true);
      expect(run.stdout.endsWith('\r\n')).toBe(true);
      expect(run.stdout).not.toMatch(/[^\r]\n/);
      const rows = parse<Record<string, string>>(run.stdout, {
        bom: true,
        delimiter: ';',
        columns: true,
      });
      expect(Object.keys(rows[0] ?? {})).toEqual([
        'Code territoire',
        'Territoire',
        'Fiche action',
        'Intitulé',
        'Axe',
        'Porteur',
        'Avancement état des lieux (%)',
        'Avancement adaptation des outils (%)',
        'Avancement accompagnement au changement (%)',
        'Avancement de la fiche (%)',
        'À venir',
        'En cours',
        'Réalisé',
        'En retard',
        'En pause',
        'Bloqué',
        'Abandonné',
        'À discuter',
        'Actions échues',
      ]);
      expect(new Set(rows.map((r) => r['Code territoire']))).toEqual(new Set(territoryCodes));
      expect(rows.filter((r) => r['Code territoire'] === 'NL')).toHaveLength(9);
      expect(rows.filter((r) => r['Intitulé']?.startsWith('IN&MA'))).toHaveLength(2);
      expect(rows).toHaveLength((await planCount(file)) + 1);
      for (const row of rows) {
        for (const header of ['Avancement état des lieux (%)', 'Avancement de la fiche (%)']) {
          expect(row[header]).toMatch(/^(\d{1,3},\d)?$/);
        }
        expect(row['Réalisé']).toMatch(/^\d+$/);
        for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
      }
      expect(rows.some((r) => r['Bloqué'] !== '0')).toBe(true);
      expect(rows.some((r) => r['Actions échues'] !== '0')).toBe(true);
    });

    it('neutralises text that a spreadsheet would run as a formula', async () => {
      await withDb(file, async (db) => {
        const territory = await db
          .selectFrom('territories')
          .select('id')
          .where('code', '=', 'CH')
          .executeTakeFirstOrThrow();
        const plan = await db
          .insertInto('plans')
          .values({
            createdAt: '2025-01-01T08:00:00.000Z',
            updatedAt: '2025-01-01T08:00:00.000Z',
            code: 'FA-99',
            title: '=HYPERLINK("http://evil.example";"clic")',
            summary: '',
            axis: 'innovation',
            priority: 'low',
            leadOrganisationId: null,
            startDate: null,
            endDate: null,
            budgetCents: null,
            archivedAt: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('planTerritories')
          .values({ planId: plan.id, territoryId: territory.id })
          .execute();
      });
      const run = await jalon(['--db', file, 'export', 'plans']);
      const rows = parse<Record<string, string>>(run.stdout, {
        bom: true,
        delimiter: ';',
        columns: true,
      });
      const row = rows.find((r) => r['Fiche action'] === 'FA-99');
      expect(row?.['Intitulé']).toBe(`'=HYPERLINK("http://evil.example";"clic")`);
      expect(row?.['Avancement de la fiche (%)']).toBe('');
      expect(row?.['À venir']).toBe('0');
    });

    it('writes RFC 4180 CSV with --profile rfc4180', async () => {
      const run = await jalon(['--db', file, 'export', 'plans', '--profile', 'rfc4180']);
      expect(run.code).toBe(0);
      expect(run.stdout.startsWith('Code territoire,Territoire,')).toBe(true);
      const rows = parse<Record<string, string>>(run.stdout, { columns: true });
      const progress = rows.map((r) => r['Avancement de la fiche (%)']).filter(Boolean);
      expect(progress.length).toBeGreaterThan(0);
      for (const value of progress) expect(value).toMatch(/^\d{1,3}\.\d$/);
    });

    it.skipIf(!existsSync('/dev/full'))(
      'fails on a full disk with a one-line error',
      async () => {
        const full = openSync('/dev/full', 'w');
        try {
          const run = await jalonWithStdout(['--db', file, 'export', 'plans'], full);
          expectOneLineError(run, /ENOSPC/);
        } finally {
          closeSync(full);
        }
      },
      PROCESS_TIMEOUT,
    );

    it(
      'ends quietly with exit code 0 when the reader goes away (`| head`)',
      async () => {
        const run = await jalonWithStdout(['--db', file, 'export', 'plans'], 'closed');
        expect(run).toMatchObject({ code: 0, stderr: '' });
      },
      PROCESS_TIMEOUT,
    );
  });

  describe('export meetings and export meeting', () => {
    const csvRows = (stdout: string, delimiter = ';') =>
      parse<Record<string, string>>(stdout, { bom: true, delimiter, columns: true });

    it('lists the meetings with an id column, all of them or one territory’s', async () => {
      const [all, nl, unknown] = await Promise.all([
        jalon(['--db', file, 'export', 'meetings']),
        jalon(['--db', file, 'export', 'meetings', '--territory', 'NL']),
        jalon(['--db', file, 'export', 'meetings', '--territory', 'ZZ']),
      ]);
      expect(all).toMatchObject({ code: 0, stderr: '' });
      expect(all.stdout.startsWith('\uFEFFid;Comité;Type de comité;Territoire;')).toBe(true);
      const count = await withDb(file, async (db) => {
        const row = await db
          .selectFrom('meetings')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      });
      expect(csvRows(all.stdout)).toHaveLength(count);
      const rows = csvRows(nl.stdout);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThan(count);
      for (const row of rows) {
        expect(row.id).toMatch(/^\d+$/);
        expect(row.Territoire).toBe('Nord Lorraine');
        expect(row['Date et heure']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      }
      expectOneLineError(unknown, /Unknown territory code "ZZ"/);
    });

    it('writes a meeting’s summary: one header row, a section per row, in the language asked', async () => {
      // The meeting with the most decisions, so every section has rows.
      const meeting = await withDb(file, (db) =>
        db
          .selectFrom('decisions')
          .select((eb) => ['meetingId', eb.fn.countAll<number>().as('n')])
          .groupBy('meetingId')
          .orderBy('n', 'desc')
          .orderBy('meetingId')
          .limit(1)
          .executeTakeFirstOrThrow(),
      );
      const id = String(meeting.meetingId);
      const [fr, en, missing, notAnId] = await Promise.all([
        jalon(['--db', file, 'export', 'meeting', id]),
        jalon(['--db', file, 'export', 'meeting', id, '--lang', 'en', '--profile', 'rfc4180']),
        jalon(['--db', file, 'export', 'meeting', '999999']),
        jalon(['--db', file, 'export', 'meeting', 'abc']),
      ]);
      expect(fr).toMatchObject({ code: 0, stderr: '' });
      expect(fr.stdout.startsWith('\uFEFFRubrique;Comité;Territoire;Date et heure;')).toBe(true);
      const rows = csvRows(fr.stdout);
      expect(rows[0]?.Rubrique).toBe('Séance');
      expect(rows.filter((r) => r.Rubrique === 'Séance')).toHaveLength(1);
      expect(rows.filter((r) => r.Rubrique === 'Décisions')).toHaveLength(Number(meeting.n));
      expect(rows.some((r) => r.Rubrique === 'Indicateurs')).toBe(true);
      for (const row of rows) {
        expect(row['Écart (points)']).toMatch(/^(-?\d+(,\d+)?)?$/);
        for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+@\t\r]/);
      }

      expect(en.code).toBe(0);
      expect(en.stdout.startsWith('Section,Committee,Territory,Date and time,')).toBe(true);
      const enRows = csvRows(en.stdout, ',');
      expect(enRows).toHaveLength(rows.length);
      expect(enRows.filter((r) => r.Section === 'Decisions')).toHaveLength(Number(meeting.n));

      expectOneLineError(missing, /Meeting 999999 not found/);
      expect(notAnId.code).not.toBe(0);
      expect(notAnId.stdout).toBe('');
    });
  });

  describe('user add', () => {
    it('creates a user with a membership and an audit event, and never prints the password', async () => {
      const password = 'un-mot-de-passe-solide';
      const run = await jalon(
        [
          ...['--db', file, 'user', 'add', '--email', 'Anne.Martin@Example.fr'],
          ...['--name', 'Anne Martin', '--role', 'coordinator', '--territory', 'CL'],
        ],
        { JALON_NEW_USER_PASSWORD: password },
      );
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain('anne.martin@example.fr');
      expect(run.stdout).not.toContain(password);
      await withDb(file, async (db) => {
        const user = await db
          .selectFrom('users')
          .selectAll()
          .where('email', '=', 'anne.martin@example.fr')
          .executeTakeFirstOrThrow();
        expect(user.passwordHash).toMatch(/^scrypt\$/);
        expect(user.passwordHash).not.toContain(password);
        const membership = await db
          .selectFrom('memberships as m')
          .innerJoin('territories as t', 't.id', 'm.territoryId')
          .select(['m.role', 't.code'])
          .where('m.userId', '=', user.id)
          .execute();
        expect(membership).toEqual([{ role: 'coordinator', code: 'CL' }]);
        const audit = await db
          .selectFrom('auditEvents')
          .selectAll()
          .where('entityType', '=', 'user')
          .where('entityId', '=', user.id)
          .execute();
        expect(audit).toHaveLength(1);
        expect(audit[0]?.operation).toBe('create');
        expect(JSON.stringify(audit)).not.toContain(password);
      });
    });

    it('adds a regional observer and an admin', async () => {
      const [observer, admin] = await Promise.all([
        jalon([
          ...['--db', file, 'user', 'add', '--email', 'obs@example.fr', '--name', 'Obs'],
          ...['--role', 'regional_observer', '--region', '24', '--password', 'password-1234'],
        ]),
        jalon([
          ...['--db', file, 'user', 'add', '--email', 'adm@example.fr', '--name', 'Adm'],
          ...['--role', 'admin', '--password', 'password-1234'],
        ]),
      ]);
      expect(observer.code).toBe(0);
      expect(admin.code).toBe(0);
      await withDb(file, async (db) => {
        const row = await db
          .selectFrom('regionObservers as o')
          .innerJoin('users as u', 'u.id', 'o.userId')
          .innerJoin('regions as r', 'r.id', 'o.regionId')
          .select('r.code')
          .where('u.email', '=', 'obs@example.fr')
          .executeTakeFirstOrThrow();
        expect(row.code).toBe('24');
        const adm = await db
          .selectFrom('users')
          .select('globalRole')
          .where('email', '=', 'adm@example.fr')
          .executeTakeFirstOrThrow();
        expect(adm.globalRole).toBe('admin');
      });
    });

    it('rejects bad input with a message and a non-zero exit code, writing nothing', async () => {
      const add = (...args: string[]) => [
        ...['--db', file, 'user', 'add', '--name', 'Paul Durand'],
        ...args,
      ];
      const cases: [string[], RegExp][] = [
        [add('--email', 'p@example.fr', '--role', 'boss', '--territory', 'NL'), /invalid/],
        [
          add('--email', 'p@example.fr', '--role', 'lead', '--password', 'password-1234'),
          /needs --territory/,
        ],
        [
          add(
            '--email',
            'p@example.fr',
            '--role',
            'lead',
            '--territory',
            'ZZ',
            '--password',
            'password-1234',
          ),
          /Unknown territory code "ZZ"/,
        ],
        [
          add(
            '--email',
            'p@example.fr',
            '--role',
            'regional_observer',
            '--password',
            'password-1234',
          ),
          /needs --region/,
        ],
        [
          add(
            '--email',
            'p@example.fr',
            '--role',
            'regional_observer',
            '--region',
            '99',
            '--password',
            'password-1234',
          ),
          /Unknown region code "99"/,
        ],
        [
          add('--email', 'not-an-email', '--role', 'admin', '--password', 'password-1234'),
          /Not a valid email/,
        ],
        [
          add('--email', 'p@example.fr', '--role', 'admin', '--password', 'short'),
          /10 to 200 characters/,
        ],
        [add('--email', 'p@example.fr', '--role', 'admin'), /JALON_NEW_USER_PASSWORD/],
        [
          add(
            '--email',
            'coordination@jalon.test',
            '--role',
            'admin',
            '--password',
            'password-1234',
          ),
          /already exists/,
        ],
        [add('--role', 'admin', '--password', 'password-1234'), /--email/],
        [
          add('--email', 'p@example.fr', '--role', 'admin', '--password', ' '.repeat(12)),
          /must not be blank/,
        ],
        [
          add('--email', 'p@example.fr', '--role', 'admin', '--password', DEMO_PASSWORD),
          /demo password/,
        ],
        [
          [
            ...['--db', file, 'user', 'add', '--email', 'p@example.fr', '--role', 'admin'],
            ...['--name', 'Paul\nDurand', '--password', 'password-1234'],
          ],
          /name must not contain control characters/,
        ],
        [
          [
            ...['--db', file, 'user', 'add', '--email', 'p@example.fr', '--role', 'admin'],
            ...['--name', '\u001b[31mPaul Durand', '--password', 'password-1234'],
          ],
          /name must not contain control characters/,
        ],
        [
          add('--email', 'p@example.fr\r', '--role', 'admin', '--password', 'password-1234'),
          /email must not contain control characters/,
        ],
      ];
      const runs = await Promise.all(cases.map(([args]) => jalon(args)));
      for (const [i, run] of runs.entries()) {
        const expected = cases[i]?.[1] ?? /./;
        expect(run.code, run.stderr).not.toBe(0);
        expect(run.stderr).toMatch(expected);
        expect(run.stderr).not.toContain('password-1234');
        expect(run.stderr).not.toContain(DEMO_PASSWORD);
        expect(run.stderr).not.toContain('\u001b');
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
      const pauls = await withDb(file, (db) =>
        db
          .selectFrom('users')
          .select('id')
          .where((eb) => eb.or([eb('name', '=', 'Paul Durand'), eb('email', '=', 'p@example.fr')]))
          .execute(),
      );
      expect(pauls).toEqual([]);
    });

    it('refuses a database file that does not exist', async () => {
      const missing = join(dir, 'missing.sqlite');
      const run = await jalon([
        ...['--db', missing, 'user', 'add', '--email', 'x@example.fr', '--name', 'X'],
        ...['--role', 'admin', '--password', 'password-1234'],
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('No database');
      expect(existsSync(missing)).toBe(false);
    });
  });

  describe('backup', () => {
    it('writes a copy that opens and holds the same plans, and overwrites only with --force', async () => {
      const target = join(dir, 'backup.sqlite');
      const run = await jalon(['--db', file, 'backup', target]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(await planCount(target)).toBe(await planCount(file));

      const again = await jalon(['--db', file, 'backup', target]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('--force');

      const forced = await jalon(['--db', file, 'backup', target, '--force']);
      expect(forced.code).toBe(0);
      expect(await planCount(target)).toBe(await planCount(file));
    });
  });

  describe('restore', () => {
    let backup: string;
    beforeAll(async () => {
      backup = join(dir, 'to-restore.sqlite');
      expect(await jalon(['--db', file, 'backup', backup])).toMatchObject({ code: 0 });
    });

    it('restores a backup, says what it did, and replaces a database only with --force', async () => {
      const target = join(dir, 'restored.sqlite');
      const run = await jalon(['--db', target, 'restore', backup]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain(`Restored ${backup} to ${target}.`);
      expect(run.stdout).toContain('integrity: ok');
      expect(run.stdout).toMatch(/\d+ users, \d+ territories, [1-9]\d* plans, [1-9]\d* actions/);
      expect(await planCount(target)).toBe(await planCount(file));

      const occupied = join(dir, 'occupied.sqlite');
      expect(await jalon(['--db', occupied, 'migrate'])).toMatchObject({ code: 0 });
      expectOneLineError(
        await jalon(['--db', occupied, 'restore', backup]),
        /already holds a database: add --force/,
      );
      expect(await planCount(occupied)).toBe(0);
      const forced = await jalon(['--db', occupied, 'restore', backup, '--force']);
      expect(forced).toMatchObject({ code: 0, stderr: '' });
      expect(forced.stdout).toContain('replacing the database there');
      expect(await planCount(occupied)).toBe(await planCount(file));
    });

    it('refuses a missing, foreign or corrupt file with a one-line error, changing nothing', async () => {
      const target = join(dir, 'kept.sqlite');
      expect(await jalon(['--db', file, 'backup', target])).toMatchObject({ code: 0 });
      const before = readFileSync(target);

      const text = join(dir, 'notes.txt');
      writeFileSync(text, 'Compte rendu du COPIL\n');
      const corrupt = join(dir, 'corrupt.sqlite');
      const bytes = readFileSync(backup);
      bytes.fill(0xa5, 4096);
      writeFileSync(corrupt, bytes);

      const restore = (from: string) => jalon(['--db', target, 'restore', from, '--force']);
      expectOneLineError(await restore(join(dir, 'nowhere.sqlite')), /No backup file at/);
      expectOneLineError(await restore(text), /not a SQLite database/);
      expectOneLineError(await restore(corrupt), /is corrupt/);
      expect(readFileSync(target).equals(before)).toBe(true);
    });
  });
});
