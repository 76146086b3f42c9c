// Webhooks through tRPC (dashboard: admins of the site's agency) and REST (API token with the
// webhooks:* scopes). Both are thin over endpoints.service.ts.
import { retrySchedule } from '@dramac/jobs';
import { z } from 'zod';
import { id, router, siteProcedure, tokenProcedure } from '../trpc.ts';
import { catalogue, eventTypes } from './catalogue.ts';
import { deliveryFilters, deliveryOutput, endpointFields, endpointOutput, updateEndpointFields } from './endpoints.schemas.ts';
import {
  createEndpoint,
  deleteEndpoint,
  findEndpoint,
  listDeliveries,
  redeliver,
  rotateSecret,
  sendTestEvent,
  updateEndpoint,
} from './endpoints.service.ts';

const toOutput = (e: z.infer<typeof endpointOutput>) => endpointOutput.parse(e);
const withSecret = endpointOutput.extend({ secret: z.string().describe('whsec_… signing secret: shown once, store it now') });
const catalogueOutput = z.array(
  z.object({ type: z.string(), description: z.string(), example: z.unknown(), schema: z.unknown() }),
);
const describeCatalogue = () =>
  eventTypes.map((type) => ({
    type,
    description: catalogue[type].description,
    example: catalogue[type].example,
    schema: z.toJSONSchema(catalogue[type].schema),
  }));

/** Dashboard procedures: `ctx.site` is already authorised for an admin of its agency. */
const admin = siteProcedure('admin');
export const webhooksRouter = router({
  catalogue: siteProcedure().query(() => ({ events: describeCatalogue(), retrySchedule: retrySchedule() })),
  list: admin
    .output(z.array(endpointOutput))
    .query(async ({ ctx }) =>
      (await ctx.db.webhookEndpoint.findMany({ where: { siteId: ctx.site.id }, orderBy: { createdAt: 'asc' } })).map(toOutput),
    ),
  create: admin.input(endpointFields).mutation(async ({ ctx, input }) => {
    const { siteId: _, ...fields } = input;
    const { endpoint, secret } = await createEndpoint(ctx.db, ctx.site, fields);
    return { ...toOutput(endpoint), secret };
  }),
  update: admin.input(updateEndpointFields.extend({ endpointId: id })).mutation(async ({ ctx, input }) => {
    const { siteId: _, endpointId, ...fields } = input;
    return toOutput(await updateEndpoint(ctx.db, ctx.site, endpointId, fields));
  }),
  delete: admin
    .input(z.object({ endpointId: id }))
    .mutation(({ ctx, input }) => deleteEndpoint(ctx.db, ctx.site, input.endpointId)),
  rotateSecret: admin.input(z.object({ endpointId: id })).mutation(async ({ ctx, input }) => {
    const { endpoint, secret } = await rotateSecret(ctx.db, ctx.site, input.endpointId);
    return { ...toOutput(endpoint), secret };
  }),
  sendTest: admin
    .input(z.object({ endpointId: id }))
    .mutation(({ ctx, input }) => sendTestEvent(ctx.db, ctx.boss, ctx.site, input.endpointId)),
  deliveries: admin.input(deliveryFilters).query(({ ctx, input }) => listDeliveries(ctx.db, ctx.site, input)),
  redeliver: admin
    .input(z.object({ deliveryId: id }))
    .mutation(({ ctx, input }) => redeliver(ctx.db, ctx.boss, ctx.site, input.deliveryId)),
});

// ---- REST: /api/v1/sites/{siteId}/webhooks … (tokenProcedure checks the token's site and scope) ----
const siteOf = (token: { siteId: string; agencyId: string }) => ({ id: token.siteId, agencyId: token.agencyId });
const read = tokenProcedure.meta({ scope: 'webhooks:read' });
const write = tokenProcedure.meta({ scope: 'webhooks:write' });
const base = '/sites/{siteId}/webhooks';
const siteInput = z.object({ siteId: id });
const endpointInput = siteInput.extend({ endpointId: id });
const tags = ['webhooks'];

