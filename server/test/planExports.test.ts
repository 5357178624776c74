import { describe, expect, it } from 'vitest';
import { callerAs, type World } from './support/world';
import { parseCsv, serveWorldEachTest } from './support/http';
import { AUDIT_FIELD_LABELS, AUDIT_FIELDS, LOCALES, type AuditFieldKind } from '@jalon/shared';

let world: World;
const { signIn, download } = serveWorldEachTest((w) => (world = w));

const rowsOf = async (path: string, cookie: string) => {
  const res = await download(path, cookie);
  expect(res.status, path).toBe(200);
  return parseCsv(await res.text());
};

/** Labels of the fields that hold figures (numbers, amounts), the only bare numbers a history shows. */
function figureLabels(): Set<string> {
  const labels = new Set<string>();
  for (const [entityType, fields] of Object.entries(AUDIT_FIELDS))
    for (const [field, kind] of Object.entries(fields) as [string, AuditFieldKind][])
      if (kind.kind === 'number' || kind.kind === 'money')
        for (const locale of LOCALES)
          labels.add(
            (AUDIT_FIELD_LABELS[locale] as Record<string, Record<string, string>>)[entityType]?.[
              field
            ] ?? '',
          );
  return labels;
}

const headerOf = async (path: string, cookie: string) =>
  (await (await download(path, cookie)).text()).replace(/^\uFEFF/, '').split('\r\n')[0];

