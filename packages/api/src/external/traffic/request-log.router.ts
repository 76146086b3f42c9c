// The API log in the dashboard: what external callers did on a site. Admins only, like webhooks
// and API tokens: rows carry callers' IP addresses and user agents.
import { router, siteProcedure } from '../../trpc.ts';
import { requestLogFilters, requestLogPage, requestLogSummary } from './request-log.schemas.ts';
import { listRequests, summarizeRequests } from './request-log.service.ts';

const admin = siteProcedure('admin');

export const requestLogRouter = router({
  list: admin
    .input(requestLogFilters)
    .output(requestLogPage)
    .query(({ ctx, input }) => listRequests(ctx.db, ctx.site.id, input)),
  summary: admin.output(requestLogSummary).query(({ ctx }) => summarizeRequests(ctx.db, ctx.site.id)),
});
