export const account = {
  title: 'Mon compte',
  signedInAs: 'Connecté en tant que {{name}} ({{email}}).',
  mail: {
    heading: 'Courriels',
    intro:
      'Les convocations aux comités dont vous êtes membre et leurs comptes rendus vous sont toujours envoyés. Choisissez les autres courriels :',
    mailUpdateRequests: 'Les demandes de mise à jour de mes actions avant un comité',
    mailReminders: 'Les rappels, quelques jours avant l’échéance, si je n’ai pas mis à jour',
    saved: 'Préférences enregistrées.',
  },
  password: {
    heading: 'Changer de mot de passe',
    intro:
      'Au moins {{min}} caractères. Vos autres sessions, sur d’autres navigateurs ou appareils, seront fermées.',
    current: 'Mot de passe actuel',
    next: 'Nouveau mot de passe',
    again: 'Nouveau mot de passe, une seconde fois',
    submit: 'Changer le mot de passe',
    done_zero: 'Mot de passe changé.',
    done_one: 'Mot de passe changé. Votre autre session a été fermée.',
    done_other: 'Mot de passe changé. Vos {{count}} autres sessions ont été fermées.',
  },
  link: {
    title: 'Choisir votre mot de passe',
    checking: 'Vérification du lien…',
    invitation:
      'Bienvenue {{name}} : choisissez le mot de passe de votre compte Jalon (au moins {{min}} caractères). Ce lien sert une fois, jusqu’au {{until}}.',
    reset:
      '{{name}}, choisissez votre nouveau mot de passe (au moins {{min}} caractères). Ce lien sert une fois, jusqu’au {{until}}.',
    submit: 'Enregistrer le mot de passe',
    done: 'Votre mot de passe est enregistré. Connectez-vous avec votre adresse e-mail.',
    signIn: 'Se connecter',
    gone: 'Ce lien a déjà servi, a expiré ou n’existe pas. Demandez-en un nouveau à l’administrateur.',
  },
  mistakes: {
    missing: 'Saisissez votre mot de passe actuel et le nouveau.',
    tooShort: 'Le nouveau mot de passe doit compter au moins {{min}} caractères.',
    mismatch: 'Les deux saisies du nouveau mot de passe diffèrent.',
    same: 'Le nouveau mot de passe doit être différent de l’actuel.',
  },
};
