/** The national reference screens: territories and organisations. */
export const directory = {
  /** The column of each row's buttons, read by screen readers. */
  actionsColumn: 'Actions',
  home: {
    title: 'Administration',
    intro: 'Les données de référence de Jalon et ses comptes.',
    users: 'Utilisateurs',
    usersText:
      'Inviter une personne, désactiver un compte, donner un lien de nouveau mot de passe.',
    territories: 'Territoires',
    territoriesText:
      'Créer un territoire, puis choisir sa région, ses EPCI, son binôme et son chef de projet.',
    organisations: 'Organisations',
    organisationsText:
      'Ajouter ou corriger un porteur, un partenaire ou un financeur (nom, type, SIREN).',
    outbox: 'Courriels',
    outboxText:
      'Les courriels envoyés par Jalon : convocations, demandes de mise à jour, rappels, invitations.',
  },
  outbox: {
    title: 'Courriels',
    intro:
      'Chaque courriel que Jalon a préparé, le plus récent en premier. Sans serveur de messagerie configuré, ils restent ici.',
    status: 'État',
    all: 'Tous',
    statuses: {
      queued: 'En attente d’envoi',
      sent: 'Envoyé',
      kept: 'Conservé ici (pas de serveur de messagerie)',
      failed: 'Abandonné après plusieurs essais',
    },
    attempts_one: '{{count}} essai',
    attempts_other: '{{count}} essais',
    created: 'Préparé le',
    to: 'Destinataire',
    subject: 'Objet',
    read: 'Lire',
    close: 'Refermer',
    retry: 'Renvoyer',
    withInvitation: 'Invitation de calendrier jointe (.ics).',
    empty: 'Aucun courriel.',
  },
  territories: {
    title: 'Territoires',
    search: 'Rechercher un territoire',
    code: 'Code',
    name: 'Nom',
    region: 'Région',
    chooseRegion: 'Choisissez une région',
    phase: 'Phase',
    create: 'Créer un territoire',
    createSubmit: 'Créer et paramétrer',
    setUp: 'Paramétrer',
    setUpNamed: 'Paramétrer {{name}}',
    invalid: 'Saisissez un nom, un code, une région et une phase.',
    empty: 'Aucun territoire.',
  },
  organisations: {
    title: 'Organisations',
    search: 'Rechercher une organisation',
    name: 'Nom',
    kind: 'Type',
    siren: 'SIREN (9 chiffres)',
    create: 'Ajouter une organisation',
    edit: 'Modifier',
    editNamed: 'Modifier {{name}}',
    editTitle: 'Modifier {{name}}',
    save: 'Enregistrer',
    cancel: 'Annuler',
    invalid: 'Saisissez un nom ; le SIREN compte 9 chiffres.',
    empty: 'Aucune organisation.',
  },
};
