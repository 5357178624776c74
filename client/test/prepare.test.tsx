import { describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from './support/harness';
import { buildWorld, callerAs, type World } from '../../server/test/support/world';

/**
 * The world's NL plans already hold a blocked action (FA-2 "Cartographie du foncier") and one past
 * its due date (FA-1 "Diagnostic des compétences"); the coordinator also records the end of FA-2's
 * second stage, which makes it ready for validation.
 */
async function worldToPrepare(): Promise<World> {
  const world = await buildWorld();
  const coordinator = await callerAs(world, 'coordinatorNL');
  await coordinator.stage.update({ id: world.stages.NL2[1] ?? 0, actualEnd: '2025-06-01' });
  return world;
}

async function openMeeting(as: 'coordinatorNL' | 'memberNL' | 'lead', world: World) {
  const harness = await renderApp({ as, world, route: `/meetings/${world.meetings.NL}` });
  await screen.findByRole('heading', { level: 1, name: /COPIL Nord Lorraine/ }, SLOW);
  return harness;
}

/** The first screen of a test waits for the app, its session and its queries: give it time. */
const SLOW = { timeout: 5000 };

const BLOCKED = 'Action bloquée : Cartographie du foncier (FA-2)';
const OVERDUE = 'Échéance dépassée : Diagnostic des compétences (FA-1)';
const STAGE = 'Étape « Évolution et adaptation des outils » de FA-2 prête pour validation';

// Each test renders the whole app on a fresh database: slower than jsdom's 5 s default allows.
describe('preparing a meeting', { timeout: 30_000 }, () => {
  it('proposes agenda items grouped by reason and adds only the ones kept', async () => {
    const world = await worldToPrepare();
    await openMeeting('coordinatorNL', world);
    const user = userEvent.setup();
    const prepare = screen.getByRole('region', { name: 'Préparer l’ordre du jour' });

    const blocked = await within(prepare).findByRole('checkbox', { name: BLOCKED }, SLOW);
    const overdue = within(prepare).getByRole('checkbox', { name: OVERDUE });
    const stage = within(prepare).getByRole('checkbox', { name: STAGE });
    for (const box of [blocked, overdue, stage])
      expect((box as HTMLInputElement).checked).toBe(true);
    // One group per reason, with what it means.
    const blockedGroup = within(prepare).getByRole('group', { name: 'Actions bloquées (1)' });
    expect(within(blockedGroup).getByText(/le comité peut aider à lever l’obstacle/)).toBeTruthy();
    expect(
      within(prepare).getByRole('group', { name: /^Étapes prêtes pour validation/ }),
    ).toBeTruthy();

    // The stage item gets a shorter title; the overdue action is dropped.
    await user.click(
      within(prepare).getByRole('button', { name: `Modifier l’intitulé de « ${STAGE} »` }),
    );
    const title = within(prepare).getByLabelText('Intitulé du point');
    await user.clear(title);
    await user.type(title, 'Valider l’étape 2 de FA-2{Enter}');
    await user.click(overdue);
    const kept = (await world.db.selectFrom('agendaItems').selectAll().execute()).length;
    expect(kept).toBe(0);
    const submit = within(prepare).getByRole('button', { name: /^Ajouter \d+ points?$/ });
    const count = Number(/\d+/.exec(submit.textContent ?? '')?.[0]);
    await user.click(submit);

    expect(
      await within(prepare).findByText(`${count} points ajoutés à l’ordre du jour.`),
    ).toBeTruthy();
    const items = await world.db
      .selectFrom('agendaItems')
      .select(['title', 'planId', 'stageId', 'actionId'])
      .orderBy('position')
      .execute();
    expect(items).toHaveLength(count);
    expect(items.map((i) => i.title)).toContain(BLOCKED);
    expect(items.map((i) => i.title)).not.toContain(OVERDUE);
    expect(items.find((i) => i.title === 'Valider l’étape 2 de FA-2')).toMatchObject({
      planId: world.plans.NL2,
      stageId: world.stages.NL2[1],
      actionId: null,
    });

    // The agenda shows the kept items; the proposals they answer can no longer be ticked.
    const agenda = screen.getByRole('region', { name: 'Ordre du jour' });
    expect(await within(agenda).findByText(BLOCKED, { selector: '.agenda-title' })).toBeTruthy();
    expect(within(agenda).queryByText(OVERDUE, { selector: '.agenda-title' })).toBeNull();
    await waitFor(() =>
      expect(
        within(prepare).getByRole<HTMLInputElement>('checkbox', { name: BLOCKED }).disabled,
      ).toBe(true),
    );
    const overdueAfter = within(prepare).getByRole('checkbox', { name: OVERDUE });
    expect((overdueAfter as HTMLInputElement).disabled).toBe(false);
    expect((overdueAfter as HTMLInputElement).checked).toBe(false);
    expect(within(prepare).getAllByText('déjà à l’ordre du jour')).toHaveLength(count);
  });

  it('offers no preparation to a committee member, who still sees where the leads stand', async () => {
    const world = await worldToPrepare();
    await openMeeting('memberNL', world);
    const updates = await screen.findByRole('region', { name: 'Mises à jour des pilotes' });
    expect(await within(updates).findByRole('rowheader', { name: 'lead' }, SLOW)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Préparer l’ordre du jour' })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(within(updates).queryByRole('button', { name: 'Envoyer la demande' })).toBeNull();
  });

  it('sends an update request that the lead then finds on My actions', async () => {
    const world = await buildWorld();
    const harness = await openMeeting('coordinatorNL', world);
    const user = userEvent.setup();
    const updates = await screen.findByRole('region', { name: 'Mises à jour des pilotes' });
    expect(
      await within(updates).findByText('Aucune demande envoyée pour cette séance.', {}, SLOW),
    ).toBeTruthy();
    const message = within(updates).getByLabelText<HTMLTextAreaElement>('Message');
    expect(message.value).toContain('le COPIL Nord Lorraine se réunit le 1 juillet 2025');
    await user.type(within(updates).getByLabelText('À faire avant le (facultatif)'), '2025-06-25');
    await user.click(within(updates).getByRole('button', { name: 'Envoyer la demande' }));
    expect(
      await within(updates).findByText(/Demande envoyée : les pilotes la reçoivent par courriel/),
    ).toBeTruthy();
    expect(
      await within(updates).findByText(/par coordinatorNL · à faire avant le 25 juin 2025/),
    ).toBeTruthy();
    expect(
      within(updates).getByText(/mises à jour comptées depuis la demande du 15 juin 2025/),
    ).toBeTruthy();
    harness.unmount();
    cleanup();

    await renderApp({ as: 'lead', world, route: '/my-actions' });
    const banner = await screen.findByRole('region', { name: 'Demande de mise à jour' }, SLOW);
    expect(banner.textContent).toContain(
      'coordinatorNL demande une mise à jour avant le COPIL Nord Lorraine du 1 juillet 2025 (2 actions à mettre à jour).',
    );
    expect(within(banner).getByText('À faire avant le 25 juin 2025.')).toBeTruthy();
    expect(within(banner).getByText(/Merci de mettre à jour vos actions/)).toBeTruthy();
  });

  it('says in French why a due date is refused, and sends nothing', async () => {
    const world = await buildWorld();
    await openMeeting('coordinatorNL', world);
    const user = userEvent.setup();
    const updates = await screen.findByRole('region', { name: 'Mises à jour des pilotes' });
    const due = await within(updates).findByLabelText('À faire avant le (facultatif)', {}, SLOW);
    // 2017 for 2025: before the programme's first day, refused by the server's schema.
    await user.type(due, '2017-06-25');
    await user.click(within(updates).getByRole('button', { name: 'Envoyer la demande' }));
    await waitFor(() => expect(due.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = due.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe(
      'Saisissez une date comprise entre le 1 janv. 2018 et le 31 déc. 2035.',
    );
    const requests = await world.db.selectFrom('updateRequests').select('id').execute();
    expect(requests).toEqual([]);
  });

  it('hides the banner from a lead without any request', async () => {
    const world = await buildWorld();
    await renderApp({ as: 'lead', world, route: '/my-actions' });
    await screen.findByRole('heading', { level: 1, name: 'Mes actions' }, SLOW);
    await screen.findByText('Diagnostic des compétences', {}, SLOW);
    expect(screen.queryByRole('region', { name: /Demande de mise à jour/ })).toBeNull();
  });

  it('counts per lead the actions updated and still stale since the request', async () => {
    const world = await buildWorld();
    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.updateRequest.create({
      meetingId: world.meetings.NL,
      message: 'Merci de mettre à jour vos actions.',
    });
    // The lead brings one action up to date after the request.
    await world.db
      .updateTable('actions')
      .set({ updatedAt: '2025-06-15T15:00:00.000Z' })
      .where('id', '=', world.actions.NL1a)
      .execute();
    await openMeeting('memberNL', world);
    const user = userEvent.setup();
    const updates = await screen.findByRole('region', { name: 'Mises à jour des pilotes' });
    const row = (await within(updates).findByRole('rowheader', { name: 'lead' }, SLOW)).closest(
      'tr',
    );
    if (!row) throw new Error('no row for the lead');
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 3)).toEqual(['2', '1', '1']);

    const toggle = within(row).getByRole('button', { name: 'Voir le détail de lead' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    if (!details) throw new Error('no details row');
    const stale = within(details).getByRole('heading', { name: 'À mettre à jour' }).parentElement;
    const updated = within(details).getByRole('heading', { name: 'Mises à jour' }).parentElement;
    expect(
      within(stale as HTMLElement).getByRole('link', { name: 'Adapter l’offre de formation' }),
    ).toBeTruthy();
    const link = within(updated as HTMLElement).getByRole('link', {
      name: 'Diagnostic des compétences',
    });
    // Action titles lead to the action's page.
    expect(link.getAttribute('href')).toBe(`/actions/${world.actions.NL1a}`);
  });
});
