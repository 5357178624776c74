import { Link } from 'react-router';
import { useFormat } from '../../lib/format';
import { useHistoryText, type HistoryItem } from './historyText';
import './history.css';

/**
 * Who changed what, newest first, one sentence per change with its date and the fields it
 * changed: the one way Jalon shows history (a territory's recent changes, a plan's history, an
 * action's), on screen and in print. Takes the items of any `history.*` query.
 */
export function HistoryTimeline({
  items,
  linkPlans = false,
}: {
  items: readonly HistoryItem[];
  /** Adds a link to the plan of each change (where several plans are listed). */
  linkPlans?: boolean;
}) {
  const format = useFormat();
  const { read } = useHistoryText();
  return (
    <ol className="history-list">
      {items.map((entry) => {
        const { sentence, lines, note } = read(entry);
        const plan = entry.subject.plan;
        return (
          <li key={entry.id}>
            <p className="history-head">
              <time dateTime={entry.occurredAt} className="history-when">
                {format.dateTime(entry.occurredAt)}
              </time>{' '}
              <span className="history-sentence">{sentence}</span>
              {linkPlans && plan && (
                <>
                  {' · '}
                  <Link to={`/plans/${plan.id}`} className="no-print">
                    {plan.code}
                  </Link>
                </>
              )}
            </p>
            {lines.length > 0 && (
              <ul className="history-changes">
                {lines.map((line) => (
                  <li key={line.field}>{line.text}</li>
                ))}
              </ul>
            )}
            {note && <p className="history-comment">{note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
