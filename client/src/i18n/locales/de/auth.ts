import type { Messages } from '../../types';
import type { auth as fr } from '../fr/auth';

export const auth: Messages<typeof fr> = {
  title: 'Anmeldung',
  intro: 'Melden Sie sich an, um die Aktionspläne Ihrer Territorien zu verfolgen.',
  email: 'E-Mail-Adresse',
  password: 'Passwort',
  submit: 'Anmelden',
  submitting: 'Anmeldung…',
  badCredentials: 'E-Mail oder Passwort ist falsch.',
  tooMany: 'Zu viele Fehlversuche. Bitte in einer Viertelstunde erneut versuchen.',
  missing: 'Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.',
};
