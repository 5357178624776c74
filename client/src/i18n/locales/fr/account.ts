export const account = {
  title: 'Mon compte',
  signedInAs: 'Connecté en tant que {{name}} ({{email}}).',
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
  mistakes: {
    missing: 'Saisissez votre mot de passe actuel et le nouveau.',
    tooShort: 'Le nouveau mot de passe doit compter au moins {{min}} caractères.',
    mismatch: 'Les deux saisies du nouveau mot de passe diffèrent.',
    same: 'Le nouveau mot de passe doit être différent de l’actuel.',
  },
};
