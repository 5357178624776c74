import type {
  AuditCodeList,
  AuditFieldLabels,
  AuditValue,
  ReadableHistoryEntry,
} from './auditFields';
import { VOCABULARY_LABELS, type VocabularyLabels } from './labels';
import type { Locale } from './vocabulary';

/** Codes of audited fields outside the programme's vocabulary, per language. */
export interface AuditExtraCodeLabels {
  globalRole: Record<string, string>;
  locale: Record<string, string>;
  accountRole: Record<string, string>;
}

const fields = {
  fr: {
    territory: {
      code: 'Code',
      name: 'Nom',
      regionId: 'Région',
      phase: 'Phase',
      joinedOn: 'Entrée dans le programme',
      industrialFirms: 'Établissements industriels',
      industrialJobs: 'Emplois industriels',
      electedChair: 'Président élu',
      industrialChair: 'Président industriel',
      projectLeadName: 'Chef de projet',
      archivedAt: 'Archivage',
      epciIds: 'EPCI membres',
      reminderDays: 'Rappel (jours avant l’échéance)',
    },
    organisation: { name: 'Nom', kind: 'Type', siren: 'SIREN' },
    user: {
      email: 'Courriel',
      name: 'Nom',
      organisationId: 'Organisation',
      locale: 'Langue',
      globalRole: 'Rôle national',
      disabledAt: 'Désactivation',
      mailUpdateRequests: 'Courriels de demande de mise à jour',
      mailReminders: 'Courriels de rappel',
      observedRegionIds: 'Régions observées',
      role: 'Rôle',
      territoryId: 'Territoire',
      regionId: 'Région',
    },
    membership: { userId: 'Personne', territoryId: 'Territoire', role: 'Rôle' },
    plan: {
      code: 'Code',
      title: 'Intitulé',
      summary: 'Résumé',
      axis: 'Axe',
      priority: 'Priorité',
      leadOrganisationId: 'Porteur',
      startDate: 'Début',
      endDate: 'Fin',
      budgetCents: 'Budget',
      archivedAt: 'Archivage',
      territoryIds: 'Territoires',
      partners: 'Partenaires',
      leadUserIds: 'Pilotes',
    },
    funding_line: {
      funderOrganisationId: 'Financeur',
      scheme: 'Dispositif',
      requestedCents: 'Montant demandé',
      grantedCents: 'Montant accordé',
      paidCents: 'Montant versé',
    },
    stage: {
      plannedStart: 'Début prévu',
      plannedEnd: 'Fin prévue',
      actualStart: 'Début réel',
      actualEnd: 'Fin réelle',
      validatedMeetingId: 'Validée en séance',
      validatedOn: 'Validée le',
    },
    action: {
      title: 'Intitulé',
      description: 'Description',
      ownerUserId: 'Pilote',
      stageId: 'Étape',
      status: 'Statut',
      progress: 'Avancement',
      statusComment: 'Justification',
      startDate: 'Début',
      dueDate: 'Échéance',
      completedOn: 'Réalisée le',
      archivedAt: 'Archivage',
    },
    indicator: {
      name: 'Nom',
      unit: 'Unité',
      kind: 'Type',
      direction: 'Sens',
      baselineValue: 'Valeur de référence',
      baselineDate: 'Date de référence',
      baselineSource: 'Source de référence',
      targetValue: 'Valeur cible',
      targetDate: 'Échéance de la cible',
      archivedAt: 'Archivage',
    },
    measurement: {
      indicatorId: 'Indicateur',
      measuredOn: 'Date de mesure',
      value: 'Valeur',
      source: 'Source',
      comment: 'Commentaire',
      recordedBy: 'Saisie par',
    },
    committee: { kind: 'Type', name: 'Nom' },
    committee_member: {
      committeeId: 'Comité',
      userId: 'Utilisateur',
      personName: 'Nom',
      organisationId: 'Organisation',
      role: 'Rôle',
    },
    meeting: {
      committeeId: 'Comité',
      scheduledAt: 'Date',
      place: 'Lieu',
      mode: 'Modalité',
      status: 'Statut',
      heldAt: 'Tenue le',
      minutes: 'Compte rendu',
      icsSequence: 'Version de l’invitation',
      agendaOrder: 'Ordre du jour',
    },
    attendance: { entries: 'Présences' },
    agenda_item: {
      meetingId: 'Séance',
      position: 'Rang',
      title: 'Intitulé',
      notes: 'Notes',
      planId: 'Fiche action',
      stageId: 'Étape',
      actionId: 'Action',
    },
    decision: {
      meetingId: 'Séance',
      number: 'Numéro',
      text: 'Texte',
      kind: 'Nature',
      planId: 'Fiche action',
      stageId: 'Étape',
      actionId: 'Action',
      ownerName: 'Responsable',
      dueDate: 'Échéance',
      followUpStatus: 'Suivi',
    },
    comment: { entityType: 'Objet', entityId: 'Objet', body: 'Texte' },
    update_request: {
      meetingId: 'Séance',
      message: 'Message',
      dueDate: 'À mettre à jour avant le',
    },
  },
  en: {
    territory: {
      code: 'Code',
      name: 'Name',
      regionId: 'Region',
      phase: 'Phase',
      joinedOn: 'Joined the programme',
      industrialFirms: 'Industrial firms',
      industrialJobs: 'Industrial jobs',
      electedChair: 'Elected co-chair',
      industrialChair: 'Industrial co-chair',
      projectLeadName: 'Project lead',
      archivedAt: 'Archived',
      epciIds: 'Member EPCIs',
      reminderDays: 'Reminder (days before the due date)',
    },
    organisation: { name: 'Name', kind: 'Kind', siren: 'SIREN' },
    user: {
      email: 'Email',
      name: 'Name',
      organisationId: 'Organisation',
      locale: 'Language',
      globalRole: 'National role',
      disabledAt: 'Disabled',
      mailUpdateRequests: 'Update request mails',
      mailReminders: 'Reminder mails',
      observedRegionIds: 'Observed regions',
      role: 'Role',
      territoryId: 'Territory',
      regionId: 'Region',
    },
    membership: { userId: 'Person', territoryId: 'Territory', role: 'Role' },
    plan: {
      code: 'Code',
      title: 'Title',
      summary: 'Summary',
      axis: 'Axis',
      priority: 'Priority',
      leadOrganisationId: 'Lead organisation',
      startDate: 'Start',
      endDate: 'End',
      budgetCents: 'Budget',
      archivedAt: 'Archived',
      territoryIds: 'Territories',
      partners: 'Partners',
      leadUserIds: 'Action leads',
    },
    funding_line: {
      funderOrganisationId: 'Funder',
      scheme: 'Scheme',
      requestedCents: 'Amount requested',
      grantedCents: 'Amount granted',
      paidCents: 'Amount paid',
    },
    stage: {
      plannedStart: 'Planned start',
      plannedEnd: 'Planned end',
      actualStart: 'Actual start',
      actualEnd: 'Actual end',
      validatedMeetingId: 'Validated in meeting',
      validatedOn: 'Validated on',
    },
    action: {
      title: 'Title',
      description: 'Description',
      ownerUserId: 'Action lead',
      stageId: 'Stage',
      status: 'Status',
      progress: 'Progress',
      statusComment: 'Justification',
      startDate: 'Start',
      dueDate: 'Due date',
      completedOn: 'Completed on',
      archivedAt: 'Archived',
    },
    indicator: {
      name: 'Name',
      unit: 'Unit',
      kind: 'Kind',
      direction: 'Direction',
      baselineValue: 'Baseline',
      baselineDate: 'Baseline date',
      baselineSource: 'Baseline source',
      targetValue: 'Target',
      targetDate: 'Target date',
      archivedAt: 'Archived',
    },
    measurement: {
      indicatorId: 'Indicator',
      measuredOn: 'Measured on',
      value: 'Value',
      source: 'Source',
      comment: 'Comment',
      recordedBy: 'Recorded by',
    },
    committee: { kind: 'Kind', name: 'Name' },
    committee_member: {
      committeeId: 'Committee',
      userId: 'User',
      personName: 'Name',
      organisationId: 'Organisation',
      role: 'Role',
    },
    meeting: {
      committeeId: 'Committee',
      scheduledAt: 'Date',
      place: 'Place',
      mode: 'Mode',
      status: 'Status',
      heldAt: 'Held on',
      minutes: 'Minutes',
      icsSequence: 'Calendar invitation version',
      agendaOrder: 'Agenda',
    },
    attendance: { entries: 'Attendance' },
    agenda_item: {
      meetingId: 'Meeting',
      position: 'Position',
      title: 'Title',
      notes: 'Notes',
      planId: 'Action sheet',
      stageId: 'Stage',
      actionId: 'Action',
    },
    decision: {
      meetingId: 'Meeting',
      number: 'Number',
      text: 'Text',
      kind: 'Kind',
      planId: 'Action sheet',
      stageId: 'Stage',
      actionId: 'Action',
      ownerName: 'Owner',
      dueDate: 'Due date',
      followUpStatus: 'Follow-up',
    },
    comment: { entityType: 'About', entityId: 'About', body: 'Text' },
    update_request: { meetingId: 'Meeting', message: 'Message', dueDate: 'Update by' },
  },
  de: {
    territory: {
      code: 'Kürzel',
      name: 'Name',
      regionId: 'Region',
      phase: 'Phase',
      joinedOn: 'Beitritt zum Programm',
      industrialFirms: 'Industriebetriebe',
      industrialJobs: 'Industriearbeitsplätze',
      electedChair: 'Gewählte(r) Vorsitzende(r)',
      industrialChair: 'Vorsitzende(r) aus der Industrie',
      projectLeadName: 'Projektleitung',
      archivedAt: 'Archiviert',
      epciIds: 'Mitglieds-EPCI',
      reminderDays: 'Erinnerung (Tage vor der Frist)',
    },
    organisation: { name: 'Name', kind: 'Art', siren: 'SIREN' },
    user: {
      email: 'E-Mail',
      name: 'Name',
      organisationId: 'Organisation',
      locale: 'Sprache',
      globalRole: 'Nationale Rolle',
      disabledAt: 'Deaktiviert',
      mailUpdateRequests: 'E-Mails zu Aktualisierungsanfragen',
      mailReminders: 'Erinnerungs-E-Mails',
      observedRegionIds: 'Beobachtete Regionen',
      role: 'Rolle',
      territoryId: 'Territorium',
      regionId: 'Region',
    },
    membership: { userId: 'Person', territoryId: 'Territorium', role: 'Rolle' },
    plan: {
      code: 'Kürzel',
      title: 'Titel',
      summary: 'Zusammenfassung',
      axis: 'Achse',
      priority: 'Priorität',
      leadOrganisationId: 'Träger',
      startDate: 'Beginn',
      endDate: 'Ende',
      budgetCents: 'Budget',
      archivedAt: 'Archiviert',
      territoryIds: 'Territorien',
      partners: 'Partner',
      leadUserIds: 'Verantwortliche',
    },
    funding_line: {
      funderOrganisationId: 'Geldgeber',
      scheme: 'Förderprogramm',
      requestedCents: 'Beantragter Betrag',
      grantedCents: 'Bewilligter Betrag',
      paidCents: 'Ausgezahlter Betrag',
    },
    stage: {
      plannedStart: 'Geplanter Beginn',
      plannedEnd: 'Geplantes Ende',
      actualStart: 'Tatsächlicher Beginn',
      actualEnd: 'Tatsächliches Ende',
      validatedMeetingId: 'Freigegeben in Sitzung',
      validatedOn: 'Freigegeben am',
    },
    action: {
      title: 'Titel',
      description: 'Beschreibung',
      ownerUserId: 'Verantwortliche(r)',
      stageId: 'Etappe',
      status: 'Status',
      progress: 'Fortschritt',
      statusComment: 'Begründung',
      startDate: 'Beginn',
      dueDate: 'Frist',
      completedOn: 'Abgeschlossen am',
      archivedAt: 'Archiviert',
    },
    indicator: {
      name: 'Name',
      unit: 'Einheit',
      kind: 'Art',
      direction: 'Richtung',
      baselineValue: 'Ausgangswert',
      baselineDate: 'Datum des Ausgangswerts',
      baselineSource: 'Quelle des Ausgangswerts',
      targetValue: 'Zielwert',
      targetDate: 'Zieldatum',
      archivedAt: 'Archiviert',
    },
    measurement: {
      indicatorId: 'Indikator',
      measuredOn: 'Gemessen am',
      value: 'Wert',
      source: 'Quelle',
      comment: 'Kommentar',
      recordedBy: 'Erfasst von',
    },
    committee: { kind: 'Art', name: 'Name' },
    committee_member: {
      committeeId: 'Ausschuss',
      userId: 'Benutzer',
      personName: 'Name',
      organisationId: 'Organisation',
      role: 'Rolle',
    },
    meeting: {
      committeeId: 'Ausschuss',
      scheduledAt: 'Datum',
      place: 'Ort',
      mode: 'Format',
      status: 'Status',
      heldAt: 'Abgehalten am',
      minutes: 'Protokoll',
      icsSequence: 'Version der Kalendereinladung',
      agendaOrder: 'Tagesordnung',
    },
    attendance: { entries: 'Anwesenheit' },
    agenda_item: {
      meetingId: 'Sitzung',
      position: 'Position',
      title: 'Titel',
      notes: 'Notizen',
      planId: 'Maßnahmenblatt',
      stageId: 'Etappe',
      actionId: 'Maßnahme',
    },
    decision: {
      meetingId: 'Sitzung',
      number: 'Nummer',
      text: 'Text',
      kind: 'Art',
      planId: 'Maßnahmenblatt',
      stageId: 'Etappe',
      actionId: 'Maßnahme',
      ownerName: 'Zuständig',
      dueDate: 'Frist',
      followUpStatus: 'Nachverfolgung',
    },
    comment: { entityType: 'Betreff', entityId: 'Betreff', body: 'Text' },
    update_request: { meetingId: 'Sitzung', message: 'Nachricht', dueDate: 'Zu aktualisieren bis' },
  },
} as const satisfies Record<Locale, AuditFieldLabels>;

