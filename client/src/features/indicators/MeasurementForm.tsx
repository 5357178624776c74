import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { checkMeasurementDate, isoToday } from '@jalon/shared';
import { fieldErrors, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { useErrorText } from '../../components/QueryState';
import { useValidationText } from '../../lib/validationText';
import './indicators.css';

type Indicator = Pick<
  RouterOutputs['indicator']['list']['items'][number],
  'id' | 'unit' | 'baselineDate'
>;
type Measurement = Pick<
  RouterOutputs['measurement']['list']['items'][number],
  'id' | 'measuredOn' | 'value' | 'source' | 'comment'
>;

/** "12,5" or "1 200" as typed in French, or "12.5": the number, or null when it is not one. */
export function parseNumber(raw: string): number | null {
  const cleaned = raw.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

type FieldName = 'measuredOn' | 'value' | 'source' | 'comment';

/**
 * Records a new measurement of an indicator, or corrects `measurement` when given: date, value,
 * source and comment, checked here as the server checks them.
 */
export function MeasurementForm({
  indicator,
  measurement,
  onDone,
  className,
}: {
  indicator: Indicator;
  measurement?: Measurement;
  /** Called after a successful save (a correction closes its form). */
  onDone?: () => void;
  className?: string;
}) {
  const { t } = useTranslation('measurements');
  const { t: tr } = useTranslation('rules');
  const format = useFormat();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const [measuredOn, setMeasuredOn] = useState(() => measurement?.measuredOn ?? isoToday());
  // As the user reads and types numbers ("1 045,5"), every digit kept.
  const [value, setValue] = useState(() =>
    measurement ? format.number(measurement.value, 20) : '',
  );
  const [source, setSource] = useState(measurement?.source ?? '');
  const [comment, setComment] = useState(measurement?.comment ?? '');
  const [problems, setProblems] = useState<Partial<Record<'measuredOn' | 'value', string>>>({});
  const [saved, setSaved] = useState(false);
  const create = useMutation(trpc.measurement.create.mutationOptions());
  const update = useMutation(trpc.measurement.update.mutationOptions());
  const mutation = measurement ? update : create;
  const server = fieldErrors(mutation.error);
  // The server's field messages are English: each is said in the user's words.
  const validationText = useValidationText();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = parseNumber(value);
    const found: typeof problems = {};
    if (parsed === null) found.value = t('valueInvalid');
    if (!measuredOn) found.measuredOn = t('dateInvalid');
    else if (measuredOn < indicator.baselineDate) {
      found.measuredOn = t('beforeBaseline', { date: format.date(indicator.baselineDate) });
    } else if (!checkMeasurementDate(measuredOn, isoToday()).ok) {
      found.measuredOn = tr('measurement_in_future');
    }
    setProblems(found);
    setSaved(false);
    if (parsed === null || Object.keys(found).length > 0) return;
    const fields = { measuredOn, value: parsed, source, comment };
    try {
      if (measurement) await update.mutateAsync({ id: measurement.id, ...fields });
      else await create.mutateAsync({ indicatorId: indicator.id, ...fields });
    } catch {
      return; // the mutation's error says why; what was typed stays
    }
    if (!measurement) {
      setValue('');
      setSource('');
      setComment('');
    }
    setSaved(true);
    await Promise.all([
      queryClient.invalidateQueries(trpc.indicator.pathFilter()),
      queryClient.invalidateQueries(trpc.measurement.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
      queryClient.invalidateQueries(trpc.plan.pathFilter()),
    ]);
    onDone?.();
  };

  const field = (name: FieldName) => {
    const message =
      (name === 'measuredOn' || name === 'value' ? problems[name] : undefined) ??
      validationText(server[name]?.[0]);
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
  const optional = <span className="muted small">({t('optional')})</span>;

  return (
    <form
      className={`measurement-form ${className ?? ''}`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="field">
        <label htmlFor={date.id}>{t('date')}</label>
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
        <label htmlFor={valueField.id}>{t('value', { unit: indicator.unit })}</label>
        <input
          id={valueField.id}
          type="text"
          inputMode="decimal"
          required
          className="measurement-value"
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
          {t('source')} {optional}
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
          {t('comment')} {optional}
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
      <div className="measurement-submit">
        <button type="submit" className="button button-primary button-small">
          {measurement ? t('saveCorrection') : t('save')}
        </button>
        {measurement && onDone && (
          <button type="button" className="button button-small" onClick={onDone}>
            {t('cancel')}
          </button>
        )}
        <span
          className={`small measurement-feedback ${saved ? 'is-saved' : ''}`}
          role="status"
          aria-live="polite"
        >
          {mutation.isPending ? t('saving') : saved ? `✓ ${t('saved')}` : ''}
        </span>
      </div>
      {mutation.error && Object.keys(server).length === 0 && (
        <p className="form-error" role="alert">
          {errorText(mutation.error)}
        </p>
      )}
    </form>
  );
}
