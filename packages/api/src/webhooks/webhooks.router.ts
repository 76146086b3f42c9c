// Webhook endpoints and their delivery log: one procedure per operation, for an admin of the
// site's agency (dashboard, typed client) or a bearer token of the site with the webhooks:* scope
// (REST, /api/v1/sites/{siteId}/webhooks…). Thin over endpoints.service.ts.
import { retrySchedule } from '@dramac/jobs';
import { z } from 'zod';
import { id, router, siteAccessProcedure, siteProcedure, tokenProcedure } from '../trpc.ts';
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
const retryStep = z.object({ retry: z.number(), minSeconds: z.number(), maxSeconds: z.number() });
const describeCatalogue = () =>
  eventTypes.map((type) => ({
    type,
    description: catalogue[type].description,
    example: catalogue[type].example,
    schema: z.toJSONSchema(catalogue[type].schema),
  }));

const read = siteAccessProcedure('admin').meta({ scope: 'webhooks:read' });
const write = siteAccessProcedure('admin').meta({ scope: 'webhooks:write' });
const base = '/sites/{siteId}/webhooks';
const endpointRef = z.object({ endpointId: id });
const tags = ['webhooks'];

export const webhooksRouter = router({
  /** The dashboard's event picker and docs: every event type and the retry schedule. */
  catalogue: siteProcedure()
    .output(z.object({ events: catalogueOutput, retrySchedule: z.array(retryStep) }))
    .query(() => ({ events: describeCatalogue(), retrySchedule: retrySchedule() })),
  eventTypes: tokenProcedure
    .meta({
      scope: 'webhooks:read',
      openapi: { method: 'GET', path: '/webhooks/event-types', protect: true, tags, summary: 'The event catalogue' },
    })
    .input(z.object({}))
    .output(catalogueOutput)
    .query(() => describeCatalogue()),
  list: read
    .meta({ openapi: { method: 'GET', path: base, protect: true, tags, summary: 'List webhook endpoints' } })
    .output(z.array(endpointOutput))
    .query(async ({ ctx }) =>
      (await ctx.db.webhookEndpoint.findMany({ where: { siteId: ctx.site.id }, orderBy: { createdAt: 'asc' } })).map(toOutput),
    ),
  get: read
    .meta({ openapi: { method: 'GET', path: `${base}/{endpointId}`, protect: true, tags, summary: 'Get a webhook endpoint' } })
    .input(endpointRef)
    .output(endpointOutput)
    .query(async ({ ctx, input }) => toOutput(await findEndpoint(ctx.db, ctx.site, input.endpointId))),
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
    .input(endpointFields)
    .output(withSecret)
    .mutation(async ({ ctx, input }) => {
      const { siteId: _, ...fields } = input;
      const { endpoint, secret } = await createEndpoint(ctx.db, ctx.site, fields);
      return { ...toOutput(endpoint), secret };
    }),
  update: write
    .meta({
      openapi: { method: 'PATCH', path: `${base}/{endpointId}`, protect: true, tags, summary: 'Change a webhook endpoint' },
    })
    .input(updateEndpointFields.extend({ endpointId: id }))
    .output(endpointOutput)
    .mutation(async ({ ctx, input }) => {
      const { siteId: _, endpointId, ...fields } = input;
      return toOutput(await updateEndpoint(ctx.db, ctx.site, endpointId, fields));
    }),
  delete: write
    .meta({
      openapi: { method: 'DELETE', path: `${base}/{endpointId}`, protect: true, tags, summary: 'Delete a webhook endpoint' },
    })
    .input(endpointRef)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteEndpoint(ctx.db, ctx.site, input.endpointId)),
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
    .input(endpointRef)
    .output(withSecret)
    .mutation(async ({ ctx, input }) => {
      const { endpoint, secret } = await rotateSecret(ctx.db, ctx.site, input.endpointId);
      return { ...toOutput(endpoint), secret };
    }),
  sendTest: write
    .meta({ openapi: { method: 'POST', path: `${base}/{endpointId}/test`, protect: true, tags, summary: 'Send a test event' } })
    .input(endpointRef)
    .output(z.object({ eventId: z.string(), deliveryId: z.string() }))
    .mutation(({ ctx, input }) => sendTestEvent(ctx.db, ctx.boss, ctx.site, input.endpointId)),
  deliveries: read
    .meta({
      openapi: { method: 'GET', path: '/sites/{siteId}/webhook-deliveries', protect: true, tags, summary: 'The delivery log' },
    })
    .input(deliveryFilters)
    .output(z.object({ items: z.array(deliveryOutput), nextCursor: z.string().optional() }))
    .query(({ ctx, input }) => listDeliveries(ctx.db, ctx.site, input)),
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
    .input(z.object({ deliveryId: id }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => redeliver(ctx.db, ctx.boss, ctx.site, input.deliveryId)),
});
