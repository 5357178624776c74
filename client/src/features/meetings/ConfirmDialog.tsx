import type { ReactNode } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';

/**
 * Asks before a step that cannot be undone (marking held, approving, cancelling): what will happen,
 * then confirm or go back. A failed attempt shows its reason in the dialog, which stays open.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  danger = false,
  busy,
  error,
  open,
  onOpenChange,
  onConfirm,
}: {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy: boolean;
  error: string | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="meeting-dialog-overlay" />
        <Dialog.Content className="meeting-dialog">
          <Dialog.Title>{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="meeting-dialog-body">{description}</div>
          </Dialog.Description>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="meeting-dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="button">
                {t('dialog.back')}
              </button>
            </Dialog.Close>
            <button
              type="button"
              className={danger ? 'button button-danger' : 'button button-primary'}
              disabled={busy}
              onClick={onConfirm}
            >
              {busy ? tc('state.saving') : confirmLabel}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
