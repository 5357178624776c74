import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fundingLineCreateInput, fundingLineUpdateInput } from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { QueryState } from '../../components/QueryState';
import {
  applyServerErrors,
  Field,
  MoneyInput,
  toNumberOrNull,
  useSaveErrorText,
  zodMessages,
} from './formKit';
import { useOrganisationChoices } from './choices';

type Plan = RouterOutputs['plan']['byId'];
type FundingLine = Plan['fundingLines'][number];
type Organisation = RouterOutputs['organisation']['list']['items'][number];
type CreateValues = z.input<typeof fundingLineCreateInput>;
type UpdateValues = z.input<typeof fundingLineUpdateInput>;

const FUNDING_FIELDS = [
  'funderOrganisationId',
  'scheme',
  'requestedCents',
  'grantedCents',
  'paidCents',
] as const;
const AMOUNTS = ['requestedCents', 'grantedCents', 'paidCents'] as const;

/** The plan's funding lines: each editable in place, one more to add. */
export function FundingLines({ plan }: { plan: Plan }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const organisations = useOrganisationChoices();
  return (
    <section className="panel admin-form" aria-labelledby="funding-title">
      <h2 id="funding-title">{t('funding.title')}</h2>
      <p className="muted small">
        {t('funding.totals', {
          requested: format.money(plan.fundingTotals.requestedCents),
          granted: format.money(plan.fundingTotals.grantedCents),
          paid: format.money(plan.fundingTotals.paidCents),
        })}
      </p>
      <QueryState query={organisations}>
        {({ items }) => (
          <>
            {plan.fundingLines.length === 0 && <p className="muted">{t('funding.empty')}</p>}
            {plan.fundingLines.map((line, index) => (
              <FundingLineForm
                key={`${line.id}-${line.grantedCents}-${line.paidCents}-${line.requestedCents}`}
                line={line}
                number={index + 1}
                organisations={items}
              />
            ))}
            <NewFundingLineForm planId={plan.id} organisations={items} />
          </>
        )}
      </QueryState>
    </section>
  );
}

/** The funder, scheme and three amounts of one line, for either form. */
function FundingFields<T extends FieldValues, TOut>({
  form,
  organisations,
  number,
}: {
  form: UseFormReturn<T, unknown, TOut>;
  organisations: readonly Organisation[];
  number: number | null;
}) {
  const { t } = useTranslation('admin');
  // The two forms share these names; react-hook-form's paths are typed per form.
  const { register, control, formState } = form as unknown as UseFormReturn<CreateValues>;
  const errors = formState.errors;
  const suffix = number === null ? t('funding.newSuffix') : t('funding.lineSuffix', { n: number });
  return (
    <div className="admin-funding-fields">
      <Field
        label={t('funding.funder')}
        hiddenLabel={suffix}
        required
        error={errors.funderOrganisationId?.message}
      >
        {(p) => (
          <select {...p} {...register('funderOrganisationId', { setValueAs: toNumberOrNull })}>
            <option value="">{t('choose')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('funding.scheme')}
        hiddenLabel={suffix}
        required
        error={errors.scheme?.message}
      >
        {(p) => <input {...p} {...register('scheme')} maxLength={200} />}
      </Field>
      {AMOUNTS.map((name) => (
        <Field
          key={name}
          label={t(`funding.${name}`)}
          hiddenLabel={suffix}
          required
          error={errors[name]?.message}
        >
          {(p) => (
            <Controller
              control={control}
              name={name}
              render={({ field }) => (
                <MoneyInput
                  control={p}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                />
              )}
            />
          )}
        </Field>
      ))}
    </div>
  );
}

function FundingLineForm({
  line,
  number,
  organisations,
}: {
  line: FundingLine;
  number: number;
  organisations: readonly Organisation[];
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    resolver: zodResolver(fundingLineUpdateInput, zodMessages),
    defaultValues: {
      id: line.id,
      funderOrganisationId: line.funderOrganisationId,
      scheme: line.scheme,
      requestedCents: line.requestedCents,
      grantedCents: line.grantedCents,
      paidCents: line.paidCents,
    } satisfies UpdateValues,
  });
  const invalidate = () => queryClient.invalidateQueries(trpc.plan.pathFilter());
  const update = useMutation(
    trpc.fundingLine.update.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await invalidate();
      },
      onError: (error) => applyServerErrors(error, form.setError, FUNDING_FIELDS),
    }),
  );
  const remove = useMutation(trpc.fundingLine.delete.mutationOptions({ onSuccess: invalidate }));
  const error = update.error ?? remove.error;
  return (
    <form
      className="admin-funding-line"
      noValidate
      aria-label={t('funding.lineSuffix', { n: number })}
      onSubmit={(e) =>
        void form.handleSubmit((values) => {
          setSaved(false);
          update.mutate(values);
        })(e)
      }
    >
      {error && !Object.keys(form.formState.errors).length && (
        <p className="form-error" role="alert">
          {saveErrorText(error)}
        </p>
      )}
      <FundingFields form={form} organisations={organisations} number={number} />
      <div className="admin-actions">
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={update.isPending}
        >
          {update.isPending ? tc('state.saving') : t('funding.saveLine', { n: number })}
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(t('funding.confirmDelete', { scheme: line.scheme }))) {
              remove.mutate({ id: line.id });
            }
          }}
        >
          {t('funding.deleteLine', { n: number })}
        </button>
        <span role="status" className="muted small">
          {saved ? tc('state.saved') : ''}
        </span>
      </div>
    </form>
  );
}

function NewFundingLineForm({
  planId,
  organisations,
}: {
  planId: number;
  organisations: readonly Organisation[];
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const empty: CreateValues = {
    planId,
    funderOrganisationId: null as unknown as number, // unchosen: the schema asks for one
    scheme: '',
    requestedCents: 0,
    grantedCents: 0,
    paidCents: 0,
  };
  const form = useForm({
    resolver: zodResolver(fundingLineCreateInput, zodMessages),
    defaultValues: empty,
  });
  const create = useMutation(
    trpc.fundingLine.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        form.reset(empty);
      },
      onError: (error) => applyServerErrors(error, form.setError, FUNDING_FIELDS),
    }),
  );
  return (
    <form
      className="admin-funding-line admin-funding-new"
      noValidate
      aria-labelledby="funding-new-title"
      onSubmit={(e) => void form.handleSubmit((values) => create.mutate(values))(e)}
    >
      <h3 id="funding-new-title">{t('funding.add')}</h3>
      {create.error && !Object.keys(form.formState.errors).length && (
        <p className="form-error" role="alert">
          {saveErrorText(create.error)}
        </p>
      )}
      <FundingFields form={form} organisations={organisations} number={null} />
      <div className="admin-actions">
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={create.isPending}
        >
          {create.isPending ? tc('state.saving') : t('funding.add')}
        </button>
      </div>
    </form>
  );
}
