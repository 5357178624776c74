import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  DATE_WINDOW,
  MOVEMENT_GROUPS,
  type CommitteeKind,
  type MovementGroup,
} from '@jalon/shared';
import type { RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { StatusBadge } from '../../components/StatusBadge';
import { DataTable, DecisionTable, useSignedPoints } from '../meetings/changeTables';
import { ActionLink } from '../actions/ActionLink';
import './movement.css';

export type TerritoryMovement = RouterOutputs['dashboard']['sinceLastMeeting'];
type Movement = NonNullable<TerritoryMovement['movement']>;
type MovedAction = Movement['done'][number];
type MovedIndicator = Movement['indicatorsOffTrack'][number];

const GROUP_PARAM = 'moved';
const ACTION_GROUPS = ['done', 'blockedOrLate', 'overdue'] as const;
const INDICATOR_GROUPS = ['indicatorsOffTrack', 'indicatorsBackOnTrack'] as const;
/** Groups whose growth is bad news: their non-zero counts are drawn in the attention colour. */
const WORRYING: readonly MovementGroup[] = ['blockedOrLate', 'overdue', 'indicatorsOffTrack'];

const isGroup = (value: string | null): value is MovementGroup =>
  (MOVEMENT_GROUPS as readonly string[]).includes(value ?? '');

/**
 * The first thing a committee reads on a territory: the overall progress and what moved since the
 * last COPIL (or COTECH), each count a link that opens the list of the items behind it.
 */
export function MovementPanel({
  data,
  committeeKind,
  onCommitteeKindChange,
  onSinceChange,
  currentProgress,
}: {
  data: TerritoryMovement;
  /** The committee compared with; none pressed when a day was chosen instead. */
  committeeKind: CommitteeKind | undefined;
  onCommitteeKindChange: (kind: CommitteeKind) => void;
  onSinceChange: (day: string) => void;
  /** Today's overall progress, shown even when there is nothing to compare it with. */
  currentProgress: number | null;
}) {
  const { t } = useTranslation('story');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const points = useSignedPoints();
  const [params] = useSearchParams();
  const headingId = useId();
  const listId = useId();
  const open = isGroup(params.get(GROUP_PARAM)) ? (params.get(GROUP_PARAM) as MovementGroup) : null;
  const dateId = useId();
  const { reference, movement } = data;
  const since = reference
    ? format.date(reference.scheduledAt)
    : data.since
      ? format.date(data.since)
      : '';

  const linkTo = (group: MovementGroup | null) => {
    const next = new URLSearchParams(params);
    if (group) next.set(GROUP_PARAM, group);
    else next.delete(GROUP_PARAM);
    const query = next.toString();
    return { search: query ? `?${query}` : '', hash: group ? `#${listId}` : '' };
  };

  return (
    <section className="panel movement" aria-labelledby={headingId}>
      <div className="movement-header">
        <h2 id={headingId}>
          {reference
            ? t('movement.title', {
                committee: tv(`committeeKind.${reference.committeeKind}`),
                date: since,
              })
            : data.since
              ? t('movement.titleSince', { date: since })
              : t('movement.titleNone')}
        </h2>
        <div className="movement-reference" role="group" aria-label={t('movement.reference')}>
          {(['copil', 'cotech'] as const).map((kind) => {
            const last = data.lastMeetings[kind];
            return (
              <button
                key={kind}
                type="button"
                className={`button button-small${committeeKind === kind ? ' button-primary' : ''}`}
                aria-pressed={committeeKind === kind}
                disabled={!last}
                onClick={() => onCommitteeKindChange(kind)}
              >
                {last
                  ? t('movement.sinceLast', {
                      committee: tv(`committeeKind.${kind}`),
                      date: format.date(last.scheduledAt),
                    })
                  : t('movement.never', { committee: tv(`committeeKind.${kind}`) })}
              </button>
            );
          })}
          <label htmlFor={dateId} className="movement-date-label">
            {t('movement.atDate')}
          </label>
          <input
            id={dateId}
            type="date"
            className="movement-date"
            value={data.since ?? ''}
            min={DATE_WINDOW.first}
            max={new Date().toISOString().slice(0, 10)}
            onChange={(e) => {
              if (e.target.value) onSinceChange(e.target.value);
            }}
          />
        </div>
      </div>

      <div className="movement-body">
        <div className="movement-progress">
          <p className="movement-progress-label">{t('movement.progress')}</p>
          <p className="movement-progress-value">
            {format.percent(movement?.progress.after ?? currentProgress)}
          </p>
          {movement && (
            <p
              className={`movement-delta ${movement.progress.delta < 0 ? 'is-down' : movement.progress.delta > 0 ? 'is-up' : ''}`}
            >
              <span aria-hidden="true">
                {movement.progress.delta < 0 ? '▼ ' : movement.progress.delta > 0 ? '▲ ' : ''}
              </span>
              {data.since
                ? t('movement.deltaSince', {
                    points: points(movement.progress.delta),
                    date: since,
                    before: format.percent(movement.progress.before),
                  })
                : t('movement.delta', {
                    points: points(movement.progress.delta),
                    before: format.percent(movement.progress.before),
                  })}
            </p>
          )}
        </div>
        {movement ? (
          <ul className="movement-counts">
            {MOVEMENT_GROUPS.map((group) => {
              const count = movement[group].length;
              const selected = open === group;
              return (
                <li key={group}>
                  <Link
                    className={`movement-count${selected ? ' is-open' : ''}${
                      count > 0 && WORRYING.includes(group) ? ' is-worrying' : ''
                    }`}
                    to={linkTo(selected ? null : group)}
                    replace
                    preventScrollReset
                    aria-current={selected ? 'true' : undefined}
                    aria-label={t(`movement.groupLink.${group}`, { count })}
                  >
                    <span className="movement-count-value">{format.number(count)}</span>
                    <span className="movement-count-label">{t(`movement.group.${group}`)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted movement-empty">
            {reference ? t('movement.noSnapshot') : t('movement.noMeeting')}
          </p>
        )}
      </div>

      {movement && open && (
        <div id={listId} className="movement-list" tabIndex={-1}>
          <div className="movement-list-header">
            <h3>{t(`movement.listTitle.${open}`, { date: since })}</h3>
            <Link className="button button-small" to={linkTo(null)} replace preventScrollReset>
              {t('movement.close')}
            </Link>
          </div>
          <MovedItems group={open} movement={movement} />
        </div>
      )}
    </section>
  );
}

function MovedItems({ group, movement }: { group: MovementGroup; movement: Movement }) {
  const { t } = useTranslation('story');
  if (movement[group].length === 0) return <p className="muted">{t('movement.emptyList')}</p>;
  if ((ACTION_GROUPS as readonly string[]).includes(group)) {
    return <MovedActionsTable rows={movement[group as (typeof ACTION_GROUPS)[number]]} />;
  }
  if ((INDICATOR_GROUPS as readonly string[]).includes(group)) {
    return <MovedIndicatorsTable rows={movement[group as (typeof INDICATOR_GROUPS)[number]]} />;
  }
  return (
    <DecisionTable
      decisions={group === 'decisionsTaken' ? movement.decisionsTaken : movement.decisionsClosed}
    />
  );
}

function MovedActionsTable({ rows }: { rows: readonly MovedAction[] }) {
  const { t } = useTranslation('story');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  return (
    <DataTable
      variant="page"
      columns={[
        { label: t('movement.columns.plan') },
        { label: t('movement.columns.action') },
        { label: t('movement.columns.stage') },
        { label: t('movement.columns.from') },
        { label: t('movement.columns.to') },
        { label: t('movement.columns.progress'), numeric: true },
        { label: t('movement.columns.owner') },
        { label: t('movement.columns.due') },
        { label: t('movement.columns.justification') },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <td className="since-code">
            <Link to={`/plans/${row.planId}`}>{row.planCode}</Link>
          </td>
          <th scope="row">
            <ActionLink id={row.id} title={row.title} />
          </th>
          <td>{tv(`stageKind.${row.stageKind}`)}</td>
          <td>
            {row.from ? (
              <StatusBadge status={row.from} />
            ) : (
              <span className="since-new">{t('movement.newAction')}</span>
            )}
          </td>
          <td>
            <StatusBadge status={row.to} />
          </td>
          <td className="numeric">{format.percent(row.progress)}</td>
          <td>{row.ownerName ?? t('movement.noOwner')}</td>
          <td>{format.date(row.dueDate)}</td>
          <td>{row.to === 'blocked' || row.to === 'late' ? (row.statusComment ?? '—') : '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function MovedIndicatorsTable({ rows }: { rows: readonly MovedIndicator[] }) {
  const { t } = useTranslation('story');
  const format = useFormat();
  const measure = (value: number | null, unit: string) =>
    value === null ? '—' : `${format.number(value)} ${unit}`.trim();
  return (
    <DataTable
      variant="page"
      columns={[
        { label: t('movement.columns.plan') },
        { label: t('movement.columns.indicator') },
        { label: t('movement.columns.trackFrom') },
        { label: t('movement.columns.trackTo') },
        { label: t('movement.columns.latest'), numeric: true },
        { label: t('movement.columns.measuredOn') },
        { label: t('movement.columns.target'), numeric: true },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <td className="since-code">
            {row.planId === null ? (
              t('movement.territoryIndicator')
            ) : (
              <Link to={`/plans/${row.planId}`}>{row.planCode}</Link>
            )}
          </td>
          <th scope="row">{row.name}</th>
          <td>{row.from ? t(`movement.track.${row.from}`) : t('movement.newIndicator')}</td>
          <td>{t(`movement.track.${row.to}`)}</td>
          <td className="numeric">{measure(row.latestValue, row.unit)}</td>
          <td>{format.date(row.latestMeasuredOn)}</td>
          <td className="numeric">{measure(row.targetValue, row.unit)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
