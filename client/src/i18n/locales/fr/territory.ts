export const territory = {
  title: 'territory',
};
