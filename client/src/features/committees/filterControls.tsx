import { useTranslation } from 'react-i18next';

/** The filter controls of the meetings list and the decision register (state in the address). */

export interface FilterChoice {
  id: number;
  label: string;
}

/** A labelled select of one record, "any" first; the empty choice is `undefined`. */
export function FilterSelect({
  label,
  value,
  choices,
  onChange,
}: {
  label: string;
  value: number | undefined;
  choices: readonly FilterChoice[];
  onChange: (id: number | undefined) => void;
}) {
  const { t } = useTranslation('committees');
  return (
    <label>
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(Number(e.target.value) || undefined)}>
        <option value="">{t('filters.any')}</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Clears every filter; shown only while one applies. */
export function ResetFilters({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation('committees');
  return (
    <button type="button" className="button button-small button-quiet" onClick={onReset}>
      {t('filters.reset')}
    </button>
  );
}

/** A group of checkboxes, one per value; none checked means no filter. */
export function CheckFilter<T extends string>({
  legend,
  values,
  selected,
  label,
  onChange,
}: {
  legend: string;
  values: readonly T[];
  selected: readonly T[];
  label: (value: T) => string;
  onChange: (selected: T[]) => void;
}) {
  return (
    <fieldset className="list-checks">
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value} className="list-check">
          <input
            type="checkbox"
            checked={selected.includes(value)}
            onChange={(e) =>
              onChange(
                e.target.checked ? [...selected, value] : selected.filter((v) => v !== value),
              )
            }
          />
          {label(value)}
        </label>
      ))}
    </fieldset>
  );
}