// Each test signs in over HTTP (password hashing) several times: slower than the default 5 s on a busy machine.
describe('CSV downloads of the plan-side tables', { timeout: 20_000 }, () => {
  it('refuses every one of them without a session', async () => {
    for (const path of [
      'indicators.csv',
      `funding-lines.csv?planId=${world.plans.NL1}`,
      `measurements.csv?indicatorId=${world.indicators.NL1}`,
      `history.csv?entityType=plan&entityId=${world.plans.NL1}`,
      `members.csv?territoryId=${world.territories.NL}`,
    ]) {
      expect((await download(path)).status, path).toBe(401);
    }
  });

  it('lists the indicators a user may see, with their filters and the track', async () => {
    const cookie = await signIn('memberNL');
    const rows = await rowsOf('indicators.csv?lang=fr', cookie);
    // The NL member sees NL-1's indicator, not Chartres's.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      Indicateur: 'Personnes formées',
      'Fiche action': 'FA-1',
      Type: 'Réalisation',
      Unité: 'personnes',
      Sens: 'À la hausse',
      'Valeur de référence': '0',
      'Date de référence': '2024-01-01',
      Cible: '120',
      'Échéance de la cible': '2026-12-31',
      'Dernière valeur': '25',
      'Mesurée le': '2024-12-31',
      'Valeur attendue à cette date': '40',
      'Progression (%)': '20,8',
      Trajectoire: 'Hors trajectoire',
    });
    // The territory dashboard's "off track" filter; another territory's id gives an empty file.
    const territory = `territoryId=${world.territories.NL}`;
    expect(await rowsOf(`indicators.csv?${territory}&tracks=off_track`, cookie)).toHaveLength(1);
    expect(await rowsOf(`indicators.csv?${territory}&tracks=on_track`, cookie)).toHaveLength(0);
    expect(await rowsOf(`indicators.csv?territoryId=${world.territories.CH}`, cookie)).toHaveLength(
      0,
    );
    const admin = await signIn('admin');
    const ch = await rowsOf(`indicators.csv?planId=${world.plans.CH1}`, admin);
    expect(ch.map((r) => [r['Fiche action'], r.Trajectoire])).toEqual([['FA-1', 'Sans mesure']]);
    expect((await download('indicators.csv?tracks=late', admin)).status).toBe(400);
  });

  it('writes funding lines in euros: decimal comma in excel-fr, point in rfc4180', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.fundingLine.create({
      planId: world.plans.NL1,
      funderOrganisationId: world.orgs.bpi,
      scheme: 'Fonds friches',
      requestedCents: 1_234_567,
      grantedCents: 1_000_050,
      paidCents: 0,
    });
    const cookie = await signIn('memberNL');
    const fr = await rowsOf(`funding-lines.csv?planId=${world.plans.NL1}&lang=fr`, cookie);
    expect(fr).toEqual([
      {
        Financeur: expect.any(String) as string,
        Dispositif: 'Fonds friches',
        'Demandé (€)': '12345,67',
        'Accordé (€)': '10000,50',
        'Versé (€)': '0,00',
      },
    ]);
    const res = await download(
      `funding-lines.csv?planId=${world.plans.NL1}&lang=en&profile=rfc4180`,
      cookie,
    );
    const rfc = parseCsv(await res.text(), 'rfc4180');
    expect(rfc[0]).toMatchObject({ 'Requested (€)': '12345.67', 'Granted (€)': '10000.50' });
  });

  it('answers 403 for a plan or indicator out of scope and 404 for an unknown one', async () => {
    const cookie = await signIn('memberNL');
    for (const path of [
      `funding-lines.csv?planId=${world.plans.CH1}`,
      `measurements.csv?indicatorId=${world.indicators.CH1}`,
      `history.csv?entityType=plan&entityId=${world.plans.CH1}`,
    ]) {
      const res = await download(path, cookie);
      expect(res.status, path).toBe(403);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(res.headers.get('content-disposition'), path).toBeNull();
    }
    expect((await download('funding-lines.csv?planId=999999', cookie)).status).toBe(404);
    expect((await download('measurements.csv?indicatorId=999999', cookie)).status).toBe(404);
    expect((await download('funding-lines.csv', cookie)).status).toBe(400);
  });

  it('lists an indicator’s measurements, a formula in a source or comment neutralised', async () => {
    const lead = await callerAs(world, 'lead');
    const formula = '=HYPERLINK("http://evil.test","Cliquez")';
    await lead.measurement.create({
      indicatorId: world.indicators.NL1,
      measuredOn: '2025-03-31',
      value: 40.5,
      source: formula,
      comment: '+1+1',
    });
    const rows = await rowsOf(
      `measurements.csv?indicatorId=${world.indicators.NL1}&lang=en`,
      await signIn('observerNL'),
    );
    expect(rows.map((r) => [r.Date, r.Value, r.Source])).toEqual([
      ['2025-03-31', '40,5', `'${formula}`],
      ['2024-12-31', '25', 'OPCO'],
      ['2024-06-30', '10', 'OPCO'],
    ]);
    expect(rows[0]).toMatchObject({ Comment: "'+1+1", Track: 'Off track' });
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'Date',
      'Value',
      'Expected value',
      'Track',
      'Source',
      'Comment',
      'Recorded by',
    ]);
  });

  it('writes a plan’s history one line per changed field, in words', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const plan = await coordinator.plan.byId({ id: world.plans.NL1 });
    await coordinator.plan.update({
      id: world.plans.NL1,
      version: plan.version,
      title: 'Compétences industrielles',
      priority: 'low',
      budgetCents: 150_000_50,
    });
    const cookie = await signIn('memberNL');
    const rows = await rowsOf(
      `history.csv?entityType=plan&entityId=${world.plans.NL1}&lang=fr`,
      cookie,
    );
    const byField = new Map(rows.map((r) => [r.Champ, r]));
    expect(byField.get('Intitulé')).toMatchObject({
      Opération: 'Modification',
      'Ancienne valeur': 'Plan FA-1',
      'Nouvelle valeur': 'Compétences industrielles',
      'Date et heure (UTC)': `${world.today} 12:00`,
    });
    expect(byField.get('Priorité')).toMatchObject({
      'Ancienne valeur': 'Haute',
      'Nouvelle valeur': 'Basse',
    });
    expect(byField.get('Budget')).toMatchObject({
      'Ancienne valeur': '100000',
      'Nouvelle valeur': '150000,5',
    });
    expect(rows.every((r) => r.Auteur !== '')).toBe(true);
    const de = await headerOf(
      `history.csv?entityType=plan&entityId=${world.plans.NL1}&lang=de`,
      cookie,
    );
    expect(de).toBe(
      'Datum und Uhrzeit (UTC);Autor(in);Element;Vorgang;Feld;Alter Wert;Neuer Wert;Kommentar',
    );
  });

  it('writes a plan’s whole history in words: names, titles and labels, never a key or an id', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const lead = await callerAs(world, 'lead');
    const plan = await coordinator.plan.byId({ id: world.plans.NL1 });
    await coordinator.plan.update({
      id: world.plans.NL1,
      version: plan.version,
      leadOrganisationId: world.orgs.bpi,
      partners: [{ organisationId: world.orgs.region, role: 'cofunder' }],
      leadUserIds: [world.users.lead, world.users.otherLead],
    });
    await coordinator.action.update({
      id: world.actions.NL1a,
      version: 1,
      ownerUserId: world.users.otherLead,
      stageId: world.stages.NL1[1],
    });
    await lead.measurement.create({
      indicatorId: world.indicators.NL1,
      measuredOn: '2025-06-01',
      value: 42,
    });
    const cookie = await signIn('memberNL');
    const fr = await rowsOf(
      `history.csv?entityType=plan&entityId=${world.plans.NL1}&lang=fr`,
      cookie,
    );
    const row = (field: string, item?: RegExp) =>
      fr.find((r) => r.Champ === field && (!item || item.test(r['Élément'] ?? '')));
    expect(row('Porteur')).toMatchObject({
      'Ancienne valeur': 'Eurométropole de Metz',
      'Nouvelle valeur': 'Bpifrance',
    });
    expect(row('Partenaires')?.['Nouvelle valeur']).toBe('Région Grand Est (Cofinanceur)');
    expect(row('Pilotes')?.['Nouvelle valeur']).toBe('lead, otherLead');
    expect(row('Pilote', /Diagnostic des compétences/)).toMatchObject({
      Élément: 'Action « Diagnostic des compétences » (FA-1)',
      'Ancienne valeur': 'lead',
      'Nouvelle valeur': 'otherLead',
    });
    expect(row('Étape')?.['Nouvelle valeur']).toBe('Évolution et adaptation des outils');
    expect(row('Saisie par')).toMatchObject({
      Élément: 'Mesure « Personnes formées » (FA-1)',
      'Nouvelle valeur': 'lead',
    });
    expect(row('Indicateur')?.['Nouvelle valeur']).toBe('Personnes formées');

    // No cell anywhere holds a field key, and only figures are bare numbers.
    const de = await rowsOf(
      `history.csv?entityType=plan&entityId=${world.plans.NL1}&lang=de`,
      cookie,
    );
    const figures = figureLabels();
    const valueColumns = ['Ancienne valeur', 'Nouvelle valeur', 'Alter Wert', 'Neuer Wert'];
    for (const rows of [fr, de]) {
      for (const r of rows) {
        const field = r.Champ ?? r.Feld ?? '';
        for (const [column, cell] of Object.entries(r)) {
          expect(cell, column).not.toMatch(/\b[a-z]+(?:[A-Z][a-z]+)*Ids?\b|\bfollowUpStatus\b/);
          if (/^-?\d+$/.test(cell)) {
            expect(valueColumns, `${column} = ${cell}`).toContain(column);
            expect(figures.has(field), `${field} = ${cell}`).toBe(true);
          }
        }
      }
    }
    expect(de.find((r) => r.Feld === 'Erfasst von')?.['Neuer Wert']).toBe('lead');
  });

  it('gives the members list to the territory’s coordinators only', async () => {
    const rows = await rowsOf(
      `members.csv?territoryId=${world.territories.NL}&lang=fr`,
      await signIn('coordinatorNL'),
    );
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.Courriel === 'membernl@world.test')).toMatchObject({
      Rôle: 'Membre de comité',
    });
    expect(Object.keys(rows[0] ?? {})).toEqual(['Nom', 'Courriel', 'Rôle']);
    const member = await signIn('memberNL');
    expect((await download(`members.csv?territoryId=${world.territories.NL}`, member)).status).toBe(
      403,
    );
    const otherCoordinator = await signIn('coordinatorCH');
    expect(
      (await download(`members.csv?territoryId=${world.territories.NL}`, otherCoordinator)).status,
    ).toBe(403);
    expect((await download('members.csv?territoryId=999999', otherCoordinator)).status).toBe(404);
  });
});
