import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The foot of an inline edit form: why the last save failed (if it did), then Save and Cancel. */
export function EditFormFooter({
  error,
  pending,
  onCancel,
}: {
  /** The failed save's message; nothing while there is none. */
  error: ReactNode;
  pending: boolean;
  onCancel: () => void;
}) {
  const { t: tc } = useTranslation();
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="toolbar">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? tc('state.saving') : tc('fields.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {tc('fields.cancel')}
        </button>
      </div>
    </>
  );
}
