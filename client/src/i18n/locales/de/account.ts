import type { Messages } from '../../types';
import type { account as fr } from '../fr/account';

export const account: Messages<typeof fr> = {
  title: 'Mein Konto',
  signedInAs: 'Angemeldet als {{name}} ({{email}}).',
  mail: {
    heading: 'E-Mails',
    intro:
      'Einladungen zu den Ausschüssen, denen Sie angehören, und deren Protokolle erhalten Sie immer. Wählen Sie die übrigen E-Mails:',
    mailUpdateRequests: 'Bitten, meine Maßnahmen vor einer Sitzung zu aktualisieren',
    mailReminders: 'Erinnerungen einige Tage vor der Frist, wenn ich nicht aktualisiert habe',
    saved: 'Einstellungen gespeichert.',
  },
  password: {
    heading: 'Passwort ändern',
    intro:
      'Mindestens {{min}} Zeichen. Ihre anderen Sitzungen in anderen Browsern oder auf anderen Geräten werden beendet.',
    current: 'Aktuelles Passwort',
    next: 'Neues Passwort',
    again: 'Neues Passwort wiederholen',
    submit: 'Passwort ändern',
    done_zero: 'Passwort geändert.',
    done_one: 'Passwort geändert. Ihre andere Sitzung wurde beendet.',
    done_other: 'Passwort geändert. Ihre {{count}} anderen Sitzungen wurden beendet.',
  },
  link: {
    title: 'Passwort wählen',
    checking: 'Link wird geprüft…',
    invitation:
      'Willkommen {{name}}: Wählen Sie das Passwort Ihres Jalon-Kontos (mindestens {{min}} Zeichen). Dieser Link gilt einmal, bis {{until}}.',
    reset:
      '{{name}}, wählen Sie Ihr neues Passwort (mindestens {{min}} Zeichen). Dieser Link gilt einmal, bis {{until}}.',
    submit: 'Passwort speichern',
    done: 'Ihr Passwort ist gespeichert. Melden Sie sich mit Ihrer E-Mail-Adresse an.',
    signIn: 'Anmelden',
    gone: 'Dieser Link wurde schon benutzt, ist abgelaufen oder existiert nicht. Bitten Sie die Administration um einen neuen.',
  },
  mistakes: {
    missing: 'Geben Sie Ihr aktuelles und das neue Passwort ein.',
    tooShort: 'Das neue Passwort muss mindestens {{min}} Zeichen haben.',
    mismatch: 'Die beiden Eingaben des neuen Passworts unterscheiden sich.',
    same: 'Das neue Passwort muss sich vom aktuellen unterscheiden.',
  },
};
