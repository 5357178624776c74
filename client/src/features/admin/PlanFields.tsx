import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AXES, PARTNER_ROLES, PRIORITIES, type planCreateInput } from '@jalon/shared';
import type { RouterOutputs } from '../../lib/trpc';
import {
  Field,
  InputField,
  MoneyInput,
  SelectField,
  TextAreaField,
  toDateOrNull,
  toNumberOrNull,
} from './formKit';
import type { Membership } from './choices';

/** What the plan form holds: the create schema's input (the edit form adds id and version). */
export type PlanValues = z.input<typeof planCreateInput>;

type Organisation = RouterOutputs['organisation']['list']['items'][number];

/** Every field of a plan a server error may name. */
export const PLAN_FIELDS = [
  'code',
  'title',
  'summary',
  'axis',
  'priority',
  'leadOrganisationId',
  'startDate',
  'endDate',
  'budgetCents',
  'leadUserIds',
  'partners',
] as const;

/** The plan's fields, shared by the new-plan and edit-plan forms. */
export function PlanFields<TOut>({
  form,
  organisations,
  leads,
}: {
  form: UseFormReturn<PlanValues, unknown, TOut>;
  organisations: readonly Organisation[];
  leads: readonly Membership[];
}) {
  const { t } = useTranslation('admin');
  const { t: tv } = useTranslation('vocab');
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const partners = useFieldArray({ control, name: 'partners' });
  const organisationChoices = organisations.map((o) => ({ value: o.id, label: o.name }));

  return (
    <>
      <div className="admin-grid">
        <InputField
          label={t('plan.code')}
          required
          error={errors.code?.message}
          hint={t('plan.codeHint')}
          input={{ ...register('code'), maxLength: 20, autoComplete: 'off' }}
        />
        <InputField
          label={t('plan.title')}
          required
          error={errors.title?.message}
          className="admin-wide"
          input={{ ...register('title'), maxLength: 200 }}
        />
      </div>
      <TextAreaField
        label={t('plan.summary')}
        error={errors.summary?.message}
        textarea={{ ...register('summary'), rows: 4, maxLength: 4000 }}
      />
      <div className="admin-grid">
        <SelectField
          label={t('plan.axis')}
          required
          error={errors.axis?.message}
          select={register('axis')}
          placeholder={t('choose')}
          choices={AXES.map((axis) => ({ value: axis, label: tv(`axis.${axis}`) }))}
        />
        <SelectField
          label={t('plan.priority')}
          required
          error={errors.priority?.message}
          select={register('priority')}
          choices={PRIORITIES.map((p) => ({ value: p, label: tv(`priority.${p}`) }))}
        />
        <SelectField
          label={t('plan.leadOrganisation')}
          error={errors.leadOrganisationId?.message}
          select={register('leadOrganisationId', { setValueAs: toNumberOrNull })}
          placeholder={t('noneChosen')}
          choices={organisationChoices}
        />
      </div>
      <div className="admin-grid">
        <InputField
          label={t('plan.startDate')}
          error={errors.startDate?.message}
          input={{ type: 'date', ...register('startDate', { setValueAs: toDateOrNull }) }}
        />
        <InputField
          label={t('plan.endDate')}
          error={errors.endDate?.message}
          input={{ type: 'date', ...register('endDate', { setValueAs: toDateOrNull }) }}
        />
        <Field label={t('plan.budget')} error={errors.budgetCents?.message} hint={t('euroHint')}>
          {(p) => (
            <Controller
              control={control}
              name="budgetCents"
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
      </div>

      <fieldset className="admin-fieldset">
        <legend>{t('plan.leads')}</legend>
        {leads.length === 0 ? (
          <p className="muted small">{t('plan.noEligibleLeads')}</p>
        ) : (
          <Controller
            control={control}
            name="leadUserIds"
            render={({ field }) => {
              const chosen = field.value ?? [];
              return (
                <ul className="admin-checks">
                  {leads.map((m) => (
                    <li key={m.userId}>
                      <label>
                        <input
                          type="checkbox"
                          checked={chosen.includes(m.userId)}
                          onChange={(e) =>
                            field.onChange(
                              e.target.checked
                                ? [...chosen, m.userId]
                                : chosen.filter((id) => id !== m.userId),
                            )
                          }
                        />{' '}
                        {m.userName}{' '}
                        <span className="muted small">({tv(`territoryRole.${m.role}`)})</span>
                      </label>
                    </li>
                  ))}
                </ul>
              );
            }}
          />
        )}
        <p className="muted small">{t('plan.leadsHint')}</p>
      </fieldset>

      <fieldset className="admin-fieldset">
        <legend>{t('plan.partners')}</legend>
        {partners.fields.length === 0 && <p className="muted small">{t('plan.noPartners')}</p>}
        {partners.fields.map((row, index) => (
          <div key={row.id} className="admin-row">
            <SelectField
              label={t('plan.partnerOrganisation')}
              hiddenLabel={t('plan.partnerN', { n: index + 1 })}
              required
              error={errors.partners?.[index]?.organisationId?.message}
              select={register(`partners.${index}.organisationId`, { setValueAs: toNumberOrNull })}
              placeholder={t('choose')}
              choices={organisationChoices}
            />
            <SelectField
              label={t('plan.partnerRole')}
              hiddenLabel={t('plan.partnerN', { n: index + 1 })}
              required
              error={errors.partners?.[index]?.role?.message}
              select={register(`partners.${index}.role`)}
              choices={PARTNER_ROLES.map((r) => ({ value: r, label: tv(`partnerRole.${r}`) }))}
            />
            <button
              type="button"
              className="button button-small button-quiet admin-row-button"
              onClick={() => partners.remove(index)}
            >
              {t('plan.removePartner', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-small"
          onClick={() =>
            // A new row starts unchosen (null, which the type does not admit): the schema then
            // asks for an organisation instead of the form picking one.
            partners.append({ organisationId: null as unknown as number, role: 'partner' })
          }
        >
          {t('plan.addPartner')}
        </button>
      </fieldset>
    </>
  );
}
