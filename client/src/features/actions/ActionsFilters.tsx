import { useEffect, useEffectEvent, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, STAGE_KINDS, type ActionStatus, type StageKind } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import type { ActionsViewState } from './actionsState';

const SEARCH_DELAY_MS = 300;

/** The filters above the actions table; a fixed filter is applied by the view, not offered. */
export function ActionsFilters({
  state,
  update,
  fixedTerritoryId,
}: {
  state: ActionsViewState;
  update: (patch: Partial<ActionsViewState>) => void;
  fixedTerritoryId: number | undefined;
}) {
  const { t } = useTranslation('actions');
  const { t: tv } = useTranslation('vocab');
  const trpc = useTRPC();
  const [search, setSearch] = useState(state.search);
  const territoryId = fixedTerritoryId ?? state.territoryId;

  // The list is asked again once the typing pauses, not at every key.
  const commitSearch = useEffectEvent((value: string) => update({ search: value }));
  useEffect(() => {
    if (search.trim() === state.search) return;
    const timer = setTimeout(() => commitSearch(search.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, state.search]);

  const territories = useQuery({
    ...trpc.territory.list.queryOptions({ limit: 200 }),
    enabled: fixedTerritoryId === undefined,
  });
  const members = useQuery({
    ...trpc.membership.list.queryOptions({ territoryId: territoryId ?? 0, limit: 200 }),
    enabled: territoryId !== undefined,
  });
  const owners = territoryId === undefined ? [] : (members.data?.items ?? []);

  const toggleStatus = (status: ActionStatus, on: boolean) =>
    update({
      statuses: on ? [...state.statuses, status] : state.statuses.filter((s) => s !== status),
    });
  const filtered =
    state.statuses.length > 0 ||
    state.stageKind !== undefined ||
    state.owner !== undefined ||
    state.overdue ||
    state.territoryId !== undefined ||
    state.search !== '';

  return (
    <div role="search" className="actions-filters no-print" aria-label={t('filters.label')}>
      <div className="actions-filter-row">
        <label className="actions-search">
          <span>{t('filters.search')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        {fixedTerritoryId === undefined && (
          <label>
            <span>{t('filters.territory')}</span>
            <select
              value={state.territoryId ?? ''}
              onChange={(e) => {
                const next = Number(e.target.value) || undefined;
                // An owner picked among the members of another territory no longer applies.
                update({
                  territoryId: next,
                  owner: state.owner === 'mine' ? 'mine' : undefined,
                });
              }}
            >
              <option value="">{t('filters.any')}</option>
              {territories.data?.items.map((territory) => (
                <option key={territory.id} value={territory.id}>
                  {territory.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span>{t('filters.stage')}</span>
          <select
            value={state.stageKind ?? ''}
            onChange={(e) =>
              update({ stageKind: STAGE_KINDS.find((k: StageKind) => k === e.target.value) })
            }
          >
            <option value="">{t('filters.anyStage')}</option>
            {STAGE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tv(`stageKind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filters.owner')}</span>
          <select
            value={state.owner ?? ''}
            onChange={(e) => {
              const value = e.target.value;
              update({ owner: value === 'mine' ? 'mine' : Number(value) || undefined });
            }}
          >
            <option value="">{t('filters.any')}</option>
            <option value="mine">{t('filters.mine')}</option>
            {owners.map((member) => (
              <option key={member.id} value={member.userId}>
                {member.userName}
              </option>
            ))}
          </select>
        </label>
        <label className="actions-check">
          <input
            type="checkbox"
            checked={state.overdue}
            onChange={(e) => update({ overdue: e.target.checked })}
          />
          {t('filters.overdue')}
        </label>
        {filtered && (
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => {
              setSearch('');
              update({
                statuses: [],
                stageKind: undefined,
                owner: undefined,
                overdue: false,
                territoryId: undefined,
                search: '',
              });
            }}
          >
            {t('filters.reset')}
          </button>
        )}
      </div>
      <fieldset className="actions-statuses">
        <legend>{t('filters.statuses')}</legend>
        {ACTION_STATUSES.map((status) => (
          <label key={status} className="actions-check">
            <input
              type="checkbox"
              checked={state.statuses.includes(status)}
              onChange={(e) => toggleStatus(status, e.target.checked)}
            />
            {tv(`actionStatus.${status}`)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
