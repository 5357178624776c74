import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isoToday } from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { useFormat, type Formatters } from '../../../lib/format';
import { QueryState, useErrorText } from '../../../components/QueryState';
import type { MeetingDetail } from '../meetingAccess';
import './prepare.css';

type Proposal = RouterOutputs['agenda']['propose'][number];
type Reason = Proposal['reason'];

/** `agenda.addMany` takes at most this many items in one go. */
const MAX_ITEMS = 50;
/** A decision's text is cut to this length in a title; the whole text goes in the notes. */
const DECISION_TEXT_LENGTH = 90;
const TITLE_LENGTH = 300;

const cut = (text: string, length: number) =>
  text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;

/** The agenda item's title for a proposal, worded in the user's language from its fields. */
function proposalTitle(p: Proposal, t: TFunction<'prepare'>, tv: TFunction<'vocab'>): string {
  const plan = p.planCode ?? '';
  const action = p.actionTitle ?? '';
  let title: string;
  switch (p.reason) {
    case 'blocked_action':
    case 'late_action':
      title = t(`agenda.titles.${p.reason}`, { action, plan });
      break;
    case 'overdue_action':
      // Due before the meeting: already past today, or falling due in between.
      title =
        p.dueDate !== null && p.dueDate < isoToday()
          ? t('agenda.titles.overdue_action_past', { action, plan })
          : t('agenda.titles.overdue_action', { action, plan });
      break;
    case 'indicator_off_track':
      title = p.planCode
        ? t('agenda.titles.indicator_off_track_plan', { indicator: p.indicatorName ?? '', plan })
        : t('agenda.titles.indicator_off_track', { indicator: p.indicatorName ?? '' });
      break;
    case 'decision_due':
    case 'open_decision':
      title = t(`agenda.titles.${p.reason}`, {
        number: p.decisionNumber ?? '',
        text: cut(p.decisionText ?? '', DECISION_TEXT_LENGTH),
      });
      break;
    case 'stage_ready':
      title = t('agenda.titles.stage_ready', {
        stage: p.stageKind ? tv(`stageKind.${p.stageKind}`) : '',
        plan,
      });
      break;
    case 'plan_not_updated':
      title = t('agenda.titles.plan_not_updated', { plan });
      break;
  }
  return cut(title, TITLE_LENGTH);
}

/** The facts behind a proposal, one phrase each: who, status, when, last change. */
function proposalDetails(
  p: Proposal,
  t: TFunction<'prepare'>,
  tv: TFunction<'vocab'>,
  format: Formatters,
): string[] {
  const details: string[] = [];
  const isDecision = p.reason === 'decision_due' || p.reason === 'open_decision';
  if (isDecision && p.decisionText && p.decisionText.length > DECISION_TEXT_LENGTH) {
    details.push(p.decisionText);
  }
  if (p.ownerName) {
    details.push(
      t(isDecision ? 'agenda.details.decisionOwner' : 'agenda.details.owner', {
        name: p.ownerName,
      }),
    );
  }
  if (p.actionStatus && !isDecision && p.reason === 'overdue_action') {
    details.push(t('agenda.details.status', { status: tv(`actionStatus.${p.actionStatus}`) }));
  }
  if (p.dueDate) {
    const date = format.date(p.dueDate);
    const key =
      p.reason === 'indicator_off_track'
        ? 'agenda.details.target'
        : p.reason === 'stage_ready'
          ? 'agenda.details.plannedEnd'
          : 'agenda.details.due';
    details.push(t(key, { date }));
  }
  if (p.lastUpdatedAt)
    details.push(t('agenda.details.updated', { date: format.date(p.lastUpdatedAt) }));
  return details;
}

/** Proposals grouped by reason, in the server's order (it sorts them by reason). */
function groupByReason(proposals: Proposal[]): { reason: Reason; items: Proposal[] }[] {
  const groups: { reason: Reason; items: Proposal[] }[] = [];
  for (const proposal of proposals) {
    const group = groups.find((g) => g.reason === proposal.reason);
    if (group) group.items.push(proposal);
    else groups.push({ reason: proposal.reason, items: [proposal] });
  }
  return groups;
}