/** Labels of every audited field, per language and entity type. */
export const AUDIT_FIELD_LABELS: Record<Locale, AuditFieldLabels> = fields;

export const AUDIT_EXTRA_CODE_LABELS: Record<Locale, AuditExtraCodeLabels> = {
  fr: {
    globalRole: { admin: 'Administration', national_observer: 'Observateur national' },
    locale: { fr: 'Français', en: 'Anglais', de: 'Allemand' },
    accountRole: {
      coordinator: 'Coordination',
      lead: 'Pilote',
      committee_member: 'Membre de comité',
      observer: 'Observateur',
      regional_observer: 'Observateur régional',
      admin: 'Administration',
      national_observer: 'Observateur national',
    },
  },
  en: {
    globalRole: { admin: 'Administrator', national_observer: 'National observer' },
    locale: { fr: 'French', en: 'English', de: 'German' },
    accountRole: {
      coordinator: 'Coordinator',
      lead: 'Lead',
      committee_member: 'Committee member',
      observer: 'Observer',
      regional_observer: 'Regional observer',
      admin: 'Administrator',
      national_observer: 'National observer',
    },
  },
  de: {
    globalRole: { admin: 'Administration', national_observer: 'Nationale(r) Beobachter(in)' },
    locale: { fr: 'Französisch', en: 'Englisch', de: 'Deutsch' },
    accountRole: {
      coordinator: 'Koordination',
      lead: 'Verantwortliche(r)',
      committee_member: 'Ausschussmitglied',
      observer: 'Beobachter(in)',
      regional_observer: 'Regionale(r) Beobachter(in)',
      admin: 'Administration',
      national_observer: 'Nationale(r) Beobachter(in)',
    },
  },
};

