import {
  createFormatters,
  LOCALE_TAGS,
  VOCABULARY_LABELS,
  type ActionStatus,
  type CommitteeKind,
  type Locale,
  type MeetingMode,
} from '@jalon/shared';
import type { Letter } from './letter';

// What each mail says, in the recipient's language. Times are the committees' own: Europe/Paris,
// whatever the server's time zone.

export const MAIL_KINDS = [
  'invitation',
  'password_reset',
  'update_request',
  'update_reminder',
  'convocation',
  'minutes',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface MeetingRef {
  committeeName: string;
  committeeKind: CommitteeKind;
  territoryName: string;
  scheduledAt: string;
  place: string;
  mode: MeetingMode;
}

export interface ActionToUpdate {
  planCode: string;
  title: string;
  status: ActionStatus;
  progress: number;
}

export type MailContent =
  | {
      kind: 'invitation';
      name: string;
      invitedBy: string;
      url: string;
      days: number;
      /** Where to sign in with ProConnect instead, when the deployment offers it. */
      oidcUrl: string | null;
    }
  | { kind: 'password_reset'; name: string; url: string; days: number }
  | {
      kind: 'update_request' | 'update_reminder';
      name: string;
      requestedBy: string;
      meeting: MeetingRef;
      dueDate: string | null;
      message: string;
      actions: ActionToUpdate[];
      url: string;
      preferencesUrl: string;
    }
  | {
      kind: 'convocation';
      change: 'planned' | 'changed' | 'cancelled';
      name: string;
      meeting: MeetingRef;
      /** When it was to take place, for a meeting moved to another time. */
      previousAt: string | null;
      url: string;
    }
  | { kind: 'minutes'; name: string; meeting: MeetingRef; minutes: string; url: string };

interface Words {
  hello: (name: string) => string;
  sentBy: string;
  invitation: {
    subject: string;
    body: (invitedBy: string, days: number) => string;
    button: string;
    oidc: (url: string) => string;
  };
  reset: { subject: string; body: (days: number) => string; button: string; ignore: string };
  request: {
    subject: (meeting: string) => string;
    reminderSubject: (meeting: string, due: string) => string;
    body: (by: string, meeting: string, due: string | null) => string;
    reminderBody: (meeting: string, due: string) => string;
    message: string;
    actions: string;
    button: string;
    preferences: (url: string) => string;
  };
  convocation: {
    subject: Record<'planned' | 'changed' | 'cancelled', (meeting: string) => string>;
    body: Record<'planned' | 'changed' | 'cancelled', (meeting: string) => string>;
    previously: (when: string) => string;
    when: (when: string) => string;
    where: (place: string, mode: string) => string;
    calendar: string;
    button: string;
  };
  minutes: { subject: (meeting: string) => string; body: string; label: string; button: string };
  progress: (status: string, progress: string) => string;
}

const fr: Words = {
  hello: (name) => `Bonjour ${name},`,
  sentBy:
    'Ce courriel vous est envoyé par Jalon, le suivi des plans d’action Territoires d’industrie.',
  invitation: {
    subject: 'Votre accès à Jalon',
    body: (by, days) =>
      `${by} vous invite à suivre les plans d’action Territoires d’industrie dans Jalon. Choisissez votre mot de passe avec le lien ci-dessous, valable ${days} jours et une seule fois.`,
    button: 'Choisir mon mot de passe',
    oidc: (url) => `Vous pouvez aussi vous identifier avec ProConnect : ${url}`,
  },
  reset: {
    subject: 'Réinitialisation de votre mot de passe Jalon',
    body: (days) =>
      `Un administrateur a demandé la réinitialisation de votre mot de passe. Choisissez-en un nouveau avec le lien ci-dessous, valable ${days} jours et une seule fois.`,
    button: 'Choisir un nouveau mot de passe',
    ignore: 'Si vous n’attendiez pas ce courriel, prévenez la coordination de votre territoire.',
  },
  request: {
    subject: (m) => `Mise à jour demandée avant le ${m}`,
    reminderSubject: (m, due) => `Rappel : mise à jour attendue pour le ${due} (${m})`,
    body: (by, m, due) =>
      `${by} vous demande de mettre à jour vos actions avant le ${m}${due ? `, d’ici le ${due}` : ''}.`,
    reminderBody: (m, due) =>
      `Les actions ci-dessous n’ont pas encore été mises à jour pour le ${m}. La mise à jour est attendue pour le ${due}.`,
    message: 'Message de la coordination :',
    actions: 'Vos actions à mettre à jour :',
    button: 'Mettre à jour mes actions',
    preferences: (url) => `Pour ne plus recevoir ces demandes par courriel : ${url}`,
  },
  convocation: {
    subject: {
      planned: (m) => `Convocation : ${m}`,
      changed: (m) => `Modification : ${m}`,
      cancelled: (m) => `Annulation : ${m}`,
    },
    body: {
      planned: (m) => `Vous êtes convoqué(e) au ${m}.`,
      changed: (m) => `Le ${m} a été modifié ; voici ses informations à jour.`,
      cancelled: (m) => `Le ${m} est annulé.`,
    },
    previously: (when) => `Date précédente : ${when}`,
    when: (when) => `Date : ${when} (heure de Paris)`,
    where: (place, mode) => `Lieu : ${place} (${mode})`,
    calendar: 'L’invitation jointe s’ajoute à votre agenda (Outlook, Thunderbird…).',
    button: 'Voir la réunion dans Jalon',
  },
  minutes: {
    subject: (m) => `Compte rendu approuvé : ${m}`,
    body: 'Le compte rendu de la réunion a été approuvé.',
    label: 'Compte rendu :',
    button: 'Voir la réunion dans Jalon',
  },
  progress: (status, progress) => `${status}, ${progress}`,
};

const en: Words = {
  hello: (name) => `Hello ${name},`,
  sentBy: 'This mail is sent by Jalon, the follow-up of the Territoires d’industrie action plans.',
  invitation: {
    subject: 'Your access to Jalon',
    body: (by, days) =>
      `${by} invites you to follow the Territoires d’industrie action plans in Jalon. Choose your password with the link below; it works once, for ${days} days.`,
    button: 'Choose my password',
    oidc: (url) => `You may also sign in with ProConnect: ${url}`,
  },
  reset: {
    subject: 'Resetting your Jalon password',
    body: (days) =>
      `An administrator asked for your password to be reset. Choose a new one with the link below; it works once, for ${days} days.`,
    button: 'Choose a new password',
    ignore: 'If you did not expect this mail, tell your territory’s coordination.',
  },
  request: {
    subject: (m) => `Update requested before the ${m}`,
    reminderSubject: (m, due) => `Reminder: update expected by ${due} (${m})`,
    body: (by, m, due) =>
      `${by} asks you to update your actions before the ${m}${due ? `, by ${due}` : ''}.`,
    reminderBody: (m, due) =>
      `The actions below have not been updated yet for the ${m}. The update is expected by ${due}.`,
    message: 'Message from the coordination:',
    actions: 'Your actions to update:',
    button: 'Update my actions',
    preferences: (url) => `To stop receiving these requests by mail: ${url}`,
  },
  convocation: {
    subject: {
      planned: (m) => `Invitation: ${m}`,
      changed: (m) => `Changed: ${m}`,
      cancelled: (m) => `Cancelled: ${m}`,
    },
    body: {
      planned: (m) => `You are invited to the ${m}.`,
      changed: (m) => `The ${m} has changed; here are its details.`,
      cancelled: (m) => `The ${m} is cancelled.`,
    },
    previously: (when) => `Previous date: ${when}`,
    when: (when) => `Date: ${when} (Paris time)`,
    where: (place, mode) => `Place: ${place} (${mode})`,
    calendar: 'The attached invitation goes into your calendar (Outlook, Thunderbird…).',
    button: 'See the meeting in Jalon',
  },
  minutes: {
    subject: (m) => `Minutes approved: ${m}`,
    body: 'The minutes of the meeting have been approved.',
    label: 'Minutes:',
    button: 'See the meeting in Jalon',
  },
  progress: (status, progress) => `${status}, ${progress}`,
};

const de: Words = {
  hello: (name) => `Guten Tag ${name},`,
  sentBy: 'Diese E-Mail sendet Jalon, die Begleitung der Aktionspläne der Territoires d’industrie.',
  invitation: {
    subject: 'Ihr Zugang zu Jalon',
    body: (by, days) =>
      `${by} lädt Sie ein, die Aktionspläne der Territoires d’industrie in Jalon zu verfolgen. Wählen Sie Ihr Passwort über den Link unten; er gilt einmal und ${days} Tage lang.`,
    button: 'Mein Passwort wählen',
    oidc: (url) => `Sie können sich auch mit ProConnect anmelden: ${url}`,
  },
  reset: {
    subject: 'Zurücksetzen Ihres Jalon-Passworts',
    body: (days) =>
      `Ein Administrator hat das Zurücksetzen Ihres Passworts veranlasst. Wählen Sie ein neues über den Link unten; er gilt einmal und ${days} Tage lang.`,
    button: 'Neues Passwort wählen',
    ignore:
      'Falls Sie diese E-Mail nicht erwartet haben, informieren Sie die Koordination Ihres Gebiets.',
  },
  request: {
    subject: (m) => `Aktualisierung erbeten vor: ${m}`,
    reminderSubject: (m, due) => `Erinnerung: Aktualisierung bis ${due} erwartet (${m})`,
    body: (by, m, due) =>
      `${by} bittet Sie, Ihre Maßnahmen vor folgender Sitzung zu aktualisieren: ${m}${due ? `, bis ${due}` : ''}.`,
    reminderBody: (m, due) =>
      `Die folgenden Maßnahmen sind für diese Sitzung noch nicht aktualisiert: ${m}. Die Aktualisierung wird bis ${due} erwartet.`,
    message: 'Nachricht der Koordination:',
    actions: 'Ihre zu aktualisierenden Maßnahmen:',
    button: 'Meine Maßnahmen aktualisieren',
    preferences: (url) => `Um diese Anfragen nicht mehr per E-Mail zu erhalten: ${url}`,
  },
  convocation: {
    subject: {
      planned: (m) => `Einladung: ${m}`,
      changed: (m) => `Geändert: ${m}`,
      cancelled: (m) => `Abgesagt: ${m}`,
    },
    body: {
      planned: (m) => `Sie sind zu folgender Sitzung eingeladen: ${m}.`,
      changed: (m) => `Folgende Sitzung wurde geändert: ${m}. Hier die aktuellen Angaben.`,
      cancelled: (m) => `Folgende Sitzung ist abgesagt: ${m}.`,
    },
    previously: (when) => `Bisheriger Termin: ${when}`,
    when: (when) => `Termin: ${when} (Pariser Zeit)`,
    where: (place, mode) => `Ort: ${place} (${mode})`,
    calendar:
      'Die beigefügte Einladung lässt sich in Ihren Kalender übernehmen (Outlook, Thunderbird…).',
    button: 'Sitzung in Jalon ansehen',
  },
  minutes: {
    subject: (m) => `Protokoll genehmigt: ${m}`,
    body: 'Das Protokoll der Sitzung wurde genehmigt.',
    label: 'Protokoll:',
    button: 'Sitzung in Jalon ansehen',
  },
  progress: (status, progress) => `${status}, ${progress}`,
};

const WORDS: Record<Locale, Words> = { fr, en, de };

/** A meeting's date and time as the committee reads it: in Paris, in the reader's language. */
export function parisDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

const parisDay = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    dateStyle: 'long',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));

