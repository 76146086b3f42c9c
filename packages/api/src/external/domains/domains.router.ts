// A site's domains: any member reads, admins change; the list is also open to a bearer token of
// the site with the site:read scope (REST). Thin over domains.service.ts.
import { z } from 'zod';
import { id, router, siteAccessProcedure, siteProcedure } from '../../trpc.ts';
import { addDomainFields, checkOutput, domainOutput, verificationMethod } from './domains.schemas.ts';
import { addDomain, domainHistory, listDomains, removeDomain, verifyNow } from './domains.service.ts';

const admin = siteProcedure('admin');

export const domainsRouter = router({
  list: siteAccessProcedure()
    .meta({
      scope: 'site:read',
      openapi: {
        method: 'GET',
        path: '/sites/{siteId}/domains',
        protect: true,
        tags: ['domains'],
        summary: "List the site's domains and their verification status",
      },
    })
    .output(z.array(domainOutput))
    .query(({ ctx }) => listDomains(ctx.db, ctx.site.id)),
  add: admin
    .input(addDomainFields)
    .output(domainOutput)
    .mutation(({ ctx, input }) => addDomain(ctx.db, ctx.site, input)),
  /** Checks the proof now (at most once per domain every 10 s); `method` switches the proof first. */
  verify: admin
    .input(z.object({ domainId: id, method: verificationMethod.optional() }))
    .output(z.object({ domain: domainOutput, check: checkOutput }))
    .mutation(({ ctx, input }) => verifyNow(ctx, ctx.site, input.domainId, input.method)),
  remove: admin
    .input(z.object({ domainId: id }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => removeDomain(ctx.db, ctx.site, input.domainId)),
  history: siteProcedure()
    .input(z.object({ domainId: id, limit: z.number().int().min(1).max(100).default(20) }))
    .output(z.array(checkOutput))
    .query(({ ctx, input }) => domainHistory(ctx.db, ctx.site, input.domainId, input.limit)),
});
