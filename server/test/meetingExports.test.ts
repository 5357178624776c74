import { describe, expect, it } from 'vitest';
import { AFTER_WORLD_MEETINGS, callerAs, type World } from './support/world';
import { parseCsv, rawText, type CsvRow, serveWorldEachTest } from './support/http';

let world: World;
const { signIn, get } = serveWorldEachTest((w) => (world = w));

const summaryOf = (id: number, query = '') => `meetings/${id}/summary.csv${query}`;
const inSection = (rows: CsvRow[], section: string, header = 'Rubrique') =>
  rows.filter((r) => r[header] === section);

const FORMULA = '=HYPERLINK("http://evil.test";"Cliquez")';
const AWKWARD = 'Point « été » ; budget, "révisé"\nsuite à donner';

/** The NL meeting with an agenda, attendance and decisions full of awkward text. */
async function fillNlMeeting(): Promise<void> {
  const coordinator = await callerAs(world, 'coordinatorNL', { at: AFTER_WORLD_MEETINGS });
  const meetingId = world.meetings.NL;
  await coordinator.agenda.create({ meetingId, title: AWKWARD, planId: world.plans.NL1 });
  await coordinator.agenda.create({ meetingId, title: FORMULA, actionId: world.actions.NL1a });
  await coordinator.attendance.set({
    meetingId,
    entries: [
      { personName: 'Hélène Müller', organisationId: world.orgs.metz, status: 'present' },
      { personName: '+33 6 12 34 56 78', status: 'excused' },
      { personName: '-x', status: 'represented', representedBy: '@SUM(A1:A9)' },
    ],
  });
  // The API trims; a row imported by other means may start with a tab or a carriage return.
  await world.db
    .insertInto('attendance')
    .values(
      ['\tTabulée', '\rRetour'].map((personName) => ({
        meetingId,
        personName,
        status: 'absent' as const,
        committeeMemberId: null,
        organisationId: null,
        representedBy: null,
      })),
    )
    .execute();
  await coordinator.decision.create({
    meetingId,
    text: `${FORMULA}\net une seconde ligne`,
    kind: 'arbitration',
    planId: world.plans.NL1,
    ownerName: 'Zoé Lefèvre',
    dueDate: '2025-09-30',
  });
  await coordinator.decision.create({
    meetingId,
    text: 'Valider l’état des lieux ; avec « réserves »',
    kind: 'validation',
    stageId: world.stages.NL1[0] ?? 0,
  });
}

async function holdMeeting(id: number): Promise<void> {
  const coordinator = await callerAs(world, 'coordinatorNL', { at: AFTER_WORLD_MEETINGS });
  const meeting = await coordinator.meeting.byId({ id });
  await coordinator.meeting.setStatus({ id, version: meeting.version, status: 'held' });
}

/**
 * An earlier COPIL of NL, held, so the NL meeting has a previous one; then NL-1a's progress goes
 * from 40 to 15: stage −25, plan from 20 to 7.5 (−12.5); and the indicator gets a measurement.
 */
async function previousMeetingThenChanges(): Promise<number> {
  const coordinator = await callerAs(world, 'coordinatorNL');
  const earlier = await coordinator.meeting.create({
    committeeId: world.committees.copilNL,
    scheduledAt: '2025-05-02T08:00:00.000Z',
    place: 'Thionville',
    mode: 'video',
  });
  await holdMeeting(earlier.id);
  await world.db
    .updateTable('actions')
    .set({ progress: 15, status: 'late' })
    .where('id', '=', world.actions.NL1a)
    .execute();
  await addMeasurement('2025-06-01', 60);
  return earlier.id;
}

async function addMeasurement(measuredOn: string, value: number): Promise<void> {
  await world.db
    .insertInto('measurements')
    .values({
      createdAt: `${measuredOn}T08:00:00.000Z`,
      indicatorId: world.indicators.NL1,
      measuredOn,
      value,
      source: '',
      comment: '',
      recordedBy: world.users.lead,
    })
    .execute();
}

