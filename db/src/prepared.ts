import type { Compilable, CompiledQuery } from 'kysely';
import type { Db, Trx } from './connection';

// Building a Kysely query (immutable nodes), running it through the camelCase plugin and
// compiling it to SQL costs about as much as SQLite running a small indexed query: the territory
// overview spent more time building its dozen statements than running them. A prepared query is
// built and compiled once per dialect with placeholders, then each call only puts its values in
// the parameter list. It suits queries whose shape never changes with the values: no `in` over a
// list of variable length, no branch on a value (placeholders refuse to be read by JS code).

/** Stands for a named value while the query is built; found again in the compiled parameters. */
class Placeholder {
  constructor(readonly name: string) {}
  valueOf(): never {
    throw new Error(`The placeholder "${this.name}" was read while building a prepared query`);
  }
  toString(): never {
    return this.valueOf();
  }
}

type Slot = { kind: 'value'; value: unknown } | { kind: 'param'; name: string };

interface Compiled {
  query: CompiledQuery;
  slots: Slot[];
}

function placeholdersOf<P extends object>(): P {
  return new Proxy({} as P, {
    get: (_target, name) => {
      if (typeof name !== 'string') throw new Error('A prepared query parameter needs a name');
      return new Placeholder(name);
    },
  });
}

function compile<P extends object, R>(
  db: Db | Trx,
  build: (db: Db | Trx, params: P) => Compilable<R>,
): Compiled {
  const query = build(db, placeholdersOf<P>()).compile();
  const slots = query.parameters.map((value): Slot =>
    value instanceof Placeholder ? { kind: 'param', name: value.name } : { kind: 'value', value },
  );
  return { query, slots };
}

export interface PreparedQuery<P extends object, R> {
  /** Every row, as `build(...).execute()` would return them. */
  execute(db: Db | Trx, params: P): Promise<R[]>;
  /** The first row or undefined, as `executeTakeFirst()` would. */
  executeTakeFirst(db: Db | Trx, params: P): Promise<R | undefined>;
}

/**
 * A query built once from `build`, whose `params` are placeholders: use them only as values
 * (`where(col, '=', params.id)`, `limit(params.limit)`), never in JS conditions or as lists.
 * Compiled on first use, once for each dialect adapter (SQLite now, PostgreSQL later), and run
 * with the plugins of the database or transaction given.
 */
export function preparedQuery<P extends object, R>(
  build: (db: Db | Trx, params: P) => Compilable<R>,
): PreparedQuery<P, R> {
  const byAdapter = new WeakMap<object, Compiled>();
  const instantiate = (db: Db | Trx, params: P): CompiledQuery<R> => {
    const adapter = db.getExecutor().adapter;
    let compiled = byAdapter.get(adapter);
    if (!compiled) {
      compiled = compile(db, build);
      byAdapter.set(adapter, compiled);
    }
    const values = params as Record<string, unknown>;
    const parameters = compiled.slots.map((slot) =>
      slot.kind === 'value' ? slot.value : values[slot.name],
    );
    return { ...compiled.query, parameters };
  };
  return {
    async execute(db, params) {
      const result = await db.executeQuery(instantiate(db, params));
      return result.rows;
    },
    async executeTakeFirst(db, params) {
      const result = await db.executeQuery(instantiate(db, params));
      return result.rows[0];
    },
  };
}
