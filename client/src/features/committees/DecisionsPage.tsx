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
import { CheckFilter, FilterSelect, ResetFilters } from './filterControls';
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
  return (
    <div role="search" className="list-filters no-print" aria-label={t('filters.label')}>
      <div className="list-filter-row">
        {territories.length > 1 && (
          <FilterSelect
            label={t('filters.territory')}
            value={state.territoryId}
            choices={territories.map((territory) => ({ id: territory.id, label: territory.name }))}
            // A committee or plan of another territory no longer applies.
            onChange={(territoryId) =>
              update({ territoryId, committeeId: undefined, planId: undefined })
            }
          />
        )}
        <FilterSelect
          label={t('filters.committee')}
          value={state.committeeId}
          choices={committees.map((committee) => ({ id: committee.id, label: committee.name }))}
          onChange={(committeeId) => update({ committeeId })}
        />
        <FilterSelect
          label={t('filters.plan')}
          value={state.planId}
          choices={plans.map((plan) => ({ id: plan.id, label: `${plan.code} · ${plan.title}` }))}
          onChange={(planId) => update({ planId })}
        />
        {filtered && (
          <ResetFilters
            onReset={() =>
              update({
                territoryId: undefined,
                committeeId: undefined,
                planId: undefined,
                followUpStatuses: [],
                kinds: [],
              })
            }
          />
        )}
      </div>
      <CheckFilter
        legend={t('filters.followUp')}
        values={DECISION_STATUSES}
        selected={state.followUpStatuses}
        label={(status) => tv(`decisionStatus.${status}`)}
        onChange={(followUpStatuses) => update({ followUpStatuses })}
      />
      <CheckFilter
        legend={t('filters.kinds')}
        values={DECISION_KINDS}
        selected={state.kinds}
        label={(kind) => tv(`decisionKind.${kind}`)}
        onChange={(kinds) => update({ kinds })}
      />
    </div>
  );
}
