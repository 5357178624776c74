import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { changedFields, type ActionDraft, type DraftField } from './draft';

/**
 * Shown when a save met a newer version: what differs between theirs and mine, and the choice.
 * Nothing is written until the lead picks a side.
 */
export function ConflictDialog({
  title,
  theirs,
  mine,
  busy,
  onKeepMine,
  onTakeTheirs,
  onDismiss,
  onClosed,
}: {
  title: string;
  theirs: ActionDraft;
  mine: ActionDraft;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  /** Escape: no choice made, the lead's draft stays as typed (a later save meets the dialog again). */
  onDismiss: () => void;
  /** Where focus goes back once the dialog is gone. */
  onClosed: () => void;
}) {
  const { t } = useTranslation('myActions');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const differing = changedFields(theirs, mine);
  const show = (draft: ActionDraft, field: DraftField): string => {
    if (field === 'status') return tv(`actionStatus.${draft.status}`);
    if (field === 'progress') return format.percent(Number(draft.progress));
    return draft.comment.trim() || '—';
  };

  return (
    <Dialog.Root
      open
      onOpenChange={(open) => {
        if (!open) onDismiss();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="conflict-overlay" />
        <Dialog.Content
          className="conflict-dialog"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            onClosed();
          }}
        >
          <Dialog.Title>{t('conflict.title')}</Dialog.Title>
          <Dialog.Description>{t('conflict.description', { title })}</Dialog.Description>
          {differing.length === 0 ? (
            <p>{t('conflict.noDifference')}</p>
          ) : (
            <table className="data-table compact">
              <caption className="visually-hidden">{t('conflict.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('conflict.field')}</th>
                  <th scope="col">{t('conflict.theirs')}</th>
                  <th scope="col">{t('conflict.mine')}</th>
                </tr>
              </thead>
              <tbody>
                {differing.map((field) => (
                  <tr key={field}>
                    <th scope="row">{t(`conflict.fields.${field}`)}</th>
                    <td>{show(theirs, field)}</td>
                    <td>{show(mine, field)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="conflict-choices">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={onKeepMine}
            >
              {t('conflict.keepMine')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={onTakeTheirs}>
              {t('conflict.takeTheirs')}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
