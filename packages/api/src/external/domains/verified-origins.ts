// The origins a site's verified domains allow, for CORS and `frame-ancestors`, asked on every
// request: one indexed query (site_domains(siteId, status)), cached per process for a few
// seconds. Changes made in this process clear the site's entry at once; another process (the
// worker failing a domain, another web process) is seen within ORIGINS_TTL_MS.
import type { Db } from '@dramac/db';
import { isDevDomain, localhostAllowed, originsOf } from './hostname.ts';

export const ORIGINS_TTL_MS = 10_000;
const MAX_CACHED_SITES = 10_000;

const caches = new WeakMap<Db, Map<string, { at: number; origins: string[] }>>();

/**
 * Exact origins (`https://shop.example.com`) of `siteId`'s verified domains: https only on the
 * default port. `localhost[:port]` domains (development) allow http and https, and only while
 * DOMAINS_ALLOW_LOCALHOST=1.
 */
export async function verifiedOrigins(db: Db, siteId: string): Promise<string[]> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const now = Date.now();
  const hit = cache.get(siteId);
  if (hit && now - hit.at < ORIGINS_TTL_MS) return hit.origins;
  const rows = await db.siteDomain.findMany({ where: { siteId, status: 'verified' }, select: { hostname: true } });
  const origins = rows.filter((r) => localhostAllowed() || !isDevDomain(r.hostname)).flatMap((r) => originsOf(r.hostname));
  if (cache.size >= MAX_CACHED_SITES) cache.clear();
  cache.set(siteId, { at: now, origins });
  return origins;
}

/** Drops the cached origins of `siteId` after one of its domains changed in this process. */
export function forgetVerifiedOrigins(db: Db, siteId: string): void {
  caches.get(db)?.delete(siteId);
}
