import { useTranslation } from 'react-i18next';
import type { CommitteeKind, DecisionStatus, MeetingStatus } from '@jalon/shared';

/** A meeting's status as a label; the word says it, the colour only helps. */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation('vocab');
  return <span className={`badge meeting-status-${status}`}>{t(`meetingStatus.${status}`)}</span>;
}

/** A decision's follow-up status as a label. */
export function FollowUpBadge({ status }: { status: DecisionStatus }) {
  const { t } = useTranslation('vocab');
  return <span className={`badge follow-up-${status}`}>{t(`decisionStatus.${status}`)}</span>;
}

/** A committee's name, with its kind when the name does not already say it. */
export function CommitteeName({ name, kind }: { name: string; kind: CommitteeKind }) {
  const { t } = useTranslation('vocab');
  const label = t(`committeeKind.${kind}`);
  if (name.toLowerCase().includes(label.toLowerCase())) return <>{name}</>;
  return (
    <>
      {name} <span className="muted small">· {label}</span>
    </>
  );
}
