import { createContext, useContext } from 'react';
import { can, type Permission, type PermissionScope } from '@jalon/shared';
import type { RouterOutputs } from '../../lib/trpc';

export type CurrentUser = RouterOutputs['auth']['me'];

export const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The signed-in user; only rendered below the sign-in gate, so never null there. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser() used outside the signed-in app');
  return user;
}

/**
 * Whether the signed-in user may do `permission` on `scope`: the server's own rule, so the UI
 * offers exactly what the server will accept.
 */
export function useCan(): (permission: Permission, scope: PermissionScope | null) => boolean {
  const user = useCurrentUser();
  return (permission, scope) => can(user, permission, scope);
}

/** The scope of a territory, for `useCan()`. */
export const territoryScope = (territory: { id: number; regionId: number }): PermissionScope => ({
  territoryIds: [territory.id],
  regionIds: [territory.regionId],
  planId: null,
});

/** The scope of a plan (and of its stages, actions and indicators), for `useCan()`. */
export const planScope = (plan: {
  id: number;
  territories: readonly { id: number; regionId: number }[];
}): PermissionScope => ({
  territoryIds: plan.territories.map((t) => t.id),
  regionIds: plan.territories.map((t) => t.regionId),
  planId: plan.id,
});

/** Whether the user leads at least one plan or coordinates a territory: who "My actions" is for. */
export function hasOwnWork(user: CurrentUser): boolean {
  return (
    user.ledPlanIds.length > 0 ||
    user.memberships.some((m) => m.role === 'coordinator' || m.role === 'lead')
  );
}
