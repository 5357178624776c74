import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  COMMITTEE_MEMBER_ROLES,
  committeeMemberCreateInput,
  committeeMemberUpdateInput,
} from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { QueryState } from '../../components/QueryState';
import {
  applyServerErrors,
  Field,
  toNumberOrNull,
  useSaveErrorText,
  zodMessages,
} from '../admin/formKit';
import { useOrganisationChoices } from '../admin/choices';

type Member = RouterOutputs['committee']['byId']['members'][number];
type Organisation = RouterOutputs['organisation']['list']['items'][number];
type CreateValues = z.input<typeof committeeMemberCreateInput>;
type EditValues = z.input<typeof committeeMemberUpdateInput>;

const MEMBER_FIELDS = ['personName', 'organisationId', 'role'] as const;

/** The members of a committee; its coordinators add, edit and remove them. */
export function CommitteeMembers({
  committeeId,
  committeeName,
  manages,
}: {
  committeeId: number;
  committeeName: string;
  manages: boolean;
}) {
  const { t } = useTranslation('committees');
  const trpc = useTRPC();
  const committee = useQuery(trpc.committee.byId.queryOptions({ id: committeeId }));
  const organisations = useOrganisationChoices();
  const choices = organisations.data?.items ?? [];
  return (
    <div className="committee-section">
      <h3>{t('members.title')}</h3>
      <QueryState
        query={committee}
        isEmpty={(data) => data.members.length === 0}
        empty={t('members.empty')}
      >
        {(data) => (
          <div className="table-scroll">
            <table className="data-table committee-members">
              <caption className="visually-hidden">
                {t('members.caption', { name: committeeName })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('members.name')}</th>
                  <th scope="col">{t('members.organisation')}</th>
                  <th scope="col">{t('members.role')}</th>
                  {manages && (
                    <th scope="col">
                      <span className="visually-hidden">{t('members.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {data.members.map((member) => (
                  <MemberRow
                    key={member.id}
                    member={member}
                    manages={manages}
                    organisations={choices}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      {manages && (
        <AddMemberForm
          committeeId={committeeId}
          committeeName={committeeName}
          organisations={choices}
        />
      )}
    </div>
  );
}

function MemberRow({
  member,
  manages,
  organisations,
}: {
  member: Member;
  manages: boolean;
  organisations: readonly Organisation[];
}) {
  const { t } = useTranslation('committees');
  const { t: tv } = useTranslation('vocab');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const remove = useMutation(
    trpc.committeeMember.delete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.committee.pathFilter()),
    }),
  );
  if (mode === 'edit') {
    return (
      <EditMemberRow member={member} organisations={organisations} onDone={() => setMode('view')} />
    );
  }
  const name = member.personName;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{member.organisationName ?? <span className="muted">{tc('none')}</span>}</td>
      <td>{tv(`committeeMemberRole.${member.role}`)}</td>
      {manages && (
        <td className="committee-member-tools no-print">
          {mode === 'remove' ? (
            <span role="group" aria-label={t('members.confirmRemove', { name })}>
              <span className="small">{t('members.confirmRemove', { name })}</span>{' '}
              <button
                type="button"
                className="button button-small button-danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ id: member.id })}
              >
                {t('members.remove')}
              </button>{' '}
              <button type="button" className="button button-small" onClick={() => setMode('view')}>
                {tc('fields.cancel')}
              </button>
            </span>
          ) : (
            <>
              <button
                type="button"
                className="button button-small"
                aria-label={t('members.editOf', { name })}
                onClick={() => setMode('edit')}
              >
                {tc('fields.edit')}
              </button>{' '}
              <button
                type="button"
                className="button button-small button-quiet"
                aria-label={t('members.removeOf', { name })}
                onClick={() => setMode('remove')}
              >
                {t('members.remove')}
              </button>
            </>
          )}
          {remove.error && (
            <p className="field-error" role="alert">
              {saveErrorText(remove.error)}
            </p>
          )}
        </td>
      )}
    </tr>
  );
}

function EditMemberRow({
  member,
  organisations,
  onDone,
}: {
  member: Member;
  organisations: readonly Organisation[];
  onDone: () => void;
}) {
  const { t } = useTranslation('committees');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const [flagged, setFlagged] = useState(false);
  const form = useForm({
    resolver: zodResolver(committeeMemberUpdateInput, zodMessages),
    defaultValues: {
      id: member.id,
      personName: member.personName,
      organisationId: member.organisationId,
      role: member.role,
    } satisfies EditValues,
  });
  const update = useMutation(
    trpc.committeeMember.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.committee.pathFilter());
        onDone();
      },
      onError: (error) => setFlagged(applyServerErrors(error, form.setError, MEMBER_FIELDS)),
    }),
  );
  const formId = `member-form-${member.id}`;
  return (
    <tr className="committee-member-editing">
      <td colSpan={4}>
        <form
          id={formId}
          className="committee-member-form"
          noValidate
          aria-label={t('members.editOf', { name: member.personName })}
          onSubmit={(e) => void form.handleSubmit((values) => update.mutate(values))(e)}
        >
          <MemberFields form={form} organisations={organisations} />
          <div className="admin-actions committee-member-buttons">
            <button type="submit" className="button button-primary" disabled={update.isPending}>
              {update.isPending ? tc('state.saving') : tc('fields.save')}
            </button>
            <button type="button" className="button" onClick={onDone}>
              {tc('fields.cancel')}
            </button>
          </div>
        </form>
        {update.error && !flagged && (
          <p className="form-error" role="alert">
            {saveErrorText(update.error)}
          </p>
        )}
      </td>
    </tr>
  );
}

