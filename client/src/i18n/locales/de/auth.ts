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
  locked:
    'Dieses Konto ist nach zu vielen Fehlversuchen bis {{time}} gesperrt. Bis dahin wird auch das richtige Passwort abgelehnt.',
  slowed: 'Zu viele Fehlversuche aus Ihrem Netzwerk. Bitte nach {{time}} erneut versuchen.',
  busy: 'Zu viele Anmeldungen gleichzeitig. Bitte gleich noch einmal versuchen.',
  missing: 'Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.',
  proConnect: 'Mit ProConnect anmelden',
  or: 'oder mit Ihrer E-Mail-Adresse und einem Passwort',
};
