import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { COMMITTEE_KINDS, isWindowDay, type CommitteeKind } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { Empty } from '../../components/QueryState';
import { HistoryTimeline } from '../history/HistoryTimeline';
import type { Overview } from './TerritoryPage';

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
  // A day the overview would refuse (31 February, 1999) is ignored, not an error on the page.
  const picked = isWindowDay(raw) ? raw : undefined;
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
        else if (isWindowDay(next.since)) merged.set('since', next.since);
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
    /** The day chosen instead of a meeting, if any. */
    pickedDay: sinceLast ? undefined : picked,
    ready: (picked !== undefined && chosenKind === undefined) || !committees.isPending,
    setSince: (since: string) => change({ since }),
    setSinceLast: (kind: CommitteeKind) => change({ sinceLast: kind }),
  } as const;
}

/** Rows fetched by each "show more". */
const MORE_ROWS = 20;

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
  const { t: th } = useTranslation('history');
  const format = useFormat();
  const inputId = useId();
  const { total, items: firstItems } = overview.recentChanges;
  const date = format.date(since);
  const more = useMoreChanges(overview);
  const items = [...firstItems, ...more.items];

  return (
    <section className="panel territory-changes" aria-labelledby="territory-changes">
      <div className="panel-header">
        <h2 id="territory-changes">{t('changes.title')}</h2>
        <div className="changes-since no-print">
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
        {!updating && total > items.length && ` · ${th('shown', { shown: items.length, total })}`}
      </p>
      {total === 0 ? (
        <Empty>{t('changes.empty', { date })}</Empty>
      ) : (
        <>
          <HistoryTimeline items={items} linkPlans />
          {total > items.length && (
            <button
              type="button"
              className="button history-more no-print"
              disabled={more.loading}
              onClick={more.showMore}
            >
              {th('showMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/**
 * The changes after the overview's first rows, fetched page by page when asked ("show more"),
 * from the same day on; back to none when the day changes.
 */
function useMoreChanges(overview: Overview) {
  const trpc = useTRPC();
  const { since, items } = overview.recentChanges;
  const territoryId = overview.territory.id;
  const day = since.slice(0, 10);
  const [pages, setPages] = useState({ day, territoryId, count: 0 });
  const count = pages.day === day && pages.territoryId === territoryId ? pages.count : 0;
  const queries = useQueries({
    queries: Array.from({ length: count }, (_, page) =>
      trpc.history.forTerritory.queryOptions({
        territoryId,
        since: day,
        limit: MORE_ROWS,
        offset: items.length + page * MORE_ROWS,
      }),
    ),
  });
  return {
    items: queries.flatMap((q) => q.data?.items ?? []),
    loading: queries.some((q) => q.isPending),
    showMore: () => setPages({ day, territoryId, count: count + 1 }),
  };
}