describe('GET /api/meetings/<id>/summary.csv', () => {
  it('answers 401 without a session, 400 for a bad id, 404 for an unknown one, 403 outside', async () => {
    expect((await get(summaryOf(world.meetings.NL))).status).toBe(401);
    const admin = await signIn('admin');
    for (const id of ['abc', '0', '-3', '1.5']) {
      expect((await get(`meetings/${id}/summary.csv`, admin)).status, id).toBe(400);
    }
    expect((await get(summaryOf(world.meetings.NL, '?profile=tsv'), admin)).status).toBe(400);
    expect((await get(summaryOf(world.meetings.NL, '?lang=xx'), admin)).status).toBe(400);
    const unknown = await get(summaryOf(999_999), admin);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).not.toMatch(/stack|\.ts:\d+/);
    // Signed in together: each sign-in hashes a password, slow on a busy machine.
    const users = ['coordinatorCH', 'outsider', 'memberNL', 'regionGE'] as const;
    const cookies = await Promise.all(users.map((user) => signIn(user)));
    const statuses = await Promise.all(
      cookies.map(async (cookie) => (await get(summaryOf(world.meetings.NL), cookie)).status),
    );
    expect(statuses).toEqual([403, 403, 200, 200]);
  }, 30_000);

  it('writes one excel-fr file with a section column, awkward text intact and formulas neutralised', async () => {
    await fillNlMeeting();
    const res = await get(summaryOf(world.meetings.NL, '?lang=fr'), await signIn('memberNL'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="meeting-${world.meetings.NL}-summary.csv"`,
    );
    const text = await rawText(res);
    expect(text.startsWith('\uFEFFRubrique;Comité;Territoire;Date et heure;')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    // One header row: every record has every column, the section first.
    expect(Object.keys(rows[0] ?? {})[0]).toBe('Rubrique');
    expect(new Set(rows.map((r) => r.Rubrique))).toEqual(
      new Set(['Séance', 'Présence', 'Ordre du jour', 'Décisions', 'Indicateurs']),
    );

    const [meeting] = inSection(rows, 'Séance');
    expect(meeting).toMatchObject({
      Comité: 'COPIL Nord Lorraine',
      Territoire: 'Nord Lorraine',
      // 09:30 UTC is 11:30 in Paris in July.
      'Date et heure': '2025-07-01 11:30',
      Lieu: 'Amnéville',
      Modalité: 'Présentiel',
      Statut: 'Prévue',
      'Tenue le': '',
    });

    const agenda = inSection(rows, 'Ordre du jour');
    expect(agenda.map((r) => [r.Rang, r.Point, r['Fiche action'], r.Action])).toEqual([
      ['1', AWKWARD, 'FA-1', ''],
      ['2', `'${FORMULA}`, 'FA-1', 'Diagnostic des compétences'],
    ]);

    const people = inSection(rows, 'Présence');
    expect(people.map((r) => r.Personne).sort()).toEqual(
      ["'\tTabulée", "'\rRetour", "'+33 6 12 34 56 78", "'-x", 'Hélène Müller'].sort(),
    );
    expect(people.find((r) => r.Personne === "'-x")).toMatchObject({
      Statut: 'Représenté',
      'Représenté par': "'@SUM(A1:A9)",
    });
    expect(people.find((r) => r.Personne === 'Hélène Müller')?.Organisation).not.toBe('');

    const decisions = inSection(rows, 'Décisions');
    expect(decisions).toHaveLength(2);
    expect(decisions[0]).toMatchObject({
      'N° de décision': '1',
      Décision: `'${FORMULA}\net une seconde ligne`,
      Nature: 'Arbitrage',
      'Fiche action': 'FA-1',
      Responsable: 'Zoé Lefèvre',
      Échéance: '2025-09-30',
      Statut: 'À faire',
    });
    expect(decisions[1]).toMatchObject({
      Décision: 'Valider l’état des lieux ; avec « réserves »',
      Nature: 'Validation',
      Étape: 'État des lieux',
    });

    // Every text cell a spreadsheet would run starts with the quote; none slips through.
    for (const row of rows) {
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+@\t\r]/);
    }
  });

  it('lists action changes since the previous meeting; a negative delta stays a number', async () => {
    await previousMeetingThenChanges();
    const cookie = await signIn('coordinatorNL');
    const fr = parseCsv(await rawText(await get(summaryOf(world.meetings.NL), cookie)));
    const changes = inSection(fr, 'Évolution des actions');
    const plan = changes.find((r) => r['Fiche action'] === 'FA-1' && r.Étape === '');
    expect(plan).toMatchObject({
      'Avancement avant (%)': '20',
      'Avancement après (%)': '7,5',
      'Écart (points)': '-12,5',
    });
    const action = changes.find((r) => r.Action === 'Diagnostic des compétences');
    expect(action).toMatchObject({
      Étape: 'État des lieux',
      'Statut avant': 'En cours',
      'Statut après': 'En retard',
      'Avancement avant (%)': '40',
      'Avancement après (%)': '15',
      'Écart (points)': '-25',
    });
    const indicators = inSection(fr, 'Indicateurs');
    expect(indicators).toEqual([
      expect.objectContaining({
        Indicateur: 'Personnes formées',
        'Fiche action': 'FA-1',
        Unité: 'personnes',
        'Valeur de référence': '0',
        Cible: '120',
        'Dernière valeur': '60',
        'Mesurée le': '2025-06-01',
        Trajectoire: expect.any(String) as string,
        'Nouvelle mesure depuis la séance précédente': 'Oui',
      }),
    ]);

    const rfcText = await rawText(
      await get(summaryOf(world.meetings.NL, '?profile=rfc4180'), cookie),
    );
    expect(rfcText.charCodeAt(0)).not.toBe(0xfeff);
    expect(rfcText.split('\r\n')[0]).toMatch(/^Rubrique,Comité,Territoire,/);
    const rfcPlan = inSection(parseCsv(rfcText, 'rfc4180'), 'Évolution des actions').find(
      (r) => r['Fiche action'] === 'FA-1' && r.Étape === '',
    );
    expect(rfcPlan?.['Écart (points)']).toBe('-12.5');
    expect(rfcPlan?.['Avancement après (%)']).toBe('7.5');
  });

  it('writes headers and section names in the language asked, else in the user’s', async () => {
    await fillNlMeeting();
    const cookie = await signIn('coordinatorNL');
    const en = parseCsv(await rawText(await get(summaryOf(world.meetings.NL, '?lang=en'), cookie)));
    expect(Object.keys(en[0] ?? {}).slice(0, 4)).toEqual([
      'Section',
      'Committee',
      'Territory',
      'Date and time',
    ]);
    expect(new Set(en.map((r) => r.Section))).toEqual(
      new Set(['Meeting', 'Attendance', 'Agenda', 'Decisions', 'Indicators']),
    );
    expect(inSection(en, 'Decisions', 'Section')[0]).toMatchObject({
      Kind: 'Arbitration',
      Status: 'To do',
    });
    const de = parseCsv(await rawText(await get(summaryOf(world.meetings.NL, '?lang=de'), cookie)));
    expect(Object.keys(de[0] ?? {})).toContain('Abschnitt');
    expect(new Set(de.map((r) => r.Abschnitt))).toContain('Tagesordnung');
    await world.db
      .updateTable('users')
      .set({ locale: 'de' })
      .where('id', '=', world.users.coordinatorNL)
      .execute();
    const mine = await rawText(await get(summaryOf(world.meetings.NL), cookie));
    expect(mine.split('\r\n')[0]).toMatch(/^\uFEFFAbschnitt;/);
  });

  it('does not change once the meeting is held, whatever happens to the actions later', async () => {
    await fillNlMeeting();
    await previousMeetingThenChanges();
    await holdMeeting(world.meetings.NL);
    const cookie = await signIn('memberNL');
    const before = await rawText(await get(summaryOf(world.meetings.NL), cookie));
    expect(inSection(parseCsv(before), 'Évolution des actions').length).toBeGreaterThan(0);
    expect(inSection(parseCsv(before), 'Séance')[0]?.Statut).toBe('Tenue');

    await world.db
      .updateTable('actions')
      .set({ progress: 90, status: 'in_progress', title: 'Diagnostic renommé' })
      .where('id', '=', world.actions.NL1a)
      .execute();
    await world.db
      .updateTable('actions')
      .set({ progress: 70, status: 'blocked' })
      .where('id', '=', world.actions.NL1b)
      .execute();
    await addMeasurement('2025-06-14', 100);

    const after = await rawText(await get(summaryOf(world.meetings.NL), cookie));
    expect(after).toBe(before);
    expect(after).not.toContain('Diagnostic renommé');
  });
});

