import { z } from 'zod';
import { badRequest } from '../../errors.ts';
import { agencyProcedure, router, siteAccessProcedure, siteProcedure } from '../../trpc.ts';
import { createSiteInput, siteOutput, timeZoneList, updateSiteInput } from './sites.schemas.ts';
import { createSite, deleteSite, updateSite } from './sites.service.ts';

export const sitesRouter = router({
  list: agencyProcedure()
    .output(z.array(siteOutput))
    .query(({ ctx }) => ctx.db.site.findMany({ where: { agencyId: ctx.agency.id }, orderBy: { name: 'asc' } })),
  get: siteAccessProcedure()
    .meta({
      scope: 'site:read',
      openapi: { method: 'GET', path: '/sites/{siteId}', protect: true, tags: ['sites'], summary: 'Get a site' },
    })
    .output(siteOutput)
    .query(({ ctx }) => ctx.site),
  create: agencyProcedure('admin')
    .input(createSiteInput)
    .output(siteOutput)
    .mutation(({ ctx, input }) => {
      const { agencyId: _, ...fields } = input;
      return createSite(ctx, ctx.agency.id, fields);
    }),
  update: siteProcedure('admin')
    .input(updateSiteInput)
    .output(siteOutput)
    .mutation(({ ctx, input }) => {
      const { siteId: _, ...fields } = input;
      return updateSite(ctx, ctx.site.id, fields);
    }),
  /** Deletes the site and everything that belongs to it. The dashboard asks to type the slug. */
  delete: siteProcedure('admin')
    .input(z.object({ confirmSlug: z.string().max(48) }))
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      if (input.confirmSlug !== ctx.site.slug) throw badRequest(`Type the site's slug "${ctx.site.slug}" to confirm`);
      return deleteSite(ctx, ctx.site.id);
    }),
  timeZones: agencyProcedure()
    .output(z.array(z.string()))
    .query(() => timeZoneList),
});
