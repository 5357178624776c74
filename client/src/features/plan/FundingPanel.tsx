import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { CsvDownload } from '../../components/CsvDownload';
import type { PlanDetail } from './PlanPage';

/** The budget, and who was asked for how much, granted and paid, with the totals. */
export function FundingPanel({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation('plan');
  const format = useFormat();
  const totals = plan.fundingTotals;
  return (
    <section className="panel" aria-labelledby="plan-funding-heading">
      <div className="panel-header">
        <h2 id="plan-funding-heading">{t('funding.heading')}</h2>
        {plan.fundingLines.length > 0 && (
          <span className="no-print">
            <CsvDownload table="funding-lines" params={{ planId: plan.id }} />
          </span>
        )}
      </div>
      <dl className="figures">
        <div className="figure">
          <dt>{t('funding.budget')}</dt>
          <dd>{format.money(plan.budgetCents)}</dd>
        </div>
      </dl>
      {plan.fundingLines.length === 0 ? (
        <p className="state state-empty">{t('funding.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('funding.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('funding.funder')}</th>
                <th scope="col">{t('funding.scheme')}</th>
                <th scope="col" className="numeric">
                  {t('funding.requested')}
                </th>
                <th scope="col" className="numeric">
                  {t('funding.granted')}
                </th>
                <th scope="col" className="numeric">
                  {t('funding.paid')}
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.fundingLines.map((line) => (
                <tr key={line.id}>
                  <th scope="row">{line.funderName}</th>
                  <td>{line.scheme}</td>
                  <td className="numeric">{format.money(line.requestedCents)}</td>
                  <td className="numeric">{format.money(line.grantedCents)}</td>
                  <td className="numeric">{format.money(line.paidCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="total-row">
                <th scope="row" colSpan={2}>
                  {t('funding.total')}
                </th>
                <td className="numeric">{format.money(totals.requestedCents)}</td>
                <td className="numeric">{format.money(totals.grantedCents)}</td>
                <td className="numeric">{format.money(totals.paidCents)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