export const webhooksRestRouter = router({
  eventTypes: read
    .meta({ openapi: { method: 'GET', path: '/webhooks/event-types', protect: true, tags, summary: 'The event catalogue' } })
    .input(z.object({}))
    .output(catalogueOutput)
    .query(() => describeCatalogue()),
  list: read
    .meta({ openapi: { method: 'GET', path: base, protect: true, tags, summary: 'List webhook endpoints' } })
    .input(siteInput)
    .output(z.array(endpointOutput))
    .query(async ({ ctx }) =>
      (await ctx.db.webhookEndpoint.findMany({ where: { siteId: ctx.token.siteId }, orderBy: { createdAt: 'asc' } })).map(
        toOutput,
      ),
    ),
  get: read
    .meta({ openapi: { method: 'GET', path: `${base}/{endpointId}`, protect: true, tags, summary: 'Get a webhook endpoint' } })
    .input(endpointInput)
    .output(endpointOutput)
    .query(async ({ ctx, input }) => toOutput(await findEndpoint(ctx.db, siteOf(ctx.token), input.endpointId))),
  create: write
    .meta({
      openapi: {
        method: 'POST',
        path: base,
        protect: true,
        tags,
        summary: 'Create a webhook endpoint (returns its secret once)',
      },
    })
    .input(endpointFields.extend({ siteId: id }))
    .output(withSecret)
    .mutation(async ({ ctx, input }) => {
      const { siteId: _, ...fields } = input;
      const { endpoint, secret } = await createEndpoint(ctx.db, siteOf(ctx.token), fields);
      return { ...toOutput(endpoint), secret };
    }),
  update: write
    .meta({
      openapi: { method: 'PATCH', path: `${base}/{endpointId}`, protect: true, tags, summary: 'Change a webhook endpoint' },
    })
    .input(updateEndpointFields.extend({ siteId: id, endpointId: id }))
    .output(endpointOutput)
    .mutation(async ({ ctx, input }) => {
      const { siteId: _, endpointId, ...fields } = input;
      return toOutput(await updateEndpoint(ctx.db, siteOf(ctx.token), endpointId, fields));
    }),
  delete: write
    .meta({
      openapi: { method: 'DELETE', path: `${base}/{endpointId}`, protect: true, tags, summary: 'Delete a webhook endpoint' },
    })
    .input(endpointInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteEndpoint(ctx.db, siteOf(ctx.token), input.endpointId)),
  rotateSecret: write
    .meta({
      openapi: {
        method: 'POST',
        path: `${base}/{endpointId}/rotate-secret`,
        protect: true,
        tags,
        summary: 'Rotate the signing secret',
      },
    })
    .input(endpointInput)
    .output(withSecret)
    .mutation(async ({ ctx, input }) => {
      const { endpoint, secret } = await rotateSecret(ctx.db, siteOf(ctx.token), input.endpointId);
      return { ...toOutput(endpoint), secret };
    }),
  sendTest: write
    .meta({ openapi: { method: 'POST', path: `${base}/{endpointId}/test`, protect: true, tags, summary: 'Send a test event' } })
    .input(endpointInput)
    .output(z.object({ eventId: z.string(), deliveryId: z.string() }))
    .mutation(({ ctx, input }) => sendTestEvent(ctx.db, ctx.boss, siteOf(ctx.token), input.endpointId)),
  deliveries: read
    .meta({
      openapi: { method: 'GET', path: '/sites/{siteId}/webhook-deliveries', protect: true, tags, summary: 'The delivery log' },
    })
    .input(deliveryFilters.extend({ siteId: id }))
    .output(z.object({ items: z.array(deliveryOutput), nextCursor: z.string().optional() }))
    .query(({ ctx, input }) => listDeliveries(ctx.db, siteOf(ctx.token), input)),
  redeliver: write
    .meta({
      openapi: {
        method: 'POST',
        path: '/sites/{siteId}/webhook-deliveries/{deliveryId}/redeliver',
        protect: true,
        tags,
        summary: 'Send a delivery again',
      },
    })
    .input(siteInput.extend({ deliveryId: id }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => redeliver(ctx.db, ctx.boss, siteOf(ctx.token), input.deliveryId)),
});
