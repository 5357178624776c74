import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from './support/harness';
import {
  AFTER_WORLD_MEETINGS,
  buildWorld,
  callerAs,
  type World,
} from '../../server/test/support/world';

/** The NL COPIL with two members, set up through the API as its coordinator. */
async function worldWithMembers(): Promise<World> {
  const world = await buildWorld();
  const coordinator = await callerAs(world, 'coordinatorNL');
  for (const [personName, role] of [
    ['Claire Martin', 'chair'],
    ['Paul Schmitt', 'member'],
  ] as const) {
    await coordinator.committeeMember.create({
      committeeId: world.committees.copilNL,
      personName,
      organisationId: world.orgs.region,
      role,
    });
  }
  return world;
}

async function openMeeting(as: 'coordinatorNL' | 'memberNL', world?: World) {
  const w = world ?? (await buildWorld());
  const harness = await renderApp({ as, world: w, route: `/meetings/${w.meetings.NL}` });
  // The first render loads the lazy page and the app's chunks: slow on a busy machine.
  await screen.findByRole(
    'heading',
    { level: 1, name: /COPIL Nord Lorraine/ },
    { timeout: 10_000 },
  );
  return harness;
}

const region = (name: string) => screen.getByRole('region', { name });

// Each test renders the whole app on a fresh database: slower than jsdom's 5 s default allows.
describe('meeting page', { timeout: 30_000 }, () => {
  it('records attendance, refusing "represented" without a name before saving', async () => {
    const world = await worldWithMembers();
    await openMeeting('coordinatorNL', world);
    const user = userEvent.setup();
    const attendance = region('Présences');
    const claire = await within(attendance).findByRole('radiogroup', {
      name: 'Présence de Claire Martin',
    });
    await user.click(within(claire).getByRole('radio', { name: 'Présent' }));
    const paul = within(attendance).getByRole('radiogroup', { name: 'Présence de Paul Schmitt' });
    await user.click(within(paul).getByRole('radio', { name: 'Représenté' }));
    await user.click(within(attendance).getByRole('button', { name: 'Enregistrer les présences' }));

    const representedBy = within(attendance).getByLabelText('Personne qui représente Paul Schmitt');
    expect(representedBy.getAttribute('aria-invalid')).toBe('true');
    expect(within(attendance).getByText('Indiquez qui représente cette personne.')).toBeTruthy();
    const none = await world.db.selectFrom('attendance').selectAll().execute();
    expect(none).toHaveLength(0);

    await user.type(representedBy, 'Julie Kieffer');
    await user.click(within(attendance).getByRole('button', { name: 'Enregistrer les présences' }));
    expect(await within(attendance).findByText('Présences enregistrées.')).toBeTruthy();
    const saved = await world.db
      .selectFrom('attendance')
      .select(['personName', 'status', 'representedBy'])
      .orderBy('personName')
      .execute();
    expect(saved).toEqual([
      { personName: 'Claire Martin', status: 'present', representedBy: null },
      { personName: 'Paul Schmitt', status: 'represented', representedBy: 'Julie Kieffer' },
    ]);
    // The counts follow what is recorded.
    const counts = within(attendance).getByText('Représenté', { selector: 'dt' }).parentElement;
    expect(counts?.textContent).toBe('Représenté1');
  });

  it('adds agenda items and moves one up with the keyboard-reachable buttons', async () => {
    const world = await buildWorld();
    await openMeeting('coordinatorNL', world);
    const user = userEvent.setup();
    const agenda = region('Ordre du jour');
    expect(within(agenda).getByText("Aucun point à l'ordre du jour pour le moment.")).toBeTruthy();

    for (const title of ['Point sur FA-1', 'Questions diverses']) {
      await user.type(within(agenda).getByLabelText('Intitulé du point'), title);
      await user.click(within(agenda).getByRole('button', { name: 'Ajouter le point' }));
      expect(await within(agenda).findByText(title)).toBeTruthy();
    }
    await user.type(within(agenda).getByLabelText('Intitulé du point'), 'Validation étape 1');
    const plans = within(agenda).getByLabelText('Fiche action');
    await waitFor(() =>
      expect(within(plans).getByRole('option', { name: /^FA-1 ·/ })).toBeTruthy(),
    );
    await user.selectOptions(plans, within(plans).getByRole('option', { name: /^FA-1 ·/ }));
    await user.click(within(agenda).getByRole('button', { name: 'Ajouter le point' }));
    expect(await within(agenda).findByText('Validation étape 1')).toBeTruthy();

    const up = within(agenda).getByRole('button', { name: 'Monter « Validation étape 1 »' });
    up.focus();
    await user.keyboard('{Enter}');
    await waitFor(async () => {
      const items = await world.db
        .selectFrom('agendaItems')
        .select(['title', 'planId'])
        .orderBy('position')
        .execute();
      expect(items.map((i) => i.title)).toEqual([
        'Point sur FA-1',
        'Validation étape 1',
        'Questions diverses',
      ]);
      expect(items[1]?.planId).toBe(world.plans.NL1);
    });
    await waitFor(() => {
      const titles = within(agenda)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.agenda-title')?.textContent);
      expect(titles).toEqual(['Point sur FA-1', 'Validation étape 1', 'Questions diverses']);
    });
    // Focus stays on the button that moved the item, so it can be pressed again.
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe(
        'Monter « Validation étape 1 »',
      ),
    );
  });

  it('records a decision, marks the meeting held then approves it: edit controls go', async () => {
    const world = await buildWorld();
    // The meeting began this morning: it may be marked held.
    await world.db
      .updateTable('meetings')
      .set({ scheduledAt: `${world.today}T08:00:00.000Z` })
      .where('id', '=', world.meetings.NL)
      .execute();
    await openMeeting('coordinatorNL', world);
    const user = userEvent.setup();
    const decisions = region('Relevé de décisions');
    await user.click(within(decisions).getByRole('button', { name: 'Enregistrer la décision' }));
    expect(within(decisions).getByText('Rédigez le texte de la décision.')).toBeTruthy();

    await user.type(
      within(decisions).getByLabelText('Décision'),
      "Lancer l'état des lieux des compétences",
    );
    await user.selectOptions(within(decisions).getByLabelText('Nature'), 'Arbitrage');
    await user.type(within(decisions).getByLabelText('Responsable'), 'Chef de projet');
    await user.click(within(decisions).getByRole('button', { name: 'Enregistrer la décision' }));
    const row = (
      await within(decisions).findByRole('rowheader', {
        name: "Lancer l'état des lieux des compétences",
      })
    ).closest('tr');
    expect(row?.textContent).toMatch(/^1/);
    expect(row?.textContent).toContain('Arbitrage');

    await user.click(screen.getByRole('button', { name: 'Marquer comme tenue' }));
    const dialog = await screen.findByRole('dialog', { name: 'Marquer la séance comme tenue ?' });
    expect(within(dialog).getByText(/sera figé tel qu'il était à l'heure prévue/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Marquer comme tenue' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Tenue', { selector: '.badge' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Approuver le relevé de décisions' }));
    const approve = await screen.findByRole('dialog');
    await user.click(within(approve).getByRole('button', { name: 'Approuver le relevé' }));
    expect(await screen.findByText('Relevé approuvé', { selector: '.badge' })).toBeTruthy();

    const stored = await world.db
      .selectFrom('meetings')
      .select('status')
      .where('id', '=', world.meetings.NL)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('minutes_approved');
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Enregistrer la décision' })).toBeNull(),
    );
    expect(screen.queryByRole('button', { name: 'Ajouter le point' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Modifier/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Approuver|Annuler la séance/ })).toBeNull();
    // The follow-up of a decision still moves after approval.
    const followUp = screen.getByLabelText('Suite à donner de la décision n° 1');
    await user.selectOptions(followUp, 'En cours');
    await waitFor(async () => {
      const decision = await world.db
        .selectFrom('decisions')
        .select('followUpStatus')
        .executeTakeFirstOrThrow();
      expect(decision.followUpStatus).toBe('in_progress');
    });
  });

  it('shows a committee member the meeting without any edit control', async () => {
    const world = await worldWithMembers();
    // A stage is validated once the meeting has started.
    const coordinator = await callerAs(world, 'coordinatorNL', { at: AFTER_WORLD_MEETINGS });
    await coordinator.agenda.create({ meetingId: world.meetings.NL, title: 'Avancement FA-1' });
    await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Valider le diagnostic',
      kind: 'validation',
      stageId: world.stages.NL1[0] ?? null,
    });
    await openMeeting('memberNL', world);
    expect(await screen.findByText('Avancement FA-1')).toBeTruthy();
    expect(await screen.findByText('Valider le diagnostic')).toBeTruthy();
    expect(screen.getByText("Valide l'étape (jalon enregistré)")).toBeTruthy();
    expect(await screen.findByText("Aucune présence n'a été enregistrée.")).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Marquer|Approuver|Annuler|Modifier/ })).toBeNull();
    expect(
      screen.queryByRole('button', { name: /Ajouter|Enregistrer|Monter|Supprimer/ }),
    ).toBeNull();
    const main = screen.getByRole('main');
    expect(within(main).queryByRole('combobox')).toBeNull();
    expect(within(main).queryByRole('radio')).toBeNull();
    expect(within(main).queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('link', { name: 'Mode séance' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Synthèse CSV' }).getAttribute('href')).toBe(
      `/api/meetings/${world.meetings.NL}/summary.csv?lang=fr`,
    );
  });

  it('says in French why a meeting not started yet cannot be marked held', async () => {
    const world = await buildWorld();
    await openMeeting('coordinatorNL', world);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Marquer comme tenue' }));
    const dialog = await screen.findByRole('dialog', { name: 'Marquer la séance comme tenue ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Marquer comme tenue' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'La séance n’a pas encore commencé : elle ne peut être marquée tenue, ni valider une étape, qu’à partir de son heure prévue.',
    );
    const stored = await world.db
      .selectFrom('meetings')
      .select(['status', 'heldAt'])
      .where('id', '=', world.meetings.NL)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'planned', heldAt: null });
  });

  it('keeps what was typed when a save fails', async () => {
    const world = await buildWorld();
    await openMeeting('coordinatorNL', world);
    const user = userEvent.setup();
    const agenda = region('Ordre du jour');
    // The meeting is cancelled elsewhere meanwhile: the server refuses the new item.
    await world.db
      .updateTable('meetings')
      .set({ status: 'cancelled' })
      .where('id', '=', world.meetings.NL)
      .execute();
    await user.type(within(agenda).getByLabelText('Intitulé du point'), 'Budget 2026');
    await user.type(within(agenda).getByLabelText('Notes'), 'Arbitrage des cofinancements');
    await user.click(within(agenda).getByRole('button', { name: 'Ajouter le point' }));
    expect((await within(agenda).findByRole('alert')).textContent).toBe(
      'Certaines valeurs ne sont pas valides.',
    );
    expect(within(agenda).getByLabelText<HTMLInputElement>('Intitulé du point').value).toBe(
      'Budget 2026',
    );
    expect(within(agenda).getByLabelText<HTMLTextAreaElement>('Notes').value).toBe(
      'Arbitrage des cofinancements',
    );
  });
});
