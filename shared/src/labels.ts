import type {
  ActionStatus,
  AttendanceStatus,
  Axis,
  CommitteeKind,
  CommitteeMemberRole,
  DecisionKind,
  DecisionStatus,
  EntityType,
  IndicatorDirection,
  IndicatorKind,
  Locale,
  MeetingMode,
  MeetingStatus,
  OrganisationKind,
  PartnerRole,
  Priority,
  StageKind,
  TerritoryRole,
} from './vocabulary';
import type { IndicatorTrack } from './indicator';

/**
 * The words of the programme for every code Jalon stores, in French (the committees' language),
 * English and German. The client's message catalogues and the server's CSV files both read them,
 * so a status reads the same on screen and in a spreadsheet.
 */
export interface VocabularyLabels {
  actionStatus: Record<ActionStatus, string>;
  stageKind: Record<StageKind, string>;
  axis: Record<Axis, string>;
  priority: Record<Priority, string>;
  organisationKind: Record<OrganisationKind, string>;
  partnerRole: Record<PartnerRole, string>;
  territoryRole: Record<TerritoryRole, string>;
  indicatorKind: Record<IndicatorKind, string>;
  indicatorDirection: Record<IndicatorDirection, string>;
  indicatorTrack: Record<IndicatorTrack, string>;
  committeeKind: Record<CommitteeKind, string>;
  committeeMemberRole: Record<CommitteeMemberRole, string>;
  meetingStatus: Record<MeetingStatus, string>;
  meetingMode: Record<MeetingMode, string>;
  attendanceStatus: Record<AttendanceStatus, string>;
  decisionKind: Record<DecisionKind, string>;
  decisionStatus: Record<DecisionStatus, string>;
  entityType: Record<EntityType, string>;
}

const fr: VocabularyLabels = {
  actionStatus: {
    not_started: 'À venir',
    in_progress: 'En cours',
    done: 'Réalisé',
    late: 'En retard',
    on_hold: 'En pause',
    blocked: 'Bloqué',
    dropped: 'Abandonné',
    to_discuss: 'À discuter',
  },
  stageKind: {
    inventory: 'État des lieux',
    tool_adaptation: 'Évolution et adaptation des outils',
    support_for_change: 'Accompagnement au changement',
  },
  axis: {
    skills: 'Compétences',
    innovation: 'Innovation',
    ecological_transition: 'Transition écologique et énergétique',
    industrial_land: 'Foncier',
  },
  priority: { high: 'Haute', medium: 'Moyenne', low: 'Basse' },
  organisationKind: {
    epci: 'EPCI',
    region: 'Région',
    state_service: "Service de l'État",
    operator: 'Opérateur',
    company: 'Entreprise',
    federation: 'Fédération',
    chamber: 'Chambre consulaire',
    training_body: 'Organisme de formation',
    cluster: 'Cluster',
    employment_agency: "Service de l'emploi",
  },
  partnerRole: { partner: 'Partenaire', cofunder: 'Cofinanceur' },
  territoryRole: {
    coordinator: 'Coordination',
    lead: 'Pilote',
    committee_member: 'Membre de comité',
    observer: 'Observateur',
  },
  indicatorKind: { output: 'Réalisation', outcome: 'Résultat', impact: 'Impact' },
  indicatorDirection: { increase: 'À la hausse', decrease: 'À la baisse' },
  indicatorTrack: {
    on_track: 'Dans la trajectoire',
    off_track: 'Hors trajectoire',
    achieved: 'Cible atteinte',
    no_data: 'Sans mesure',
  },
  committeeKind: { copil: 'COPIL', cotech: 'COTECH' },
  committeeMemberRole: { chair: 'Président', member: 'Membre', guest: 'Invité' },
  meetingStatus: {
    planned: 'Prévue',
    held: 'Tenue',
    minutes_approved: 'Relevé approuvé',
    cancelled: 'Annulée',
  },
  meetingMode: { in_person: 'Présentiel', video: 'Visioconférence', hybrid: 'Hybride' },
  attendanceStatus: {
    present: 'Présent',
    excused: 'Excusé',
    represented: 'Représenté',
    absent: 'Absent',
  },
  decisionKind: {
    validation: 'Validation',
    arbitration: 'Arbitrage',
    reorientation: 'Réorientation',
    abandonment: 'Abandon',
    information_request: "Demande d'information",
  },
  decisionStatus: {
    todo: 'À faire',
    in_progress: 'En cours',
    done: 'Fait',
    late: 'En retard',
    cancelled: 'Annulé',
  },
  entityType: {
    territory: 'Territoire',
    organisation: 'Organisation',
    user: 'Utilisateur',
    membership: 'Membre',
    plan: 'Fiche action',
    funding_line: 'Ligne de financement',
    stage: 'Étape',
    action: 'Action',
    indicator: 'Indicateur',
    measurement: 'Mesure',
    committee: 'Comité',
    committee_member: 'Membre du comité',
    meeting: 'Séance',
    attendance: 'Présence',
    agenda_item: "Point de l'ordre du jour",
    decision: 'Décision',
    comment: 'Commentaire',
  },
};

