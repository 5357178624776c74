import { createRequire } from 'node:module';
import type { Db, Trx } from '../connection';

// The French EPCIs (intercommunalités) from the State's administrative division data, shipped as
// an npm package (@etalab/decoupage-administratif, offline): what a territory is made of. They
// are loaded as organisations of kind "epci" with their SIREN, so that a territory is set up by
// picking its EPCIs by name or SIREN rather than typing them.

export interface ReferenceEpci {
  siren: string;
  name: string;
}

interface PackageEpci {
  code: string;
  nom: string;
}

let loaded: readonly ReferenceEpci[] | undefined;

/** Every EPCI of the package, by SIREN; read once (4 MB of JSON, members included). */
export function referenceEpcis(): readonly ReferenceEpci[] {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const data = require('@etalab/decoupage-administratif/data/epci.json') as PackageEpci[];
    loaded = data.map((e) => ({ siren: e.code, name: e.nom }));
  }
  return loaded;
}

/** Rows per INSERT: four parameters each, far below every engine's limit. */
const ROWS_PER_INSERT = 200;

/**
 * Adds the reference EPCIs missing from the organisations, matched by SIREN: an EPCI already
 * there (the demo's, or one an administrator renamed) is left as it is. Returns how many were
 * added; running it again adds none.
 */
export async function loadReferenceEpcis(db: Db | Trx, createdAt: string): Promise<number> {
  const known = new Set(
    (
      await db.selectFrom('organisations').select('siren').where('siren', 'is not', null).execute()
    ).map((r) => r.siren),
  );
  const missing = referenceEpcis().filter((e) => !known.has(e.siren));
  for (let i = 0; i < missing.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto('organisations')
      .values(
        missing
          .slice(i, i + ROWS_PER_INSERT)
          .map((e) => ({ name: e.name, kind: 'epci' as const, siren: e.siren, createdAt })),
      )
      .execute();
  }
  return missing.length;
}
