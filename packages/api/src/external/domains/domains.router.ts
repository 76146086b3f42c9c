// Domains through tRPC (dashboard: any member reads, admins change) and REST (an API token with
// the site:read scope lists them). Both are thin over domains.service.ts.
import { z } from 'zod';
import { id, router, siteProcedure, tokenProcedure } from '../../trpc.ts';
import { addDomainFields, checkOutput, domainOutput, verificationMethod } from './domains.schemas.ts';
import { addDomain, domainHistory, listDomains, removeDomain, verifyNow } from './domains.service.ts';

const admin = siteProcedure('admin');

export const domainsRouter = router({
  list: siteProcedure()
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
  remove: admin.input(z.object({ domainId: id })).mutation(({ ctx, input }) => removeDomain(ctx.db, ctx.site, input.domainId)),
  history: siteProcedure()
    .input(z.object({ domainId: id, limit: z.number().int().min(1).max(100).default(20) }))
    .output(z.array(checkOutput))
    .query(({ ctx, input }) => domainHistory(ctx.db, ctx.site, input.domainId, input.limit)),
});

// ---- REST: /api/v1/sites/{siteId}/domains (tokenProcedure checks the token's site and scope) ----
export const domainsRestRouter = router({
  list: tokenProcedure
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
    .input(z.object({ siteId: id }))
    .output(z.array(domainOutput))
    .query(({ ctx }) => listDomains(ctx.db, ctx.token.siteId)),
});
