/** The coordinator screens' addresses, for links from the read-only pages. */
export const adminPaths = {
  home: () => '/admin',
  users: () => '/admin/users',
  territories: () => '/admin/territories',
  organisations: () => '/admin/organisations',
  outbox: () => '/admin/mail',
  newPlan: (territoryId: number) => `/territories/${territoryId}/plans/new`,
  importFile: (territoryId: number) => `/territories/${territoryId}/import`,
  editPlan: (planId: number) => `/plans/${planId}/edit`,
  newAction: (planId: number) => `/plans/${planId}/actions/new`,
  editAction: (actionId: number) => `/actions/${actionId}/edit`,
  newIndicator: (planId: number) => `/plans/${planId}/indicators/new`,
  newTerritoryIndicator: (territoryId: number) => `/territories/${territoryId}/indicators/new`,
  editIndicator: (indicatorId: number) => `/indicators/${indicatorId}/edit`,
  members: (territoryId: number) => `/territories/${territoryId}/members`,
  editTerritory: (territoryId: number) => `/territories/${territoryId}/edit`,
} as const;