const en: VocabularyLabels = {
  actionStatus: {
    not_started: 'Not started',
    in_progress: 'In progress',
    done: 'Done',
    late: 'Late',
    on_hold: 'On hold',
    blocked: 'Blocked',
    dropped: 'Dropped',
    to_discuss: 'To discuss',
  },
  stageKind: {
    inventory: 'Inventory',
    tool_adaptation: 'Tool adaptation',
    support_for_change: 'Support for change',
  },
  axis: {
    skills: 'Skills',
    innovation: 'Innovation',
    ecological_transition: 'Ecological and energy transition',
    industrial_land: 'Industrial land',
  },
  priority: { high: 'High', medium: 'Medium', low: 'Low' },
  organisationKind: {
    epci: 'Intercommunality (EPCI)',
    region: 'Region',
    state_service: 'State service',
    operator: 'Operator',
    company: 'Company',
    federation: 'Federation',
    chamber: 'Chamber',
    training_body: 'Training body',
    cluster: 'Cluster',
    employment_agency: 'Employment agency',
  },
  partnerRole: { partner: 'Partner', cofunder: 'Co-funder' },
  territoryRole: {
    coordinator: 'Coordinator',
    lead: 'Action lead',
    committee_member: 'Committee member',
    observer: 'Observer',
  },
  indicatorKind: { output: 'Output', outcome: 'Outcome', impact: 'Impact' },
  indicatorDirection: { increase: 'Rising', decrease: 'Falling' },
  indicatorTrack: {
    on_track: 'On track',
    off_track: 'Off track',
    achieved: 'Target reached',
    no_data: 'No data',
  },
  committeeKind: { copil: 'Steering committee', cotech: 'Technical committee' },
  committeeMemberRole: { chair: 'Chair', member: 'Member', guest: 'Guest' },
  meetingStatus: {
    planned: 'Planned',
    held: 'Held',
    minutes_approved: 'Minutes approved',
    cancelled: 'Cancelled',
  },
  meetingMode: { in_person: 'In person', video: 'Video', hybrid: 'Hybrid' },
  attendanceStatus: {
    present: 'Present',
    excused: 'Excused',
    represented: 'Represented',
    absent: 'Absent',
  },
  decisionKind: {
    validation: 'Validation',
    arbitration: 'Arbitration',
    reorientation: 'Reorientation',
    abandonment: 'Abandonment',
    information_request: 'Request for information',
  },
  decisionStatus: {
    todo: 'To do',
    in_progress: 'In progress',
    done: 'Done',
    late: 'Late',
    cancelled: 'Cancelled',
  },
  entityType: {
    territory: 'Territory',
    organisation: 'Organisation',
    user: 'User',
    membership: 'Membership',
    plan: 'Action sheet',
    funding_line: 'Funding line',
    stage: 'Stage',
    action: 'Action',
    indicator: 'Indicator',
    measurement: 'Measurement',
    committee: 'Committee',
    committee_member: 'Committee member',
    meeting: 'Meeting',
    attendance: 'Attendance',
    agenda_item: 'Agenda item',
    decision: 'Decision',
    comment: 'Comment',
  },
};