/** The label of a code in a list, or null when the list does not know it. */
export function auditCodeLabel(locale: Locale, list: AuditCodeList, code: string): string | null {
  const lists: Record<string, Record<string, string>> = {
    ...(VOCABULARY_LABELS[locale] as unknown as Record<
      keyof VocabularyLabels,
      Record<string, string>
    >),
    ...(AUDIT_EXTRA_CODE_LABELS[locale] as unknown as Record<string, Record<string, string>>),
  };
  return lists[list]?.[code] ?? null;
}

/** Formatting of dates, numbers and money for one language (the client's `useFormat` shape). */
export interface AuditFormatters {
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  number: (value: number) => string;
  percent: (value: number) => string;
  money: (cents: number) => string;
}

/** The words a value needs besides its own: empty, gone, yes/no, attendance. */
export interface AuditValueWords {
  none: string;
  deleted: string;
  yes: string;
  no: string;
  attendance: (total: number, byStatus: string) => string;
  /** "COPIL of 30 Jan 2024" */
  meeting: (committeeName: string, date: string) => string;
}

const LONG_TEXT = 160;

/** A value as one line of text in `locale`: what the screen, the print and the CSV show. */
export function describeAuditValue(
  value: AuditValue | null,
  locale: Locale,
  format: AuditFormatters,
  words: AuditValueWords,
  options: { full?: boolean } = {},
): string {
  if (value === null) return words.none;
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'longText':
      return !options.full && value.text.length > LONG_TEXT
        ? `${value.text.slice(0, LONG_TEXT - 1)}…`
        : value.text;
    case 'date':
      return format.date(value.iso);
    case 'dateTime':
      return format.dateTime(value.iso);
    case 'money':
      return format.money(value.cents);
    case 'percent':
      return format.percent(value.value);
    case 'number':
      return format.number(value.value);
    case 'boolean':
      return value.value ? words.yes : words.no;
    case 'code':
      return auditCodeLabel(locale, value.list, value.code) ?? words.none;
    case 'names':
      return value.names.length === 0
        ? words.none
        : value.names.map((name) => name ?? words.deleted).join(', ');
    case 'meeting':
      return value.meeting
        ? words.meeting(value.meeting.committeeName, format.date(value.meeting.scheduledAt))
        : words.deleted;
    case 'partners': {
      const roles = VOCABULARY_LABELS[locale].partnerRole as Record<string, string>;
      return value.partners.length === 0
        ? words.none
        : value.partners
            .map((p) => {
              const role = roles[p.role];
              return role ? `${p.name ?? words.deleted} (${role})` : (p.name ?? words.deleted);
            })
            .join(', ');
    }
    case 'attendance': {
      const statuses = VOCABULARY_LABELS[locale].attendanceStatus as Record<string, string>;
      const parts = Object.entries(value.byStatus)
        .filter(([status]) => statuses[status])
        .map(
          ([status, count]) =>
            `${statuses[status]}${locale === 'fr' ? ' : ' : ': '}${format.number(count)}`,
        );
      return words.attendance(value.total, parts.join(', '));
    }
  }
}

