import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { checkMeasurementDate, isoToday } from '@jalon/shared';
import { fieldErrors, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { QueryState, useErrorText } from '../../components/QueryState';
import { TrackBadge } from '../../components/StatusBadge';
import { planScope, useCan } from '../auth/currentUser';

type Indicator = RouterOutputs['indicator']['list']['items'][number];

/** Measurement entry for the indicators of every plan the user leads. */
export function MeasurementPanel({ planIds }: { planIds: readonly number[] }) {
  const { t } = useTranslation('myActions');
  return (
    <section className="panel" aria-labelledby="my-indicators-heading">
      <div className="panel-header">
        <div>
          <h2 id="my-indicators-heading">{t('indicators.heading')}</h2>
          <p className="muted small my-panel-intro">{t('indicators.intro')}</p>
        </div>
      </div>
      {planIds.map((planId) => (
        <LedPlanIndicators key={planId} planId={planId} />
      ))}
    </section>
  );
}

function LedPlanIndicators({ planId }: { planId: number }) {
  const { t } = useTranslation('myActions');
  const trpc = useTRPC();
  const can = useCan();
  const plan = useQuery(trpc.plan.byId.queryOptions({ id: planId }));
  const indicators = useQuery(trpc.indicator.list.queryOptions({ planId, limit: 100 }));
  return (
    <QueryState query={plan}>
      {(p) => (
        <div className="my-plan-indicators">
          <h3>{t('indicators.planHeading', { code: p.code, title: p.title })}</h3>
          <QueryState
            query={indicators}
            isEmpty={(data) => data.items.length === 0}
            empty={t('indicators.empty')}
          >
            {(data) => (
              <ul className="my-indicator-list">
                {data.items.map((indicator) => (
                  <li key={indicator.id}>
                    <IndicatorCard
                      indicator={indicator}
                      canRecord={can('update_plan_work', planScope(p))}
                    />
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </div>
      )}
    </QueryState>
  );
}

function IndicatorCard({ indicator, canRecord }: { indicator: Indicator; canRecord: boolean }) {
  const { t } = useTranslation('myActions');
  const format = useFormat();
  const latest = indicator.progress.latest;
  const headingId = useId();
  return (
    <article className="my-indicator" aria-labelledby={headingId}>
      <h4 id={headingId}>{indicator.name}</h4>
      <dl className="my-indicator-facts">
        <div>
          <dt>{t('indicators.latest')}</dt>
          <dd>
            {latest
              ? t('indicators.valueOn', {
                  value: format.number(latest.value),
                  unit: indicator.unit,
                  date: format.date(latest.measuredOn),
                })
              : t('indicators.none')}
          </dd>
        </div>
        <div>
          <dt>{t('indicators.target')}</dt>
          <dd>
            {t('indicators.valueOn', {
              value: format.number(indicator.targetValue),
              unit: indicator.unit,
              date: format.date(indicator.targetDate),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('indicators.track')}</dt>
          <dd>
            <TrackBadge track={indicator.progress.track} />
          </dd>
        </div>
      </dl>
      {canRecord && <MeasurementForm indicator={indicator} />}
    </article>
  );
}

/** "12,5" or "1 200" as typed in French, or "12.5": the number, or null when it is not one. */
function parseNumber(raw: string): number | null {
  const cleaned = raw.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

function MeasurementForm({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation('myActions');
  const format = useFormat();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const [measuredOn, setMeasuredOn] = useState(() => isoToday());
  const [value, setValue] = useState('');
  const [source, setSource] = useState('');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Partial<Record<'measuredOn' | 'value', string>>>({});
  const [saved, setSaved] = useState(false);
  const create = useMutation(trpc.measurement.create.mutationOptions());
  const server = fieldErrors(create.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = parseNumber(value);
    const found: typeof problems = {};
    if (parsed === null) found.value = t('indicators.valueInvalid');
    if (!measuredOn) found.measuredOn = t('indicators.dateInvalid');
    else if (measuredOn < indicator.baselineDate) {
      found.measuredOn = t('indicators.beforeBaseline', {
        date: format.date(indicator.baselineDate),
      });
    } else if (!checkMeasurementDate(measuredOn, isoToday()).ok) {
      found.measuredOn = t('rules:measurement_in_future');
    }
    setProblems(found);
    setSaved(false);
    if (parsed === null || Object.keys(found).length > 0) return;
    try {
      await create.mutateAsync({
        indicatorId: indicator.id,
        measuredOn,
        value: parsed,
        source,
        comment,
      });
    } catch {
      return; // create.error says why; what was typed stays
    }
    setValue('');
    setSource('');
    setComment('');
    setSaved(true);
    await Promise.all([
      queryClient.invalidateQueries(trpc.indicator.pathFilter()),
      queryClient.invalidateQueries(trpc.measurement.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
      queryClient.invalidateQueries(trpc.plan.pathFilter()),
    ]);
  };

  const field = (name: 'measuredOn' | 'value' | 'source' | 'comment') => {
    const message =
      (name === 'measuredOn' || name === 'value' ? problems[name] : undefined) ?? server[name]?.[0];
    return {
      id: `${ids}-${name}`,
      'aria-invalid': message ? true : undefined,
      'aria-describedby': message ? `${ids}-${name}-error` : undefined,
      message: message ? (
        <span className="field-error" id={`${ids}-${name}-error`}>
          {message}
        </span>
      ) : null,
    };
  };
  const date = field('measuredOn');
  const valueField = field('value');
  const sourceField = field('source');
  const commentField = field('comment');

  return (
    <form className="my-measurement-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={date.id}>{t('indicators.date')}</label>
        <input
          id={date.id}
          type="date"
          required
          value={measuredOn}
          min={indicator.baselineDate}
          max={isoToday()}
          aria-invalid={date['aria-invalid']}
          aria-describedby={date['aria-describedby']}
          onChange={(e) => setMeasuredOn(e.target.value)}
        />
        {date.message}
      </div>
      <div className="field">
        <label htmlFor={valueField.id}>{t('indicators.value', { unit: indicator.unit })}</label>
        <input
          id={valueField.id}
          type="text"
          inputMode="decimal"
          required
          className="my-measurement-value"
          value={value}
          aria-invalid={valueField['aria-invalid']}
          aria-describedby={valueField['aria-describedby']}
          onChange={(e) => {
            setValue(e.target.value);
            setSaved(false);
          }}
        />
        {valueField.message}
      </div>
      <div className="field">
        <label htmlFor={sourceField.id}>
          {t('indicators.source')} <span className="muted small">({t('indicators.optional')})</span>
        </label>
        <input
          id={sourceField.id}
          type="text"
          maxLength={300}
          value={source}
          aria-invalid={sourceField['aria-invalid']}
          aria-describedby={sourceField['aria-describedby']}
          onChange={(e) => setSource(e.target.value)}
        />
        {sourceField.message}
      </div>
      <div className="field">
        <label htmlFor={commentField.id}>
          {t('indicators.comment')}{' '}
          <span className="muted small">({t('indicators.optional')})</span>
        </label>
        <input
          id={commentField.id}
          type="text"
          maxLength={2000}
          value={comment}
          aria-invalid={commentField['aria-invalid']}
          aria-describedby={commentField['aria-describedby']}
          onChange={(e) => setComment(e.target.value)}
        />
        {commentField.message}
      </div>
      <div className="my-measurement-submit">
        <button type="submit" className="button button-primary button-small">
          {t('indicators.save')}
        </button>
        <span
          className={`small my-action-feedback ${saved ? 'is-saved' : ''}`}
          role="status"
          aria-live="polite"
        >
          {create.isPending ? t('saving') : saved ? `✓ ${t('indicators.saved')}` : ''}
        </span>
      </div>
      {create.error && Object.keys(server).length === 0 && (
        <p className="form-error" role="alert">
          {errorText(create.error)}
        </p>
      )}
    </form>
  );
}