/** "COPIL du territoire X du 12 janvier 2027": the committee's name and the meeting's day. */
function meetingTitle(meeting: MeetingRef, locale: Locale): string {
  const day = parisDay(meeting.scheduledAt, locale);
  const of = { fr: 'du', en: 'of', de: 'vom' }[locale];
  // "COPIL Nord Lorraine" names its territory already; a committee named otherwise gets it added.
  const name = meeting.committeeName.includes(meeting.territoryName)
    ? meeting.committeeName
    : `${meeting.committeeName} (${meeting.territoryName})`;
  return `${name} ${of} ${day}`;
}

/** The letter for `content` in `locale`. */
export function composeLetter(content: MailContent, locale: Locale): Letter {
  const w = WORDS[locale];
  const labels = VOCABULARY_LABELS[locale];
  const formats = createFormatters(locale);
  const footer = [w.sentBy];
  switch (content.kind) {
    case 'invitation':
      return {
        subject: w.invitation.subject,
        greeting: w.hello(content.name),
        paragraphs: [w.invitation.body(content.invitedBy, content.days)],
        button: { label: w.invitation.button, url: content.url },
        footer: content.oidcUrl ? [w.invitation.oidc(content.oidcUrl), ...footer] : footer,
      };
    case 'password_reset':
      return {
        subject: w.reset.subject,
        greeting: w.hello(content.name),
        paragraphs: [w.reset.body(content.days)],
        button: { label: w.reset.button, url: content.url },
        footer: [w.reset.ignore, ...footer],
      };
    case 'update_request':
    case 'update_reminder': {
      const title = meetingTitle(content.meeting, locale);
      const due = content.dueDate === null ? null : formats.date(content.dueDate);
      const reminder = content.kind === 'update_reminder';
      return {
        subject: reminder ? w.request.reminderSubject(title, due ?? '') : w.request.subject(title),
        greeting: w.hello(content.name),
        paragraphs: [
          reminder
            ? w.request.reminderBody(title, due ?? '')
            : w.request.body(content.requestedBy, title, due),
          w.request.actions,
        ],
        list: content.actions.map(
          (a) =>
            `${a.planCode} – ${a.title} (${w.progress(labels.actionStatus[a.status], formats.percent(a.progress))})`,
        ),
        ...(content.message.trim() === ''
          ? {}
          : { quote: { label: w.request.message, text: content.message } }),
        button: { label: w.request.button, url: content.url },
        footer: [w.request.preferences(content.preferencesUrl), ...footer],
      };
    }
    case 'convocation': {
      const title = meetingTitle(content.meeting, locale);
      const details = [
        w.convocation.when(parisDateTime(content.meeting.scheduledAt, locale)),
        w.convocation.where(content.meeting.place, labels.meetingMode[content.meeting.mode]),
      ];
      if (content.previousAt) {
        details.push(w.convocation.previously(parisDateTime(content.previousAt, locale)));
      }
      return {
        subject: w.convocation.subject[content.change](title),
        greeting: w.hello(content.name),
        paragraphs: [w.convocation.body[content.change](title)],
        list: details,
        button: { label: w.convocation.button, url: content.url },
        footer: [w.convocation.calendar, ...footer],
      };
    }
    case 'minutes': {
      const title = meetingTitle(content.meeting, locale);
      return {
        subject: w.minutes.subject(title),
        greeting: w.hello(content.name),
        paragraphs: [w.minutes.body],
        quote: { label: w.minutes.label, text: content.minutes },
        button: { label: w.minutes.button, url: content.url },
        footer,
      };
    }
  }
}
