import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { ProgressBar } from '../../components/ProgressBar';
import type { PlanDetail } from './PlanPage';

type Stage = PlanDetail['stages'][number];

/** The stage being worked on: the first neither finished nor validated. */
export function currentStageId(stages: readonly Stage[]): number | null {
  return stages.find((s) => s.actualEnd === null && s.validatedOn === null)?.id ?? null;
}

/** The plan's three stages in order, as a stepper; the current one is marked for everyone. */
export function StageStepper({ stages }: { stages: PlanDetail['stages'] }) {
  const { t } = useTranslation('plan');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const currentId = currentStageId(stages);
  const ordered = [...stages].sort((a, b) => a.position - b.position);
  const range = (start: string | null, end: string | null) =>
    t('stages.range', { start: format.date(start), end: format.date(end) });

  return (
    <section className="panel" aria-labelledby="plan-stages-heading">
      <h2 id="plan-stages-heading">{t('stages.heading')}</h2>
      <ol className="stepper">
        {ordered.map((stage) => {
          const label = tv(`stageKind.${stage.kind}`);
          const current = stage.id === currentId;
          const validated = stage.validatedOn !== null;
          return (
            <li
              key={stage.id}
              className={`step${current ? ' step-current' : ''}${validated ? ' step-validated' : ''}`}
              {...(current ? { 'aria-current': 'step' as const } : {})}
            >
              <span className="step-marker" aria-hidden="true">
                {validated ? '✓' : stage.position}
              </span>
              <div className="step-body">
                <h3>
                  <span className="step-number">
                    {t('stages.step', { position: stage.position })}
                  </span>
                  <span className="step-label">{label}</span>
                </h3>
                {current && <p className="badge step-current-badge">{t('stages.current')}</p>}
                <ProgressBar value={stage.progress} label={t('stages.progress', { label })} />
                <dl className="step-dates">
                  <div>
                    <dt>{t('stages.planned')}</dt>
                    <dd>{range(stage.plannedStart, stage.plannedEnd)}</dd>
                  </div>
                  <div>
                    <dt>{t('stages.actual')}</dt>
                    <dd>{range(stage.actualStart, stage.actualEnd)}</dd>
                  </div>
                </dl>
                <p className={validated ? 'step-validation is-validated' : 'step-validation muted'}>
                  {validated
                    ? t('stages.validated', { date: format.date(stage.validatedOn) })
                    : t('stages.notValidated')}
                </p>
                <p className="muted small">
                  {t('stages.actions', { count: stage.actionCounts.total })}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
