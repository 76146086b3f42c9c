// CORS for the external surfaces. A browser page may call a site's API only from an origin the
// site has proven it owns: its verified domains (external/domains verifiedOrigins). That origin is
// echoed exactly, never `*`, and never with credentials (these surfaces take bearer tokens, not
// cookies). Any other origin, and the opaque `null` origin (sandboxed frames, file: pages), gets
// no CORS header at all, so the browser keeps the response from the page.
import type { Db } from '@dramac/db';
import { verifiedOrigins } from '../domains/index.ts';

export interface CorsPolicy {
  /** answered in Access-Control-Allow-Methods */
  methods: string;
  /** request headers a page may send: Access-Control-Allow-Headers */
  headers: string;
  /** how long a browser may reuse a preflight answer */
  maxAgeSeconds: number;
}

/** Response headers a page may read: the limits, so a client can slow down before a 429. */
const EXPOSED = 'RateLimit, RateLimit-Policy, Retry-After';

/** The request's Origin, if it is one a site could have verified (not absent, not `null`). */
export function requestOrigin(req: Request): string | null {
  const origin = req.headers.get('origin');
  return origin && origin !== 'null' ? origin : null;
}

export async function isAllowedOrigin(db: Db, siteId: string | null, origin: string | null): Promise<boolean> {
  if (!siteId || !origin) return false;
  return (await verifiedOrigins(db, siteId)).includes(origin);
}

/** The CORS headers of an actual (non-preflight) response. */
export function corsHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED };
}

/** The answer to a preflight: the allow headers only for an allowed origin, else a bare 204. */
export function preflightResponse(origin: string | null, policy: CorsPolicy): Response {
  const headers = new Headers({ vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' });
  if (origin) {
    headers.set('access-control-allow-origin', origin);
    headers.set('access-control-allow-methods', policy.methods);
    headers.set('access-control-allow-headers', policy.headers);
    headers.set('access-control-max-age', String(policy.maxAgeSeconds));
  }
  return new Response(null, { status: 204, headers });
}

/** Whether this OPTIONS request is a CORS preflight (rather than a plain OPTIONS call). */
export const isPreflight = (req: Request) =>
  req.method === 'OPTIONS' && req.headers.has('origin') && req.headers.has('access-control-request-method');
