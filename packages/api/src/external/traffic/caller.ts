// Who is calling an external surface, worked out once per request: the rate limiter, CORS and the
// request log all read this, and the REST surface hands the authenticated token on to
// tokenProcedure so no token is looked up twice. Bad or missing credentials make an anonymous
// caller (limited per IP); the handler behind still answers them 401.
import type { ApiClientKind, Db } from '@dramac/db';
import type { Services, SessionUser } from '../../context.ts';
import { clientIp, sessionUser } from '../../http/session.ts';
import { bearerToken } from '../../modules/gateway/caller.ts';
import { verifyEmbedToken } from '../../modules/gateway/embed-token.ts';
import { authenticateBearer, type BearerToken } from '../../trpc.ts';
import { anonymousLimitPerMinute, clientLimitPerMinute, sessionLimitPerMinute } from './config.ts';

/** The bucket a request is counted in, and its size per minute; the policy names it in the RateLimit headers. */
export interface QuotaKey {
  key: string;
  limit: number;
  policy: 'client' | 'anonymous' | 'session';
}

export interface Caller {
  /** `dashboard`: the dashboard's own gateway calls (a session), neither limited nor logged here */
  kind: ApiClientKind | 'dashboard';
  /** ApiToken.id, OAuthApp.id or ModuleInstallation.id; null for anonymous callers */
  clientId: string | null;
  /** the site the credentials are bound to */
  siteId: string | null;
  ip: string;
  quota: QuotaKey | null;
  /** REST and tRPC: the bearer token as tokenProcedure needs it, authenticated (null: none valid) */
  bearer?: BearerToken | null;
  /** the dashboard's session user, read once (null: signed out) */
  user?: SessionUser | null;
}

/** The client address, with IPv4-mapped IPv6 spelled as IPv4 (see clientIp). */
export const callerIp = clientIp;

/** Anyone without valid credentials, counted per IP; `scope` narrows the bucket (e.g. one endpoint). */
export function anonymousCaller(req: Request, scope?: string): Caller {
  const ip = callerIp(req);
  return {
    kind: 'anonymous',
    clientId: null,
    siteId: null,
    ip,
    quota: { key: scope ? `ip:${ip}:${scope}` : `ip:${ip}`, limit: anonymousLimitPerMinute(), policy: 'anonymous' },
  };
}

/**
 * The dashboard's own calls: not external, so neither logged nor given CORS, but a signed-in user
 * is limited (generously) so that one session cannot flood the server.
 */
export function dashboardCaller(req: Request, user: SessionUser | null): Caller {
  const quota: QuotaKey | null = user ? { key: `session:${user.id}`, limit: sessionLimitPerMinute(), policy: 'session' } : null;
  return { kind: 'dashboard', clientId: null, siteId: null, ip: callerIp(req), quota, user };
}

/**
 * /api/trpc: a request with credentials in Authorization is an external caller, identified (and
 * then limited and logged) exactly as on REST whatever procedure it names; the session cookie is
 * not read for it. Anything else is the dashboard.
 */
export async function identifyTrpcCaller(req: Request, services: Services): Promise<Caller> {
  if (req.headers.has('authorization')) return { ...(await identifyRestCaller(req, services)), user: null };
  return dashboardCaller(req, await sessionUser(req, services.db));
}

/** A per-database map: tests run several databases in one process. */
function mapFor<V>(maps: WeakMap<Db, Map<string, V>>, db: Db): Map<string, V> {
  let map = maps.get(db);
  if (!map) {
    map = new Map();
    maps.set(db, map);
  }
  return map;
}

const clientQuota = (key: string, limit = clientLimitPerMinute()): QuotaKey => ({ key, limit, policy: 'client' });

// An app's row id and its own limit, by client_id: asked on every OAuth call, so kept a little
// while per process. A changed limit applies within APP_TTL_MS.
const APP_TTL_MS = 30_000;
const apps = new WeakMap<Db, Map<string, { at: number; id: string; limit: number }>>();

async function oauthApp(db: Db, clientId: string) {
  const cache = mapFor(apps, db);
  const hit = cache.get(clientId);
  if (hit && Date.now() - hit.at < APP_TTL_MS) return hit;
  const app = await db.oAuthApp.findUnique({ where: { clientId }, select: { id: true, rateLimitPerMinute: true } });
  if (!app) return null;
  if (cache.size >= 10_000) cache.clear();
  const entry = { at: Date.now(), id: app.id, limit: app.rateLimitPerMinute };
  cache.set(clientId, entry);
  return entry;
}

/** /api/v1: an API token (per token) or an OAuth access token (per app and site). */
export async function identifyRestCaller(req: Request, services: Services): Promise<Caller> {
  const token = await authenticateBearer(services.db, req.headers.get('authorization'));
  const ip = callerIp(req);
  if (token?.kind === 'api_token') {
    return {
      kind: 'api_token',
      clientId: token.id,
      siteId: token.siteId,
      ip,
      quota: clientQuota(`token:${token.id}`),
      bearer: token,
    };
  }
  const app = token?.kind === 'oauth' ? await oauthApp(services.db, token.clientId) : null;
  if (token && app) {
    const quota = clientQuota(`oauth:${app.id}:${token.siteId}`, app.limit);
    return { kind: 'oauth_app', clientId: app.id, siteId: token.siteId, ip, quota, bearer: token };
  }
  return { ...anonymousCaller(req), bearer: null };
}

// An installation never moves to another site: its site is remembered for good (bounded).
const installationSites = new WeakMap<Db, Map<string, string>>();

async function siteOfInstallation(db: Db, installationId: string): Promise<string | null> {
  const cache = mapFor(installationSites, db);
  const known = cache.get(installationId);
  if (known) return known;
  const row = await db.moduleInstallation.findUnique({ where: { id: installationId }, select: { siteId: true } });
  if (!row) return null;
  if (cache.size >= 50_000) cache.clear();
  cache.set(installationId, row.siteId);
  return row.siteId;
}

/**
 * /api/modules: an embed token (limited per installation, origin and visitor IP), or the dashboard's own session
 * calls, which the sign-in limits and the session already account for.
 */
export async function identifyGatewayCaller(req: Request, services: Services): Promise<Caller> {
  const bearer = bearerToken(req);
  if (bearer) {
    const claims = await verifyEmbedToken(bearer).catch(() => null);
    const siteId = claims && (await siteOfInstallation(services.db, claims.installationId));
    if (claims && siteId) {
      return {
        kind: 'embed',
        clientId: claims.installationId,
        siteId,
        ip: callerIp(req),
        // per visitor: all visitors of a busy site share one installation and origin
        quota: clientQuota(`embed:${claims.installationId}:${claims.origin}:${callerIp(req)}`),
      };
    }
  } else {
    const user = await sessionUser(req, services.db);
    if (user) return dashboardCaller(req, user);
  }
  return anonymousCaller(req);
}
