export const auth = {
  title: 'Connexion',
  intro: 'Connectez-vous pour suivre les plans d’actions de vos territoires.',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  submit: 'Se connecter',
  submitting: 'Connexion…',
  badCredentials: 'E-mail ou mot de passe incorrect.',
  tooMany: 'Trop de tentatives échouées. Réessayez dans un quart d’heure.',
  missing: 'Saisissez votre e-mail et votre mot de passe.',
};
