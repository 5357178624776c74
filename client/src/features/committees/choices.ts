import { useQuery } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';

export type CommitteeChoice = RouterOutputs['committee']['list']['items'][number];

/** The most a list query returns in one page: enough for every pick list. */
const CHOICES_LIMIT = 200;

/** The territories the user may read, for the territory filters and to name a territory by id. */
export function useTerritoryChoices() {
  const trpc = useTRPC();
  const query = useQuery(trpc.territory.list.queryOptions({ limit: CHOICES_LIMIT }));
  const names = new Map((query.data?.items ?? []).map((t) => [t.id, t.name]));
  return { items: query.data?.items ?? [], names } as const;
}

/** The live committees the user may read, of one territory when given. */
export function useCommitteeChoices(territoryId: number | undefined) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.committee.list.queryOptions({
      limit: CHOICES_LIMIT,
      ...(territoryId === undefined ? {} : { territoryId }),
    }),
  );
  return query.data?.items ?? [];
}

/** The plans of a territory (or all those the user may read), for the register's plan filter. */
export function usePlanChoices(territoryId: number | undefined) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.plan.list.queryOptions({
      limit: CHOICES_LIMIT,
      ...(territoryId === undefined ? {} : { territoryId }),
    }),
  );
  return query.data?.items ?? [];
}
