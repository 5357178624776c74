import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { COMMITTEE_KINDS, committeeCreateInput, committeeUpdateInput } from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryState } from '../../components/QueryState';
import { territoryScope, useCan } from '../auth/currentUser';
import { applyServerErrors, Field, useSaveErrorText, zodMessages } from '../admin/formKit';
import { meetingPaths } from '../meetings/paths';
import { MeetingTable } from './MeetingTable';
import { CommitteeMembers } from './CommitteeMembers';
import type { CommitteeChoice } from './choices';
import '../admin/admin.css';
import './committees.css';

type Territory = RouterOutputs['territory']['byId'];

/** How many of a committee's latest meetings its panel shows; the meetings list has the rest. */
const RECENT_MEETINGS = 5;

const territoryPath = (id: number) => `/territories/${id}`;

/** `/territories/:territoryId/committees`: the COPIL and COTECH of a territory, their members, their meetings. */
export function CommitteesPage() {
  const { t } = useTranslation('committees');
  const trpc = useTRPC();
  const can = useCan();
  const territoryId = Number(useParams().territoryId);
  const territory = useQuery(trpc.territory.byId.queryOptions({ id: territoryId }));
  const committees = useQuery(trpc.committee.list.queryOptions({ territoryId, limit: 200 }));
  useDocumentTitle(
    territory.data
      ? t('committees.titleOf', { territory: territory.data.name })
      : t('committees.title'),
  );
  return (
    <div className="page committees-page">
      <header className="page-header">
        <div>
          <h1>{t('committees.title')}</h1>
          {territory.data && <p className="muted">{territory.data.name}</p>}
        </div>
        <div className="toolbar no-print">
          {territory.data && (
            <Link className="button" to={territoryPath(territory.data.id)}>
              {t('committees.backToTerritory')}
            </Link>
          )}
          <Link className="button" to={`${meetingPaths.list()}?territoryId=${territoryId}`}>
            {t('committees.allMeetings')}
          </Link>
          <Link className="button" to={`${meetingPaths.decisions()}?territoryId=${territoryId}`}>
            {t('decisions.title')}
          </Link>
        </div>
      </header>
      <QueryState query={territory}>
        {(place) => {
          const manages = can('manage', territoryScope(place));
          return (
            <>
              <QueryState
                query={committees}
                isEmpty={(data) => data.total === 0}
                empty={t('committees.empty')}
              >
                {(data) => (
                  <div className="committee-list">
                    {data.items.map((committee) => (
                      <CommitteePanel key={committee.id} committee={committee} manages={manages} />
                    ))}
                  </div>
                )}
              </QueryState>
              {manages && <NewCommitteeForm territory={place} />}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function CommitteePanel({ committee, manages }: { committee: CommitteeChoice; manages: boolean }) {
  const { t } = useTranslation('committees');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const [renaming, setRenaming] = useState(false);
  const headingId = `committee-${committee.id}`;
  return (
    <section className="panel committee-panel" aria-labelledby={headingId}>
      <div className="panel-header committee-header">
        <div>
          <h2 id={headingId}>{committee.name}</h2>
          <p className="muted small committee-facts">
            <span className="badge committee-kind">{tv(`committeeKind.${committee.kind}`)}</span>{' '}
            {t('committees.lastMeeting', {
              date: committee.lastMeetingAt
                ? format.date(committee.lastMeetingAt)
                : t('committees.never'),
            })}
            {' · '}
            {t('committees.nextMeeting', {
              date: committee.nextMeetingAt
                ? format.date(committee.nextMeetingAt)
                : t('committees.noneScheduled'),
            })}
          </p>
        </div>
        {manages && (
          <div className="toolbar no-print">
            {!renaming && (
              <button
                type="button"
                className="button button-small"
                aria-label={t('committees.renameOf', { name: committee.name })}
                onClick={() => setRenaming(true)}
              >
                {t('committees.rename')}
              </button>
            )}
            <Link
              className="button button-small button-primary"
              to={meetingPaths.newMeeting(committee.id)}
              aria-label={t('committees.newMeetingOf', { name: committee.name })}
            >
              {t('committees.newMeeting')}
            </Link>
          </div>
        )}
      </div>
      {renaming && <RenameForm committee={committee} onDone={() => setRenaming(false)} />}
      <CommitteeMembers
        committeeId={committee.id}
        committeeName={committee.name}
        manages={manages}
      />
      <CommitteeMeetings committee={committee} />
    </section>
  );
}

function RenameForm({ committee, onDone }: { committee: CommitteeChoice; onDone: () => void }) {
  const { t } = useTranslation('committees');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const form = useForm({
    resolver: zodResolver(committeeUpdateInput, zodMessages),
    defaultValues: { id: committee.id, name: committee.name },
  });
  const rename = useMutation(
    trpc.committee.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.committee.pathFilter());
        await queryClient.invalidateQueries(trpc.meeting.pathFilter());
        onDone();
      },
      onError: (error) => applyServerErrors(error, form.setError, ['name']),
    }),
  );
  return (
    <form
      className="committee-inline-form no-print"
      noValidate
      onSubmit={(e) => void form.handleSubmit((values) => rename.mutate(values))(e)}
    >
      <Field label={t('committees.name')} required error={form.formState.errors.name?.message}>
        {(p) => <input {...p} {...form.register('name')} maxLength={200} />}
      </Field>
      <div className="admin-actions">
        <button type="submit" className="button button-primary" disabled={rename.isPending}>
          {rename.isPending ? tc('state.saving') : tc('fields.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {tc('fields.cancel')}
        </button>
      </div>
      {rename.error && !form.formState.errors.name && (
        <p className="form-error" role="alert">
          {saveErrorText(rename.error)}
        </p>
      )}
    </form>
  );
}

function CommitteeMeetings({ committee }: { committee: CommitteeChoice }) {
  const { t } = useTranslation('committees');
  const trpc = useTRPC();
  const meetings = useQuery(
    trpc.meeting.list.queryOptions({
      committeeId: committee.id,
      direction: 'desc',
      limit: RECENT_MEETINGS,
    }),
  );
  const title = t('committees.meetingsOf', { name: committee.name });
  return (
    <div className="committee-section">
      <h3>{t('committees.meetings')}</h3>
      <QueryState
        query={meetings}
        isEmpty={(data) => data.total === 0}
        empty={t('committees.noMeetings')}
      >
        {(data) => (
          <>
            <MeetingTable caption={title} meetings={data.items} showCommittee={false} />
            {data.total > data.items.length && (
              <p>
                <Link
                  to={`${meetingPaths.list()}?territoryId=${committee.territoryId}&committeeId=${committee.id}`}
                >
                  {t('committees.allMeetingsOf', { count: data.total })}
                </Link>
              </p>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

type NewCommitteeValues = z.input<typeof committeeCreateInput>;

function NewCommitteeForm({ territory }: { territory: Territory }) {
  const { t } = useTranslation('committees');
  const { t: tc } = useTranslation();
  const { t: tv } = useTranslation('vocab');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const [open, setOpen] = useState(false);
  const form = useForm({
    resolver: zodResolver(committeeCreateInput, zodMessages),
    defaultValues: {
      territoryId: territory.id,
      kind: 'cotech',
      name: '',
    } satisfies NewCommitteeValues,
  });
  const create = useMutation(
    trpc.committee.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.committee.pathFilter());
        form.reset();
        setOpen(false);
      },
      onError: (error) => applyServerErrors(error, form.setError, ['name', 'kind']),
    }),
  );
  const errors = form.formState.errors;
  if (!open) {
    return (
      <p className="no-print">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('committees.create')}
        </button>
      </p>
    );
  }
  return (
    <section className="panel no-print" aria-labelledby="new-committee">
      <h2 id="new-committee">{t('committees.create')}</h2>
      <form
        className="admin-form"
        noValidate
        onSubmit={(e) => void form.handleSubmit((values) => create.mutate(values))(e)}
      >
        <div className="admin-grid">
          <Field label={t('committees.kind')} required error={errors.kind?.message}>
            {(p) => (
              <select {...p} {...form.register('kind')}>
                {COMMITTEE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {tv(`committeeKind.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('committees.name')}
            required
            error={errors.name?.message}
            hint={t('committees.nameHint', { territory: territory.name })}
          >
            {(p) => <input {...p} {...form.register('name')} maxLength={200} />}
          </Field>
        </div>
        {create.error && !errors.name && (
          <p className="form-error" role="alert">
            {saveErrorText(create.error)}
          </p>
        )}
        <div className="admin-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? tc('state.saving') : tc('fields.create')}
          </button>
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {tc('fields.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
