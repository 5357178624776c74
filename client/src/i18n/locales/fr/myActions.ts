export const myActions = {
  title: 'myActions',
};
