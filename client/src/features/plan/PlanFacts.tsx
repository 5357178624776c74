import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { PlanDetail } from './PlanPage';

/** Who, where, what and when: the plan's identity card. */
export function PlanFacts({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation('plan');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const partners = plan.partners.filter((p) => p.role === 'partner');
  const cofunders = plan.partners.filter((p) => p.role === 'cofunder');
  const none = <span className="muted">{t('facts.none')}</span>;
  const names = (items: { name: string }[]) =>
    items.length === 0 ? none : items.map((i) => i.name).join(', ');

  return (
    <section className="panel" aria-labelledby="plan-facts-heading">
      <h2 id="plan-facts-heading">{t('facts.heading')}</h2>
      <dl className="plan-facts">
        <div>
          <dt>{t('facts.territories')}</dt>
          <dd>
            <ul className="inline-list">
              {plan.territories.map((territory) => (
                <li key={territory.id}>
                  <Link to={`/territories/${territory.id}`}>{territory.name}</Link>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('facts.axis')}</dt>
          <dd>{tv(`axis.${plan.axis}`)}</dd>
        </div>
        <div>
          <dt>{t('facts.priority')}</dt>
          <dd>{tv(`priority.${plan.priority}`)}</dd>
        </div>
        <div>
          <dt>{t('facts.period')}</dt>
          <dd>
            {t('facts.periodValue', {
              start: format.date(plan.startDate),
              end: format.date(plan.endDate),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('facts.leadOrganisation')}</dt>
          <dd>{plan.leadOrganisationName ?? none}</dd>
        </div>
        <div>
          <dt>{t('facts.leads')}</dt>
          <dd>{names(plan.leads)}</dd>
        </div>
        <div>
          <dt>{t('facts.partners')}</dt>
          <dd>{names(partners)}</dd>
        </div>
        <div>
          <dt>{t('facts.cofunders')}</dt>
          <dd>{names(cofunders)}</dd>
        </div>
      </dl>
    </section>
  );
}
