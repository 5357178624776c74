import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { COMMITTEE_KINDS, type CommitteeKind } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { Empty } from '../../components/QueryState';
import { nameInChange, useChangeText, type Change } from './changeText';
import type { Overview } from './TerritoryPage';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day of the latest meeting that took place, per committee kind, in the territory. */
export type LastMeetingDays = Partial<Record<CommitteeKind, string>>;

/**
 * Where the recent changes start: `?since=YYYY-MM-DD`, or `?sinceLast=copil|cotech` for the day
 * of the territory's last COPIL or COTECH that took place (held or minutes approved). Absent or
 * malformed, the server's default applies. `ready` is false while the last meetings are unknown.
 */
export function useChangesSince(territoryId: number) {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const raw = params.get('since');
  const picked = raw && ISO_DAY.test(raw) ? raw : undefined;
  const chosenKind = COMMITTEE_KINDS.find((k) => k === params.get('sinceLast'));
  const committees = useQuery(trpc.committee.list.queryOptions({ territoryId, limit: 200 }));
  const lastMeetings: LastMeetingDays = {};
  for (const committee of committees.data?.items ?? []) {
    const day = committee.lastMeetingAt?.slice(0, 10);
    const known = lastMeetings[committee.kind];
    if (day && (!known || day > known)) lastMeetings[committee.kind] = day;
  }
  // Without a choice in the address, the story starts at the last COPIL (else the last COTECH).
  const defaultKind = COMMITTEE_KINDS.find((kind) => lastMeetings[kind]);
  const sinceLast = chosenKind ?? (picked ? undefined : defaultKind);
  const lastDay = sinceLast ? lastMeetings[sinceLast] : undefined;
  const change = (next: { since?: string; sinceLast?: CommitteeKind }) =>
    setParams(
      (current) => {
        const merged = new URLSearchParams(current);
        merged.delete('since');
        merged.delete('sinceLast');
        if (next.sinceLast) merged.set('sinceLast', next.sinceLast);
        else if (next.since && ISO_DAY.test(next.since)) merged.set('since', next.since);
        return merged;
      },
      { replace: true },
    );
  return {
    since: lastDay ?? picked,
    /** The committee kind whose last meeting sets the day, when that meeting exists. */
    sinceLast: lastDay ? sinceLast : undefined,
    lastMeetings,
    /** The committee whose last meeting the "what moved" panel compares with. */
    committeeKind: sinceLast ?? defaultKind ?? 'copil',
    ready: (picked !== undefined && chosenKind === undefined) || !committees.isPending,
    setSince: (since: string) => change({ since }),
    setSinceLast: (kind: CommitteeKind) => change({ sinceLast: kind }),
  } as const;
}

/** Who changed what since a chosen day: the audit trail of the territory, as sentences. */
export function RecentChanges({
  overview,
  since,
  onSinceChange,
  lastMeetings,
  sinceLast,
  onSinceLastChange,
  updating,
}: {
  overview: Overview;
  /** The day shown in the date field (the URL's, else the server's default). */
  since: string;
  onSinceChange: (next: string) => void;
  /** The last COPIL and COTECH days, offered as starting points when they exist. */
  lastMeetings: LastMeetingDays;
  sinceLast: CommitteeKind | undefined;
  onSinceLastChange: (kind: CommitteeKind) => void;
  updating: boolean;
}) {
  const { t } = useTranslation('territory');
  const { t: tm } = useTranslation('committees');
  const format = useFormat();
  const inputId = useId();
  const { total, items } = overview.recentChanges;
  const date = format.date(since);
  const context = useChangeContext(overview);

  return (
    <section className="panel territory-changes" aria-labelledby="territory-changes">
      <div className="panel-header">
        <h2 id="territory-changes">{t('changes.title')}</h2>
        <div className="changes-since">
          <label htmlFor={inputId}>{t('changes.since')}</label>
          <input
            id={inputId}
            type="date"
            value={since}
            max={new Date().toISOString().slice(0, 10)}
            onChange={(e) => onSinceChange(e.target.value)}
          />
          {COMMITTEE_KINDS.filter((kind) => lastMeetings[kind]).map((kind) => (
            <button
              key={kind}
              type="button"
              className={`button button-small${sinceLast === kind ? ' button-primary' : ''}`}
              aria-pressed={sinceLast === kind}
              title={tm('since.meetingOn', { date: format.date(lastMeetings[kind]) })}
              onClick={() => onSinceLastChange(kind)}
            >
              {tm(`since.${kind}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="changes-total" aria-live="polite">
        {updating ? t('changes.updating') : total > 0 && t('changes.total', { count: total, date })}
        {!updating && total > items.length && ` · ${t('changes.shown', { shown: items.length })}`}
      </p>
      {total === 0 ? (
        <Empty>{t('changes.empty', { date })}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="data-table changes-table">
            <caption className="visually-hidden">{t('changes.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('changes.columns.when')}</th>
                <th scope="col">{t('changes.columns.who')}</th>
                <th scope="col">{t('changes.columns.what')}</th>
                <th scope="col">{t('changes.columns.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((change) => (
                <ChangeRow key={change.id} change={change} context={context} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface ChangeContext {
  planCodes: Map<number, string>;
  actionTitles: Map<number, string>;
}

/** Names the dashboard already knows, to name what an audit entry recorded by id only. */
function useChangeContext(overview: Overview): ChangeContext {
  return useMemo(
    () => ({
      planCodes: new Map(overview.plans.map((p) => [p.id, p.code])),
      actionTitles: new Map(
        [...overview.overdue.items, ...overview.blocked.items].map((a) => [a.id, a.title]),
      ),
    }),
    [overview],
  );
}

function ChangeRow({ change, context }: { change: Change; context: ChangeContext }) {
  const { t } = useTranslation('territory');
  const format = useFormat();
  const { fieldChanges, entityLabel } = useChangeText();
  const name =
    nameInChange(change) ??
    (change.entityType === 'action' ? context.actionTitles.get(change.entityId) : undefined);
  const planCode = change.planId === null ? undefined : context.planCodes.get(change.planId);
  const fields = fieldChanges(change);
  const statusComment = change.newValue?.['statusComment'];
  const showComment = change.comment && change.comment !== statusComment;

  return (
    <tr>
      <td className="nowrap">{format.dateTime(change.occurredAt)}</td>
      <td>{change.userName ?? <span className="muted">{t('changes.unknownUser')}</span>}</td>
      <th scope="row">
        {name
          ? t('changes.entityNamed', { entity: entityLabel(change.entityType), name })
          : entityLabel(change.entityType)}
        {planCode !== undefined && change.planId !== null && (
          <>
            {' · '}
            <Link to={`/plans/${change.planId}`}>{planCode}</Link>
          </>
        )}
        <br />
        <span className="muted small">{t(`changes.operation.${change.operation}`)}</span>
      </th>
      <td>
        {fields.length > 0 && (
          <ul className="change-fields">
            {fields.map((f) => (
              <li key={f.field}>
                {f.from === null
                  ? t('changes.fieldSet', { field: f.label, to: f.to })
                  : t('changes.fieldChange', { field: f.label, from: f.from, to: f.to })}
              </li>
            ))}
          </ul>
        )}
        {showComment && (
          <p className="change-comment">{t('changes.comment', { text: change.comment })}</p>
        )}
      </td>
    </tr>
  );
}
