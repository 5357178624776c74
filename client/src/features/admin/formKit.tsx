import { useId, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormSetError,
} from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { errorCode, fieldErrors } from '../../lib/trpc';
import { useErrorText } from '../../components/QueryState';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useValidationText } from '../../lib/validationText';

export { useValidationText };

interface IssueLike {
  code?: string;
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
}

/**
 * Names a zod issue that carries no message of its own by a catalogue key, so the form says
 * "required" rather than zod's English. Passed to `zodResolver(schema, zodMessages)`.
 */
export const zodMessages = {
  error: (issue: IssueLike): string | undefined => {
    const missing = issue.input === null || issue.input === undefined || issue.input === '';
    switch (issue.code) {
      case 'invalid_type':
        return missing ? 'required' : 'number';
      case 'too_small':
        if (issue.origin === 'string' || issue.origin === 'array') return 'required';
        if (issue.origin === 'number' && issue.minimum === 0) return 'notNegative';
        return 'invalid';
      case 'too_big':
        return issue.origin === 'string' ? 'tooLong' : 'percentRange';
      case 'invalid_format':
        return 'date';
      case 'invalid_value':
        return missing ? 'required' : 'invalid';
      default:
        return undefined;
    }
  },
};

/**
 * Puts a failed save's reasons where the user will look: the server's per-field messages next to
 * their fields (and a known business rule next to the field it is about). Returns whether any
 * field got a message; the caller shows a form-level message otherwise.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): boolean {
  let placed = false;
  const place = (field: string, message: string) => {
    if (!fields.includes(field)) return;
    setError(field as Path<T>, { type: 'server', message });
    placed = true;
  };
  for (const [field, messages] of Object.entries(fieldErrors(error))) {
    if (messages?.[0]) place(field, messages[0]);
  }
  const message = error instanceof Error ? error.message : '';
  if (/^Plan code .* already used/.test(message)) place('code', 'codeTaken');
  if (message === 'Paid cannot exceed granted') place('paidCents', message);
  if (message === 'The end date must not precede the start date') place('endDate', message);
  if (message === 'The due date must not precede the start date') place('dueDate', message);
  if (message.startsWith('The target must lie above')) place('targetValue', message);
  if (message === 'The target date must follow the baseline date') place('targetDate', message);
  if (message.startsWith('The baseline date cannot follow')) {
    place('baselineDate', 'baselineAfterMeasurement');
  }
  return placed;
}

/** The sentence for a failed save that is not about one field. */
export function useSaveErrorText(): (error: unknown) => string {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  return (error) => {
    const message = error instanceof Error ? error.message : '';
    if (message === 'A territory must keep at least one coordinator') {
      return t('validation.lastCoordinator');
    }
    if (/neither leads nor coordinators/.test(message)) return t('validation.leadsIneligible');
    if (/is not a member of this plan's territories/.test(message)) {
      return t('validation.ownerIneligible');
    }
    if (/is archived$/.test(message)) return t('validation.archived');
    if (errorCode(error) === 'CONFLICT' && /already a member/.test(message)) {
      return t('members.alreadyMemberError');
    }
    return errorText(error);
  };
}

/** What a labelled control needs to say it is invalid and where its message is. */
export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}

/**
 * A labelled field: the label (with the required mark), the control, a hint and the error next to
 * it, tied by `aria-describedby`.
 */