describe('GET /api/export/decisions.csv', () => {
  async function decisionsEverywhere(): Promise<void> {
    await fillNlMeeting();
    const ch = await callerAs(world, 'coordinatorCH');
    await ch.decision.create({
      meetingId: world.meetings.CH,
      text: 'Lancer le campus',
      kind: 'reorientation',
      actionId: world.actions.CH1a,
      ownerName: 'Chartres',
      dueDate: null,
    });
  }

  it('refuses without a session', async () => {
    expect((await get('export/decisions.csv')).status).toBe(401);
  });

  it('gives a committee member of NL the NL decisions only, links named, text safe', async () => {
    await decisionsEverywhere();
    const res = await get('export/decisions.csv?lang=fr', await signIn('memberNL'));
    expect(res.status).toBe(200);
    const text = await rawText(res);
    expect(text.startsWith('\uFEFFComité;Date de la séance;N°;Décision;Nature;')).toBe(true);
    const rows = parseCsv(text);
    expect(rows.map((r) => r.Comité)).toEqual(['COPIL Nord Lorraine', 'COPIL Nord Lorraine']);
    expect(rows[0]).toMatchObject({
      'Date de la séance': '2025-07-01',
      'N°': '1',
      Décision: `'${FORMULA}\net une seconde ligne`,
      Nature: 'Arbitrage',
      'Fiche action': 'FA-1',
      Responsable: 'Zoé Lefèvre',
      Échéance: '2025-09-30',
      Suivi: 'À faire',
    });
    expect(rows[1]?.['Étape ou action liée']).toBe('État des lieux');
    const all = parseCsv(await rawText(await get('export/decisions.csv', await signIn('admin'))));
    expect(all).toHaveLength(3);
    expect(all.find((r) => r.Comité === 'COPIL Chartres')?.['Étape ou action liée']).toBe(
      'Campus de formation',
    );
  });

  it('applies the filters of decision.list', async () => {
    await decisionsEverywhere();
    const admin = await signIn('admin');
    const texts = async (query: string) =>
      parseCsv(await rawText(await get(`export/decisions.csv?${query}`, admin))).map(
        (r) => r.Décision,
      );
    expect(await texts(`territoryId=${world.territories.CH}`)).toEqual(['Lancer le campus']);
    expect(await texts(`meetingId=${world.meetings.CH}`)).toEqual(['Lancer le campus']);
    expect(await texts('kinds=validation&kinds=reorientation')).toHaveLength(2);
    expect(await texts(`planId=${world.plans.NL1}&kinds=validation`)).toEqual([
      'Valider l’état des lieux ; avec « réserves »',
    ]);
    expect(await texts('followUpStatuses=done')).toEqual([]);
    const bad = await get('export/decisions.csv?followUpStatuses=bogus', admin);
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fieldErrors: object }).fieldErrors)).toEqual([
      'followUpStatuses',
    ]);
  });

  it('writes English headers and labels', async () => {
    await decisionsEverywhere();
    const rows = parseCsv(
      await rawText(
        await get('export/decisions.csv?lang=en&profile=rfc4180', await signIn('admin')),
      ),
      'rfc4180',
    );
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'Committee',
      'Meeting date',
      'No.',
      'Decision',
      'Kind',
      'Action sheet',
      'Linked stage or action',
      'Owner',
      'Due date',
      'Follow-up',
    ]);
    expect(rows.find((r) => r.Decision === 'Lancer le campus')?.Kind).toBe('Reorientation');
  });
});

