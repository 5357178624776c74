export const plan = {
  title: 'plan',
};
