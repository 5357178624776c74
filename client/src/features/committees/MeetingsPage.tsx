import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addDays, isoToday, MEETING_STATUSES } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Empty, QueryState } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { CsvDownload } from '../../components/CsvDownload';
import { meetingPaths } from '../meetings/paths';
import { useMeetingsState, type MeetingsViewState } from './listState';
import { useCommitteeChoices, useTerritoryChoices } from './choices';
import { MeetingTable } from './MeetingTable';
import { CheckFilter, FilterSelect, ResetFilters } from './filterControls';
import './committees.css';

type Section = 'upcoming' | 'past';

/** `/meetings`: the meetings of every committee the user may read, upcoming first, then past. */
export function MeetingsPage() {
  const { t } = useTranslation('committees');
  useDocumentTitle(t('meetings.title'));
  const { state, update } = useMeetingsState();
  const territories = useTerritoryChoices();
  return (
    <div className="page committees-page">
      <header className="page-header">
        <div>
          <h1>{t('meetings.title')}</h1>
          <p className="muted">{t('meetings.intro')}</p>
        </div>
        <div className="toolbar no-print">
          <Link className="button button-small" to={meetingPaths.decisions()}>
            {t('decisions.title')}
          </Link>
          <CsvDownload
            table="meetings"
            params={{
              territoryId: state.territoryId,
              committeeId: state.committeeId,
              statuses: state.statuses,
              from: state.from,
              to: state.to,
            }}
          />
        </div>
      </header>
      <section className="panel">
        <MeetingFilters state={state} update={update} territories={territories.items} />
      </section>
      <MeetingSection section="upcoming" state={state} update={update} names={territories.names} />
      <MeetingSection section="past" state={state} update={update} names={territories.names} />
    </div>
  );
}

function MeetingFilters({
  state,
  update,
  territories,
}: {
  state: MeetingsViewState;
  update: (patch: Partial<MeetingsViewState>) => void;
  territories: readonly { id: number; name: string }[];
}) {
  const { t } = useTranslation('committees');
  const { t: tv } = useTranslation('vocab');
  const committees = useCommitteeChoices(state.territoryId);
  const filtered =
    state.territoryId !== undefined ||
    state.committeeId !== undefined ||
    state.statuses.length > 0 ||
    state.from !== undefined ||
    state.to !== undefined;
  return (
    <div role="search" className="list-filters no-print" aria-label={t('filters.label')}>
      <div className="list-filter-row">
        {territories.length > 1 && (
          <FilterSelect
            label={t('filters.territory')}
            value={state.territoryId}
            choices={territories.map((territory) => ({ id: territory.id, label: territory.name }))}
            // A committee of another territory no longer applies.
            onChange={(territoryId) => update({ territoryId, committeeId: undefined })}
          />
        )}
        <FilterSelect
          label={t('filters.committee')}
          value={state.committeeId}
          choices={committees.map((committee) => ({ id: committee.id, label: committee.name }))}
          onChange={(committeeId) => update({ committeeId })}
        />
        <label>
          <span>{t('filters.from')}</span>
          <input
            type="date"
            value={state.from ?? ''}
            onChange={(e) => update({ from: e.target.value || undefined })}
          />
        </label>
        <label>
          <span>{t('filters.to')}</span>
          <input
            type="date"
            value={state.to ?? ''}
            onChange={(e) => update({ to: e.target.value || undefined })}
          />
        </label>
        {filtered && (
          <ResetFilters
            onReset={() =>
              update({
                territoryId: undefined,
                committeeId: undefined,
                statuses: [],
                from: undefined,
                to: undefined,
              })
            }
          />
        )}
      </div>
      <CheckFilter
        legend={t('filters.meetingStatuses')}
        values={MEETING_STATUSES}
        selected={state.statuses}
        label={(status) => tv(`meetingStatus.${status}`)}
        onChange={(statuses) => update({ statuses })}
      />
    </div>
  );
}

/**
 * The date range a section asks for: upcoming meetings are from today on (earliest first), past
 * ones before today (latest first), each within the chosen range. Undefined when they cannot meet.
 */
function sectionRange(section: Section, state: MeetingsViewState, today: string) {
  if (section === 'upcoming') {
    const from = state.from && state.from > today ? state.from : today;
    if (state.to && state.to < from) return undefined;
    return { from, to: state.to, direction: 'asc' as const };
  }
  const yesterday = addDays(today, -1);
  const to = state.to && state.to < yesterday ? state.to : yesterday;
  if (state.from && state.from > to) return undefined;
  return { from: state.from, to, direction: 'desc' as const };
}

function MeetingSection({
  section,
  state,
  update,
  names,
}: {
  section: Section;
  state: MeetingsViewState;
  update: (patch: Partial<MeetingsViewState>) => void;
  names: Map<number, string>;
}) {
  const { t } = useTranslation('committees');
  const trpc = useTRPC();
  const range = sectionRange(section, state, isoToday());
  const offset = section === 'upcoming' ? state.upcomingOffset : state.pastOffset;
  const meetings = useQuery({
    ...trpc.meeting.list.queryOptions({
      ...(state.territoryId === undefined ? {} : { territoryId: state.territoryId }),
      ...(state.committeeId === undefined ? {} : { committeeId: state.committeeId }),
      ...(state.statuses.length > 0 ? { statuses: state.statuses } : {}),
      ...(range?.from === undefined ? {} : { from: range.from }),
      ...(range?.to === undefined ? {} : { to: range.to }),
      direction: range?.direction ?? 'asc',
      limit: state.limit,
      offset,
    }),
    enabled: range !== undefined,
    placeholderData: keepPreviousData,
  });
  const headingId = `meetings-${section}`;
  const title = t(`meetings.${section}`);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {range === undefined ? (
        <Empty>{t(`meetings.empty.${section}`)}</Empty>
      ) : (
        <QueryState
          query={meetings}
          isEmpty={(data) => data.total === 0}
          empty={t(`meetings.empty.${section}`)}
        >
          {(data) => (
            <>
              <MeetingTable caption={title} meetings={data.items} names={names} />
              <Pagination
                total={data.total}
                limit={state.limit}
                offset={offset}
                onChange={(next) =>
                  update({
                    limit: next.limit,
                    upcomingOffset: section === 'upcoming' ? next.offset : 0,
                    pastOffset: section === 'past' ? next.offset : 0,
                  })
                }
              />
            </>
          )}
        </QueryState>
      )}
    </section>
  );
}
