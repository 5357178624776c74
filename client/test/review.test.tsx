import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from './support/harness';
import {
  AFTER_WORLD_MEETINGS,
  buildWorld,
  callerAs,
  type World,
} from '../../server/test/support/world';

/**
 * The NL COPIL with a held meeting before the world's planned one, an action finished in between,
 * then the planned meeting held too: its "since last meeting" has content, and is frozen.
 */
async function worldWithHeldMeetings(): Promise<World> {
  const world = await buildWorld();
  const coordinator = await callerAs(world, 'coordinatorNL');
  const previous = await coordinator.meeting.create({
    committeeId: world.committees.copilNL,
    scheduledAt: '2025-05-06T08:00:00.000Z',
    mode: 'video',
  });
  await coordinator.meeting.setStatus({
    id: previous.id,
    version: previous.version,
    status: 'held',
  });
  const lead = await callerAs(world, 'lead');
  await lead.action.setStatus({ id: world.actions.NL1a, version: 1, status: 'done' });
  await coordinator.agenda.create({
    meetingId: world.meetings.NL,
    title: 'Point sur le diagnostic',
    actionId: world.actions.NL1a,
  });
  await coordinator.agenda.create({ meetingId: world.meetings.NL, title: 'Vue d’ensemble' });
  await coordinator.decision.create({
    meetingId: world.meetings.NL,
    text: 'Lancer l’étape 2',
    kind: 'validation',
  });
  const afterMeeting = await callerAs(world, 'coordinatorNL', { at: AFTER_WORLD_MEETINGS });
  await afterMeeting.meeting.setStatus({ id: world.meetings.NL, version: 1, status: 'held' });
  return world;
}

const sinceLast = () => screen.getByRole('region', { name: 'Depuis la dernière séance' });

async function openMeetingPage(world: World) {
  const harness = await renderApp({
    as: 'coordinatorNL',
    world,
    route: `/meetings/${world.meetings.NL}`,
  });
  // The first render transforms the lazy pages: slower than findBy's default second.
  await screen.findByRole(
    'heading',
    { level: 1, name: /COPIL Nord Lorraine/ },
    { timeout: 10_000 },
  );
  await within(sinceLast()).findByRole('region', { name: 'Changements de statut' });
  return harness;
}

/** The rows of the table under the sub-section named `name`, as text per cell. */
function rowsOf(name: string): string[][] {
  const block = within(sinceLast()).getByRole('region', { name });
  return within(block)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) =>
        (cell.textContent ?? '').replace(/\s/g, ' '),
      ),
    );
}

describe('since the last meeting', { timeout: 30_000 }, () => {
  it('says what is compared and lists the status change and the progress deltas', async () => {
    const world = await worldWithHeldMeetings();
    const { unmount } = await openMeetingPage(world);
    expect(
      within(sinceLast()).getByText(
        /COPIL Nord Lorraine du 6 mai 2025 → cette séance \(état figé le 1 juillet 2025\)/,
      ),
    ).toBeTruthy();
    expect(rowsOf('Changements de statut')).toEqual([
      ['FA-1', 'Diagnostic des compétences', 'En cours', 'Réalisé'],
    ]);
    // NL1a 40 → 100: its stage +60, the plan +30; signed text, not colour alone.
    expect(rowsOf('Avancement des fiches action et des étapes')).toEqual([
      ['Étape', 'FA-1', 'État des lieux', '40 %', '100 %', '▲ +60 pts'],
      ['Fiche action', 'FA-1', 'Plan FA-1', '20 %', '50 %', '▲ +30 pts'],
    ]);
    expect(rowsOf('Avancement des actions')).toEqual([
      ['Action', 'FA-1', 'Diagnostic des compétences', '40 %', '100 %', '▲ +60 pts'],
    ]);
    const opened = within(sinceLast()).getByRole('region', { name: 'Décisions prises' });
    expect(within(opened).getByText('Lancer l’étape 2')).toBeTruthy();
    expect(within(sinceLast()).getByText('Aucune nouvelle mesure d’indicateur.')).toBeTruthy();
    unmount();

    // Work goes on after the meeting: the held meeting's section does not move.
    const lead = await callerAs(world, 'lead', { at: '2025-07-02T12:00:00.000Z' });
    await lead.action.setStatus({
      id: world.actions.NL1b,
      version: 1,
      status: 'in_progress',
      progress: 50,
    });
    await lead.measurement.create({
      indicatorId: world.indicators.NL1,
      measuredOn: '2025-06-14',
      value: 70,
    });
    await openMeetingPage(world);
    expect(rowsOf('Changements de statut')).toEqual([
      ['FA-1', 'Diagnostic des compétences', 'En cours', 'Réalisé'],
    ]);
    expect(rowsOf('Avancement des fiches action et des étapes')).toEqual([
      ['Étape', 'FA-1', 'État des lieux', '40 %', '100 %', '▲ +60 pts'],
      ['Fiche action', 'FA-1', 'Plan FA-1', '20 %', '50 %', '▲ +30 pts'],
    ]);
    expect(within(sinceLast()).queryByText('Adapter l’offre de formation')).toBeNull();
    expect(within(sinceLast()).getByText('Aucune nouvelle mesure d’indicateur.')).toBeTruthy();
  });

  it('says there is nothing to compare for the first meeting of a committee', async () => {
    const world = await buildWorld();
    await renderApp({ as: 'memberNL', world, route: `/meetings/${world.meetings.NL}` });
    expect(
      await within(
        await screen.findByRole('region', { name: 'Depuis la dernière séance' }),
      ).findByText(/Première séance de ce comité/),
    ).toBeTruthy();
  });
});

