import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isoDate, MEETING_MODES, meetingCreateInput } from '@jalon/shared';
import { fieldErrors, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../auth/currentUser';
import {
  applyServerErrors,
  Field,
  FormActions,
  NotAllowed,
  RequiredLegend,
  useSaveErrorText,
  useValidationText,
  zodMessages,
} from '../admin/formKit';
import { meetingPaths } from '../meetings/paths';
import { CommitteeName } from './badges';
import '../admin/admin.css';
import './committees.css';

type Committee = RouterOutputs['committee']['byId'];

/**
 * The shared creation schema, with the moment typed as a day and a time of day (the person's own
 * time zone): the form's only difference from the wire.
 */
const newMeetingForm = meetingCreateInput.omit({ scheduledAt: true }).extend({
  date: z.string().min(1).pipe(isoDate),
  time: z
    .string()
    .min(1)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
type NewMeetingValues = z.input<typeof newMeetingForm>;
type NewMeetingOutput = z.output<typeof newMeetingForm>;

/** `/committees/:committeeId/meetings/new`: plan a meeting of a committee. */
export function NewMeetingPage() {
  const { t } = useTranslation('committees');
  const trpc = useTRPC();
  const can = useCan();
  const committeeId = Number(useParams().committeeId);
  const committee = useQuery(trpc.committee.byId.queryOptions({ id: committeeId }));
  useDocumentTitle(t('newMeeting.title'));
  const backTo = committee.data ? meetingPaths.committees(committee.data.territoryId) : '/';
  return (
    <div className="page admin-page committees-page">
      <header className="page-header">
        <div>
          <h1>{t('newMeeting.title')}</h1>
          {committee.data && (
            <p className="muted">
              <CommitteeName name={committee.data.name} kind={committee.data.kind} />
            </p>
          )}
        </div>
        {committee.data && (
          <Link to={backTo} className="button">
            {t('newMeeting.back')}
          </Link>
        )}
      </header>
      <QueryState query={committee}>
        {(data) =>
          can('manage', { territoryIds: [data.territoryId], regionIds: [], planId: null }) ? (
            <NewMeetingForm committee={data} backTo={backTo} />
          ) : (
            <NotAllowed backTo={backTo} backLabel={t('newMeeting.back')} />
          )
        }
      </QueryState>
    </div>
  );
}

function NewMeetingForm({ committee, backTo }: { committee: Committee; backTo: string }) {
  const { t } = useTranslation('committees');
  const { t: tv } = useTranslation('vocab');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const validationText = useValidationText();
  const [flagged, setFlagged] = useState(false);
  const form = useForm<NewMeetingValues, unknown, NewMeetingOutput>({
    resolver: zodResolver(newMeetingForm, zodMessages),
    defaultValues: {
      committeeId: committee.id,
      date: '',
      time: '09:30',
      place: '',
      mode: 'in_person',
    },
  });
  const create = useMutation(
    trpc.meeting.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries(trpc.meeting.pathFilter());
        await queryClient.invalidateQueries(trpc.committee.pathFilter());
        void navigate(meetingPaths.meeting(created.id));
      },
      onError: (error) => {
        // The server names the moment `scheduledAt`: it belongs to the date field here.
        const placed = applyServerErrors(error, form.setError, ['place', 'mode']);
        const moment = fieldErrors(error)['scheduledAt']?.[0];
        if (moment) form.setError('date', { type: 'server', message: moment });
        setFlagged(placed || !!moment);
      },
    }),
  );
  const errors = form.formState.errors;
  const submit = ({ date, time, ...rest }: NewMeetingOutput) =>
    create.mutate({ ...rest, scheduledAt: new Date(`${date}T${time}:00`).toISOString() });
  return (
    <form
      className="panel admin-form new-meeting-form"
      noValidate
      onSubmit={(e) => void form.handleSubmit(submit)(e)}
    >
      <RequiredLegend />
      {create.error && (
        <p className="form-error" role="alert">
          {flagged ? t('newMeeting.fixFields') : saveErrorText(create.error)}
        </p>
      )}
      <div className="admin-grid">
        <Field label={t('newMeeting.date')} required error={errors.date?.message}>
          {(p) => <input {...p} type="date" {...form.register('date')} />}
        </Field>
        <Field
          label={t('newMeeting.time')}
          required
          error={errors.time?.message}
          hint={t('newMeeting.timeHint')}
        >
          {(p) => <input {...p} type="time" {...form.register('time')} />}
        </Field>
        <Field
          label={t('newMeeting.place')}
          error={errors.place?.message}
          hint={t('newMeeting.placeHint')}
          className="admin-wide"
        >
          {(p) => <input {...p} {...form.register('place')} maxLength={200} />}
        </Field>
      </div>
      <fieldset
        className="admin-fieldset new-meeting-modes"
        aria-describedby={errors.mode ? 'new-meeting-mode-error' : undefined}
      >
        <legend>
          {t('newMeeting.mode')}
          <span className="admin-required" aria-hidden="true">
            {' '}
            *
          </span>
        </legend>
        {MEETING_MODES.map((mode) => (
          <label key={mode} className="list-check">
            <input type="radio" value={mode} {...form.register('mode')} />
            {tv(`meetingMode.${mode}`)}
          </label>
        ))}
        {errors.mode && (
          <p id="new-meeting-mode-error" className="field-error">
            {validationText(errors.mode.message)}
          </p>
        )}
      </fieldset>
      <FormActions saving={create.isPending} cancelTo={backTo} saveLabel={t('newMeeting.save')} />
    </form>
  );
}