export function Field({
  label,
  hiddenLabel,
  required = false,
  error,
  hint,
  className,
  children,
}: {
  label: string;
  /** Said to assistive tech after the label, not shown: which row a repeated field belongs to. */
  hiddenLabel?: string;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const text = useValidationText();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const message = text(error);
  const describedBy = [hint ? hintId : null, message ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>
        {label}
        {hiddenLabel && (
          <>
            {' '}
            <span className="visually-hidden">{hiddenLabel}</span>
          </>
        )}
        {required && (
          // The control says aria-required; the star is for the eye.
          <span className="admin-required" aria-hidden="true" title={t('fields.required')}>
            {' '}
            *
          </span>
        )}
      </label>
      {children({
        id,
        'aria-invalid': !!message,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(required ? { 'aria-required': true } : {}),
      })}
      {hint && (
        <p id={hintId} className="muted small admin-hint">
          {hint}
        </p>
      )}
      {message && (
        <p id={errorId} className="field-error">
          {message}
        </p>
      )}
    </div>
  );
}

/** What `Field` takes besides its control. */
export type FieldProps = Omit<Parameters<typeof Field>[0], 'children'>;

/** A labelled `<input>`: `input` holds its attributes and what `register(…)` returned. */
export function InputField({ input, ...field }: FieldProps & { input: ComponentProps<'input'> }) {
  return <Field {...field}>{(p) => <input {...p} {...input} />}</Field>;
}

/** A labelled `<textarea>`, like `InputField`. */
export function TextAreaField({
  textarea,
  ...field
}: FieldProps & { textarea: ComponentProps<'textarea'> }) {
  return <Field {...field}>{(p) => <textarea {...p} {...textarea} />}</Field>;
}

/** One option of a `SelectField`. */
export interface Choice {
  value: string | number;
  label: string;
}

/** A labelled `<select>` over `choices`, led by an empty option when `placeholder` is given. */
export function SelectField({
  select,
  choices,
  placeholder,
  ...field
}: FieldProps & {
  select: ComponentProps<'select'>;
  choices: readonly Choice[];
  placeholder?: string;
}) {
  return (
    <Field {...field}>
      {(p) => (
        <select {...p} {...select}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Turns an empty text box into `null` and anything else into a number (NaN if not one). */
export const toNumberOrNull = (value: unknown): number | null =>
  value === '' || value === null || value === undefined ? null : Number(value);
export const toNumber = (value: unknown): number =>
  value === '' || value === null || value === undefined ? Number.NaN : Number(value);
export const toDateOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

const centsToEuros = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '' : String(cents / 100);

/** Euros as typed ("12 500,50") into whole cents; null when empty, NaN when not a number. */
export function eurosToCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const euros = Number(cleaned);
  return Number.isFinite(euros) ? Math.round(euros * 100) : Number.NaN;
}

/** An amount typed in euros, kept in cents in the form (the wire's unit). */
export function MoneyInput({
  value,
  onChange,
  onBlur,
  control,
}: {
  value: number | null | undefined;
  onChange: (cents: number | null) => void;
  onBlur?: () => void;
  control: ControlProps;
}) {
  const [text, setText] = useState(() => centsToEuros(value));
  // A reset of the form (a reload, a saved line) replaces the amount: show the new one.
  if (!Object.is(eurosToCents(text), value ?? null)) setText(centsToEuros(value));
  return (
    <span className="admin-money">
      <input
        {...control}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(eurosToCents(e.target.value));
        }}
        onBlur={onBlur}
      />
      <span aria-hidden="true">€</span>
    </span>
  );
}

/** Shown instead of a form to someone the server would refuse anyway. */
export function NotAllowed({ backTo, backLabel }: { backTo: string; backLabel: string }) {
  const { t } = useTranslation('admin');
  return (
    <div className="panel admin-not-allowed" role="alert">
      <h2>{t('notAllowed.title')}</h2>
      <p>{t('notAllowed.body')}</p>
      <p>
        <Link to={backTo}>{backLabel}</Link>
      </p>
    </div>
  );
}

/** Someone saved first: say so, keep what was typed, and offer to start again from theirs. */
export function ConflictNotice({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <div className="form-error admin-conflict" role="alert">
      <p>{t('conflict.body')}</p>
      <button type="button" className="button button-small" onClick={onReload}>
        {t('conflict.reload')}
      </button>
    </div>
  );
}

/**
 * Why the last save failed, above the form: the conflict notice (when `onReload` is given),
 * "fix the marked fields" when the server's reasons went next to their fields, or the reason.
 */
export function SaveErrorNotice({
  error,
  flagged,
  conflict = false,
  onReload,
}: {
  error: unknown;
  flagged: boolean;
  conflict?: boolean;
  onReload?: () => void;
}) {
  const { t } = useTranslation('admin');
  const saveErrorText = useSaveErrorText();
  if (conflict && onReload) return <ConflictNotice onReload={onReload} />;
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {flagged ? t('fixFields') : saveErrorText(error)}
    </p>
  );
}

/**
 * A form that saves through a mutation: the form (validated by `resolver`), the mutation (with an
 * `onError` that puts the server's reasons next to their fields), the submit handler and what
 * `SaveErrorNotice` needs. A failed save keeps what was typed.
 */
export function useSaveForm<
  TValues extends FieldValues,
  TOut extends TVariables,
  TData,
  TError,
  TVariables,
  TOnMutateResult,
>({
  resolver,
  defaultValues,
  fields,
  mutation,
}: {
  resolver: Resolver<TValues, unknown, TOut>;
  defaultValues: DefaultValues<TValues>;
  /** The fields a server error may name. */
  fields: readonly string[];
  /** The save's mutation options; the hook adds its own `onError`. */
  mutation: UseMutationOptions<TData, TError, TVariables, TOnMutateResult>;
}) {
  const [flagged, setFlagged] = useState(false);
  const [conflict, setConflict] = useState(false);
  const form = useForm<TValues, unknown, TOut>({ resolver, defaultValues });
  const save = useMutation({
    ...mutation,
    onError: (error, ...rest) => {
      const placed = applyServerErrors(error, form.setError, fields);
      setFlagged(placed);
      setConflict(!placed && errorCode(error) === 'CONFLICT');
      return mutation.onError?.(error, ...rest);
    },
  });
  return {
    form,
    save,
    onSubmit: form.handleSubmit((values) => save.mutate(values)),
    /** Whether the last save failed on a stale version (someone else saved first). */
    conflict,
    setConflict,
    /** Spread into `SaveErrorNotice`. */
    notice: { error: save.error, flagged },
  };
}

interface Versioned {
  id: number;
  version: number;
}

/**
 * `useSaveForm` over a versioned record (plan, action): the form holds the editable values, and
 * the id and version of the record as loaded travel aside, added when validating against the
 * update schema. So a change saved by someone else meanwhile comes back as a conflict instead of
 * being overwritten: the form keeps what was typed and `notice.onReload` starts again from the
 * record as saved now.
 */
export function useVersionedEditForm<
  TRecord extends Versioned,
  TInput extends Versioned,
  TValues extends FieldValues & Omit<TInput, keyof Versioned>,
  TOut extends TVariables,
  TData,
  TError,
  TVariables,
  TOnMutateResult,
>({
  schema,
  record,
  toValues,
  fields,
  fetchFresh,
  mutation,
}: {
  /** The update schema: the form's values plus `id` and `version`. */
  schema: z.ZodType<TOut, TInput>;
  record: TRecord;
  toValues: (record: TRecord) => TValues;
  fields: readonly string[];
  /** The record as saved now, read afresh from the server. */
  fetchFresh: () => Promise<TRecord>;
  mutation: UseMutationOptions<TData, TError, TVariables, TOnMutateResult>;
}) {
  const base = useRef<Versioned>({ id: record.id, version: record.version });
  const updateResolver = zodResolver(schema, zodMessages);
  const resolver: Resolver<TValues, unknown, TOut> = (values, context, options) =>
    updateResolver(
      { ...values, ...base.current } as unknown as TInput,
      context,
      // The same fields, plus the two this form keeps aside.
      options as unknown as Parameters<typeof updateResolver>[2],
    ) as ReturnType<Resolver<TValues, unknown, TOut>>;
  const { setConflict, ...saving } = useSaveForm({
    resolver,
    defaultValues: toValues(record) as DefaultValues<TValues>,
    fields,
    mutation,
  });
  const reload = async () => {
    const fresh = await fetchFresh();
    base.current = { id: fresh.id, version: fresh.version };
    saving.form.reset(toValues(fresh));
    setConflict(false);
    saving.save.reset();
  };
  return {
    ...saving,
    notice: { ...saving.notice, conflict: saving.conflict, onReload: () => void reload() },
  };
}

/**
 * A coordinator form's page: names the tab after it, then the heading, a line saying what it is
 * about, and a way back.
 */
export function FormPage({
  title,
  subtitle,
  back,
  children,
}: {
  title: string;
  subtitle?: string | undefined;
  back?: { to: string; label: string } | undefined;
  children: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <div className="page admin-page">
      <header className="page-header">
        <div>
          <h1>{title}</h1>
          {subtitle && <p className="muted">{subtitle}</p>}
        </div>
        {back && (
          <Link to={back.to} className="button">
            {back.label}
          </Link>
        )}
      </header>
      {children}
    </div>
  );
}

/** The form's buttons: save (busy while saving) and cancel back to where the user came from. */
export function FormActions({
  saving,
  cancelTo,
  saveLabel,
}: {
  saving: boolean;
  cancelTo: string;
  saveLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="admin-actions">
      <button type="submit" className="button button-primary" disabled={saving}>
        {saving ? t('state.saving') : (saveLabel ?? t('fields.save'))}
      </button>
      <Link className="button" to={cancelTo}>
        {t('fields.cancel')}
      </Link>
    </div>
  );
}

/** The "fields marked * are required" line every form starts with. */
export function RequiredLegend() {
  const { t } = useTranslation('admin');
  return <p className="muted small">{t('requiredLegend')}</p>;
}
