import { useSearchParams } from 'react-router';
import {
  DECISION_KINDS,
  DECISION_STATUSES,
  MEETING_STATUSES,
  type DecisionKind,
  type DecisionStatus,
  type MeetingStatus,
} from '@jalon/shared';
import { PAGE_SIZES } from '../../components/Pagination';
import { dayParam, idParam, offsetParam, pageSizeParam } from '../../lib/addressParams';

const DEFAULT_LIMIT: number = PAGE_SIZES[0];
const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (values: string[]): T[] =>
    values.filter((v): v is T => (allowed as readonly string[]).includes(v));

/** The meetings list as the address holds it: the names are `meeting.list`'s own. */
export interface MeetingsViewState {
  territoryId: number | undefined;
  committeeId: number | undefined;
  statuses: MeetingStatus[];
  from: string | undefined;
  to: string | undefined;
  limit: number;
  upcomingOffset: number;
  pastOffset: number;
}

export function readMeetingsState(params: URLSearchParams): MeetingsViewState {
  return {
    territoryId: idParam(params.get('territoryId')),
    committeeId: idParam(params.get('committeeId')),
    statuses: oneOf(MEETING_STATUSES)(params.getAll('statuses')),
    from: dayParam(params.get('from')),
    to: dayParam(params.get('to')),
    limit: pageSizeParam(params.get('limit')),
    upcomingOffset: offsetParam(params.get('upcomingOffset')),
    pastOffset: offsetParam(params.get('pastOffset')),
  };
}

/** The decision register as the address holds it: the names are `decision.list`'s own. */
export interface DecisionsViewState {
  territoryId: number | undefined;
  committeeId: number | undefined;
  planId: number | undefined;
  followUpStatuses: DecisionStatus[];
  kinds: DecisionKind[];
  limit: number;
  offset: number;
}

export function readDecisionsState(params: URLSearchParams): DecisionsViewState {
  return {
    territoryId: idParam(params.get('territoryId')),
    committeeId: idParam(params.get('committeeId')),
    planId: idParam(params.get('planId')),
    followUpStatuses: oneOf(DECISION_STATUSES)(params.getAll('followUpStatuses')),
    kinds: oneOf(DECISION_KINDS)(params.getAll('kinds')),
    limit: pageSizeParam(params.get('limit')),
    offset: offsetParam(params.get('offset')),
  };
}

type ParamValue = string | number | readonly string[] | undefined;

/** Writes a view into the address: arrays repeat their key, defaults and empties stay out. */
function writeState(
  current: URLSearchParams,
  state: Record<string, ParamValue>,
  defaults: Record<string, ParamValue>,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(state)) {
    next.delete(key);
    if (value === undefined || value === '' || value === defaults[key]) continue;
    if (Array.isArray(value)) for (const item of value) next.append(key, String(item));
    else next.set(key, String(value));
  }
  return next;
}

/**
 * A list view's filters and pages, kept in the address so that a link shares them. Changing a
 * filter goes back to the first page(s).
 */
function useListState<S extends object>(
  read: (params: URLSearchParams) => S,
  firstPage: Partial<S>,
  defaults: Partial<S>,
) {
  const [params, setParams] = useSearchParams();
  const state = read(params);
  const update = (patch: Partial<S>) =>
    setParams((current) =>
      writeState(
        current,
        { ...read(current), ...firstPage, ...patch } as Record<string, ParamValue>,
        defaults as Record<string, ParamValue>,
      ),
    );
  return { state, update } as const;
}

export const useMeetingsState = () =>
  useListState(
    readMeetingsState,
    { upcomingOffset: 0, pastOffset: 0 },
    { limit: DEFAULT_LIMIT, upcomingOffset: 0, pastOffset: 0 },
  );

export const useDecisionsState = () =>
  useListState(readDecisionsState, { offset: 0 }, { limit: DEFAULT_LIMIT, offset: 0 });
