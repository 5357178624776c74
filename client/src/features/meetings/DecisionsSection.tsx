import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  DECISION_KINDS,
  DECISION_STATUSES,
  type DecisionKind,
  type DecisionStatus,
} from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { useErrorText } from '../../components/QueryState';
import type { MeetingAccess, MeetingDecision, MeetingDetail } from './meetingAccess';
import { LinkedTo, LinkPicker, NO_LINKS, type PlanLinks } from './links';
import { EditFormFooter } from './EditFormFooter';
import { CommentThread } from '../comments/CommentThread';
import { CommentCountButton } from '../comments/CommentToggle';

/** A refused save in words: a stage's gate set by another meeting has its own sentence. */
function useDecisionErrorText(): (error: unknown) => string {
  const { t } = useTranslation('meetings');
  const errorText = useErrorText();
  return (error) =>
    error instanceof Error && /already validated by meeting/.test(error.message)
      ? t('decisions.alreadyValidated')
      : errorText(error);
}

/** The record of decisions: numbered per committee, with their follow-up. */
export function DecisionsSection({
  meeting,
  access,
}: {
  meeting: MeetingDetail;
  access: MeetingAccess;
}) {
  const { t } = useTranslation('meetings');
  const decisions = meeting.decisions;
  return (
    <section className="panel meeting-decisions" aria-labelledby="meeting-decisions-heading">
      <div className="panel-header">
        <h2 id="meeting-decisions-heading">{t('decisions.heading')}</h2>
        <span className="muted small">{t('decisions.count', { count: decisions.length })}</span>
      </div>
      {decisions.length === 0 ? (
        <p className="state state-empty">{t('decisions.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table decisions-table">
            <caption className="visually-hidden">{t('decisions.heading')}</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('decisions.number')}
                </th>
                <th scope="col">{t('decisions.text')}</th>
                <th scope="col">{t('decisions.kind')}</th>
                <th scope="col">{t('decisions.linkedTo')}</th>
                <th scope="col">{t('decisions.owner')}</th>
                <th scope="col">{t('decisions.dueDate')}</th>
                <th scope="col">{t('decisions.followUp')}</th>
                {access.edit && (
                  <th scope="col">
                    <span className="visually-hidden">{t('decisions.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {decisions.map((decision) => (
                <DecisionRow
                  key={decision.id}
                  decision={decision}
                  access={access}
                  territoryId={meeting.territoryId}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {access.edit && <RecordDecision meeting={meeting} />}
    </section>
  );
}

function DecisionRow({
  decision,
  access,
  territoryId,
}: {
  decision: MeetingDecision;
  access: MeetingAccess;
  territoryId: number;
}) {
  const { t } = useTranslation('meetings');
  const { t: tv } = useTranslation('vocab');
  const { t: tc } = useTranslation();
  const { t: tcm } = useTranslation('comments');
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [commentsOpen, setCommentsOpen] = useState(false);
  const threadId = useId();
  const columns = access.edit ? 8 : 7;
  const commentTarget = { entityType: 'decision', entityId: decision.id } as const;
  const decisionName = t('decisions.commentName', { number: decision.number });

  if (editing) {
    return (
      <tr>
        <td className="numeric">{decision.number}</td>
        <td colSpan={columns - 1}>
          <EditDecision decision={decision} onDone={() => setEditing(false)} />
        </td>
      </tr>
    );
  }
  return (
    <>
      <tr>
        <td className="numeric">{decision.number}</td>
        <th scope="row" className="decision-text">
          {decision.text}
        </th>
        <td>
          {tv(`decisionKind.${decision.kind}`)}
          {decision.kind === 'validation' && decision.stageId !== null && (
            <p className="muted small decision-gate-note">{t('decisions.gateRecorded')}</p>
          )}
        </td>
        <td>
          <LinkedTo
            planId={decision.planId}
            planCode={decision.planCode}
            stageId={decision.stageId}
            actionId={decision.actionId}
          />
        </td>
        <td>{decision.ownerName || '—'}</td>
        <td>{format.date(decision.dueDate)}</td>
        <td>
          {access.followUp ? (
            <FollowUpSelect decision={decision} />
          ) : (
            <span className={`badge decision-status-${decision.followUpStatus}`}>
              {tv(`decisionStatus.${decision.followUpStatus}`)}
            </span>
          )}
          <CommentCountButton
            target={commentTarget}
            name={decisionName}
            open={commentsOpen}
            controls={threadId}
            onToggle={() => setCommentsOpen((v) => !v)}
          />
        </td>
        {access.edit && (
          <td>
            <button
              type="button"
              className="button button-small no-print"
              aria-label={t('decisions.editDecision', { number: decision.number })}
              onClick={() => setEditing(true)}
            >
              {tc('fields.edit')}
            </button>
          </td>
        )}
      </tr>
      <tr className="comment-toggle-row" id={threadId} hidden={!commentsOpen}>
        <td colSpan={columns}>
          {commentsOpen && (
            <CommentThread
              target={commentTarget}
              scope={{ territoryIds: [territoryId], regionIds: [], planId: null }}
              label={tcm('threadOf', { name: decisionName })}
            />
          )}
        </td>
      </tr>
    </>
  );
}

/** The follow-up status, saved as soon as it is chosen; a failure keeps the choice and says why. */
function FollowUpSelect({ decision }: { decision: MeetingDecision }) {
  const { t } = useTranslation('meetings');
  const { t: tv } = useTranslation('vocab');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [value, setValue] = useState<DecisionStatus>(decision.followUpStatus);
  const update = useMutation(
    trpc.decision.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.meeting.pathFilter()),
    }),
  );
  const id = `decision-${decision.id}-status`;
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {t('decisions.followUpOf', { number: decision.number })}
      </label>
      <select
        id={id}
        value={value}
        disabled={update.isPending}
        aria-describedby={update.error ? `${id}-error` : undefined}
        onChange={(e) => {
          const followUpStatus = e.target.value as DecisionStatus;
          setValue(followUpStatus);
          update.mutate({ id: decision.id, followUpStatus });
        }}
      >
        {DECISION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {tv(`decisionStatus.${status}`)}
          </option>
        ))}
      </select>
      {update.error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {errorText(update.error)}
        </p>
      )}
    </>
  );
}

