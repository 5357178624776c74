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
import { StatusBadge } from '../../components/StatusBadge';
import { CommentThread } from '../comments/CommentThread';
import { ActionHistory } from './ActionHistory';
import { ActionIndicators } from './ActionIndicators';
import '../plan/plan.css';
import './actions.css';

export type ActionDetail = RouterOutputs['action']['byId'];
type PlanDetail = RouterOutputs['plan']['byId'];

/** One action: its facts, the indicators of its plan, its history and its discussion. */
export function ActionPage() {
  const { t } = useTranslation('action');
  const trpc = useTRPC();
  const actionId = Number(useParams().actionId);
  const valid = Number.isInteger(actionId) && actionId > 0;
  const action = useQuery({ ...trpc.action.byId.queryOptions({ id: actionId }), enabled: valid });
  const plan = useQuery({
    ...trpc.plan.byId.queryOptions({ id: action.data?.planId ?? 0 }),
    enabled: action.data !== undefined,
  });
  useDocumentTitle(action.data ? action.data.title : t('title'));

  if (!valid) return <ActionUnavailable error={null} />;
  const failed = action.error ?? plan.error;
  if (failed) {
    return (
      <ActionUnavailable
        error={failed}
        onRetry={() => void (action.error ? action.refetch() : plan.refetch())}
      />
    );
  }
  if (!action.data || !plan.data) return <Loading />;
  return <ActionView action={action.data} plan={plan.data} />;
}

function ActionUnavailable({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('action');
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

function ActionView({ action, plan }: { action: ActionDetail; plan: PlanDetail }) {
  const { t } = useTranslation('action');
  const { t: tc } = useTranslation('comments');
  const format = useFormat();
  const can = useCan();
  const scope = planScope(plan);
  const manage = can('manage', scope);
  const updateWork = can('update_plan_work', scope);

  return (
    <div className="page action-page">
      <header className="page-header">
        <div className="plan-title">
          <p className="action-plan-link">
            <Link to={`/plans/${plan.id}`}>
              {t('planLink', { code: action.planCode, title: action.planTitle })}
            </Link>
          </p>
          <h1>{action.title}</h1>
          {action.archivedAt && (
            <p className="badge plan-archived">
              {t('facts.archived', { date: format.date(action.archivedAt) })}
            </p>
          )}
        </div>
        {(manage || updateWork) && (
          <div className="toolbar no-print">
            {manage && (
              <Link className="button button-primary" to={adminPaths.editAction(action.id)}>
                {t('links.edit')}
              </Link>
            )}
            {updateWork && (
              <Link className="button" to="/my-actions">
                {t('links.myActions')}
              </Link>
            )}
          </div>
        )}
      </header>

      <div className="grid grid-2">
        <ActionFacts action={action} />
        <ActionIndicators planId={plan.id} />
      </div>

      <div className="grid grid-2">
        <ActionHistory actionId={action.id} />
        <section className="panel" aria-labelledby="action-comments-heading">
          <h2 id="action-comments-heading">{tc('heading')}</h2>
          <CommentThread target={{ entityType: 'action', entityId: action.id }} scope={scope} />
        </section>
      </div>
    </div>
  );
}

function ActionFacts({ action }: { action: ActionDetail }) {
  const { t } = useTranslation('action');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const none = <span className="muted">{t('facts.none')}</span>;
  const date = (value: string | null) => (value ? format.date(value) : none);
  return (
    <section className="panel" aria-labelledby="action-facts-heading">
      <h2 id="action-facts-heading">{t('facts.heading')}</h2>
      <dl className="plan-facts">
        <div>
          <dt>{t('facts.plan')}</dt>
          <dd>
            <Link to={`/plans/${action.planId}`}>
              {t('planLink', { code: action.planCode, title: action.planTitle })}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('facts.stage')}</dt>
          <dd>{tv(`stageKind.${action.stageKind}`)}</dd>
        </div>
        <div>
          <dt>{t('facts.owner')}</dt>
          <dd>{action.ownerName ?? none}</dd>
        </div>
        <div>
          <dt>{t('facts.status')}</dt>
          <dd>
            <StatusBadge status={action.status} />
          </dd>
        </div>
        <div>
          <dt>{t('facts.progress')}</dt>
          <dd>
            <ProgressBar value={action.progress} label={t('facts.progress')} />
          </dd>
        </div>
        <div>
          <dt>{t('facts.startDate')}</dt>
          <dd>{date(action.startDate)}</dd>
        </div>
        <div>
          <dt>{t('facts.dueDate')}</dt>
          <dd>
            {date(action.dueDate)}
            {action.overdue && (
              <>
                {' '}
                <span className="badge attention">{t('facts.overdue')}</span>
              </>
            )}
          </dd>
        </div>
        {action.completedOn && (
          <div>
            <dt>{t('facts.completedOn')}</dt>
            <dd>{format.date(action.completedOn)}</dd>
          </div>
        )}
        <div>
          <dt>{t('facts.statusComment')}</dt>
          <dd>{action.statusComment || none}</dd>
        </div>
        <div>
          <dt>{t('facts.description')}</dt>
          <dd className="action-description">{action.description || none}</dd>
        </div>
      </dl>
    </section>
  );
}