describe('meeting mode', { timeout: 30_000 }, () => {
  const heading = () => screen.getByRole('heading', { level: 1 }).textContent;

  it('steps through the slides with the keyboard and returns to the meeting page on Esc', async () => {
    const world = await worldWithHeldMeetings();
    await renderApp({
      as: 'memberNL',
      world,
      route: `/meetings/${world.meetings.NL}/present`,
    });
    await screen.findByRole('heading', { level: 1, name: 'COPIL Nord Lorraine' });
    const user = userEvent.setup();
    // No app header: the slide is the page.
    expect(screen.queryByRole('navigation', { name: 'Navigation principale' })).toBeNull();
    expect(screen.getByText('Diapositive 1 sur 6')).toBeTruthy();
    expect(screen.getByText('2 points à l’ordre du jour')).toBeTruthy();

    await user.keyboard('{ArrowRight}');
    expect(heading()).toBe('1. Point sur le diagnostic');
    // The linked action's figures, as frozen when the meeting was held.
    expect(screen.getByText('Diagnostic des compétences')).toBeTruthy();
    expect(screen.getByText('Réalisé', { selector: '.badge' })).toBeTruthy();
    expect(await screen.findByText('lead')).toBeTruthy();
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe(
      'Diapositive 2 sur 6 : 1. Point sur le diagnostic',
    );

    await user.keyboard('{ArrowRight}');
    expect(heading()).toBe('2. Vue d’ensemble');
    expect(screen.getByText('Vue d’ensemble du territoire')).toBeTruthy();

    // Last, the minutes: none drafted for this meeting.
    await user.keyboard('{End}');
    expect(heading()).toBe('Compte rendu');
    expect(screen.getByText('Pas encore de compte rendu.')).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(heading()).toBe('Compte rendu');

    await user.keyboard('{ArrowLeft}');
    expect(heading()).toBe('Décisions de la séance');
    expect(screen.getByText('Lancer l’étape 2')).toBeTruthy();

    await user.keyboard('{ArrowLeft}');
    expect(heading()).toBe('Depuis la dernière séance');
    expect(screen.getByText('Diagnostic des compétences')).toBeTruthy();

    await user.keyboard('{Home}');
    expect(heading()).toBe('COPIL Nord Lorraine');
    await user.keyboard('2{Enter}');
    expect(heading()).toBe('2. Vue d’ensemble');

    await user.click(screen.getByRole('button', { name: /Précédente/ }));
    expect(heading()).toBe('1. Point sur le diagnostic');

    await user.keyboard('{Escape}');
    expect(
      await screen.findByRole('heading', { level: 1, name: /COPIL Nord Lorraine — séance du/ }),
    ).toBeTruthy();
  });
});

describe('printable summary', { timeout: 30_000 }, () => {
  it('renders the meeting, attendance, agenda, decisions, changes and indicators', async () => {
    const world = await worldWithHeldMeetings();
    await world.db
      .updateTable('meetings')
      .set({ minutes: 'Séance ouverte à 9 h 30.\n- L’étape 2 est lancée.' })
      .where('id', '=', world.meetings.NL)
      .execute();
    await renderApp({
      as: 'observerNL',
      world,
      route: `/meetings/${world.meetings.NL}/summary`,
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: /COPIL Nord Lorraine — séance du/ }),
    ).toBeTruthy();
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles).toEqual([
      'Présences',
      'Ordre du jour',
      'Relevé de décisions',
      'Compte rendu',
      'Depuis la dernière séance',
      'Indicateurs',
    ]);
    // The minutes, line breaks kept.
    const minutes = screen.getByRole('region', { name: 'Compte rendu' });
    expect(minutes.textContent).toContain('Séance ouverte à 9 h 30.\n- L’étape 2 est lancée.');
    const agenda = screen.getByRole('region', { name: 'Ordre du jour' });
    expect(within(agenda).getByText('Point sur le diagnostic')).toBeTruthy();
    const indicators = screen.getByRole('region', { name: 'Indicateurs' });
    expect(within(indicators).getByText('Personnes formées')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Imprimer / enregistrer en PDF' })).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Télécharger la synthèse (CSV)' }).getAttribute('href'),
    ).toBe(`/api/meetings/${world.meetings.NL}/summary.csv?lang=fr`);
  });
});
