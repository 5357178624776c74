import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from './support/harness';
import { buildWorld } from '../../server/test/support/world';

/** The accessible description of a control: the error tied to it by aria-describedby. */
function describedBy(control: HTMLElement): string {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

// Each test renders the whole app on a fresh database: slower than jsdom's 5 s default allows.
describe('coordinator screens', { timeout: 20_000 }, () => {
  it('creates a plan in Nord Lorraine with its three stages', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'coordinatorNL',
      world,
      route: `/territories/${world.territories.NL}/plans/new`,
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Code/), 'FA-9');
    await user.type(screen.getByLabelText(/^Intitulé/), 'Plateforme des compétences');
    await user.selectOptions(screen.getByLabelText(/^Axe/), 'Compétences');
    await user.type(screen.getByLabelText(/^Budget prévisionnel/), '125 000,50');
    await user.click(screen.getByRole('checkbox', { name: /^lead/ }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(async () => {
      const plan = await world.db
        .selectFrom('plans')
        .selectAll()
        .where('code', '=', 'FA-9')
        .executeTakeFirst();
      expect(plan?.title).toBe('Plateforme des compétences');
      expect(plan?.budgetCents).toBe(12_500_050);
    });
    const plan = await world.db
      .selectFrom('plans')
      .select('id')
      .where('code', '=', 'FA-9')
      .executeTakeFirstOrThrow();
    const stages = await world.db
      .selectFrom('stages')
      .select('kind')
      .where('planId', '=', plan.id)
      .orderBy('position')
      .execute();
    expect(stages.map((s) => s.kind)).toEqual([
      'inventory',
      'tool_adaptation',
      'support_for_change',
    ]);
    const leads = await world.db
      .selectFrom('planLeads')
      .select('userId')
      .where('planId', '=', plan.id)
      .execute();
    expect(leads).toEqual([{ userId: world.users.lead }]);
    // Saved: the form is gone (the app moved on to the plan's page).
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Enregistrer' })).toBeNull());
  });

  it('says an empty title is required, next to the field, without saving anything', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'coordinatorNL',
      world,
      route: `/territories/${world.territories.NL}/plans/new`,
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Code/), 'FA-10');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const title = screen.getByLabelText(/^Intitulé/);
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(title)).toBe('Champ obligatoire.');
    expect(describedBy(screen.getByLabelText(/^Axe/))).toBe('Champ obligatoire.');
    expect(screen.getByLabelText<HTMLInputElement>(/^Code/).value).toBe('FA-10');
    const count = await world.db
      .selectFrom('plans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);
  });

  it('refuses to overwrite a plan someone else changed, and keeps what was typed', async () => {
    const world = await buildWorld();
    await renderApp({ as: 'coordinatorNL', world, route: `/plans/${world.plans.NL1}/edit` });
    const user = userEvent.setup();
    const title = await screen.findByLabelText(/^Intitulé/);
    // Someone else saves the plan meanwhile.
    await world.db
      .updateTable('plans')
      .set((eb) => ({ version: eb('version', '+', 1), title: 'Changed elsewhere' }))
      .where('id', '=', world.plans.NL1)
      .execute();
    await user.clear(title);
    await user.type(title, 'Mon nouvel intitulé');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const alert = await screen.findByText(/Quelqu’un d’autre a modifié cet élément/);
    expect(alert).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(/^Intitulé/).value).toBe('Mon nouvel intitulé');
    const stored = await world.db
      .selectFrom('plans')
      .select('title')
      .where('id', '=', world.plans.NL1)
      .executeTakeFirstOrThrow();
    expect(stored.title).toBe('Changed elsewhere');

    await user.click(screen.getByRole('button', { name: /Recharger la version enregistrée/ }));
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>(/^Intitulé/).value).toBe('Changed elsewhere'),
    );
  });

  it('says which dates an action may take when its due date is out of range', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'coordinatorNL',
      world,
      route: `/plans/${world.plans.NL1}/actions/new`,
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Intitulé/), 'Cartographier les friches');
    const due = screen.getByLabelText(/^Échéance/);
    // 2205 for 2025: a slip the field accepts and the programme's window refuses.
    await user.type(due, '2205-06-30');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(due.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(due)).toBe(
      'Saisissez une date comprise entre le 1 janv. 2018 et le 31 déc. 2035.',
    );
    const saved = await world.db
      .selectFrom('actions')
      .select('id')
      .where('title', '=', 'Cartographier les friches')
      .execute();
    expect(saved).toEqual([]);
  });

  it('asks for a comment when an action is created as Bloqué', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'coordinatorNL',
      world,
      route: `/plans/${world.plans.NL1}/actions/new`,
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Intitulé/), 'Recenser les besoins');
    await user.selectOptions(screen.getByLabelText(/^Statut/), 'Bloqué');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const comment = screen.getByLabelText(/^Commentaire sur le statut/);
    await waitFor(() => expect(comment.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(comment)).toContain('Ce statut doit être justifié par un commentaire.');
    expect(comment.getAttribute('aria-required')).toBe('true');

    await user.type(comment, 'En attente du financement régional');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(async () => {
      const action = await world.db
        .selectFrom('actions')
        .selectAll()
        .where('title', '=', 'Recenser les besoins')
        .executeTakeFirst();
      expect(action?.status).toBe('blocked');
      expect(action?.statusComment).toBe('En attente du financement régional');
    });
  });

  it('refuses a rising indicator whose target is below its baseline, next to the target', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'coordinatorNL',
      world,
      route: `/plans/${world.plans.NL1}/indicators/new`,
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Intitulé/), 'Emplois créés');
    await user.type(screen.getByLabelText(/^Unité/), 'emplois');
    await user.type(screen.getByLabelText(/^Valeur de référence/), '100');
    await user.type(screen.getByLabelText(/^Date de référence/), '2025-01-01');
    const target = screen.getByLabelText(/^Valeur cible/);
    await user.type(target, '50');
    await user.type(screen.getByLabelText(/^Date cible/), '2027-12-31');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(target.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(target)).toContain(
      'Pour un indicateur à la hausse, la cible doit dépasser la valeur de référence',
    );

    await user.clear(target);
    await user.type(target, '150');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(async () => {
      const indicator = await world.db
        .selectFrom('indicators')
        .selectAll()
        .where('name', '=', 'Emplois créés')
        .executeTakeFirst();
      expect(indicator?.targetValue).toBe(150);
      expect(indicator?.planId).toBe(world.plans.NL1);
    });
  });

  it('changes a member’s role', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'coordinatorNL',
      world,
      route: `/territories/${world.territories.NL}/members`,
    });
    const user = userEvent.setup();
    const row = (await screen.findByRole('rowheader', { name: 'observerNL' })).closest('tr');
    expect(row).toBeTruthy();
    const cells = within(row as HTMLElement);
    expect(cells.getByText('observernl@world.test')).toBeTruthy();
    await user.selectOptions(cells.getByLabelText('Rôle de observerNL'), 'Membre de comité');
    await user.click(cells.getByRole('button', { name: 'Changer le rôle observerNL' }));
    await waitFor(async () => {
      const membership = await world.db
        .selectFrom('memberships')
        .select('role')
        .where('userId', '=', world.users.observerNL)
        .executeTakeFirstOrThrow();
      expect(membership.role).toBe('committee_member');
    });
  });

  it('adds an existing user found by their full email address', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'coordinatorNL',
      world,
      route: `/territories/${world.territories.NL}/members`,
    });
    const user = userEvent.setup();
    await user.type(
      await screen.findByLabelText('Nom ou adresse e-mail complète'),
      'outsider@world.test',
    );
    await user.click(screen.getByRole('button', { name: 'Chercher' }));
    await user.click(await screen.findByRole('radio', { name: /outsider/ }));
    const add = screen.getByRole('region', { name: 'Ajouter un membre' });
    await user.selectOptions(within(add).getByLabelText(/^Rôle\s*\*?$/), 'Observateur');
    await user.click(screen.getByRole('button', { name: 'Ajouter au territoire' }));
    expect(await screen.findByText('outsider a été ajouté(e) au territoire.')).toBeTruthy();
    const membership = await world.db
      .selectFrom('memberships')
      .select('role')
      .where('userId', '=', world.users.outsider)
      .where('territoryId', '=', world.territories.NL)
      .executeTakeFirstOrThrow();
    expect(membership.role).toBe('observer');
  });

  it('shows a committee member "not allowed" instead of the plan form', async () => {
    const world = await buildWorld();
    await renderApp({ as: 'memberNL', world, route: `/plans/${world.plans.NL1}/edit` });
    expect(
      await screen.findByRole('heading', { name: 'Accès réservé à la coordination' }),
    ).toBeTruthy();
    expect(screen.queryByLabelText(/^Intitulé/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).toBeNull();
  });
});
