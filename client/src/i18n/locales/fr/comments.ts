export const comments = {
  heading: 'Commentaires',
  empty: 'Aucun commentaire pour le moment.',
  label: 'Votre commentaire',
  submit: 'Publier',
  submitting: 'Publication…',
  posted: 'Commentaire publié.',
  by: '{{name}}, le {{date}}',
  toggle: 'Commentaires ({{count}})',
  threadOf: 'Commentaires sur « {{name}} »',
};
