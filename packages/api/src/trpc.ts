// tRPC in three parts: initialisation, the caller checks, and the procedures built from them.
// Every tenant check happens here, once: a handler that receives `ctx.agency` or `ctx.site` can
// trust that the caller may see it. Another tenant's id answers NOT_FOUND, never its data.
import type { Db } from '@dramac/db';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { z } from 'zod';
import type { Context } from './context.ts';
import { forbidden, notFound, trpcValidationDetails } from './errors.ts';
import { authenticateApiToken, isApiToken } from './external/api-tokens/api-tokens.service.ts';
import { authenticateOAuthToken, isOAuthAccessToken } from './external/oauth/access-tokens.ts';
import { refuseNul } from './lib/nul.ts';
import { forgetCachedRows } from './lib/row-cache.ts';
import { siteMembership } from './platform/access.ts';
import { isDatabaseUnavailable, reportOutage, UNAVAILABLE_MESSAGE } from './runtime/outage.ts';
import { currentRequestId } from './runtime/request-context.ts';

// ---- 1. initialisation ----

/**
 * `openapi`: the REST route; `scope`: what a bearer token needs to call the procedure;
 * `tokenOnly`: set by tokenProcedure, for the operations only an integration calls.
 */
export type ProcedureMeta = OpenApiMeta & { scope?: `${string}:${string}`; tokenOnly?: true };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      // a zod failure on input is the caller's mistake: 400 with field errors, never a 500
      const validation = error.code === 'BAD_REQUEST' ? trpcValidationDetails(error.cause) : null;
      const { stack: _stack, ...data } = shape.data; // never send server stack traces
      const requestId = currentRequestId(); // set when served by the web server (apps/web/server)
      return { ...shape, data: { ...data, validation, ...(requestId ? { requestId } : {}) } };
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

// PostgreSQL text cannot hold U+0000: such input would come back from the database as a 500.
// Every procedure refuses it with field errors like any other validation failure, once the caller
// is authenticated: an anonymous caller gets the same 401 whatever the input holds.
const refuseNulInput = t.middleware(async ({ getRawInput, next }) => {
  refuseNul(await getRawInput());
  return next();
});

// While the database cannot be reached, a procedure's failure is the outage's 503 (Retry-After in
// http/index.ts), never a 500 whose message names the database host.
const outageAnswer = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && isDatabaseUnavailable(result.error)) {
    reportOutage('trpc');
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: UNAVAILABLE_MESSAGE });
  }
  return result;
});

// After a change, this process forgets the rows it cached (lib/row-cache.ts) at once, so the
// caller's next read sees it; other processes hear of it from PostgreSQL.
const base = t.procedure.use(outageAnswer).use(async ({ ctx, type, next }) => {
  if (type !== 'mutation') return next();
  try {
    return await next();
  } finally {
    forgetCachedRows(ctx.db);
  }
});

export const publicProcedure = base.use(refuseNulInput);

/** A signed-in dashboard user; `ctx.user` is non-null from here on. */
export const protectedProcedure = base
  .use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
    return next({ ctx: { ...ctx, user: ctx.user } });
  })
  .use(refuseNulInput);

/** Platform staff (`User.isPlatformAdmin`), read from the database on every call, never the session. */
export const platformAdminProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const user = await ctx.db.user.findUnique({ where: { id: ctx.user.id }, select: { isPlatformAdmin: true } });
  if (!user?.isPlatformAdmin) throw forbidden('Only platform administrators can do this');
  return next();
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
    const { membership, site } = await siteMembership(ctx.db, ctx.user.id, input.siteId);
    if (!hasRole(membership.role, minRole)) throw forbidden(`This needs the ${minRole} role or higher`);
    return next({ ctx: { ...ctx, membership, site } });
  });
}

/**
 * The caller behind `Authorization: Bearer …`: a site API token or an OAuth access token. The
 * REST surface's traffic wrapper calls it once per request and hands the result on in
 * `ctx.req.bearer`; other callers (tests, the typed client) are authenticated here.
 */
