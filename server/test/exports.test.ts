import { describe, expect, it } from 'vitest';
import type { World } from './support/world';
import { parseCsv, serveWorldEachTest } from './support/http';
import { actionRow } from './support/rows';

let world: World;
const { signIn, download } = serveWorldEachTest((w) => (world = w));

describe('CSV downloads', () => {
  it('refuses without a session', async () => {
    const res = await download('actions.csv');
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/stack|\.ts:\d+/);
    expect((await download('portfolio.csv')).status).toBe(401);
  });

  it('gives a committee member of NL only the actions of NL, as an attachment in excel-fr', async () => {
    const res = await download('actions.csv?lang=fr', await signIn('memberNL'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="actions-${world.today}.csv"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toContain('Fiche action;');
    const rows = parseCsv(text);
    expect(rows.map((r) => r.Action).sort()).toEqual(
      [
        'Adapter l’offre de formation',
        'Cartographie du foncier',
        'Diagnostic des compétences',
      ].sort(),
    );
    const blocked = rows.find((r) => r.Action === 'Cartographie du foncier');
    expect(blocked).toMatchObject({
      'Fiche action': 'FA-2',
      Statut: 'Bloqué',
      Étape: expect.any(String) as string,
      'Commentaire de statut': 'En attente du financement',
    });
  });

  it('applies the filters of action.list: repeated statuses, overdue, territory, search', async () => {
    const cookie = await signIn('admin');
    const only = async (query: string) =>
      parseCsv(await (await download(`actions.csv?${query}`, cookie)).text()).map((r) => r.Action);
    expect(await only('statuses=blocked&statuses=late')).toEqual(['Cartographie du foncier']);
    expect(await only('overdue=1')).toEqual(['Diagnostic des compétences']);
    expect(await only(`territoryId=${world.territories.CH}`)).toEqual(['Campus de formation']);
    expect(await only('search=foncier')).toEqual(['Cartographie du foncier']);
    expect(await only('sort=title&direction=desc')).toEqual([
      'Diagnostic des compétences',
      'Cartographie du foncier',
      'Campus de formation',
      'Adapter l’offre de formation',
    ]);
  });

  it('streams every row across pages, not only the first page', async () => {
    const stageId = world.stages.CH1[1] ?? 0;
    await world.db
      .insertInto('actions')
      .values(
        Array.from({ length: 450 }, (_, i) =>
          actionRow({
            createdAt: world.today,
            updatedAt: world.today,
            planId: world.plans.CH1,
            stageId,
            title: `Action ${String(i).padStart(3, '0')}`,
            status: 'not_started',
          }),
        ),
      )
      .execute();
    const text = await (await download('actions.csv?sort=title', await signIn('admin'))).text();
    const titles = parseCsv(text).map((r) => r.Action);
    expect(titles).toHaveLength(454);
    expect(new Set(titles).size).toBe(454);
  });

  it('answers 400 with the faulty parameter for bad filters, never a stack trace', async () => {
    const cookie = await signIn('admin');
    for (const query of ['statuses=bogus', 'territoryId=abc', 'overdue=maybe', 'lang=xx']) {
      const res = await download(`actions.csv?${query}`, cookie);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: string; fieldErrors: Record<string, unknown> };
      expect(Object.keys(body.fieldErrors), query).toEqual([query.split('=')[0]]);
      expect(JSON.stringify(body)).not.toMatch(/stack|\.ts:\d+/);
    }
    expect((await download('portfolio.csv?profile=tsv', cookie)).status).toBe(400);
  });

  it('writes excel-fr with ";" and a decimal comma, rfc4180 with "," and a decimal point', async () => {
    await world.db
      .updateTable('actions')
      .set({ progress: 33 })
      .where('id', '=', world.actions.NL1b)
      .execute();
    const cookie = await signIn('coordinatorNL');
    // Raw bytes: Response.text() would drop the BOM this test looks for.
    const bytes = async (query: string) =>
      new Uint8Array(await (await download(`portfolio.csv?${query}`, cookie)).arrayBuffer());
    const frBytes = await bytes('lang=fr');
    const rfcBytes = await bytes('lang=fr&profile=rfc4180');
    expect([...frBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...rfcBytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const fr = new TextDecoder().decode(frBytes);
    const rfc = new TextDecoder().decode(rfcBytes);
    const frRow = parseCsv(fr)[0];
    const rfcRow = parseCsv(rfc, 'rfc4180')[0];
    expect(frRow?.Territoire).toBe('Nord Lorraine');
    expect(frRow?.['Avancement (%)']).toMatch(/^\d+,\d$/);
    expect(rfcRow?.['Avancement (%)']).toBe(frRow?.['Avancement (%)']?.replace(',', '.'));
    expect(rfc.split('\r\n')[0]).toContain('Code territoire,Territoire,Région');
  });

  it('neutralises a title a spreadsheet would run as a formula', async () => {
    const formula = '=HYPERLINK("http://evil.test","Cliquez")';
    await world.db
      .updateTable('actions')
      .set({ title: formula })
      .where('id', '=', world.actions.NL1a)
      .execute();
    const text = await (await download('actions.csv', await signIn('coordinatorNL'))).text();
    const titles = parseCsv(text).map((r) => r.Action);
    expect(titles).toContain(`'${formula}`);
    expect(titles).not.toContain(formula);
  });

  it('writes headers and labels in the language asked, else in the user’s', async () => {
    const cookie = await signIn('admin');
    const en = parseCsv(
      await (await download('actions.csv?lang=en&statuses=blocked', cookie)).text(),
    );
    expect(Object.keys(en[0] ?? {})).toContain('Action lead');
    expect(en[0]).toMatchObject({ Status: 'Blocked', Overdue: 'No' });
    const de = await (await download('portfolio.csv?lang=de', cookie)).text();
    expect(de.split('\r\n')[0]).toContain('Industrieterritorium');
    await world.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('id', '=', world.users.admin)
      .execute();
    const mine = await (await download('portfolio.csv', cookie)).text();
    expect(mine.split('\r\n')[0]).toContain('Territory code');
  });
});