const QUOTES: Record<Locale, [string, string]> = {
  fr: ['« ', ' »'],
  en: ['“', '”'],
  de: ['„', '“'],
};

/** A title in the quotation marks of `locale`. */
export const quoted = (locale: Locale, title: string): string =>
  `${QUOTES[locale][0]}${title}${QUOTES[locale][1]}`;

/** Audited entity types beyond `ENTITY_TYPES`, named in each language. */
export const AUDIT_EXTRA_ENTITY_LABELS: Record<Locale, Record<'update_request', string>> = {
  fr: { update_request: 'Demande de mise à jour' },
  en: { update_request: 'Update request' },
  de: { update_request: 'Aktualisierungsanfrage' },
};

/** How an audited entity type reads in `locale` ("Action", "Séance", "Demande de mise à jour"). */
export const auditEntityLabel = (locale: Locale, entityType: string): string | null =>
  (VOCABULARY_LABELS[locale].entityType as Record<string, string>)[entityType] ??
  (AUDIT_EXTRA_ENTITY_LABELS[locale] as Record<string, string>)[entityType] ??
  null;

const NUMBER_SIGN: Record<Locale, string> = { fr: 'n° ', en: 'no. ', de: 'Nr. ' };

/**
 * The item an event is about, as one phrase: "Action « Diagnostic des compétences » (FA-3)",
 * "Fiche action FA-3 « … »", "Étape « État des lieux » (FA-3)", "Décision n° 4 « … » — COPIL du …".
 */
