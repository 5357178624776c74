import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorCode, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { planScope, useCan } from '../auth/currentUser';
import { adminPaths } from '../admin/paths';
import { ErrorMessage, Loading } from '../../components/QueryState';
import { ProgressBar } from '../../components/ProgressBar';
import { ActionsView } from '../actions/ActionsView';
import { PlanFacts } from './PlanFacts';
import { FundingPanel } from './FundingPanel';
import { StageStepper } from './StageStepper';
import { IndicatorsSection } from './IndicatorsSection';
import { PlanProgressPanel } from '../progress-history/PlanProgressPanel';
import { PlanHistory } from './PlanHistory';
import { PlanComments } from './PlanComments';
import './plan.css';

export type PlanDetail = RouterOutputs['plan']['byId'];

export function PlanPage() {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const planId = Number(useParams().planId);
  const valid = Number.isInteger(planId) && planId > 0;
  const plan = useQuery({ ...trpc.plan.byId.queryOptions({ id: planId }), enabled: valid });
  useDocumentTitle(plan.data ? `${plan.data.code} · ${plan.data.title}` : t('title'));

  if (!valid) return <PlanUnavailable error={null} />;
  if (plan.isPending) return <Loading />;
  if (plan.error) return <PlanUnavailable error={plan.error} onRetry={() => void plan.refetch()} />;
  return <PlanView plan={plan.data} />;
}

/** A plan that does not exist, or that the user may not read, or a failed load. */
function PlanUnavailable({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('plan');
  const code = error === null ? 'NOT_FOUND' : errorCode(error);
  return (
    <div className="page">
      <h1>{t('error.title')}</h1>
      {code === 'NOT_FOUND' || code === 'FORBIDDEN' ? (
        <div className="state state-error" role="alert">
          <p>{t(`error.${code}`)}</p>
        </div>
      ) : (
        <ErrorMessage error={error} {...(onRetry ? { onRetry } : {})} />
      )}
      <p>
        <Link to="/">{t('error.backHome')}</Link>
      </p>
    </div>
  );
}

function PlanView({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation('plan');
  const format = useFormat();
  const can = useCan();
  const scope = planScope(plan);
  const manage = can('manage', scope);
  const updateWork = can('update_plan_work', scope);

  return (
    <div className="page plan-page">
      <header className="page-header">
        <div className="plan-title">
          <h1>{t('heading', { code: plan.code, title: plan.title })}</h1>
          {plan.summary && <p className="plan-summary">{plan.summary}</p>}
          {plan.archivedAt && (
            <p className="badge plan-archived">
              {t('archived', { date: format.date(plan.archivedAt) })}
            </p>
          )}
        </div>
        {(manage || updateWork) && (
          <div className="toolbar no-print">
            {manage && (
              <>
                <Link className="button button-primary" to={adminPaths.editPlan(plan.id)}>
                  {t('links.edit')}
                </Link>
                <Link className="button" to={adminPaths.newAction(plan.id)}>
                  {t('links.newAction')}
                </Link>
                <Link className="button" to={adminPaths.newIndicator(plan.id)}>
                  {t('links.newIndicator')}
                </Link>
              </>
            )}
            {updateWork && (
              <Link className="button" to="/my-actions">
                {t('links.myActions')}
              </Link>
            )}
          </div>
        )}
      </header>

      <div className="plan-progress">
        <span className="plan-progress-label">{t('overallProgress')}</span>
        <ProgressBar value={plan.progress} label={t('overallProgress')} />
      </div>

      <div className="grid grid-2">
        <PlanFacts plan={plan} />
        <FundingPanel plan={plan} />
      </div>

      <StageStepper stages={plan.stages} />

      <PlanProgressPanel planId={plan.id} />

      <section className="panel" aria-labelledby="plan-actions-heading">
        <div className="panel-header">
          <h2 id="plan-actions-heading">{t('actions.heading')}</h2>
        </div>
        <ActionsView fixed={{ planId: plan.id }} urlState={false} />
      </section>

      <IndicatorsSection planId={plan.id} manage={manage} scope={scope} canRecord={updateWork} />

      <div className="grid grid-2">
        <PlanHistory plan={plan} />
        <PlanComments plan={plan} />
      </div>
    </div>
  );
}
