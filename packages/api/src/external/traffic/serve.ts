// The one wrapper around every external surface (REST, module gateway, embed endpoints): it
// identifies the caller once, counts the request against the caller's quota, answers CORS
// (preflights itself; exact verified origins on every response), adds the RateLimit headers and
// queues the request log row. The surfaces behind it only serve their routes.
import type { Services } from '../../context.ts';
import type { Quota } from '../../lib/rate-limit.ts';
import { log } from '../../runtime/log.ts';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, reportOutage, UNAVAILABLE_MESSAGE } from '../../runtime/outage.ts';
import { anonymousCaller, type Caller, callerIp } from './caller.ts';
import { clientLimitPerMinute } from './config.ts';
import { type CorsPolicy, corsHeaders, isAllowedOrigin, isPreflight, preflightResponse, requestOrigin } from './cors.ts';
import type { RouteOf } from './routes.ts';

export interface Surface {
  /** the route template of a request, for the log */
  route: RouteOf;
  cors: CorsPolicy;
  identify(req: Request, services: Services): Promise<Caller>;
  /**
   * The site a request addresses when no credentials say so: a preflight, an anonymous call.
   * REST reads it from the path; the gateway from the module and the page's verified origin.
   */
  siteOf(req: Request, origin: string | null, services: Services): Promise<string | null>;
  /** an error answer: the API's one JSON shape (http/errors.ts), or a page's own (the embed page) */
  error(status: number, code: string, message: string, headers: Record<string, string>): Response;
}

export type ExternalHandler = (req: Request, caller: Caller) => Promise<Response>;

/**
 * RateLimit and RateLimit-Policy as draft-ietf-httpapi-ratelimit-headers-11 (May 2026) defines
 * them: structured-field lists naming the policy, its quota `q` per window `w` seconds, and what
 * is left `r` with `t` seconds until the window resets.
 */
function rateLimitHeaders(policy: string, quota: Quota, windowSeconds: number): Record<string, string> {
  return {
    'ratelimit-policy': `"${policy}";q=${quota.limit};w=${windowSeconds}`,
    ratelimit: `"${policy}";r=${quota.remaining};t=${quota.resetSeconds}`,
  };
}

/** Our own headers on a response whose headers may be immutable (a fetch Response). */
function withHeaders(response: Response, set: Record<string, string>, varyOn: string): Response {
  const headers = new Headers(response.headers);
  // CORS is decided here alone: whatever the handler said about it is dropped
  for (const name of [...headers.keys()]) if (name.startsWith('access-control-')) headers.delete(name);
  for (const [name, value] of Object.entries(set)) headers.set(name, value);
  const vary = headers.get('vary');
  if (!vary?.split(',').some((v) => v.trim().toLowerCase() === varyOn.toLowerCase())) {
    headers.set('vary', vary ? `${vary}, ${varyOn}` : varyOn);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * A preflight carries no credentials, so it is answered from the URL alone, never reaches the
 * handler and is not logged. It is counted per IP (its own bucket, the size of a client's), since
 * each one may cost a lookup of the site's domains.
 */
async function preflight(surface: Surface, req: Request, services: Services): Promise<Response> {
  const limiter = services.limits.api;
  if (limiter) {
    const quota = await limiter.take(`ip:${callerIp(req)}:preflight`, clientLimitPerMinute());
    if (!quota.allowed) return new Response(null, { status: 429, headers: { 'retry-after': String(quota.resetSeconds) } });
  }
  const origin = requestOrigin(req);
  const site = origin ? await surface.siteOf(req, origin, services) : null;
  return preflightResponse((await isAllowedOrigin(services.db, site, origin)) ? origin : null, surface.cors);
}

/** A failure of ours in the surface's shape: the outage's 503 while the database is unreachable, else a bare 500. */
function ourFault(surface: Surface, err: unknown): Response {
  if (isDatabaseUnavailable(err)) {
    reportOutage('external');
    const retry = { 'retry-after': String(RETRY_AFTER_SECONDS) };
    return surface.error(503, 'SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGE, retry);
  }
  log.error({ source: 'external', err }, 'external request failed');
  return surface.error(500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on our side', {});
}

export async function serveExternal(
  surface: Surface,
  request: Request,
  services: Services,
  handler: ExternalHandler,
): Promise<Response> {
  const createdAt = new Date();
  const started = performance.now();
  if (isPreflight(request)) return preflight(surface, request, services).catch((err) => ourFault(surface, err));
  if (!decodablePath(request)) {
    return surface.error(
      400,
      'BAD_REQUEST',
      'The path holds malformed percent-encoding (each % must start a UTF-8 escape like %20)',
      {},
    );
  }
  // identification needs the database: when it cannot be reached the request is still answered
  // (503) and logged, as an anonymous caller with its address
  let caller: Caller | null = null;
  let response: Response;
  let siteId: string | null = null;
  try {
    caller = await surface.identify(request, services);
    ({ response, siteId } = await serve(surface, request, services, handler, caller));
  } catch (err) {
    caller ??= anonymousCaller(request);
    siteId = caller.siteId;
    response = ourFault(surface, err);
  }
  // the dashboard's own calls are same-origin: nothing to log
  if (caller.kind === 'dashboard' || !services.requestLog) return response;
  services.requestLog.record({
    createdAt,
    siteId,
    clientKind: caller.kind,
    clientId: caller.clientId,
    method: request.method,
    route: surface.route(request.method, new URL(request.url).pathname),
    status: response.status,
    latencyMs: performance.now() - started,
    ip: caller.ip,
    userAgent: request.headers.get('user-agent'),
    origin: request.headers.get('origin'),
  });
  return response;
}

/** Whether every %-escape of the path decodes (routers decode it, and a bad one throws). */
function decodablePath(request: Request): boolean {
  try {
    decodeURIComponent(new URL(request.url).pathname);
    return true;
  } catch {
    return false;
  }
}

async function serve(
  surface: Surface,
  request: Request,
  services: Services,
  handler: ExternalHandler,
  caller: Caller,
): Promise<{ response: Response; siteId: string | null }> {
  const limiter = services.limits.api;
  const quota = caller.quota && limiter ? await limiter.take(caller.quota.key, caller.quota.limit) : null;
  const headers: Record<string, string> = {};
  if (quota && caller.quota && limiter)
    Object.assign(headers, rateLimitHeaders(caller.quota.policy, quota, limiter.windowSeconds));

  let response: Response;
  if (quota && !quota.allowed) {
    headers['retry-after'] = String(quota.resetSeconds);
    const who = caller.kind === 'anonymous' ? 'Calls without valid credentials are' : 'This client is';
    response = surface.error(
      429,
      'TOO_MANY_REQUESTS',
      `Too many requests. ${who} limited to ${quota.limit} per minute; try again in ${quota.resetSeconds} s.`,
      headers,
    );
  } else {
    // a handler's failure is still answered (and logged) as this request's 500 (or the outage's 503)
    response = await handler(request, caller).catch((err) => ourFault(surface, err));
  }

  // the dashboard's own calls are same-origin: no CORS to answer
  if (caller.kind === 'dashboard') return { response: withHeaders(response, headers, 'Origin'), siteId: caller.siteId };
  const origin = requestOrigin(request);
  const siteId = caller.siteId ?? (await surface.siteOf(request, origin, services));
  if (await isAllowedOrigin(services.db, siteId, origin)) Object.assign(headers, corsHeaders(origin!));
  return { response: withHeaders(response, headers, 'Origin'), siteId };
}
