import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ACTION_STATUSES, STAGE_KINDS, type ActionStatus, type StageKind } from '@jalon/shared';
import type { RouterInputs } from '../../lib/trpc';
import { idParam, offsetParam, pageSizeParam, searchParam } from '../../lib/addressParams';

export type ActionSort = NonNullable<RouterInputs['action']['list']['sort']>;
const SORTS: readonly ActionSort[] = [
  'title',
  'status',
  'progress',
  'dueDate',
  'updatedAt',
  'plan',
];

/** What the actions view shows: its filters, sort and page, as a shareable link holds them. */
export interface ActionsViewState {
  statuses: ActionStatus[];
  stageKind: StageKind | undefined;
  /** "mine", a user id, or everyone. */
  owner: 'mine' | number | undefined;
  overdue: boolean;
  territoryId: number | undefined;
  search: string;
  sort: ActionSort;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** Reads the view from query parameters; anything unknown falls back to the default. */
export function readActionsState(params: URLSearchParams): ActionsViewState {
  const sort = params.get('sort');
  const stageKind = params.get('stageKind');
  const owner = params.get('owner');
  return {
    statuses: params
      .getAll('statuses')
      .filter((s): s is ActionStatus => (ACTION_STATUSES as readonly string[]).includes(s)),
    stageKind: STAGE_KINDS.find((k) => k === stageKind),
    owner: owner === 'mine' ? 'mine' : idParam(owner),
    overdue: params.get('overdue') === '1',
    territoryId: idParam(params.get('territoryId')),
    search: searchParam(params.get('search')),
    sort: SORTS.find((s) => s === sort) ?? 'dueDate',
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
    limit: pageSizeParam(params.get('limit')),
    offset: offsetParam(params.get('offset')),
  };
}

const KEYS = [
  'statuses',
  'stageKind',
  'owner',
  'overdue',
  'territoryId',
  'search',
  'sort',
  'dir',
  'limit',
  'offset',
];

/** Writes the view into query parameters, leaving others (and defaults) out. */
export function writeActionsState(
  current: URLSearchParams,
  state: ActionsViewState,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of KEYS) next.delete(key);
  for (const status of state.statuses) next.append('statuses', status);
  if (state.stageKind) next.set('stageKind', state.stageKind);
  if (state.owner !== undefined) next.set('owner', String(state.owner));
  if (state.overdue) next.set('overdue', '1');
  if (state.territoryId !== undefined) next.set('territoryId', String(state.territoryId));
  if (state.search) next.set('search', state.search);
  if (state.sort !== 'dueDate' || state.direction !== 'asc') {
    next.set('sort', state.sort);
    next.set('dir', state.direction);
  }
  if (state.limit !== 25) next.set('limit', String(state.limit));
  if (state.offset > 0) next.set('offset', String(state.offset));
  return next;
}

/**
 * The view's state, kept in the address (so a link shares it) or, for an embedded view, in the
 * component. A change of filter or sort goes back to the first page.
 */
export function useActionsState(urlState: boolean) {
  const [urlParams, setUrlParams] = useSearchParams();
  const [localParams, setLocalParams] = useState(() => new URLSearchParams());
  const params = urlState ? urlParams : localParams;
  const state = readActionsState(params);
  const update = (patch: Partial<ActionsViewState>) => {
    const apply = (current: URLSearchParams) =>
      writeActionsState(current, {
        ...readActionsState(current),
        offset: 0,
        ...patch,
      });
    if (urlState) setUrlParams(apply);
    else setLocalParams(apply);
  };
  return { state, update } as const;
}