export function describeAuditSubject(
  entry: Pick<ReadableHistoryEntry, 'entityType' | 'subject'>,
  locale: Locale,
  format: AuditFormatters,
  words: Pick<AuditValueWords, 'meeting'>,
  options: { withType?: boolean } = {},
): string {
  const { subject } = entry;
  const vocabulary = VOCABULARY_LABELS[locale];
  // A comment is read as being about its plan.
  const entityType = entry.entityType === 'comment' && subject.plan ? 'plan' : entry.entityType;
  const parts: string[] = [];
  if (options.withType !== false) parts.push(auditEntityLabel(locale, entityType) ?? '');
  if (subject.number !== null) parts.push(`${NUMBER_SIGN[locale]}${subject.number}`);
  if (entityType === 'plan' && subject.plan) {
    parts.push(subject.plan.code, quoted(locale, subject.plan.title));
    return parts.filter(Boolean).join(' ');
  }
  const title = subject.stageKind ? vocabulary.stageKind[subject.stageKind] : subject.name;
  if (title) parts.push(quoted(locale, shorten(title)));
  let phrase = parts.filter(Boolean).join(' ');
  if (subject.meeting) {
    const meeting = words.meeting(
      subject.meeting.committeeName,
      format.date(subject.meeting.scheduledAt),
    );
    phrase = title ? `${phrase} — ${meeting}` : `${phrase} ${meeting}`.trim();
  }
  if (subject.plan) phrase += ` (${subject.plan.code})`;
  return phrase;
}

const shorten = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text);
