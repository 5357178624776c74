import { beforeEach, describe, expect, it } from 'vitest';
import { planProgress, stageProgress, territoryProgress } from '@jalon/shared';
import { buildWorld, callerAs, type World } from './support/world';
import { auditOf, codeOf } from './support/expectations';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const territoryInput = (code: string, epciIds: number[]) => ({
  regionId: world.regions.GE,
  code,
  name: 'Warndt Naborien',
  phase: '2023-2027',
  joinedOn: '2023-11-09',
  industrialFirms: 120,
  industrialJobs: 5400,
  electedChair: null,
  industrialChair: null,
  projectLeadName: null,
  epciIds,
});

describe('region.list', () => {
  it('gives any signed-in user every region with its live territory count', async () => {
    const outsider = await callerAs(world, 'outsider');
    const regions = await outsider.region.list();
    expect(regions.total).toBe(2);
    expect(regions.items).toEqual([
      { id: world.regions.CVL, code: '24', name: 'Centre-Val de Loire', territoryCount: 1 },
      { id: world.regions.GE, code: '44', name: 'Grand Est', territoryCount: 2 },
    ]);
    const anonymous = await callerAs(world, null);
    expect(await codeOf(anonymous.region.list())).toBe('UNAUTHORIZED');
  });
});

describe('territory.list and byId', () => {
  it('lists only readable territories, filtered, sorted and paginated', async () => {
    const chartres = await callerAs(world, 'coordinatorCH');
    const own = await chartres.territory.list({});
    expect(own.items.map((t) => t.id)).toEqual([world.territories.CH]);
    expect(own.items[0]?.regionName).toBe('Centre-Val de Loire');

    const region = await callerAs(world, 'regionGE');
    expect((await region.territory.list({})).total).toBe(2);

    const national = await callerAs(world, 'national');
    const all = await national.territory.list({ sort: 'region', direction: 'asc' });
    expect(all.total).toBe(3);
    expect(all.items[0]?.id).toBe(world.territories.CH);
    const page = await national.territory.list({ sort: 'code', limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.items.map((t) => t.code)).toEqual(['CL']);
    expect(
      (await national.territory.list({ regionId: world.regions.GE })).items.map((t) => t.code),
    ).toEqual(['CL', 'NL']);
    expect((await national.territory.list({ search: 'lorr' })).items.map((t) => t.code)).toEqual([
      'NL',
    ]);
  });

  it('reports the SQL progress roll-up the shared functions compute', async () => {
    const national = await callerAs(world, 'national');
    const nl = (await national.territory.list({ search: 'Nord' })).items[0];
    // NL1: stage 1 at 40 %, stage 2 at 0 % → 20; NL2: one blocked action at 0 → 0; SHARED: none.
    const expected = territoryProgress([
      planProgress([
        stageProgress([{ status: 'in_progress', progress: 40 }]),
        stageProgress([{ status: 'not_started', progress: 0 }]),
        null,
      ]),
      planProgress([stageProgress([{ status: 'blocked', progress: 0 }]), null, null]),
      null,
    ]);
    expect(nl?.progress).toBeCloseTo(expected ?? -1, 9);
    const cl = (await national.territory.list({ search: 'Chaumont' })).items[0];
    expect(cl?.progress).toBeNull();
  });

  it('shows a readable territory with region, EPCIs and figures; FORBIDDEN or NOT_FOUND otherwise', async () => {
    const member = await callerAs(world, 'memberNL');
    const nl = await member.territory.byId({ id: world.territories.NL });
    expect(nl).toMatchObject({ code: 'NL', regionName: 'Grand Est', livePlanCount: 3, epcis: [] });
    expect(await codeOf(member.territory.byId({ id: world.territories.CH }))).toBe('FORBIDDEN');
    await expect(member.territory.byId({ id: 999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Territory 999 not found',
    });
  });
});

describe('territory.create, update and archive', () => {
  it('lets an admin create a territory with its EPCIs, audited', async () => {
    const admin = await callerAs(world, 'admin');
    const created = await admin.territory.create(territoryInput('WN', [world.orgs.metz]));
    expect(created).toMatchObject({
      code: 'WN',
      regionName: 'Grand Est',
      industrialJobs: 5400,
      epcis: [{ id: world.orgs.metz, name: 'Eurométropole de Metz' }],
    });
    const [event] = await auditOf(world, 'territory', created.id);
    expect(event).toMatchObject({ operation: 'create', userId: world.users.admin });
    expect(event?.newValue).toMatchObject({ code: 'WN', epciIds: [world.orgs.metz] });
  });

  it('refuses non-admins, non-EPCI members and duplicate codes', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    expect(await codeOf(coordinator.territory.create(territoryInput('WN', [])))).toBe('FORBIDDEN');
    const admin = await callerAs(world, 'admin');
    expect(await codeOf(admin.territory.create(territoryInput('WN', [world.orgs.bpi])))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(admin.territory.create(territoryInput('NL', [])))).toBe('CONFLICT');
  });

  it('lets the territory’s coordinator update it, not another territory’s', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const updated = await coordinator.territory.update({
      id: world.territories.NL,
      industrialFirms: 300,
      epciIds: [world.orgs.metz],
    });
    expect(updated).toMatchObject({ industrialFirms: 300, name: 'Nord Lorraine' });
    expect(updated.epcis.map((e) => e.id)).toEqual([world.orgs.metz]);
    const [event] = await auditOf(world, 'territory', world.territories.NL);
    expect(event).toMatchObject({
      operation: 'update',
      oldValue: { industrialFirms: null, epciIds: [] },
      newValue: { industrialFirms: 300, epciIds: [world.orgs.metz] },
    });

    const chartres = await callerAs(world, 'coordinatorCH');
    expect(
      await codeOf(chartres.territory.update({ id: world.territories.NL, industrialFirms: 1 })),
    ).toBe('FORBIDDEN');
    const lead = await callerAs(world, 'lead');
    expect(
      await codeOf(lead.territory.update({ id: world.territories.NL, industrialFirms: 1 })),
    ).toBe('FORBIDDEN');
  });

  it('archives a territory (admin only) so that it leaves the list', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    expect(await codeOf(coordinator.territory.archive({ id: world.territories.NL }))).toBe(
      'FORBIDDEN',
    );
    const admin = await callerAs(world, 'admin');
    const archived = await admin.territory.archive({ id: world.territories.CL });
    expect(archived.archivedAt).not.toBeNull();
    expect((await admin.territory.list({})).items.map((t) => t.code)).not.toContain('CL');
    expect((await admin.region.list()).items.find((r) => r.code === '44')?.territoryCount).toBe(1);
    expect((await auditOf(world, 'territory', world.territories.CL))[0]?.operation).toBe('archive');
    expect(await codeOf(admin.territory.archive({ id: 999 }))).toBe('NOT_FOUND');
  });
});

