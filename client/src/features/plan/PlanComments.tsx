import { useTranslation } from 'react-i18next';
import { planScope } from '../auth/currentUser';
import { CommentThread } from '../comments/CommentThread';
import type { PlanDetail } from './PlanPage';

/** The plan's discussion, oldest first, and a form for those who may comment. */
export function PlanComments({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation('plan');
  return (
    <section className="panel" aria-labelledby="plan-comments-heading">
      <h2 id="plan-comments-heading">{t('comments.heading')}</h2>
      <CommentThread target={{ entityType: 'plan', entityId: plan.id }} scope={planScope(plan)} />
    </section>
  );
}
