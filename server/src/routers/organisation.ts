import { findOrganisation, listOrganisations } from '@jalon/db';
import {
  byIdInput,
  organisationCreateInput,
  organisationListInput,
  organisationUpdateInput,
} from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorizeOrganisationEditor } from '../auth/guards';
import { organisationNotFound } from '../errors';
import { createOrganisation, updateOrganisation, write } from '../services';

export const organisationRouter = router({
  list: authedProcedure.input(organisationListInput).query(async ({ ctx, input }) => {
    const result = await listOrganisations(ctx.db, input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    const organisation = await findOrganisation(ctx.db, input.id);
    if (!organisation) throw organisationNotFound(input.id);
    return organisation;
  }),

  create: authedProcedure.input(organisationCreateInput).mutation(async ({ ctx, input }) => {
    authorizeOrganisationEditor(ctx);
    return write(ctx, (w) => createOrganisation(w, input));
  }),

  update: authedProcedure.input(organisationUpdateInput).mutation(async ({ ctx, input }) => {
    authorizeOrganisationEditor(ctx);
    return write(ctx, (w) => updateOrganisation(w, input));
  }),
});
