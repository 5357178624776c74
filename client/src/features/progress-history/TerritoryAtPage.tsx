import { Fragment, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, historyDay } from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat, type Formatters } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryState } from '../../components/QueryState';
import { territoryAtPath } from './paths';
import { StateAtForm } from './seriesParts';
import './progressHistory.css';

type Comparison = RouterOutputs['progress']['territoryAt'];
type PlanState = Comparison['then']['plans'][number];

/** `/territories/:territoryId/at/:date`: the territory as it stood on a past day, beside today. */
export function TerritoryAtPage() {
  const { t } = useTranslation('progressHistory');
  const params = useParams();
  const territoryId = Number(params.territoryId);
  const day = params.date ?? '';
  if (!Number.isInteger(territoryId) || territoryId <= 0 || !historyDay.safeParse(day).success) {
    return (
      <div className="page">
        <h1>{t('at.pageTitle')}</h1>
        <p className="state state-error" role="alert">
          {t('at.invalid')}
        </p>
      </div>
    );
  }
  return <TerritoryAt territoryId={territoryId} day={day} />;
}

function TerritoryAt({ territoryId, day }: { territoryId: number; day: string }) {
  const { t } = useTranslation('progressHistory');
  const trpc = useTRPC();
  const format = useFormat();
  const territory = useQuery(trpc.territory.byId.queryOptions({ id: territoryId }));
  const comparison = useQuery(trpc.progress.territoryAt.queryOptions({ territoryId, at: day }));
  const name = territory.data?.name ?? '';
  useDocumentTitle(
    name ? t('at.title', { territory: name, date: format.date(day) }) : t('at.pageTitle'),
  );
  return (
    <div className="page territory-at-page">
      <QueryState query={comparison}>
        {(data) => (
          <>
            <header className="page-header">
              <div>
                <h1>{t('at.title', { territory: name, date: format.date(data.at) })}</h1>
                <p className="muted">
                  {t('at.intro', { date: format.date(data.at), today: format.date(data.today) })}
                </p>
              </div>
              <div className="toolbar">
                <Link className="button" to={`/territories/${territoryId}`}>
                  {t('at.back')}
                </Link>
              </div>
            </header>
            <ChooseDay territoryId={territoryId} comparison={data} />
            <Figures comparison={data} />
            <PlansTable comparison={data} />
            <StatusTable comparison={data} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function ChooseDay({ territoryId, comparison }: { territoryId: number; comparison: Comparison }) {
  const { t } = useTranslation('progressHistory');
  const format = useFormat();
  const navigate = useNavigate();
  const selected = comparison.meetings.find((m) => m.day === comparison.at);
  return (
    <section className="panel state-at-choose no-print" aria-label={t('at.choose')}>
      <StateAtForm
        key={comparison.at}
        territoryId={territoryId}
        today={comparison.today}
        initial={comparison.at}
        label={t('at.date')}
        submit={t('at.show')}
      />
      {comparison.meetings.length > 0 && (
        <label className="state-at-meeting">
          <span>{t('at.meeting')}</span>
          <select
            value={selected ? String(selected.id) : ''}
            onChange={(e) => {
              const meeting = comparison.meetings.find((m) => String(m.id) === e.target.value);
              if (meeting) void navigate(territoryAtPath(territoryId, meeting.day));
            }}
          >
            <option value="">{t('at.noMeeting')}</option>
            {[...comparison.meetings].reverse().map((m) => (
              <option key={m.id} value={m.id}>
                {t('panel.meetingLink', {
                  kind: t(`panel.kindShort.${m.committeeKind}`),
                  date: format.date(m.day),
                })}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}

/** "+12 pt", "−3 pt", "±0 pt"; a dash when either side has no value. */
function signedDelta(format: Formatters, then: number | null, now: number | null): string {
  if (then === null || now === null) return '—';
  const delta = Math.round(now) - Math.round(then);
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${sign}${format.number(Math.abs(delta), 0)}`;
}

function Figures({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation('progressHistory');
  const format = useFormat();
  const { then, now } = comparison;
  const figure = (label: string, a: number | null, b: number | null) => (
    <div className="figure figure-main">
      <dt>{label}</dt>
      <dd>
        {format.percent(a)} → {format.percent(b)}{' '}
        <span className="figure-of">{t('at.points', { value: signedDelta(format, a, b) })}</span>
      </dd>
    </div>
  );
  return (
    <dl className="figures" aria-label={t('at.figures')}>
      {figure(t('at.progress'), then.progress, now.progress)}
      {figure(t('at.expected'), then.expected, now.expected)}
    </dl>
  );
}

function PlansTable({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation('progressHistory');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const thenById = new Map(comparison.then.plans.map((p) => [p.id, p]));
  const nowById = new Map(comparison.now.plans.map((p) => [p.id, p]));
  const plans: PlanState[] = [
    ...comparison.now.plans,
    ...comparison.then.plans.filter((p) => !nowById.has(p.id)),
  ];
  const cell = (value: number | null | undefined, missing: string) =>
    value === undefined ? <span className="muted">{missing}</span> : format.percent(value);
  return (
    <ThenNowTable
      headingId="territory-at-plans"
      title={t('at.plansTitle')}
      caption={t('at.plansCaption')}
      subject={t('at.plan')}
      at={comparison.at}
    >
      <tbody>
        {plans.map((plan) => {
          const then = thenById.get(plan.id);
          const now = nowById.get(plan.id);
          return (
            <Fragment key={plan.id}>
              <tr className="territory-at-plan">
                <th scope="row">
                  <Link to={`/plans/${plan.id}`}>
                    {plan.code} · {plan.title}
                  </Link>
                </th>
                <td className="numeric">{cell(then?.progress, t('at.notYet'))}</td>
                <td className="numeric">{cell(now?.progress, t('at.gone'))}</td>
                <td className="numeric">
                  {signedDelta(format, then?.progress ?? null, now?.progress ?? null)}
                </td>
              </tr>
              {plan.stages.map((stage) => {
                const a = then?.stages.find((s) => s.id === stage.id);
                const b = now?.stages.find((s) => s.id === stage.id);
                return (
                  <tr key={stage.id} className="territory-at-stage">
                    <th scope="row">{tv(`stageKind.${stage.kind}`)}</th>
                    <td className="numeric">{cell(a?.progress, '')}</td>
                    <td className="numeric">{cell(b?.progress, '')}</td>
                    <td className="numeric">
                      {signedDelta(format, a?.progress ?? null, b?.progress ?? null)}
                    </td>
                  </tr>
                );
              })}
            </Fragment>
          );
        })}
      </tbody>
    </ThenNowTable>
  );
}

function StatusTable({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation('progressHistory');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const { then, now } = comparison;
  const total = (counts: Record<string, number>) =>
    Object.values(counts).reduce((sum, n) => sum + n, 0);
  const count = (a: number, b: number) => signedDelta(format, a, b);
  return (
    <ThenNowTable
      headingId="territory-at-status"
      title={t('at.statusTitle')}
      caption={t('at.statusCaption')}
      subject={t('at.status')}
      at={comparison.at}
    >
      <tbody>
        {ACTION_STATUSES.map((status) => (
          <tr key={status}>
            <th scope="row">{tv(`actionStatus.${status}`)}</th>
            <td className="numeric">{format.number(then.statusCounts[status])}</td>
            <td className="numeric">{format.number(now.statusCounts[status])}</td>
            <td className="numeric">
              {count(then.statusCounts[status], now.statusCounts[status])}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('at.total')}</th>
          <td className="numeric">{format.number(total(then.statusCounts))}</td>
          <td className="numeric">{format.number(total(now.statusCounts))}</td>
          <td className="numeric">{count(total(then.statusCounts), total(now.statusCounts))}</td>
        </tr>
      </tfoot>
    </ThenNowTable>
  );
}

/** A panel with a table of figures on the chosen day, today and the change; rows are the caller's. */
function ThenNowTable({
  headingId,
  title,
  caption,
  subject,
  at,
  children,
}: {
  headingId: string;
  title: string;
  caption: string;
  /** The first column's heading: what each row is. */
  subject: string;
  at: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('progressHistory');
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <div className="table-scroll">
        <table className="data-table compact">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{subject}</th>
              <th scope="col" className="numeric">
                {t('at.then', { date: format.date(at) })}
              </th>
              <th scope="col" className="numeric">
                {t('at.now')}
              </th>
              <th scope="col" className="numeric">
                {t('at.delta')}
              </th>
            </tr>
          </thead>
          {children}
        </table>
      </div>
    </section>
  );
}