export async function authenticateBearer(db: Db, authorization: string | null) {
  // RFC 6750 §2.1: the scheme name is case-insensitive (`bearer`, `BEARER`)
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (bearer && isApiToken(bearer)) {
    const token = await authenticateApiToken(db, bearer);
    return token && { ...token, kind: 'api_token' as const, clientId: null };
  }
  if (bearer && isOAuthAccessToken(bearer)) {
    const token = await authenticateOAuthToken(db, bearer);
    return token && { ...token, kind: 'oauth' as const };
  }
  return null;
}

export type BearerToken = NonNullable<Awaited<ReturnType<typeof authenticateBearer>>>;

async function bearerOf(ctx: Context) {
  const token = ctx.req.bearer !== undefined ? ctx.req.bearer : await authenticateBearer(ctx.db, ctx.req.authorization);
  if (!token) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'Send a valid API token or OAuth access token as "Authorization: Bearer <token>"',
    });
  }
  return token;
}

/** Who is acting on a site: a member of its agency (dashboard, typed client) or a bearer token. */
export type SiteCaller =
  | { kind: 'member'; userId: string; role: RoleName }
  | { kind: 'token'; tokenId: string; clientId: string | null; scopes: string[] };

/** A signed-in user, or else a valid bearer token: checked before the input, as for every caller. */
const siteCaller = t.procedure
  .use(async ({ ctx, next }) => {
    if (!ctx.user && !ctx.req.authorization && ctx.req.bearer === undefined) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in, or send an API token as "Authorization: Bearer <token>"' });
    }
    return next({ ctx: { ...ctx, bearerToken: ctx.user ? null : await bearerOf(ctx) } });
  })
  .use(refuseNulInput);

/**
 * `input.siteId` for either caller, so one procedure serves the dashboard, the typed client and
 * REST. A signed-in user needs a membership in the site's agency with at least `minRole`; a
 * bearer token (sent when nobody is signed in) must be bound to that site and hold the scope the
 * procedure declares in its meta. A procedure without a scope is not open to tokens. Another
 * tenant's site answers NOT_FOUND either way.
 */
export function siteAccessProcedure(minRole: RoleName = 'member') {
  return siteCaller.input(z.object({ siteId: id })).use(async ({ ctx, input, meta, next }) => {
    if (ctx.user) {
      const { membership, site } = await siteMembership(ctx.db, ctx.user.id, input.siteId);
      if (!hasRole(membership.role, minRole)) throw forbidden(`This needs the ${minRole} role or higher`);
      const caller: SiteCaller = { kind: 'member', userId: ctx.user.id, role: membership.role };
      return next({ ctx: { ...ctx, site, caller } });
    }
    const token = ctx.bearerToken;
    if (!token) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
    if (!meta?.scope) throw forbidden('This operation is only available in the dashboard, not to API tokens');
    if (!token.scopes.includes(meta.scope)) throw forbidden(`This token lacks the "${meta.scope}" scope`);
    const site = input.siteId === token.siteId ? await ctx.db.site.findUnique({ where: { id: token.siteId } }) : null;
    if (!site) throw notFound('Site');
    const caller: SiteCaller = { kind: 'token', tokenId: token.id, clientId: token.clientId, scopes: token.scopes };
    return next({ ctx: { ...ctx, site, caller } });
  });
}

/**
 * The REST surface: a bearer token bound to one site (an API token, or an OAuth access token
 * issued to an app the site granted), holding the scope the route declares in its meta
 * (`scope`). The route's `siteId` must be the token's site.
 */
export const tokenProcedure = base
  .use(async ({ ctx, meta, next, getRawInput }) => {
    const token = await bearerOf(ctx);
    if (meta?.scope && !token.scopes.includes(meta.scope)) {
      throw forbidden(`This token lacks the "${meta.scope}" scope`);
    }
    const raw = (await getRawInput()) as { siteId?: unknown } | undefined;
    if (raw && typeof raw === 'object' && 'siteId' in raw && raw.siteId !== token.siteId) throw notFound('Site');
    return next({ ctx: { ...ctx, token } });
  })
  .use(refuseNulInput)
  // after the middlewares: a `.use()` starts its builder's meta afresh
  .meta({ tokenOnly: true });
