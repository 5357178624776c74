import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFormatters } from '@jalon/shared';
import { admitSignInAttempt, MAX_FAILURES_PER_ACCOUNT } from '../../server/src/auth/throttle';
import { renderApp } from './support/harness';

describe('sign-in', () => {
  it('signs a user in with the right password and shows their territories', async () => {
    await renderApp({ as: null });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Adresse e-mail'), 'coordinatornl@world.test');
    await user.type(screen.getByLabelText('Mot de passe'), 'world-password');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mes territoires' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Nord Lorraine' })).toBeTruthy();
  });

  it('says the credentials are wrong and keeps what was typed', async () => {
    await renderApp({ as: null });
    const user = userEvent.setup();
    const email = await screen.findByLabelText('Adresse e-mail');
    await user.type(email, 'coordinatornl@world.test');
    await user.type(screen.getByLabelText('Mot de passe'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'E-mail ou mot de passe incorrect.',
    );
    expect((email as HTMLInputElement).value).toBe('coordinatornl@world.test');
  });

  it('says the account is locked and until when, refusing even the right password', async () => {
    const harness = await renderApp({ as: null });
    // The harness's "now" is noon of the world's today; the lock lasts a quarter of an hour.
    const now = new Date(`${harness.world.today}T12:00:00.000Z`);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i += 1) {
      await admitSignInAttempt(harness.world.db, 'lead@world.test', '127.0.0.1', now);
    }
    const until = `${harness.world.today}T12:15:00.000Z`;
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Adresse e-mail'), 'lead@world.test');
    await user.type(screen.getByLabelText('Mot de passe'), 'world-password');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ce compte est bloqué');
    expect(alert.textContent).toContain(createFormatters('fr').dateTime(until));
  });

  it('asks for both fields before calling the server', async () => {
    await renderApp({ as: null });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Se connecter' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Saisissez votre e-mail et votre mot de passe.',
    );
  });

  it('opens in the signed-in user’s saved language', async () => {
    const harness = await renderApp({ as: null });
    await harness.world.db
      .updateTable('users')
      .set({ locale: 'de' })
      .where('id', '=', harness.world.users.memberNL)
      .execute();
    harness.unmount();
    await renderApp({ as: 'memberNL', world: harness.world });
    await waitFor(() => expect(document.documentElement.lang).toBe('de'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Meine Territorien' }),
    ).toBeTruthy();
  });
});
