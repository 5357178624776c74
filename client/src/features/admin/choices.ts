import { useQueries, useQuery } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';

export type Membership = RouterOutputs['membership']['list']['items'][number];

/** The most a list query returns in one page: enough for every pick list of a territory. */
const CHOICES_LIMIT = 200;

/** Organisations to pick a lead, partners or funders from, by name. */
export function useOrganisationChoices() {
  const trpc = useTRPC();
  return useQuery(trpc.organisation.list.queryOptions({ limit: CHOICES_LIMIT }));
}

/**
 * The members of the given territories (one person once, with their strongest role), to pick plan
 * leads and action owners from.
 */
export function useMemberChoices(territoryIds: readonly number[]) {
  const trpc = useTRPC();
  const queries = useQueries({
    queries: territoryIds.map((territoryId) =>
      trpc.membership.list.queryOptions({ territoryId, limit: CHOICES_LIMIT }),
    ),
  });
  const isPending = queries.some((q) => q.isPending);
  const error = queries.find((q) => q.error)?.error ?? null;
  const byUser = new Map<number, Membership>();
  for (const query of queries) {
    for (const m of query.data?.items ?? []) {
      const known = byUser.get(m.userId);
      if (!known || (m.role === 'coordinator' && known.role !== 'coordinator'))
        byUser.set(m.userId, m);
    }
  }
  const members = [...byUser.values()].sort((a, b) => a.userName.localeCompare(b.userName));
  return {
    isPending,
    error,
    members,
    refetch: () => queries.forEach((q) => void q.refetch()),
  };
}

/** Who may lead (pilot) a plan: leads and coordinators of its territories (the server's rule). */
export const eligibleLeads = (members: readonly Membership[]) =>
  members.filter((m) => m.role === 'lead' || m.role === 'coordinator');
