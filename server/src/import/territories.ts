import { listTerritoryKeys, listTerritoryPeople, type Scope, type TerritoryKey } from '@jalon/db';
import { can, cellText, foldHeader, managedTerritoryIds, type Permission } from '@jalon/shared';
import type { AuthedContext } from '../trpc';
import type { FileColumns, RowReader } from './columns';
import type { ImportTable } from './readTable';

// The territory of a row of a territory's file (plans, indicators, measurements): the one its
// "Territoire" cell names, by code or name, or else the import's territory (the screen's, the
// CLI's `--territory`, or the one territory the user coordinates). And the people of those
// territories, by name or email, to own what the file creates.

export interface TerritoryOptions {
  /**
   * The territory of rows that name none (the import screen's territory, or the CLI's
   * `--territory`); without it, the one territory the user coordinates, if they coordinate one.
   */
  territoryId?: number | undefined;
}

export const territoryScope = (territory: TerritoryKey, planId: number | null): Scope => ({
  territoryIds: [territory.id],
  regionIds: [territory.regionId],
  planId,
});

export interface Territories {
  /** The row's territory, or undefined after recording why (unknown, none, not allowed). */
  of: (r: RowReader<'territory'>, permission: Permission) => TerritoryKey | undefined;
  /** Every territory the file's rows may fall in: those it names, and the import's. */
  named: number[];
  /** The member of `territoryId` with this name or email. */
  person: (territoryId: number, text: string) => number | undefined;
}

/** Reads the territories and, when `withPeople`, their members, in one query each. */
export async function importTerritories<F extends string>(
  ctx: AuthedContext,
  table: ImportTable,
  columns: FileColumns<F | 'territory'>,
  options: TerritoryOptions,
  withPeople = false,
): Promise<Territories> {
  const territories = await listTerritoryKeys(ctx.db);
  const byWord = new Map<string, TerritoryKey>();
  for (const t of territories) {
    byWord.set(foldHeader(t.code), t);
    byWord.set(foldHeader(t.name), t);
  }
  const managed = managedTerritoryIds(ctx.user);
  const defaultId = options.territoryId ?? (managed.length === 1 ? managed[0] : undefined);
  const fallback = territories.find((t) => t.id === defaultId);
  const named = new Set<number>(fallback ? [fallback.id] : []);
  for (const row of table.rows) {
    const text = cellText(columns.cell(row, 'territory') ?? null);
    const found = text === null ? undefined : byWord.get(foldHeader(text));
    if (found) named.add(found.id);
  }
  const people = new Map<string, number>();
  if (withPeople) {
    for (const p of await listTerritoryPeople(ctx.db, [...named])) {
      people.set(`${p.territoryId}:${foldHeader(p.email)}`, p.userId);
      people.set(`${p.territoryId}:${foldHeader(p.name)}`, p.userId);
    }
  }
  return {
    named: [...named],
    person: (territoryId, text) => people.get(`${territoryId}:${foldHeader(text)}`),
    of: (r, permission) => {
      const text = cellText(r.raw('territory'));
      const territory = text === null ? fallback : byWord.get(foldHeader(text));
      if (!territory) {
        if (text !== null) r.refuse('territory', 'unknown_territory');
        else r.refuse(columns.has('territory') ? 'territory' : null, 'territory_required');
        return undefined;
      }
      // The permission is checked on the territory alone here; a plan's is the caller's to add.
      if (permission === 'manage' && !can(ctx.user, 'manage', territoryScope(territory, null))) {
        r.refuse(text === null ? null : 'territory', 'territory_not_allowed');
        return undefined;
      }
      return territory;
    },
  };
}
