import { useTranslation } from 'react-i18next';
import type { ActionStatus, IndicatorTrack } from '@jalon/shared';

/** An action status as a coloured label; the colour is never the only cue, the word is there. */
export function StatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation('vocab');
  return <span className={`badge status-${status}`}>{t(`actionStatus.${status}`)}</span>;
}

export function TrackBadge({ track }: { track: IndicatorTrack }) {
  const { t } = useTranslation('vocab');
  return <span className={`badge track-${track}`}>{t(`indicatorTrack.${track}`)}</span>;
}
