import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EARLIEST_HISTORY_DAY } from '@jalon/shared';
import { useFormat } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';
import { territoryAtPath } from './paths';

// What the territory and plan panels of "progress over time" share: how a point is named, the
// held meetings as links to the territory on their day, and the form that opens any past day.

export type TerritorySeries = RouterOutputs['progress']['territorySeries'];
export type PlanSeries = RouterOutputs['progress']['planSeries'];
type Point = TerritorySeries['points'][number];
type HeldMeeting = TerritorySeries['meetings'][number];

export const dayTime = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** "Séance COPIL", "Fin de mois" or "Aujourd’hui". */
export function usePointLabel(today: string): (point: Pick<Point, 'day' | 'meetings'>) => string {
  const { t } = useTranslation('progressHistory');
  return (point) => {
    if (point.meetings.length > 0) {
      const kinds = [
        ...new Set(point.meetings.map((m) => t(`panel.kindShort.${m.committeeKind}`))),
      ];
      return t('panel.meeting', { kinds: kinds.join(', ') });
    }
    return point.day === today ? t('panel.today') : t('panel.monthEnd');
  };
}

/** The held meetings, latest first, each opening the territory as it stood on its day. */
export function MeetingLinks({
  territoryId,
  meetings,
}: {
  territoryId: number;
  meetings: HeldMeeting[];
}) {
  const { t } = useTranslation('progressHistory');
  const format = useFormat();
  return (
    <div className="progress-meetings">
      <h3>{t('panel.meetingsTitle')}</h3>
      {meetings.length === 0 ? (
        <p className="muted">{t('panel.noMeetings')}</p>
      ) : (
        <ul>
          {[...meetings].reverse().map((m) => (
            <li key={m.id}>
              <Link to={territoryAtPath(territoryId, m.day)}>
                {t('panel.meetingLink', {
                  kind: t(`panel.kindShort.${m.committeeKind}`),
                  date: format.date(m.day),
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Opens the territory as it stood on the day chosen. */
export function StateAtForm({
  territoryId,
  today,
  initial,
  label,
  submit,
}: {
  territoryId: number;
  today: string;
  initial?: string;
  label: string;
  submit: string;
}) {
  const navigate = useNavigate();
  const [day, setDay] = useState(initial ?? today);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) void navigate(territoryAtPath(territoryId, day));
  };
  return (
    <form className="state-at-form no-print" onSubmit={onSubmit}>
      <label>
        <span>{label}</span>
        <input
          type="date"
          value={day}
          min={EARLIEST_HISTORY_DAY}
          max={today}
          required
          onChange={(e) => setDay(e.target.value)}
        />
      </label>
      <button type="submit" className="button button-small">
        {submit}
      </button>
    </form>
  );
}