interface DecisionDraft {
  text: string;
  kind: DecisionKind;
  ownerName: string;
  dueDate: string;
}

function DecisionFields({
  prefix,
  draft,
  onChange,
  textMissing,
}: {
  prefix: string;
  draft: DecisionDraft;
  onChange: (patch: Partial<DecisionDraft>) => void;
  textMissing: boolean;
}) {
  const { t } = useTranslation('meetings');
  const { t: tv } = useTranslation('vocab');
  return (
    <>
      <div className="field">
        <label htmlFor={`${prefix}-text`}>{t('decisions.text')}</label>
        <textarea
          id={`${prefix}-text`}
          value={draft.text}
          maxLength={4000}
          required
          aria-invalid={textMissing}
          aria-describedby={textMissing ? `${prefix}-text-error` : undefined}
          onChange={(e) => onChange({ text: e.target.value })}
        />
        {textMissing && (
          <p id={`${prefix}-text-error`} className="field-error">
            {t('decisions.textRequired')}
          </p>
        )}
      </div>
      <div className="decision-fields-row">
        <div className="field">
          <label htmlFor={`${prefix}-kind`}>{t('decisions.kind')}</label>
          <select
            id={`${prefix}-kind`}
            value={draft.kind}
            onChange={(e) => onChange({ kind: e.target.value as DecisionKind })}
          >
            {DECISION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tv(`decisionKind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-owner`}>{t('decisions.owner')}</label>
          <input
            id={`${prefix}-owner`}
            value={draft.ownerName}
            maxLength={160}
            onChange={(e) => onChange({ ownerName: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-due`}>{t('decisions.dueDate')}</label>
          <input
            id={`${prefix}-due`}
            type="date"
            value={draft.dueDate}
            onChange={(e) => onChange({ dueDate: e.target.value })}
          />
        </div>
      </div>
    </>
  );
}

const EMPTY_DRAFT: DecisionDraft = { text: '', kind: 'validation', ownerName: '', dueDate: '' };

function RecordDecision({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useDecisionErrorText();
  const [draft, setDraft] = useState<DecisionDraft>(EMPTY_DRAFT);
  const [links, setLinks] = useState<PlanLinks>(NO_LINKS);
  const [textMissing, setTextMissing] = useState(false);
  const create = useMutation(
    trpc.decision.create.mutationOptions({
      onSuccess: async () => {
        setDraft(EMPTY_DRAFT);
        setLinks(NO_LINKS);
        await queryClient.invalidateQueries(trpc.meeting.pathFilter());
        // A validation decision set a stage's gate: the plan pages show it.
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        await queryClient.invalidateQueries(trpc.stage.pathFilter());
        await queryClient.invalidateQueries(trpc.decision.pathFilter());
      },
    }),
  );
  const gate = draft.kind === 'validation' && links.stageId !== null;
  return (
    <form
      className="decision-form no-print"
      aria-labelledby="decision-add-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTextMissing(draft.text.trim() === '');
        if (draft.text.trim() === '') return;
        create.mutate({
          meetingId: meeting.id,
          text: draft.text,
          kind: draft.kind,
          ownerName: draft.ownerName,
          dueDate: draft.dueDate || null,
          ...links,
        });
      }}
    >
      <h3 id="decision-add-heading">{t('decisions.add')}</h3>
      <DecisionFields
        prefix="decision-add"
        draft={draft}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        textMissing={textMissing}
      />
      <LinkPicker
        territoryId={meeting.territoryId}
        value={links}
        onChange={setLinks}
        idPrefix="decision-add"
      />
      {gate && (
        <p className="meeting-info" role="note">
          {t('decisions.gateHint')}
        </p>
      )}
      {create.error && (
        <p className="form-error" role="alert">
          {errorText(create.error)}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? tc('state.saving') : t('decisions.addButton')}
      </button>
    </form>
  );
}

/** Text, kind, owner and due date of a recorded decision, while the meeting is editable. */
function EditDecision({ decision, onDone }: { decision: MeetingDecision; onDone: () => void }) {
  const { t } = useTranslation('meetings');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useDecisionErrorText();
  const [draft, setDraft] = useState<DecisionDraft>({
    text: decision.text,
    kind: decision.kind,
    ownerName: decision.ownerName,
    dueDate: decision.dueDate ?? '',
  });
  const [textMissing, setTextMissing] = useState(false);
  const update = useMutation(
    trpc.decision.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.meeting.pathFilter());
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        await queryClient.invalidateQueries(trpc.stage.pathFilter());
        onDone();
      },
    }),
  );
  const prefix = `decision-${decision.id}-edit`;
  return (
    <form
      className="decision-form decision-edit"
      aria-label={t('decisions.editDecision', { number: decision.number })}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTextMissing(draft.text.trim() === '');
        if (draft.text.trim() === '') return;
        update.mutate({
          id: decision.id,
          text: draft.text,
          kind: draft.kind,
          ownerName: draft.ownerName,
          dueDate: draft.dueDate || null,
        });
      }}
    >
      <DecisionFields
        prefix={prefix}
        draft={draft}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        textMissing={textMissing}
      />
      {decision.stageId !== null && draft.kind !== decision.kind && (
        <p className="meeting-info" role="note">
          {draft.kind === 'validation' ? t('decisions.gateHint') : t('decisions.gateWithdrawn')}
        </p>
      )}
      <EditFormFooter
        error={update.error && errorText(update.error)}
        pending={update.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
