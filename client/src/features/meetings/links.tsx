import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ActionLink } from '../actions/ActionLink';
import { useTRPC } from '../../lib/trpc';

export interface PlanLinks {
  planId: number | null;
  stageId: number | null;
  actionId: number | null;
}

export const NO_LINKS: PlanLinks = { planId: null, stageId: null, actionId: null };

const toId = (value: string): number | null => (value === '' ? null : Number(value));

/**
 * Picks what an agenda item or decision is about: a plan of the territory, then optionally one of
 * its stages, then optionally one of its actions. Each choice narrows the next one.
 */
export function LinkPicker({
  territoryId,
  value,
  onChange,
  idPrefix,
}: {
  territoryId: number;
  value: PlanLinks;
  onChange: (links: PlanLinks) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation('meetings');
  const { t: tv } = useTranslation('vocab');
  const trpc = useTRPC();
  const plans = useQuery(trpc.plan.list.queryOptions({ territoryId, limit: 200 }));
  const stages = useQuery({
    ...trpc.stage.list.queryOptions({ planId: value.planId ?? 0 }),
    enabled: value.planId !== null,
  });
  const actions = useQuery({
    ...trpc.action.list.queryOptions({
      planId: value.planId ?? 0,
      ...(value.stageId === null ? {} : { stageId: value.stageId }),
      limit: 200,
      sort: 'title',
    }),
    enabled: value.planId !== null,
  });

  return (
    <fieldset className="meeting-links-picker">
      <legend>{t('link.legend')}</legend>
      <div className="field">
        <label htmlFor={`${idPrefix}-plan`}>{t('link.plan')}</label>
        <select
          id={`${idPrefix}-plan`}
          value={value.planId ?? ''}
          disabled={plans.isPending}
          onChange={(e) =>
            onChange({ planId: toId(e.target.value), stageId: null, actionId: null })
          }
        >
          <option value="">{plans.isError ? t('link.loadFailed') : t('link.none')}</option>
          {plans.data?.items.map((plan) => (
            <option key={plan.id} value={plan.id}>
              {plan.code} · {plan.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-stage`}>{t('link.stage')}</label>
        <select
          id={`${idPrefix}-stage`}
          value={value.stageId ?? ''}
          disabled={value.planId === null || stages.isPending}
          onChange={(e) => onChange({ ...value, stageId: toId(e.target.value), actionId: null })}
        >
          <option value="">{t('link.wholePlan')}</option>
          {stages.data?.items.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {tv(`stageKind.${stage.kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-action`}>{t('link.action')}</label>
        <select
          id={`${idPrefix}-action`}
          value={value.actionId ?? ''}
          disabled={value.planId === null || actions.isPending}
          onChange={(e) => {
            const actionId = toId(e.target.value);
            const action = actions.data?.items.find((a) => a.id === actionId);
            onChange({ ...value, actionId, stageId: action ? action.stageId : value.stageId });
          }}
        >
          <option value="">{t('link.noAction')}</option>
          {actions.data?.items.map((action) => (
            <option key={action.id} value={action.id}>
              {action.title}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

/** What an item is about, in words: "FA-1 · Inventory · Map the skills needs". */
export function LinkedTo({
  planId,
  planCode,
  stageId,
  actionId,
  actionTitle,
}: PlanLinks & { planCode: string | null; actionTitle?: string | null }) {
  const { t: tv } = useTranslation('vocab');
  const trpc = useTRPC();
  const stages = useQuery({
    ...trpc.stage.list.queryOptions({ planId: planId ?? 0 }),
    enabled: planId !== null && stageId !== null,
  });
  const action = useQuery({
    ...trpc.action.byId.queryOptions({ id: actionId ?? 0 }),
    enabled: actionId !== null && actionTitle == null,
  });
  if (planId === null) return null;
  const stage = stages.data?.items.find((s) => s.id === stageId);
  const title = actionTitle ?? action.data?.title ?? null;
  return (
    <span className="meeting-linked">
      <Link to={`/plans/${planId}`}>{planCode}</Link>
      {stage && <> · {tv(`stageKind.${stage.kind}`)}</>}
      {title && actionId !== null && (
        <>
          {' '}
          · <ActionLink id={actionId} title={title} />
        </>
      )}
    </span>
  );
}
