// The dashboard's side of OAuth: apps an agency registers (oauthApps.*) and the apps connected to
// its sites (oauthGrants.*). Owners and admins only, like API tokens.
import { z } from 'zod';
import { agencyProcedure, id, router } from '../../trpc.ts';
import { createAppInput, updateAppInput } from './apps.schemas.ts';
import { createApp, deleteApp, listApps, rotateAppSecret, setCredentialsSite, updateApp } from './apps.service.ts';
import { listGrants, revokeGrant } from './grants.service.ts';

const admin = agencyProcedure('admin');

const siteRef = z.object({ id: z.string(), name: z.string() });
const appOutput = z.object({
  id: z.string(),
  clientId: z.string(),
  name: z.string(),
  clientType: z.enum(['confidential', 'public']),
  redirectUris: z.array(z.string()),
  scopes: z.array(z.string()),
  rateLimitPerMinute: z.number(),
  secretPrefix: z.string().nullable(),
  secretRotatedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  logoUrl: z.string().nullable(),
  /** the site its client credentials act on, if bound */
  credentialsSite: siteRef.nullable(),
});
/** A confidential app's client secret, shown once (null for a public app). */
const withSecret = z.object({ app: appOutput, clientSecret: z.string().nullable() });
const grantOutput = z.object({
  id: z.string(),
  kind: z.enum(['authorization_code', 'client_credentials']),
  scopes: z.array(z.string()),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  site: siteRef,
  grantedBy: z.object({ name: z.string(), email: z.string() }).nullable(),
  app: z.object({
    clientId: z.string(),
    name: z.string(),
    logoUrl: z.string().nullable(),
    publisher: z.string(),
    ownApp: z.boolean(),
  }),
});
const deleted = z.object({ id: z.string() });
const appInput = z.object({ appId: id });

export const oauthAppsRouter = router({
  list: admin.output(z.array(appOutput)).query(({ ctx }) => listApps(ctx.db, ctx.agency.id)),
  /** Returns the client secret of a confidential app once; only its hash is kept. */
  create: admin
    .input(createAppInput)
    .output(withSecret)
    .mutation(({ ctx, input }) => createApp(ctx.db, ctx.agency.id, ctx.user.id, input)),
  update: admin
    .input(appInput.extend(updateAppInput.shape))
    .output(appOutput)
    .mutation(({ ctx, input: { agencyId: _, appId, ...changes } }) => updateApp(ctx.db, ctx.agency.id, appId, changes)),
  rotateSecret: admin
    .input(appInput)
    .output(withSecret.extend({ clientSecret: z.string() }))
    .mutation(({ ctx, input }) => rotateAppSecret(ctx.db, ctx.agency.id, input.appId)),
  /** The one site of this agency its client credentials act on; null turns them off. */
  setCredentialsSite: admin
    .input(appInput.extend({ siteId: id.nullable() }))
    .output(appOutput)
    .mutation(({ ctx, input }) => setCredentialsSite(ctx.db, ctx.agency.id, input.appId, input.siteId, ctx.user.id)),
  delete: admin
    .input(appInput)
    .output(deleted)
    .mutation(({ ctx, input }) => deleteApp(ctx.db, ctx.agency.id, input.appId)),
});

export const oauthGrantsRouter = router({
  list: admin
    .input(z.object({ siteId: id.optional() }))
    .output(z.array(grantOutput))
    .query(({ ctx, input }) => listGrants(ctx.db, ctx.agency.id, input.siteId)),
  revoke: admin
    .input(z.object({ grantId: id }))
    .output(deleted)
    .mutation(({ ctx, input }) => revokeGrant(ctx.db, ctx.agency.id, input.grantId)),
});