/**
 * "Prepare the agenda", for the coordinator of an editable meeting: what the territory's data says
 * the committee should look at, grouped by reason, each proposal ticked unless already on the
 * agenda. The ticked ones, with their (editable) titles, are appended to the agenda in one go.
 */
export function PrepareAgenda({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('prepare');
  const trpc = useTRPC();
  const proposals = useQuery(trpc.agenda.propose.queryOptions({ meetingId: meeting.id }));
  return (
    <section className="prepare-agenda" aria-labelledby="prepare-agenda-heading">
      <h3 id="prepare-agenda-heading">{t('agenda.heading')}</h3>
      <QueryState
        query={proposals}
        isEmpty={(data) => data.length === 0}
        empty={t('agenda.empty')}
        loadingLabel={t('agenda.loading')}
      >
        {(data) => <ProposalForm meetingId={meeting.id} proposals={data} />}
      </QueryState>
    </section>
  );
}

function ProposalForm({ meetingId, proposals }: { meetingId: number; proposals: Proposal[] }) {
  const { t } = useTranslation('prepare');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  // The coordinator's choices, by proposal key: what they untick and the titles they rewrite.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<number | null>(null);
  const [tooMany, setTooMany] = useState(false);

  const titleOf = (p: Proposal) => titles[p.key] ?? proposalTitle(p, t, tv);
  const open = proposals.filter((p) => !p.onAgenda);
  const kept = open.filter((p) => !unticked.has(p.key));

  const addMany = useMutation(
    trpc.agenda.addMany.mutationOptions({
      onSuccess: async (_agenda, input) => {
        setAdded(input.items.length);
        setTitles({});
        await Promise.all([
          queryClient.invalidateQueries(trpc.meeting.pathFilter()),
          queryClient.invalidateQueries(trpc.agenda.pathFilter()),
        ]);
      },
    }),
  );

  const setTicked = (keys: string[], ticked: boolean) => {
    setAdded(null);
    setTooMany(false);
    setUnticked((current) => {
      const next = new Set(current);
      for (const key of keys) {
        if (ticked) next.delete(key);
        else next.add(key);
      }
      return next;
    });
  };

  if (open.length === 0 && added === null) {
    return <p className="state state-empty">{t('agenda.allOnAgenda')}</p>;
  }

  return (
    <form
      className="prepare-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setAdded(null);
        if (kept.length === 0) return;
        if (kept.length > MAX_ITEMS) {
          setTooMany(true);
          return;
        }
        addMany.mutate({
          meetingId,
          items: kept.map((p) => ({
            title: titleOf(p).trim() || proposalTitle(p, t, tv),
            notes: proposalDetails(p, t, tv, format).join('\n'),
            planId: p.planId,
            stageId: p.stageId,
            actionId: p.actionId,
          })),
        });
      }}
    >
      <p className="muted small">{t('agenda.intro')}</p>
      {open.length > 1 && (
        <div className="toolbar prepare-select">
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() =>
              setTicked(
                open.map((p) => p.key),
                true,
              )
            }
          >
            {t('agenda.selectAll')}
          </button>
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() =>
              setTicked(
                open.map((p) => p.key),
                false,
              )
            }
          >
            {t('agenda.selectNone')}
          </button>
        </div>
      )}
      {groupByReason(proposals).map(({ reason, items }) => (
        <fieldset key={reason} className="prepare-group">
          <legend>
            {t('agenda.groupLegend', {
              label: t(`agenda.reasons.${reason}.label`),
              count: items.length,
            })}
          </legend>
          <p className="muted small prepare-help" id={`prepare-help-${reason}`}>
            {t(`agenda.reasons.${reason}.help`)}
          </p>
          <div className="prepare-list">
            {items.map((p) => (
              <ProposalRow
                key={p.key}
                proposal={p}
                title={titleOf(p)}
                details={proposalDetails(p, t, tv, format)}
                ticked={!p.onAgenda && !unticked.has(p.key)}
                onTick={(ticked) => setTicked([p.key], ticked)}
                onTitle={(title) => setTitles((current) => ({ ...current, [p.key]: title }))}
                onResetTitle={() =>
                  setTitles((current) => {
                    const next = { ...current };
                    delete next[p.key];
                    return next;
                  })
                }
              />
            ))}
          </div>
        </fieldset>
      ))}
      {tooMany && (
        <p className="form-error" role="alert">
          {t('agenda.tooMany', { max: MAX_ITEMS })}
        </p>
      )}
      {addMany.error && (
        <p className="form-error" role="alert">
          {errorText(addMany.error)}
        </p>
      )}
      <div className="prepare-submit">
        <button
          type="submit"
          className="button button-primary"
          disabled={kept.length === 0 || addMany.isPending}
        >
          {addMany.isPending
            ? t('agenda.adding')
            : kept.length === 0
              ? t('agenda.submitNone')
              : t('agenda.submit', { count: kept.length })}
        </button>
        <p role="status" className="prepare-added">
          {added !== null && t('agenda.added', { count: added })}
        </p>
      </div>
    </form>
  );
}