const de: VocabularyLabels = {
  actionStatus: {
    not_started: 'Geplant',
    in_progress: 'In Arbeit',
    done: 'Erledigt',
    late: 'Verspätet',
    on_hold: 'Pausiert',
    blocked: 'Blockiert',
    dropped: 'Aufgegeben',
    to_discuss: 'Zu besprechen',
  },
  stageKind: {
    inventory: 'Bestandsaufnahme',
    tool_adaptation: 'Anpassung der Instrumente',
    support_for_change: 'Begleitung des Wandels',
  },
  axis: {
    skills: 'Kompetenzen',
    innovation: 'Innovation',
    ecological_transition: 'Ökologische und Energiewende',
    industrial_land: 'Gewerbeflächen',
  },
  priority: { high: 'Hoch', medium: 'Mittel', low: 'Niedrig' },
  organisationKind: {
    epci: 'Gemeindeverband (EPCI)',
    region: 'Region',
    state_service: 'Staatliche Behörde',
    operator: 'Träger öffentlicher Aufgaben',
    company: 'Unternehmen',
    federation: 'Verband',
    chamber: 'Kammer',
    training_body: 'Bildungsträger',
    cluster: 'Cluster',
    employment_agency: 'Arbeitsagentur',
  },
  partnerRole: { partner: 'Partner', cofunder: 'Kofinanzierer' },
  territoryRole: {
    coordinator: 'Koordination',
    lead: 'Verantwortliche(r)',
    committee_member: 'Ausschussmitglied',
    observer: 'Beobachter',
  },
  indicatorKind: { output: 'Output', outcome: 'Ergebnis', impact: 'Wirkung' },
  indicatorDirection: { increase: 'Steigend', decrease: 'Fallend' },
  indicatorTrack: {
    on_track: 'Im Plan',
    off_track: 'Nicht im Plan',
    achieved: 'Ziel erreicht',
    no_data: 'Keine Messung',
  },
  committeeKind: { copil: 'Lenkungsausschuss', cotech: 'Fachausschuss' },
  committeeMemberRole: { chair: 'Vorsitz', member: 'Mitglied', guest: 'Gast' },
  meetingStatus: {
    planned: 'Geplant',
    held: 'Abgehalten',
    minutes_approved: 'Protokoll genehmigt',
    cancelled: 'Abgesagt',
  },
  meetingMode: { in_person: 'Präsenz', video: 'Videokonferenz', hybrid: 'Hybrid' },
  attendanceStatus: {
    present: 'Anwesend',
    excused: 'Entschuldigt',
    represented: 'Vertreten',
    absent: 'Abwesend',
  },
  decisionKind: {
    validation: 'Freigabe',
    arbitration: 'Schiedsentscheidung',
    reorientation: 'Neuausrichtung',
    abandonment: 'Einstellung',
    information_request: 'Informationsanfrage',
  },
  decisionStatus: {
    todo: 'Offen',
    in_progress: 'In Arbeit',
    done: 'Erledigt',
    late: 'Verspätet',
    cancelled: 'Abgebrochen',
  },
  entityType: {
    territory: 'Territorium',
    organisation: 'Organisation',
    user: 'Benutzer',
    membership: 'Mitgliedschaft',
    plan: 'Maßnahmenblatt',
    funding_line: 'Finanzierungslinie',
    stage: 'Phase',
    action: 'Maßnahme',
    indicator: 'Indikator',
    measurement: 'Messwert',
    committee: 'Ausschuss',
    committee_member: 'Ausschussmitglied',
    meeting: 'Sitzung',
    attendance: 'Anwesenheit',
    agenda_item: 'Tagesordnungspunkt',
    decision: 'Beschluss',
    comment: 'Kommentar',
  },
};

export const VOCABULARY_LABELS: Record<Locale, VocabularyLabels> = { fr, en, de };
