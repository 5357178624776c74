import { describe, expect, it } from 'vitest';
import { createTestDb } from '../src/connection';
import { seedDemo } from '../src/seed/demo';
import { DEMO_TERRITORIES } from '../src/seed/demoContent';
import { loadReferenceEpcis, referenceEpcis } from '../src/seed/referenceEpcis';
import { listOrganisations } from '../src/queries/reference';

// The EPCIs of France from @etalab/decoupage-administratif: the demo's territories are made of
// real ones (by SIREN), and every other one can be picked when a territory is set up.

describe('reference EPCIs', () => {
  it('gives every demo territory real EPCIs: each SIREN is in the reference data', () => {
    const bySiren = new Map(referenceEpcis().map((e) => [e.siren, e.name]));
    expect(bySiren.size).toBeGreaterThan(1_200);
    for (const territory of DEMO_TERRITORIES) {
      for (const epci of territory.epcis) {
        expect(bySiren.has(epci.siren), `${territory.code}: ${epci.name}`).toBe(true);
        // The reference data predates Metz Métropole's renaming (2024); its SIREN is the same.
        if (epci.name !== 'Eurométropole de Metz') expect(bySiren.get(epci.siren)).toBe(epci.name);
      }
    }
  });

  it('loads every other EPCI once with the demo, and adds none when loaded again', async () => {
    const db = await createTestDb();
    await seedDemo(db, { passwordHash: 'scrypt$test-hash', today: '2026-03-02' });
    const epcis = await listOrganisations(db, { kind: 'epci', limit: 1, offset: 0 });
    expect(epcis.total).toBe(referenceEpcis().length);
    expect(await loadReferenceEpcis(db, '2026-03-02T00:00:00.000Z')).toBe(0);
    // The demo's own EPCI keeps its current name; any EPCI is found by name or SIREN.
    const metz = await listOrganisations(db, { search: '200039865', limit: 5, offset: 0 });
    expect(metz.items.map((o) => o.name)).toEqual(['Eurométropole de Metz']);
    const annecy = await listOrganisations(db, {
      kind: 'epci',
      search: 'Grand Annecy',
      limit: 5,
      offset: 0,
    });
    expect(annecy.items.map((o) => o.siren)).toEqual(['200066793']);
  });
});
