export const auth = {
  title: 'Connexion',
  intro: 'Connectez-vous pour suivre les plans d’actions de vos territoires.',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  submit: 'Se connecter',
  submitting: 'Connexion…',
  badCredentials: 'E-mail ou mot de passe incorrect.',
  locked:
    'Ce compte est bloqué après trop de tentatives échouées, jusqu’au {{time}}. Même le bon mot de passe sera refusé d’ici là.',
  slowed: 'Trop de tentatives échouées depuis votre réseau. Réessayez après {{time}}.',
  busy: 'Trop de connexions en même temps. Réessayez dans un instant.',
  missing: 'Saisissez votre e-mail et votre mot de passe.',
  proConnect: 'S’identifier avec ProConnect',
  or: 'ou avec votre adresse e-mail et un mot de passe',
};