/** Name, organisation and role: the fields both the add and the edit forms hold. */
function MemberFields({
  form,
  organisations,
}: {
  form: UseFormReturn<EditValues> | UseFormReturn<CreateValues>;
  organisations: readonly Organisation[];
}) {
  const { t } = useTranslation('committees');
  const { t: tv } = useTranslation('vocab');
  const { t: tc } = useTranslation();
  // Both forms hold these names; react-hook-form types paths per form.
  const { register, formState } = form as unknown as UseFormReturn<EditValues>;
  const errors = formState.errors;
  return (
    <>
      <Field label={t('members.name')} required error={errors.personName?.message}>
        {(p) => <input {...p} {...register('personName')} maxLength={160} autoComplete="off" />}
      </Field>
      <Field label={t('members.organisation')} error={errors.organisationId?.message}>
        {(p) => (
          <select {...p} {...register('organisationId', { setValueAs: toNumberOrNull })}>
            <option value="">{tc('none')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('members.role')} required error={errors.role?.message}>
        {(p) => (
          <select {...p} {...register('role')}>
            {COMMITTEE_MEMBER_ROLES.map((role) => (
              <option key={role} value={role}>
                {tv(`committeeMemberRole.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

function AddMemberForm({
  committeeId,
  committeeName,
  organisations,
}: {
  committeeId: number;
  committeeName: string;
  organisations: readonly Organisation[];
}) {
  const { t } = useTranslation('committees');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const [flagged, setFlagged] = useState(false);
  const defaults = {
    committeeId,
    userId: null,
    personName: '',
    organisationId: null,
    role: 'member',
  } satisfies CreateValues;
  const form = useForm({
    resolver: zodResolver(committeeMemberCreateInput, zodMessages),
    defaultValues: defaults,
  });
  const create = useMutation(
    trpc.committeeMember.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.committee.pathFilter());
        form.reset(defaults);
      },
      onError: (error) => setFlagged(applyServerErrors(error, form.setError, MEMBER_FIELDS)),
    }),
  );
  return (
    <form
      className="committee-member-form committee-add-member no-print"
      noValidate
      aria-label={t('members.addTo', { name: committeeName })}
      onSubmit={(e) => void form.handleSubmit((values) => create.mutate(values))(e)}
    >
      <p className="committee-add-title" aria-hidden="true">
        {t('members.addTitle')}
      </p>
      <MemberFields form={form} organisations={organisations} />
      <div className="admin-actions committee-member-buttons">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? tc('state.saving') : t('members.add')}
        </button>
      </div>
      {create.error && !flagged && (
        <p className="form-error" role="alert">
          {saveErrorText(create.error)}
        </p>
      )}
    </form>
  );
}
