import type { PrincipalRecord, Visibility } from '@jalon/db';

export { can, managedTerritoryIds, type Permission } from '@jalon/shared';

export type Principal = PrincipalRecord;

/** The territories a principal may read, for list queries. */
export function visibilityOf(principal: Principal): Visibility {
  if (principal.globalRole === 'admin' || principal.globalRole === 'national_observer') {
    return { all: true };
  }
  return {
    all: false,
    territoryIds: principal.memberships.map((m) => m.territoryId),
    regionIds: principal.observedRegionIds,
  };
}
