// The dashboard's side of OAuth: apps an agency registers (oauthApps.*) and the apps connected to
// its sites (oauthGrants.*). Owners and admins only, like API tokens.
import { z } from 'zod';
import { agencyProcedure, id, router } from '../../trpc.ts';
import { createAppInput, updateAppInput } from './apps.schemas.ts';
import { createApp, deleteApp, listApps, rotateAppSecret, setCredentialsSite, updateApp } from './apps.service.ts';
import { listGrants, revokeGrant } from './grants.service.ts';

const admin = agencyProcedure('admin');
const appInput = z.object({ appId: id });

export const oauthAppsRouter = router({
  list: admin.query(({ ctx }) => listApps(ctx.db, ctx.agency.id)),
  /** Returns the client secret of a confidential app once; only its hash is kept. */
  create: admin.input(createAppInput).mutation(({ ctx, input }) => createApp(ctx.db, ctx.agency.id, ctx.user.id, input)),
  update: admin
    .input(appInput.extend(updateAppInput.shape))
    .mutation(({ ctx, input: { agencyId: _, appId, ...changes } }) => updateApp(ctx.db, ctx.agency.id, appId, changes)),
  rotateSecret: admin.input(appInput).mutation(({ ctx, input }) => rotateAppSecret(ctx.db, ctx.agency.id, input.appId)),
  /** The one site of this agency its client credentials act on; null turns them off. */
  setCredentialsSite: admin
    .input(appInput.extend({ siteId: id.nullable() }))
    .mutation(({ ctx, input }) => setCredentialsSite(ctx.db, ctx.agency.id, input.appId, input.siteId, ctx.user.id)),
  delete: admin.input(appInput).mutation(({ ctx, input }) => deleteApp(ctx.db, ctx.agency.id, input.appId)),
});

export const oauthGrantsRouter = router({
  list: admin
    .input(z.object({ siteId: id.optional() }))
    .query(({ ctx, input }) => listGrants(ctx.db, ctx.agency.id, input.siteId)),
  revoke: admin.input(z.object({ grantId: id })).mutation(({ ctx, input }) => revokeGrant(ctx.db, ctx.agency.id, input.grantId)),
});
