import type { PrincipalRecord, Scope, Visibility } from '@jalon/db';
import type { TerritoryRole } from '@jalon/shared';

/**
 * The one place where Jalon decides who may do what. Every procedure names one of these
 * permissions and the scope it touches; nothing else in the server compares roles.
 *
 * - `read`: see anything in the scope (every territory role, observers of the region, national
 *   observers, admins).
 * - `comment`: add comments (coordinators, leads, committee members of the territory).
 * - `manage`: create and edit plans, committees, meetings, indicators and memberships
 *   (coordinators of the territory).
 * - `update_plan_work`: update actions, stages and measurements of a plan (coordinators of one of
 *   the plan's territories, or a lead of that territory who leads that plan).
 * - `administer`: national reference data: territories, organisations, users (admins).
 *
 * Admins may do everything. A plan shared by several territories can be read, managed or
 * commented from any of them.
 */
export type Permission = 'read' | 'comment' | 'manage' | 'update_plan_work' | 'administer';

export type Principal = PrincipalRecord;

const COMMENT_ROLES: readonly TerritoryRole[] = ['coordinator', 'lead', 'committee_member'];

function rolesIn(principal: Principal, scope: Scope): TerritoryRole[] {
  return principal.memberships
    .filter((m) => scope.territoryIds.includes(m.territoryId))
    .map((m) => m.role);
}

export function can(principal: Principal, permission: Permission, scope: Scope | null): boolean {
  if (principal.globalRole === 'admin') return true;
  if (permission === 'administer' || scope === null) return false;
  const roles = rolesIn(principal, scope);
  switch (permission) {
    case 'read':
      return (
        principal.globalRole === 'national_observer' ||
        roles.length > 0 ||
        scope.regionIds.some((r) => principal.observedRegionIds.includes(r))
      );
    case 'comment':
      return roles.some((r) => COMMENT_ROLES.includes(r));
    case 'manage':
      return roles.includes('coordinator');
    case 'update_plan_work':
      return (
        roles.includes('coordinator') ||
        (roles.includes('lead') &&
          scope.planId !== null &&
          principal.ledPlanIds.includes(scope.planId))
      );
  }
}

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

/** The territories where the principal manages (is coordinator), for the "create in which territory" checks. */
export function managedTerritoryIds(principal: Principal): number[] {
  return principal.memberships.filter((m) => m.role === 'coordinator').map((m) => m.territoryId);
}
