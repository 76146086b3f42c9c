// The external REST surface (/api/v1), served by the OpenAPI bridge from these procedures.
// Each route declares its OpenAPI path and the scope it needs; tokenProcedure enforces both.
import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { siteOutput } from '../../platform/sites/sites.schemas.ts';
import { router, tokenProcedure } from '../../trpc.ts';

export const restRouter = router({
  token: tokenProcedure
    .meta({
      openapi: { method: 'GET', path: '/token', protect: true, tags: ['auth'], summary: 'Describe the calling token' },
    })
    .input(z.object({}))
    .output(z.object({ siteId: z.string(), scopes: z.array(z.string()) }))
    .query(({ ctx }) => ({ siteId: ctx.token.siteId, scopes: ctx.token.scopes })),
  getSite: tokenProcedure
    .meta({
      scope: 'site:read',
      openapi: { method: 'GET', path: '/sites/{siteId}', protect: true, tags: ['sites'], summary: 'Get a site' },
    })
    .input(z.object({ siteId: z.string().min(1).max(64) }))
    .output(siteOutput)
    .query(async ({ ctx }) => {
      const site = await ctx.db.site.findUnique({ where: { id: ctx.token.siteId } });
      if (!site) throw notFound('Site');
      return site;
    }),
});
