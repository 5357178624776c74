import {
  findOrganisation,
  insertOrganisation,
  updateOrganisation as updateOrganisationRow,
  type Organisation,
} from '@jalon/db';
import type { organisationCreateInput, organisationUpdateInput } from '@jalon/shared';
import type { z } from 'zod';
import { can } from '../auth/permissions';
import { forbidden, organisationNotFound } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

export async function createOrganisation(
  w: Write,
  input: z.infer<typeof organisationCreateInput>,
): Promise<Organisation> {
  const created = await insertOrganisation(w.trx, { ...input, createdAt: w.now.toISOString() });
  await audit(w, {
    entityType: 'organisation',
    entityId: created.id,
    operation: 'create',
    after: created,
  });
  return created;
}

/** Changing an organisation's kind reclassifies it for everyone: only admins do that. */
export async function updateOrganisation(
  w: Write,
  input: z.infer<typeof organisationUpdateInput>,
): Promise<Organisation> {
  const { id, ...patch } = input;
  const before = await findOrganisation(w.trx, id);
  if (!before) throw organisationNotFound(id);
  if (patch.kind !== undefined && patch.kind !== before.kind && !can(w.actor, 'administer', null)) {
    throw forbidden('Only administrators may change the kind of an organisation');
  }
  const after = await updateOrganisationRow(w.trx, id, patch);
  if (!after) throw organisationNotFound(id);
  await audit(w, { entityType: 'organisation', entityId: id, operation: 'update', before, after });
  return after;
}
