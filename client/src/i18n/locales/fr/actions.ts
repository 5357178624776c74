export const actions = {
  title: 'actions',
};
