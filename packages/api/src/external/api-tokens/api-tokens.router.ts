import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { agencyProcedure, id, router, tokenProcedure } from '../../trpc.ts';
import { describeScope, scopes } from '../scopes.ts';
import { createApiToken } from './api-tokens.service.ts';

export const apiTokensRouter = router({
  /** REST: the token that calls, as the API sees it (an API token or an OAuth access token). */
  current: tokenProcedure
    .meta({
      openapi: { method: 'GET', path: '/token', protect: true, tags: ['auth'], summary: 'Describe the calling token' },
    })
    .input(z.object({}))
    .output(z.object({ siteId: z.string(), scopes: z.array(z.string()) }))
    .query(({ ctx }) => ({ siteId: ctx.token.siteId, scopes: ctx.token.scopes })),
  list: agencyProcedure('admin')
    .output(
      z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          prefix: z.string(),
          scopes: z.array(z.string()),
          lastUsedAt: z.date().nullable(),
          expiresAt: z.date().nullable(),
          createdAt: z.date(),
          site: z.object({ id: z.string(), name: z.string() }),
        }),
      ),
    )
    .query(({ ctx }) =>
      ctx.db.apiToken.findMany({
        where: { agencyId: ctx.agency.id, revokedAt: null },
        select: {
          id: true,
          name: true,
          prefix: true,
          scopes: true,
          lastUsedAt: true,
          expiresAt: true,
          createdAt: true,
          site: { select: { id: true, name: true } },
        },
        orderBy: { createdAt: 'desc' },
      }),
    ),
  scopes: agencyProcedure()
    .output(z.array(z.object({ scope: z.string(), description: z.string() })))
    .query(() => scopes.map((s) => ({ scope: s, description: describeScope(s).description }))),
  /** Returns the token once; only its hash is kept. */
  create: agencyProcedure('admin')
    .input(
      z.object({
        siteId: id,
        name: z.string().trim().min(1, 'Name the token after what uses it').max(80, 'Use at most 80 characters'),
        scopes: z.array(z.enum(scopes)).min(1, 'Choose at least one scope').max(scopes.length),
        expiresInDays: z.number().int().min(1).max(365).nullable().default(90),
      }),
    )
    .output(z.object({ id: z.string(), token: z.string().describe('dra_… shown once: store it now') }))
    .mutation(async ({ ctx, input }) => {
      const site = await ctx.db.site.findFirst({ where: { id: input.siteId, agencyId: ctx.agency.id } });
      if (!site) throw notFound('Site');
      return createApiToken(ctx.db, {
        ...input,
        scopes: [...new Set(input.scopes)],
        agencyId: ctx.agency.id,
        createdById: ctx.user.id,
      });
    }),
  revoke: agencyProcedure('admin')
    .input(z.object({ tokenId: id }))
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const res = await ctx.db.apiToken.updateMany({
        where: { id: input.tokenId, agencyId: ctx.agency.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (res.count === 0) throw notFound('Token');
      return { id: input.tokenId };
    }),
});
