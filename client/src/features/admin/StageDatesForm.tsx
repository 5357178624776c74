import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { stageUpdateInput } from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { Field, toDateOrNull, useSaveErrorText, zodMessages } from './formKit';

type Plan = RouterOutputs['plan']['byId'];

/** The three stages at once, each row validated by the stage schema the server uses. */
const stagesForm = z.object({ stages: z.array(stageUpdateInput) });
type StagesValues = z.input<typeof stagesForm>;

const DATE_FIELDS = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const;
type DateField = (typeof DATE_FIELDS)[number];

const stageValues = (plan: Plan): StagesValues => ({
  stages: plan.stages.map((s) => ({
    id: s.id,
    plannedStart: s.plannedStart,
    plannedEnd: s.plannedEnd,
    actualStart: s.actualStart,
    actualEnd: s.actualEnd,
  })),
});

/** The planned and actual dates of the plan's three stages, saved stage by stage. */
export function StageDatesForm({ plan }: { plan: Plan }) {
  const { t } = useTranslation('admin');
  const { t: tv } = useTranslation('vocab');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const [saved, setSaved] = useState(false);
  const [initial, setInitial] = useState(() => stageValues(plan));
  const form = useForm({
    resolver: zodResolver(stagesForm, zodMessages),
    defaultValues: initial,
  });
  const {
    register,
    formState: { errors },
  } = form;
  const update = useMutation(trpc.stage.update.mutationOptions());

  const save = async (values: z.output<typeof stagesForm>) => {
    setSaved(false);
    update.reset();
    for (const [index, stage] of values.stages.entries()) {
      const before = initial.stages[index];
      if (before && DATE_FIELDS.every((f) => (before[f] ?? null) === (stage[f] ?? null))) continue;
      try {
        await update.mutateAsync(stage);
      } catch (error) {
        // The server names the end that precedes its start: "Invalid plannedEnd: ...".
        const field = /Invalid (plannedEnd|actualEnd)/.exec(
          error instanceof Error ? error.message : '',
        )?.[1] as DateField | undefined;
        if (field)
          form.setError(`stages.${index}.${field}`, { type: 'server', message: 'stageEndOrder' });
        return;
      }
    }
    await queryClient.invalidateQueries(trpc.plan.pathFilter());
    await queryClient.invalidateQueries(trpc.stage.pathFilter());
    setInitial(values);
    setSaved(true);
  };

  return (
    <form
      className="panel admin-form"
      noValidate
      aria-labelledby="stages-title"
      onSubmit={(e) => void form.handleSubmit(save)(e)}
    >
      <h2 id="stages-title">{t('stages.title')}</h2>
      {update.error && !Object.keys(errors).length && (
        <p className="form-error" role="alert">
          {saveErrorText(update.error)}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table admin-stage-table">
          <caption className="visually-hidden">{t('stages.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stages.stage')}</th>
              {DATE_FIELDS.map((f) => (
                <th key={f} scope="col">
                  {t(`stages.${f}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.stages.map((stage, index) => (
              <tr key={stage.id}>
                <th scope="row">
                  {stage.position}. {tv(`stageKind.${stage.kind}`)}
                </th>
                {DATE_FIELDS.map((f) => (
                  <td key={f}>
                    <Field
                      label={t('stages.fieldLabel', {
                        field: t(`stages.${f}`),
                        stage: tv(`stageKind.${stage.kind}`),
                      })}
                      className="admin-cell-field"
                      error={errors.stages?.[index]?.[f]?.message}
                    >
                      {(p) => (
                        <input
                          {...p}
                          type="date"
                          {...register(`stages.${index}.${f}`, { setValueAs: toDateOrNull })}
                        />
                      )}
                    </Field>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="admin-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? tc('state.saving') : t('stages.save')}
        </button>
        <span role="status" className="muted">
          {saved ? tc('state.saved') : ''}
        </span>
      </div>
    </form>
  );
}
