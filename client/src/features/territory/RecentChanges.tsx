import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { Empty } from '../../components/QueryState';
import { nameInChange, useChangeText, type Change } from './changeText';
import type { Overview } from './TerritoryPage';

/** Who changed what since a chosen day: the audit trail of the territory, as sentences. */
export function RecentChanges({
  overview,
  since,
  onSinceChange,
  updating,
}: {
  overview: Overview;
  /** The day shown in the date field (the URL's, else the server's default). */
  since: string;
  onSinceChange: (next: string) => void;
  updating: boolean;
}) {
  const { t } = useTranslation('territory');
  const format = useFormat();
  const inputId = useId();
  const { total, items } = overview.recentChanges;
  const date = format.date(since);
  const context = useChangeContext(overview);

  return (
    <section className="panel territory-changes" aria-labelledby="territory-changes">
      <div className="panel-header">
        <h2 id="territory-changes">{t('changes.title')}</h2>
        <div className="changes-since">
          <label htmlFor={inputId}>{t('changes.since')}</label>
          <input
            id={inputId}
            type="date"
            value={since}
            max={new Date().toISOString().slice(0, 10)}
            onChange={(e) => onSinceChange(e.target.value)}
          />
        </div>
      </div>
      <p className="changes-total" aria-live="polite">
        {updating ? t('changes.updating') : total > 0 && t('changes.total', { count: total, date })}
        {!updating && total > items.length && ` · ${t('changes.shown', { shown: items.length })}`}
      </p>
      {total === 0 ? (
        <Empty>{t('changes.empty', { date })}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="data-table changes-table">
            <caption className="visually-hidden">{t('changes.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('changes.columns.when')}</th>
                <th scope="col">{t('changes.columns.who')}</th>
                <th scope="col">{t('changes.columns.what')}</th>
                <th scope="col">{t('changes.columns.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((change) => (
                <ChangeRow key={change.id} change={change} context={context} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface ChangeContext {
  planCodes: Map<number, string>;
  actionTitles: Map<number, string>;
}

/** Names the dashboard already knows, to name what an audit entry recorded by id only. */
function useChangeContext(overview: Overview): ChangeContext {
  return useMemo(
    () => ({
      planCodes: new Map(overview.plans.map((p) => [p.id, p.code])),
      actionTitles: new Map(
        [...overview.overdue.items, ...overview.blocked.items].map((a) => [a.id, a.title]),
      ),
    }),
    [overview],
  );
}

function ChangeRow({ change, context }: { change: Change; context: ChangeContext }) {
  const { t } = useTranslation('territory');
  const format = useFormat();
  const { fieldChanges, entityLabel } = useChangeText();
  const name =
    nameInChange(change) ??
    (change.entityType === 'action' ? context.actionTitles.get(change.entityId) : undefined);
  const planCode = change.planId === null ? undefined : context.planCodes.get(change.planId);
  const fields = fieldChanges(change);
  const statusComment = change.newValue?.['statusComment'];
  const showComment = change.comment && change.comment !== statusComment;

  return (
    <tr>
      <td className="nowrap">{format.dateTime(change.occurredAt)}</td>
      <td>{change.userName ?? <span className="muted">{t('changes.unknownUser')}</span>}</td>
      <th scope="row">
        {name
          ? t('changes.entityNamed', { entity: entityLabel(change.entityType), name })
          : entityLabel(change.entityType)}
        {planCode !== undefined && change.planId !== null && (
          <>
            {' · '}
            <Link to={`/plans/${change.planId}`}>{planCode}</Link>
          </>
        )}
        <br />
        <span className="muted small">{t(`changes.operation.${change.operation}`)}</span>
      </th>
      <td>
        {fields.length > 0 && (
          <ul className="change-fields">
            {fields.map((f) => (
              <li key={f.field}>
                {f.from === null
                  ? t('changes.fieldSet', { field: f.label, to: f.to })
                  : t('changes.fieldChange', { field: f.label, from: f.from, to: f.to })}
              </li>
            ))}
          </ul>
        )}
        {showComment && (
          <p className="change-comment">{t('changes.comment', { text: change.comment })}</p>
        )}
      </td>
    </tr>
  );
}
