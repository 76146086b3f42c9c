// Route templates for the request log: `/api/v1/sites/{siteId}/webhooks`, never the raw path, so
// rows group by route and ids stay out of a column meant for searching. REST templates come from
// the routers' OpenAPI paths; the gateway's are its own few routes.
import type { AnyRouter } from '@trpc/server';

interface Template {
  method: string;
  path: string;
  pattern: RegExp;
  params: number;
}

/** `/sites/{siteId}/webhooks` → a pattern matching one path segment per parameter. */
function compile(method: string, path: string): Template {
  const source = path
    .split('/')
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { method, path, pattern: new RegExp(`^${source}/?$`), params: (path.match(/\{/g) ?? []).length };
}

export type RouteOf = (method: string, pathname: string) => string;

/** Matches a path to its template; literal segments win over parameters (`/webhooks/event-types`). */
function matcher(prefix: string, templates: Template[]): RouteOf {
  const ordered = [...templates].sort((a, b) => a.params - b.params);
  return (method, pathname) => {
    const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname;
    const matches = ordered.filter((t) => t.pattern.test(rest));
    const best = matches.find((t) => t.method === method) ?? matches[0];
    return best ? `${prefix}${best.path}` : `${prefix}/*`;
  };
}

/** The REST surface's templates, read once from the router's `openapi` meta. */
export function restRoutes(router: AnyRouter, endpoint: string): RouteOf {
  const procedures = router._def.procedures as Record<
    string,
    { _def: { meta?: { openapi?: { method: string; path: string } } } }
  >;
  const templates = Object.values(procedures).flatMap((p) => {
    const openapi = p._def.meta?.openapi;
    return openapi ? [compile(openapi.method.toUpperCase(), openapi.path)] : [];
  });
  return matcher(endpoint, templates);
}

/** The module gateway's routes (modules/gateway/handler.ts). */
export function gatewayRoutes(base: string): RouteOf {
  const paths = ['context', 'settings', 'events', 'renders', 'data/{table}', 'data/{table}/{rowId}'];
  return matcher(
    base,
    paths.map((p) => compile('*', `/{moduleId}/${p}`)),
  );
}

/** The site a REST path names (`/api/v1/sites/{siteId}/…`), if any. */
export function siteInPath(pathname: string, endpoint: string): string | null {
  const match = pathname.slice(endpoint.length).match(/^\/sites\/([^/]{1,64})(?:\/|$)/);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
