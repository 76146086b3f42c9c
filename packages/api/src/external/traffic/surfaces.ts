// The external surfaces as the traffic wrapper sees them: how each names its routes and sites,
// whom it serves, what a browser may send it, and how it answers errors.
import type { Db } from '@dramac/db';
import type { AnyRouter } from '@trpc/server';
import { jsonError, trpcJsonError } from '../../http/errors.ts';
import { identifyGatewayCaller, identifyRestCaller, identifyTrpcCaller } from './caller.ts';
import { gatewayRoutes, restRoutes, siteInPath } from './routes.ts';
import type { Surface } from './serve.ts';

/** Browsers cache a preflight answer this long (Chromium caps it at 2 h, Firefox at 24 h). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * /api/v1. A browser's preflight names no token, so the site comes from the path
 * (`/sites/{siteId}/…`): only those routes can be called cross-origin; the few without a site
 * (`/token`, `/webhooks/event-types`) are for servers.
 */
export function restSurface(router: AnyRouter, endpoint: string): Surface {
  return {
    route: restRoutes(router, endpoint),
    cors: {
      methods: 'GET, POST, PATCH, PUT, DELETE',
      headers: 'authorization, content-type',
      maxAgeSeconds: PREFLIGHT_MAX_AGE_SECONDS,
    },
    identify: identifyRestCaller,
    siteOf: async (req) => siteInPath(new URL(req.url).pathname, endpoint),
    error: jsonError,
  };
}

/**
 * The site that installed `moduleId` (enabled) and verified the page's origin: the site of a
 * gateway preflight, which carries no embed token. A module installed on two sites of the same
 * owner's verified domain answers for either; the embed token on the actual call decides.
 */
async function siteOfModuleOrigin(db: Db, moduleId: string, origin: string): Promise<string | null> {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return null;
  }
  const domain = await db.siteDomain.findFirst({
    where: { hostname: host, status: 'verified', site: { moduleInstallations: { some: { moduleId, status: 'enabled' } } } },
    select: { siteId: true },
  });
  return domain?.siteId ?? null;
}

/** /api/modules/{moduleId}/…: embed tokens from pages on a site's verified domains; the dashboard's session calls pass through. */
export function gatewaySurface(base: string): Surface {
  return {
    route: gatewayRoutes(base),
    cors: {
      methods: 'GET, POST, PATCH, DELETE',
      // not X-Dramac-Request or X-Dramac-Site: those are for the dashboard's own, same-origin calls
      headers: 'authorization, content-type',
      maxAgeSeconds: PREFLIGHT_MAX_AGE_SECONDS,
    },
    identify: identifyGatewayCaller,
    async siteOf(req, origin, services) {
      const moduleId = new URL(req.url).pathname.slice(base.length + 1).split('/')[0];
      if (!origin || !moduleId || moduleId.length > 64) return null;
      return siteOfModuleOrigin(services.db, moduleId, origin);
    },
    error: jsonError,
  };
}

/**
 * /api/trpc: the dashboard (session) and any bearer-token caller. Its routes are procedure names
 * (`/api/trpc/sites.get`), never ids, so the log keeps the path. No cross-origin use: a browser's
 * preflight for Authorization is never answered here.
 */
export function trpcSurface(endpoint: string): Surface {
  return {
    route: (_method, pathname) => (pathname.startsWith(`${endpoint}/`) ? pathname.slice(0, 200) : `${endpoint}/*`),
    cors: { methods: 'GET, POST', headers: 'content-type', maxAgeSeconds: PREFLIGHT_MAX_AGE_SECONDS },
    identify: identifyTrpcCaller,
    siteOf: async () => null,
    error: trpcJsonError,
  };
}
