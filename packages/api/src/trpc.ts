// tRPC in three parts: initialisation, the caller checks, and the procedures built from them.
// Every tenant check happens here, once: a handler that receives `ctx.agency` or `ctx.site` can
// trust that the caller may see it. Another tenant's id answers NOT_FOUND, never its data.
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { z } from 'zod';
import type { Context } from './context.ts';
import { forbidden, notFound, validationDetails } from './errors.ts';
import { authenticateApiToken, type Scope } from './external/api-tokens/api-tokens.service.ts';

// ---- 1. initialisation ----
const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta & { scope?: Scope }>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      // a zod failure on input is the caller's mistake: 400 with field errors, never a 500
      const validation = error.code === 'BAD_REQUEST' ? validationDetails(error.cause) : null;
      const { stack: _stack, ...data } = shape.data; // never send server stack traces
      return { ...shape, data: { ...data, validation } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// ---- 2. roles ----
export const roles = ['owner', 'admin', 'member'] as const;
export type RoleName = (typeof roles)[number];
const rank: Record<RoleName, number> = { owner: 3, admin: 2, member: 1 };
export const hasRole = (role: RoleName, atLeast: RoleName) => rank[role] >= rank[atLeast];

// ---- 3. procedures ----
export const publicProcedure = t.procedure;

/** A signed-in dashboard user; `ctx.user` is non-null from here on. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const id = z.string().trim().min(1, 'Required').max(64, 'Too long');

/** The caller's membership in `input.agencyId`, optionally at least `minRole`. */
export function agencyProcedure(minRole: RoleName = 'member') {
  return protectedProcedure.input(z.object({ agencyId: id })).use(async ({ ctx, input, next }) => {
    const membership = await ctx.db.membership.findUnique({
      where: { agencyId_userId: { agencyId: input.agencyId, userId: ctx.user.id } },
      include: { agency: true },
    });
    if (!membership) throw notFound('Agency');
    if (!hasRole(membership.role, minRole)) throw forbidden(`This needs the ${minRole} role or higher`);
    return next({ ctx: { ...ctx, membership, agency: membership.agency } });
  });
}

/** `input.siteId`, reachable through the caller's membership in the site's agency. */
export function siteProcedure(minRole: RoleName = 'member') {
  return protectedProcedure.input(z.object({ siteId: id })).use(async ({ ctx, input, next }) => {
    const site = await ctx.db.site.findUnique({
      where: { id: input.siteId },
      include: { agency: { include: { memberships: { where: { userId: ctx.user.id } } } } },
    });
    const membership = site?.agency.memberships[0];
    if (!site || !membership) throw notFound('Site');
    if (!hasRole(membership.role, minRole)) throw forbidden(`This needs the ${minRole} role or higher`);
    const { agency, ...siteRow } = site;
    return next({ ctx: { ...ctx, membership, site: siteRow } });
  });
}

/**
 * The REST surface: a bearer API token bound to one site, holding the scope the route declares
 * in its meta (`scope`). The route's `siteId` must be the token's site.
 */
export const tokenProcedure = t.procedure.use(async ({ ctx, meta, next, getRawInput }) => {
  const token = await authenticateApiToken(ctx.db, ctx.req.authorization);
  if (!token) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Send a valid API token as "Authorization: Bearer <token>"' });
  }
  if (meta?.scope && !token.scopes.includes(meta.scope)) {
    throw forbidden(`This token lacks the "${meta.scope}" scope`);
  }
  const raw = (await getRawInput()) as { siteId?: unknown } | undefined;
  if (raw && typeof raw === 'object' && 'siteId' in raw && raw.siteId !== token.siteId) throw notFound('Site');
  return next({ ctx: { ...ctx, token } });
});