function ProposalRow({
  proposal: p,
  title,
  details,
  ticked,
  onTick,
  onTitle,
  onResetTitle,
}: {
  proposal: Proposal;
  title: string;
  details: string[];
  ticked: boolean;
  onTick: (ticked: boolean) => void;
  onTitle: (title: string) => void;
  onResetTitle: () => void;
}) {
  const { t } = useTranslation('prepare');
  const [editing, setEditing] = useState(false);
  const id = `prepare-${p.key.replace(':', '-')}`;
  const finishEditing = () => {
    if (title.trim() === '') onResetTitle();
    setEditing(false);
  };
  return (
    <div className={p.onAgenda ? 'prepare-item prepare-item-done' : 'prepare-item'}>
      <input
        type="checkbox"
        id={`${id}-keep`}
        checked={ticked}
        disabled={p.onAgenda}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-details`}
        onChange={(e) => onTick(e.target.checked)}
      />
      <div className="prepare-body">
        {editing ? (
          <div className="prepare-edit">
            <label htmlFor={`${id}-title`} className="visually-hidden">
              {t('agenda.titleLabel')}
            </label>
            <input
              id={`${id}-title`}
              value={title}
              maxLength={TITLE_LENGTH}
              // Opened on purpose with "Edit title": the field the coordinator asked for.
              autoFocus
              onChange={(e) => onTitle(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  finishEditing();
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  onResetTitle();
                  setEditing(false);
                }
              }}
            />
            <button type="button" className="button button-small" onClick={finishEditing}>
              {t('agenda.doneEditing')}
            </button>
            {/* The checkbox keeps a name while its title is being edited. */}
            <span hidden id={`${id}-label`}>
              {title}
            </span>
          </div>
        ) : (
          <label htmlFor={`${id}-keep`} id={`${id}-label`} className="prepare-title">
            {title}
          </label>
        )}
        <p className="prepare-details small" id={`${id}-details`}>
          {p.onAgenda && <strong className="prepare-on-agenda">{t('agenda.onAgenda')}</strong>}
          {details.map((detail) => (
            <span key={detail}>{detail}</span>
          ))}
          {p.planId !== null && p.planCode && <Link to={`/plans/${p.planId}`}>{p.planCode}</Link>}
        </p>
      </div>
      {!p.onAgenda && !editing && (
        <button
          type="button"
          className="button button-small button-quiet prepare-edit-button"
          aria-label={t('agenda.editTitleOf', { title })}
          onClick={() => setEditing(true)}
        >
          {t('agenda.editTitle')}
        </button>
      )}
    </div>
  );
}