describe('organisation', () => {
  it('lists and shows organisations to any signed-in user', async () => {
    const observer = await callerAs(world, 'observerNL');
    const all = await observer.organisation.list({});
    expect(all.total).toBe(3);
    expect(all.items.map((o) => o.name)).toEqual([
      'Bpifrance',
      'Eurométropole de Metz',
      'Région Grand Est',
    ]);
    expect((await observer.organisation.list({ kind: 'epci' })).items.map((o) => o.id)).toEqual([
      world.orgs.metz,
    ]);
    expect((await observer.organisation.list({ search: 'région' })).total).toBe(1);
    expect((await observer.organisation.byId({ id: world.orgs.bpi })).name).toBe('Bpifrance');
    expect(await codeOf(observer.organisation.byId({ id: 999 }))).toBe('NOT_FOUND');
  });

  it('lets admins and coordinators create and update organisations, audited', async () => {
    const coordinator = await callerAs(world, 'coordinatorCH');
    const created = await coordinator.organisation.create({
      name: 'Cosmetic Valley',
      kind: 'cluster',
      siren: '123456789',
    });
    expect(created).toMatchObject({ name: 'Cosmetic Valley', kind: 'cluster' });
    expect((await auditOf(world, 'organisation', created.id))[0]?.operation).toBe('create');

    const admin = await callerAs(world, 'admin');
    const renamed = await admin.organisation.update({ id: created.id, name: 'Cosmetic Valley®' });
    // A partial update keeps the fields it does not name.
    expect(renamed).toMatchObject({ name: 'Cosmetic Valley®', siren: '123456789' });
    expect((await auditOf(world, 'organisation', created.id))[0]).toMatchObject({
      operation: 'update',
      oldValue: { name: 'Cosmetic Valley' },
      newValue: { name: 'Cosmetic Valley®' },
    });
    expect(await codeOf(admin.organisation.update({ id: 999, name: 'x' }))).toBe('NOT_FOUND');
  });

  it('leaves changing the kind of an organisation to admins', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    expect(
      await codeOf(coordinator.organisation.update({ id: world.orgs.bpi, kind: 'company' })),
    ).toBe('FORBIDDEN');
    // The other fields, and the kind sent back unchanged, stay open to coordinators.
    const renamed = await coordinator.organisation.update({
      id: world.orgs.bpi,
      name: 'Bpifrance SA',
      kind: 'operator',
    });
    expect(renamed).toMatchObject({ name: 'Bpifrance SA', kind: 'operator' });
    const admin = await callerAs(world, 'admin');
    const reclassified = await admin.organisation.update({ id: world.orgs.bpi, kind: 'company' });
    expect(reclassified.kind).toBe('company');
  });

  it('refuses leads and observers, and malformed SIREN numbers', async () => {
    const lead = await callerAs(world, 'lead');
    expect(await codeOf(lead.organisation.create({ name: 'X', kind: 'company' }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(lead.organisation.update({ id: world.orgs.bpi, name: 'X' }))).toBe(
      'FORBIDDEN',
    );
    const admin = await callerAs(world, 'admin');
    expect(
      await codeOf(admin.organisation.create({ name: 'X', kind: 'company', siren: '12' })),
    ).toBe('BAD_REQUEST');
  });
});
