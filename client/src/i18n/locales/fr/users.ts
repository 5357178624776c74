export const users = {
  title: 'Utilisateurs',
  intro:
    'Les comptes de Jalon : invitez une personne, désactivez un compte, donnez un lien pour choisir un nouveau mot de passe. Les rôles dans un territoire se donnent sur la page Membres du territoire.',
  adminsOnly: 'Seuls les administrateurs gèrent les comptes.',
  new: {
    title: 'Inviter une personne',
    intro:
      'Jalon crée le compte sans mot de passe et vous donne un lien d’invitation, à transmettre à la personne : elle y choisit son mot de passe.',
    submit: 'Créer le compte et obtenir le lien',
  },
  fields: {
    email: 'Adresse e-mail',
    name: 'Nom',
    locale: 'Langue',
    role: 'Rôle national',
  },
  roles: {
    none: 'Aucun',
    admin: 'Administrateur',
    national_observer: 'Observateur national',
  },
  list: {
    roleNamed: 'Rôle national de {{name}}',
    title: 'Comptes',
    search: 'Rechercher par nom ou adresse e-mail',
    state: 'État',
    active: 'Actif',
    disabled: 'Désactivé',
    actions: 'Actions',
    reset: 'Lien de nouveau mot de passe',
    resetNamed: 'Lien de nouveau mot de passe pour {{name}}',
    disable: 'Désactiver',
    disableNamed: 'Désactiver le compte de {{name}}',
    enable: 'Réactiver',
    enableNamed: 'Réactiver le compte de {{name}}',
    empty: 'Aucun compte ne correspond.',
  },
  link: {
    invitationFor: 'Lien d’invitation pour {{name}}',
    resetFor: 'Lien de nouveau mot de passe pour {{name}}',
    explain:
      'Transmettez ce lien à la personne, par un canal sûr. Il sert une fois, jusqu’au {{until}} ; un nouveau lien remplace le précédent.',
    label: 'Lien à transmettre',
    copy: 'Copier le lien',
    close: 'Fermer',
  },
};
