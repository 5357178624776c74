import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays, isoToday } from '@jalon/shared';
import { AFTER_WORLD_MEETINGS, buildWorld, callerAs } from '../../server/test/support/world';
import { renderApp } from './support/harness';

/** Pages load as lazy chunks: the first look at a page waits longer than the default second. */
const PAGE_LOAD = { timeout: 5000 };

/** The query string the app wrote in its address (the harness's probe). */
const search = () => new URLSearchParams(screen.getByTestId('location').textContent);

// The whole app renders against a fresh database; pages load as lazy chunks.
describe('committees and meetings', { timeout: 30_000 }, () => {
  it('lists meetings upcoming then past, with filters written to the URL and the CSV link', async () => {
    const world = await buildWorld();
    const coordinator = await callerAs(world, 'coordinatorNL');
    // The page splits on the browser's own today; the world's meetings (2025) are in the past.
    const nextMonth = addDays(isoToday(), 30);
    const upcoming = await coordinator.meeting.create({
      committeeId: world.committees.copilNL,
      scheduledAt: `${nextMonth}T13:00:00.000Z`,
      place: 'Thionville',
      mode: 'video',
    });
    await renderApp({ as: 'national', world, route: '/meetings' });
    const user = userEvent.setup();

    const upcomingSection = await screen.findByRole(
      'region',
      { name: 'Prochaines séances' },
      PAGE_LOAD,
    );
    const pastSection = screen.getByRole('region', { name: 'Séances passées' });
    expect(await within(upcomingSection).findByText('Thionville')).toBeTruthy();
    expect(within(upcomingSection).getByText('Visioconférence')).toBeTruthy();
    const pastTable = await within(pastSection).findByRole('table');
    expect(within(pastTable).getByText('COPIL Chartres')).toBeTruthy();
    expect(within(pastTable).getByText('COPIL Nord Lorraine')).toBeTruthy();
    const [firstLink] = within(upcomingSection).getAllByRole('link');
    expect(firstLink?.getAttribute('href')).toBe(`/meetings/${upcoming.id}`);

    await user.selectOptions(await screen.findByLabelText('Territoire'), 'Chartres métropole');
    expect(search().get('territoryId')).toBe(String(world.territories.CH));
    await waitFor(() => expect(within(pastSection).queryByText('COPIL Nord Lorraine')).toBeNull());
    expect(within(pastSection).getByText('COPIL Chartres')).toBeTruthy();
    expect(
      await within(upcomingSection).findByText('Aucune séance à venir ne correspond.'),
    ).toBeTruthy();

    await user.click(screen.getByRole('checkbox', { name: 'Prévue' }));
    fireEvent.change(screen.getByLabelText('Du'), { target: { value: '2025-01-01' } });
    await waitFor(() => expect(search().get('from')).toBe('2025-01-01'));
    expect(search().getAll('statuses')).toEqual(['planned']);

    const csv = screen.getByRole('link', { name: 'Télécharger en CSV' });
    const csvUrl = new URL(csv.getAttribute('href') ?? '', 'http://x');
    expect(csvUrl.pathname).toBe('/api/export/meetings.csv');
    expect(csvUrl.searchParams.get('territoryId')).toBe(String(world.territories.CH));
    expect(csvUrl.searchParams.getAll('statuses')).toEqual(['planned']);
    expect(csvUrl.searchParams.get('from')).toBe('2025-01-01');
    expect(csvUrl.searchParams.get('lang')).toBe('fr');
  });

  it('lets the coordinator add, edit and remove committee members', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'coordinatorNL',
      world,
      route: `/territories/${world.territories.NL}/committees`,
    });
    const user = userEvent.setup();
    const panel = await screen.findByRole('region', { name: 'COPIL Nord Lorraine' }, PAGE_LOAD);
    expect(await within(panel).findByText('Aucun membre pour le moment.')).toBeTruthy();
    expect(
      within(panel).getByRole('link', { name: 'Nouvelle séance de COPIL Nord Lorraine' }),
    ).toHaveProperty(
      'href',
      expect.stringContaining(`/committees/${world.committees.copilNL}/meetings/new`),
    );

    // A name is required; what was chosen stays.
    const add = within(panel).getByRole('form', {
      name: 'Ajouter un membre à COPIL Nord Lorraine',
    });
    await user.selectOptions(within(add).getByLabelText(/Rôle/), 'Président');
    await user.click(within(add).getByRole('button', { name: 'Ajouter le membre' }));
    expect(await within(add).findByText('Champ obligatoire.')).toBeTruthy();
    expect(within(add).getByLabelText<HTMLSelectElement>(/Rôle/).value).toBe('chair');

    await user.type(within(add).getByLabelText(/Nom/), 'Claire Martin');
    await user.selectOptions(within(add).getByLabelText('Organisme'), 'Région Grand Est');
    await user.click(within(add).getByRole('button', { name: 'Ajouter le membre' }));
    const members = await within(panel).findByRole('table', {
      name: 'Membres de COPIL Nord Lorraine',
    });
    const row = (await within(members).findByRole('rowheader', { name: 'Claire Martin' })).closest(
      'tr',
    );
    expect(row && within(row).getByText('Région Grand Est')).toBeTruthy();
    expect(row && within(row).getByText('Président')).toBeTruthy();
    // The form is ready for the next person.
    expect(within(add).getByLabelText<HTMLInputElement>(/Nom/).value).toBe('');

    await user.click(within(members).getByRole('button', { name: 'Modifier Claire Martin' }));
    const edit = within(members).getByRole('form', { name: 'Modifier Claire Martin' });
    await user.selectOptions(within(edit).getByLabelText(/Rôle/), 'Invité');
    await user.click(within(edit).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(within(members).queryByRole('form')).toBeNull());
    const edited = within(members).getByRole('rowheader', { name: 'Claire Martin' }).closest('tr');
    expect(edited && within(edited).getByText('Invité')).toBeTruthy();

    await user.click(within(members).getByRole('button', { name: 'Retirer Claire Martin' }));
    const confirm = within(members).getByRole('group', {
      name: 'Retirer Claire Martin du comité ?',
    });
    await user.click(within(confirm).getByRole('button', { name: 'Retirer' }));
    expect(await within(panel).findByText('Aucun membre pour le moment.')).toBeTruthy();
    const stored = await world.db.selectFrom('committeeMembers').selectAll().execute();
    expect(stored).toEqual([]);
  });

  it('shows a committee member the members and meetings, and nothing to change', async () => {
    const world = await buildWorld();
    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.committeeMember.create({
      committeeId: world.committees.copilNL,
      personName: 'Paul Durand',
      organisationId: world.orgs.metz,
      role: 'member',
    });
    await renderApp({
      as: 'memberNL',
      world,
      route: `/territories/${world.territories.NL}/committees`,
    });
    const panel = await screen.findByRole('region', { name: 'COPIL Nord Lorraine' }, PAGE_LOAD);
    expect(await within(panel).findByRole('rowheader', { name: 'Paul Durand' })).toBeTruthy();
    expect(within(panel).getByText('Eurométropole de Metz')).toBeTruthy();
    expect(await within(panel).findByText('Amnéville')).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: /Modifier|Retirer|Renommer/ })).toBeNull();
    expect(within(panel).queryByRole('form')).toBeNull();
    expect(within(panel).queryByRole('link', { name: /Nouvelle séance/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Créer un comité' })).toBeNull();
  });

  it('lets the coordinator rename a committee and create a COTECH', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'coordinatorNL',
      world,
      route: `/territories/${world.territories.NL}/committees`,
    });
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Renommer COPIL Nord Lorraine' }, PAGE_LOAD),
    );
    const name = screen.getByLabelText<HTMLInputElement>(/Nom du comité/);
    await user.clear(name);
    await user.type(name, 'COPIL Nord Lorraine Sud');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByRole('region', { name: 'COPIL Nord Lorraine Sud' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Créer un comité' }));
    const form = screen.getByRole('region', { name: 'Créer un comité' });
    await user.selectOptions(within(form).getByLabelText(/Type de comité/), 'COTECH');
    await user.type(within(form).getByLabelText(/Nom du comité/), 'COTECH Nord Lorraine');
    await user.click(within(form).getByRole('button', { name: 'Créer' }));
    expect(await screen.findByRole('region', { name: 'COTECH Nord Lorraine' })).toBeTruthy();
  });

  it('validates a new meeting, creates it and lands on its page', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'coordinatorNL',
      world,
      route: `/committees/${world.committees.copilNL}/meetings/new`,
    });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Nouvelle séance' }, PAGE_LOAD);
    const create = await screen.findByRole('button', { name: 'Créer la séance' });

    const time = screen.getByLabelText<HTMLInputElement>(/Heure/);
    fireEvent.change(time, { target: { value: '' } });
    await user.type(screen.getByLabelText(/Lieu/), 'Hôtel de communauté, Thionville');
    await user.click(create);
    const date = screen.getByLabelText<HTMLInputElement>(/Date/);
    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    expect(time.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Champ obligatoire.')).toHaveLength(2);
    // What was typed stays.
    expect(screen.getByLabelText<HTMLInputElement>(/Lieu/).value).toBe(
      'Hôtel de communauté, Thionville',
    );
    expect(await world.db.selectFrom('meetings').select('id').execute()).toHaveLength(2);

    fireEvent.change(date, { target: { value: '2025-10-02' } });
    fireEvent.change(time, { target: { value: '14:30' } });
    await user.click(screen.getByRole('radio', { name: 'Hybride' }));
    await user.click(create);

    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: /COPIL Nord Lorraine — séance du/ },
        PAGE_LOAD,
      ),
    ).toBeTruthy();
    const created = await world.db
      .selectFrom('meetings')
      .selectAll()
      .where('id', 'not in', [world.meetings.NL, world.meetings.CH])
      .executeTakeFirstOrThrow();
    expect(created).toMatchObject({
      committeeId: world.committees.copilNL,
      place: 'Hôtel de communauté, Thionville',
      mode: 'hybrid',
      status: 'planned',
      scheduledAt: new Date('2025-10-02T14:30:00').toISOString(),
    });
  });

  it('refuses the new meeting form to a committee member', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'memberNL',
      world,
      route: `/committees/${world.committees.copilNL}/meetings/new`,
    });
    expect(await screen.findByText('Accès réservé à la coordination', {}, PAGE_LOAD)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Créer la séance' })).toBeNull();
  });

  it('filters the decision register from the URL and hands the filters to the CSV', async () => {
    const world = await buildWorld();
    const coordinator = await callerAs(world, 'coordinatorNL');
    const meetingId = world.meetings.NL;
    await coordinator.decision.create({
      meetingId,
      text: 'Valider le diagnostic',
      kind: 'validation',
      planId: world.plans.NL1,
      ownerName: 'Chef de projet',
      dueDate: '2025-09-30',
    });
    const arbitration = await coordinator.decision.create({
      meetingId,
      text: 'Arbitrer le budget foncier',
      kind: 'arbitration',
    });
    await coordinator.decision.update({ id: arbitration.id, followUpStatus: 'in_progress' });
    await renderApp({ as: 'coordinatorNL', world, route: '/decisions?kinds=arbitration' });
    const user = userEvent.setup();

    const table = await screen.findByRole('table', { name: 'Décisions des séances' }, PAGE_LOAD);
    expect(
      within(table).getByRole('rowheader', { name: 'Arbitrer le budget foncier' }),
    ).toBeTruthy();
    expect(within(table).queryByText('Valider le diagnostic')).toBeNull();
    expect(screen.getByText(/^1 ligne/)).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Arbitrage' })).toHaveProperty('checked', true);

    await user.click(screen.getByRole('checkbox', { name: 'Arbitrage' }));
    await user.click(screen.getByRole('checkbox', { name: 'À faire' }));
    expect(search().getAll('followUpStatuses')).toEqual(['todo']);
    expect(search().getAll('kinds')).toEqual([]);
    const row = (
      await within(table).findByRole('rowheader', { name: 'Valider le diagnostic' })
    ).closest('tr');
    await waitFor(() => expect(within(table).queryByText('Arbitrer le budget foncier')).toBeNull());
    expect(row && within(row).getByRole('link', { name: 'FA-1' })).toHaveProperty(
      'href',
      expect.stringContaining(`/plans/${world.plans.NL1}`),
    );
    expect(row && within(row).getByText('Chef de projet')).toBeTruthy();
    expect(row && within(row).getByText('À faire')).toBeTruthy();
    expect(row && within(row).getByRole('link', { name: '1 juil. 2025' })).toHaveProperty(
      'href',
      expect.stringContaining(`/meetings/${meetingId}`),
    );

    await user.selectOptions(screen.getByLabelText('Fiche action'), 'FA-1 · Plan FA-1');
    expect(search().get('planId')).toBe(String(world.plans.NL1));
    const csvUrl = new URL(
      screen.getByRole('link', { name: 'Télécharger en CSV' }).getAttribute('href') ?? '',
      'http://x',
    );
    expect(csvUrl.pathname).toBe('/api/export/decisions.csv');
    expect(csvUrl.searchParams.getAll('followUpStatuses')).toEqual(['todo']);
    expect(csvUrl.searchParams.get('planId')).toBe(String(world.plans.NL1));
    expect(csvUrl.searchParams.has('kinds')).toBe(false);
  });

  it('starts the recent changes at the last COPIL held, kept in the URL', async () => {
    const world = await buildWorld();
    const coordinator = await callerAs(world, 'coordinatorNL');
    const past = await coordinator.meeting.create({
      committeeId: world.committees.copilNL,
      scheduledAt: '2025-05-20T08:00:00.000Z',
      place: 'Yutz',
      mode: 'in_person',
    });
    await coordinator.meeting.setStatus({ id: past.id, version: past.version, status: 'held' });
    await renderApp({
      as: 'memberNL',
      world,
      route: `/territories/${world.territories.NL}`,
    });
    const user = userEvent.setup();
    // With nothing in the address, the changes start at the last COPIL held.
    const since = await screen.findByLabelText<HTMLInputElement>('Depuis le', {}, PAGE_LOAD);
    expect(since.value).toBe('2025-05-20');
    expect(await screen.findByText(/changements? depuis le 20 mai 2025/)).toBeTruthy();
    // No COTECH has met in this territory: no such choice.
    expect(screen.queryByRole('button', { name: 'Depuis le dernier COTECH' })).toBeNull();
    const lastCopil = screen.getByRole('button', { name: 'Depuis le dernier COPIL' });
    expect(lastCopil.getAttribute('aria-pressed')).toBe('true');

    // Picking a day leaves the last-meeting choice; choosing the COPIL again writes it down.
    fireEvent.change(since, { target: { value: '2025-04-01' } });
    await waitFor(() => expect(search().get('since')).toBe('2025-04-01'));
    expect(search().get('sinceLast')).toBeNull();
    await waitFor(() => expect(since.value).toBe('2025-04-01'));
    expect(
      screen.getByRole('button', { name: 'Depuis le dernier COPIL' }).getAttribute('aria-pressed'),
    ).toBe('false');
    await user.click(screen.getByRole('button', { name: 'Depuis le dernier COPIL' }));
    expect(search().get('sinceLast')).toBe('copil');
    await waitFor(() => expect(since.value).toBe('2025-05-20'));
  });

  it('opens the dashboard on the last COPIL from the URL, and links to the committees', async () => {
    const world = await buildWorld();
    const coordinator = await callerAs(world, 'coordinatorNL', { at: AFTER_WORLD_MEETINGS });
    await coordinator.meeting.setStatus({ id: world.meetings.NL, version: 1, status: 'held' });
    await renderApp({
      as: 'memberNL',
      world,
      route: `/territories/${world.territories.NL}?sinceLast=copil`,
    });
    const since = await screen.findByLabelText<HTMLInputElement>('Depuis le', {}, PAGE_LOAD);
    expect(since.value).toBe('2025-07-01');
    expect(screen.getByRole('link', { name: 'Comités et séances' })).toHaveProperty(
      'href',
      expect.stringContaining(`/territories/${world.territories.NL}/committees`),
    );
  });
});