describe('GET /api/export/meetings.csv', () => {
  it('lists the meetings the user may read, an id column first', async () => {
    expect((await get('export/meetings.csv')).status).toBe(401);
    const text = await rawText(await get('export/meetings.csv', await signIn('memberNL')));
    expect(text.startsWith('\uFEFFid;Comité;Type de comité;Territoire;Date et heure;')).toBe(true);
    expect(parseCsv(text)).toEqual([
      {
        id: String(world.meetings.NL),
        Comité: 'COPIL Nord Lorraine',
        'Type de comité': 'COPIL',
        Territoire: 'Nord Lorraine',
        'Date et heure': '2025-07-01 11:30',
        Lieu: 'Amnéville',
        Modalité: 'Présentiel',
        Statut: 'Prévue',
        'Tenue le': '',
      },
    ]);
  });

  it('applies the filters of meeting.list and writes held meetings’ time', async () => {
    await holdMeeting(world.meetings.NL);
    const admin = await signIn('admin');
    const ids = async (query: string) =>
      parseCsv(await rawText(await get(`export/meetings.csv?${query}`, admin))).map((r) => r.id);
    expect(await ids('')).toHaveLength(2);
    expect(await ids(`territoryId=${world.territories.CH}`)).toEqual([String(world.meetings.CH)]);
    expect(await ids('statuses=held')).toEqual([String(world.meetings.NL)]);
    expect(await ids('from=2025-07-02')).toEqual([]);
    const held = parseCsv(
      await rawText(await get('export/meetings.csv?statuses=held&lang=en', admin)),
    )[0];
    // Held at its scheduled time, 09:30 UTC, 11:30 in Paris, whenever it was marked held.
    expect(held).toMatchObject({ Status: 'Held', 'Held at': '2025-07-01 11:30' });
  });
});
