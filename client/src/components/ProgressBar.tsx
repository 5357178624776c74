import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';

/** A 0-100 progress figure as a labelled bar; `null` reads "not measured yet". */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (value === null) {
    return <span className="progress-none">{t('progress.none')}</span>;
  }
  const rounded = Math.round(value);
  return (
    <span className="progress">
      <span
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={rounded}
      >
        <span
          className="progress-fill"
          style={{ width: `${Math.min(100, Math.max(0, value))}%` }}
        />
      </span>
      <span className="progress-value">{format.percent(value)}</span>
    </span>
  );
}
