/** Where an action's page lives: every list of actions links its titles here. */
export const actionPath = (actionId: number) => `/actions/${actionId}`;
