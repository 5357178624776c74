import { DEMO, expect, expectAccessible, signIn, test, trpcResponse } from './support/fixtures';

// An administrator invites someone; the one-time link is shown (Jalon sends no mail yet); the
// person opens it in their own browser, chooses a password and signs in.
const INVITEE = { email: 'invitee-e2e@jalon.test', name: 'Inès Vitée' };
const PASSWORD = 'mon-mot-de-passe-choisi';

test('an administrator invites a user who sets a password with the link and signs in', async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.admin);
  await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Utilisateurs' }).click();
  await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 1 })).toBeVisible();
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(INVITEE.email);
  await page.getByLabel('Nom', { exact: true }).fill(INVITEE.name);
  await page.getByRole('button', { name: 'Créer le compte et obtenir le lien' }).click();
  const issued = page
    .getByRole('status')
    .filter({ hasText: `Lien d’invitation pour ${INVITEE.name}` });
  await expect(issued).toBeVisible();
  const link = await issued.getByLabel('Lien à transmettre').inputValue();
  expect(link).toMatch(/\/set-password#[A-Za-z0-9_-]{43}$/);
  await page.getByLabel('Rechercher par nom ou adresse e-mail').fill('invitee-e2e');
  await expect(page.getByRole('row').filter({ hasText: INVITEE.email })).toContainText('Actif');
  // Their national role changes from the list, and stays.
  const role = page.getByLabel(`Rôle national de ${INVITEE.name}`);
  await expect(role).toHaveValue('');
  const saved = trpcResponse(page, 'user.update');
  await role.selectOption({ label: 'Observateur national' });
  expect((await saved).ok()).toBe(true);
  await page.reload();
  await page.getByLabel('Rechercher par nom ou adresse e-mail').fill('invitee-e2e');
  await expect(page.getByLabel(`Rôle national de ${INVITEE.name}`)).toHaveValue(
    'national_observer',
  );
  await expectAccessible(page);

  // The invitee, in a browser of their own.
  const context = await browser.newContext({ locale: 'fr-FR' });
  const theirs = await context.newPage();
  await theirs.goto(link);
  await expect(theirs.getByRole('heading', { name: 'Choisir votre mot de passe' })).toBeVisible();
  await expect(theirs.getByText(`Bienvenue ${INVITEE.name}`)).toBeVisible();
  await theirs.getByLabel('Nouveau mot de passe', { exact: true }).fill(PASSWORD);
  await theirs.getByLabel('Nouveau mot de passe, une seconde fois').fill(PASSWORD);
  await theirs.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(theirs.getByText('Votre mot de passe est enregistré.')).toBeVisible();
  await theirs.getByRole('link', { name: 'Se connecter' }).click();
  await signIn(theirs, INVITEE.email, PASSWORD);
  await expect(
    theirs.getByRole('link', { name: `Connecté en tant que ${INVITEE.name}` }),
  ).toBeVisible();

  // The link served once.
  await theirs.goto(link);
  await expect(theirs.getByRole('alert')).toContainText('Ce lien a déjà servi');
  await context.close();
});
