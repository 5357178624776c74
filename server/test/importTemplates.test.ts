import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, migrateToLatest, openDb, seedDemo, type Db } from '@jalon/db';
import { isoToday, LOCALES } from '@jalon/shared';
import { createApp } from '../src/http';
import { hashPassword } from '../src/auth/password';
import { DEMO_PASSWORD } from '../src/demo';
import type { PlanImportPreview } from '../src/import/plans';

// Issue 12: the templates open in LibreOffice, as they would on an agent's workstation, and what
// LibreOffice saves reads back. LibreOffice comes from Debian's packages (`.ci/run` installs
// libreoffice-calc-nogui when it is missing); without it this suite fails, it is not skipped.

const run = promisify(execFile);
const COORDINATOR = DEMO_ACCOUNTS.find((a) => a.role === 'coordinator' && a.scope === 'NL')!;

let dir: string;
let db: Db;
let base: string;
let cookie: string;
let close: () => Promise<void>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jalon-templates-'));
  db = openDb(join(dir, 'demo.sqlite'));
  await migrateToLatest(db);
  await seedDemo(db, {
    passwordHash: await hashPassword(DEMO_PASSWORD),
    today: isoToday(new Date()),
  });
  const app = createApp({ db, log: pino({ level: 'silent' }), secureCookies: false });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.destroy();
  };
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: COORDINATOR.email, password: DEMO_PASSWORD }),
  });
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});

afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

/** Converts `files` with LibreOffice (its own profile folder: runs may overlap), into `format`. */
async function libreOffice(files: string | string[], format: string, out: string): Promise<void> {
  const profile = pathToFileURL(mkdtempSync(join(dir, 'profile-'))).href;
  await run(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      format,
      '--outdir',
      out,
      ...(Array.isArray(files) ? files : [files]),
    ],
    { timeout: 240_000 },
  );
}

async function template(kind: string, lang: string): Promise<Buffer> {
  const res = await fetch(`${base}/api/export/${kind}-template.xlsx?lang=${lang}`, {
    headers: { cookie },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('the import templates in LibreOffice', () => {
  it('a plans template filled in, saved again by LibreOffice, previews as the original', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await template('plans', 'fr')).buffer);
    const sheet = workbook.getWorksheet('Fiches action')!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    const rows: Record<string, string | number>[] = [
      {
        'Fiche action': 'FA-LO-1',
        'Intitulé de la fiche': 'Former aux métiers de la maintenance',
        Axe: 'Compétences',
        Étape: 'État des lieux',
        Action: 'Recenser les besoins',
        Statut: 'En cours',
        'Avancement (%)': 30,
        Échéance: '30/06/2027',
      },
      {
        'Fiche action': 'FA-LO-1',
        Étape: 'Accompagnement au changement',
        Action: 'Former les tuteurs',
        Statut: 'Bloqué',
        'Commentaire de statut': 'Budget en attente',
      },
    ];
    for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
    const filled = join(dir, 'fiches.xlsx');
    await workbook.xlsx.writeFile(filled);
    const out = join(dir, 'saved-by-libreoffice');
    await libreOffice(filled, 'xlsx:Calc MS Excel 2007 XML', out);
    const saved = readFileSync(join(out, 'fiches.xlsx'));
    expect(saved.equals(readFileSync(filled))).toBe(false);

    const res = await fetch(`${base}/api/import/plans/preview`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/octet-stream' },
      body: saved,
    });
    const preview = (await res.json()) as PlanImportPreview;
    expect(preview).toMatchObject({ format: 'xlsx', applicable: true });
    expect(preview.counts).toEqual({ rows: 2, plans: 1, actions: 2, refused: 0 });
    expect(preview.columns.ignored).toEqual([]);

    // LibreOffice kept the drop-down lists.
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(Uint8Array.from(saved).buffer);
    const axis = reread.worksheets[0]!.getCell('D2').dataValidation;
    expect(axis.type).toBe('list');
    expect(reread.worksheets.map((s) => s.name)).toEqual(['Fiches action', 'Mode d’emploi']);
  }, 180_000);

  it('every template opens in LibreOffice in every language, with its columns', async () => {
    const files: { path: string; name: string }[] = [];
    for (const kind of ['plans', 'indicators', 'measurements']) {
      for (const lang of LOCALES) {
        const name = `${kind}-${lang}`;
        const path = join(dir, `${name}.xlsx`);
        writeFileSync(path, await template(kind, lang));
        files.push({ path, name });
      }
    }
    const out = join(dir, 'as-csv');
    await libreOffice(
      files.map((f) => f.path),
      'csv:Text - txt - csv (StarCalc):44,34,76',
      out,
    );
    for (const { path, name } of files) {
      const csv = readFileSync(join(out, `${name}.csv`), 'utf8');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const headers = (workbook.worksheets[0]!.getRow(1).values as string[]).slice(1);
      expect(csv.split(/\r?\n/)[0], name).toBe(headers.join(','));
    }
  }, 300_000);
});
