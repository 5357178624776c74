import type { GlobalRole, TerritoryRole } from './vocabulary';

/**
 * The one place where Jalon decides who may do what. The server names one of these permissions
 * and the scope it touches in every procedure; the client asks the same question to offer only
 * what the user may do (the server still refuses the rest).
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

/** Who is asking: the signed-in user's roles, as `auth.me` returns them. */
export interface PermissionSubject {
  globalRole: GlobalRole | null;
  observedRegionIds: readonly number[];
  memberships: readonly { territoryId: number; role: TerritoryRole }[];
  ledPlanIds: readonly number[];
}

/** What is touched: the territories and regions of the entity, and its plan if it has one. */
export interface PermissionScope {
  territoryIds: readonly number[];
  regionIds: readonly number[];
  planId: number | null;
}

const COMMENT_ROLES: readonly TerritoryRole[] = ['coordinator', 'lead', 'committee_member'];

function rolesIn(subject: PermissionSubject, scope: PermissionScope): TerritoryRole[] {
  return subject.memberships
    .filter((m) => scope.territoryIds.includes(m.territoryId))
    .map((m) => m.role);
}

export function can(
  subject: PermissionSubject,
  permission: Permission,
  scope: PermissionScope | null,
): boolean {
  if (subject.globalRole === 'admin') return true;
  if (permission === 'administer' || scope === null) return false;
  const roles = rolesIn(subject, scope);
  switch (permission) {
    case 'read':
      return (
        subject.globalRole === 'national_observer' ||
        roles.length > 0 ||
        scope.regionIds.some((r) => subject.observedRegionIds.includes(r))
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
          subject.ledPlanIds.includes(scope.planId))
      );
  }
}

/** The territories where the subject manages (is coordinator). */
export function managedTerritoryIds(subject: PermissionSubject): number[] {
  return subject.memberships.filter((m) => m.role === 'coordinator').map((m) => m.territoryId);
}
