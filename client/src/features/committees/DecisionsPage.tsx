import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DECISION_KINDS, DECISION_STATUSES } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryState } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { CsvDownload } from '../../components/CsvDownload';
import { meetingPaths } from '../meetings/paths';
import { useDecisionsState, type DecisionsViewState } from './listState';
import { useCommitteeChoices, usePlanChoices, useTerritoryChoices } from './choices';
import { DecisionsTable } from './DecisionsTable';
import './committees.css';

/** `/decisions`: the decision register across the meetings the user may read. */
export function DecisionsPage() {
  const { t } = useTranslation('committees');
  useDocumentTitle(t('decisions.title'));
  const trpc = useTRPC();
  const { state, update } = useDecisionsState();
  const filters = {
    territoryId: state.territoryId,
    committeeId: state.committeeId,
    planId: state.planId,
    followUpStatuses: state.followUpStatuses,
    kinds: state.kinds,
  };
  const decisions = useQuery({
    ...trpc.decision.list.queryOptions({
      ...(state.territoryId === undefined ? {} : { territoryId: state.territoryId }),
      ...(state.committeeId === undefined ? {} : { committeeId: state.committeeId }),
      ...(state.planId === undefined ? {} : { planId: state.planId }),
      ...(state.followUpStatuses.length > 0 ? { followUpStatuses: state.followUpStatuses } : {}),
      ...(state.kinds.length > 0 ? { kinds: state.kinds } : {}),
      limit: state.limit,
      offset: state.offset,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="page committees-page">
      <header className="page-header">
        <div>
          <h1>{t('decisions.title')}</h1>
          <p className="muted">{t('decisions.intro')}</p>
        </div>
        <div className="toolbar no-print">
          <Link className="button button-small" to={meetingPaths.list()}>
            {t('meetings.title')}
          </Link>
          <CsvDownload table="decisions" params={filters} />
        </div>
      </header>
      <section className="panel">
        <DecisionFilters state={state} update={update} />
        <QueryState
          query={decisions}
          isEmpty={(data) => data.total === 0}
          empty={t('decisions.empty')}
        >
          {(data) => (
            <>
              <DecisionsTable rows={data.items} />
              <Pagination
                total={data.total}
                limit={state.limit}
                offset={state.offset}
                onChange={(next) => update(next)}
              />
            </>
          )}
        </QueryState>
      </section>
    </div>
  );
}

function DecisionFilters({
  state,
  update,
}: {
  state: DecisionsViewState;
  update: (patch: Partial<DecisionsViewState>) => void;
}) {
  const { t } = useTranslation('committees');
  const { t: tv } = useTranslation('vocab');
  const territories = useTerritoryChoices().items;
  const committees = useCommitteeChoices(state.territoryId);
  const plans = usePlanChoices(state.territoryId);
  const filtered =
    state.territoryId !== undefined ||
    state.committeeId !== undefined ||
    state.planId !== undefined ||
    state.followUpStatuses.length > 0 ||
    state.kinds.length > 0;
  const toggle = <K extends 'followUpStatuses' | 'kinds'>(
    key: K,
    value: DecisionsViewState[K][number],
    on: boolean,
  ) => {
    const current = state[key] as string[];
    update({ [key]: on ? [...current, value] : current.filter((v) => v !== value) });
  };
  return (
    <div role="search" className="list-filters no-print" aria-label={t('filters.label')}>
      <div className="list-filter-row">
        {territories.length > 1 && (
          <label>
            <span>{t('filters.territory')}</span>
            <select
              value={state.territoryId ?? ''}
              onChange={(e) =>
                // A committee or plan of another territory no longer applies.
                update({
                  territoryId: Number(e.target.value) || undefined,
                  committeeId: undefined,
                  planId: undefined,
                })
              }
            >
              <option value="">{t('filters.any')}</option>
              {territories.map((territory) => (
                <option key={territory.id} value={territory.id}>
                  {territory.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span>{t('filters.committee')}</span>
          <select
            value={state.committeeId ?? ''}
            onChange={(e) => update({ committeeId: Number(e.target.value) || undefined })}
          >
            <option value="">{t('filters.any')}</option>
            {committees.map((committee) => (
              <option key={committee.id} value={committee.id}>
                {committee.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filters.plan')}</span>
          <select
            value={state.planId ?? ''}
            onChange={(e) => update({ planId: Number(e.target.value) || undefined })}
          >
            <option value="">{t('filters.any')}</option>
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.code} · {plan.title}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() =>
              update({
                territoryId: undefined,
                committeeId: undefined,
                planId: undefined,
                followUpStatuses: [],
                kinds: [],
              })
            }
          >
            {t('filters.reset')}
          </button>
        )}
      </div>
      <fieldset className="list-checks">
        <legend>{t('filters.followUp')}</legend>
        {DECISION_STATUSES.map((status) => (
          <label key={status} className="list-check">
            <input
              type="checkbox"
              checked={state.followUpStatuses.includes(status)}
              onChange={(e) => toggle('followUpStatuses', status, e.target.checked)}
            />
            {tv(`decisionStatus.${status}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="list-checks">
        <legend>{t('filters.kinds')}</legend>
        {DECISION_KINDS.map((kind) => (
          <label key={kind} className="list-check">
            <input
              type="checkbox"
              checked={state.kinds.includes(kind)}
              onChange={(e) => toggle('kinds', kind, e.target.checked)}
            />
            {tv(`decisionKind.${kind}`)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
