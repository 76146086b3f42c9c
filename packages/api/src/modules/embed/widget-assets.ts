// GET /embed/{installationId}/assets/{packageHash}/{...path}: the widget's own files, for the frame
// the embed page nests. A browser checks `frame-ancestors` against every ancestor of a frame, the
// client's page included, so the widget cannot come from /module-assets (`frame-ancestors 'self'`)
// once it sits inside an embed page. These are the same files through the same handler, with the
// same sandboxing CSP; only the widget's pages (HTML) allow the site's verified origins as
// ancestors too, and are never stored by a cache, since those origins follow the site's domains.
// Scripts, styles and images are the package's, cached for good as /module-assets caches them
// (a subresource is not checked against frame-ancestors).

import type { Services } from '../../context.ts';
import { verifiedOrigins } from '../../external/domains/index.ts';
import { handleModuleAsset } from '../assets/assets.ts';
import { findEmbeddable } from './embeddable.ts';

/** Where the embed page loads the installed widget from (without the frame's #origin=…). */
export function widgetAssetPath(installationId: string, packageHash: string, path: string): string {
  const file = path.split('/').map(encodeURIComponent).join('/');
  return `/embed/${encodeURIComponent(installationId)}/assets/${packageHash}/${file}`;
}

const notFound = () =>
  new Response('Not found', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

const isPage = (path: string) => /\.html?$/i.test(path);

/** The CSP with its frame-ancestors directive replaced, every other directive as the asset handler set it. */
function withFrameAncestors(csp: string, sources: string[]): string {
  const directives = csp.split(';').map((d) => d.trim());
  const others = directives.filter((d) => d !== '' && !/^frame-ancestors(\s|$)/i.test(d));
  return [...others, `frame-ancestors ${sources.join(' ')}`].join('; ');
}

export async function handleWidgetAsset(
  request: Request,
  services: Services,
  installationId: string,
  packageHash: string,
  path: string,
): Promise<Response> {
  const asset = new URL(`/module-assets/${packageHash}/${path}`, request.url);
  // a file of that package, and nothing a "..", encoded or not, could lead elsewhere
  if (!/^[0-9a-f]{64}$/.test(packageHash) || !asset.pathname.startsWith(`/module-assets/${packageHash}/`)) return notFound();
  if (!isPage(path)) return handleModuleAsset(new Request(asset, { method: request.method, headers: request.headers }), services);

  // a page only for the installed version of an installation that may be embedded and runs
  const installation = await findEmbeddable(services.db, installationId);
  const usable = installation?.packageHash === packageHash && installation.embedAllowed && installation.status === 'enabled';
  if (!installation || !usable) {
    return new Response('Not found', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const origins = await verifiedOrigins(services.db, installation.siteId);
  const headers = new Headers(request.headers);
  headers.delete('if-none-match'); // never cached, so never revalidated
  const response = await handleModuleAsset(new Request(asset, { method: request.method, headers }), services);
  const answer = new Headers(response.headers);
  const csp = answer.get('content-security-policy');
  if (csp) answer.set('content-security-policy', withFrameAncestors(csp, ["'self'", ...origins]));
  answer.set('cache-control', 'no-store');
  answer.delete('etag');
  return new Response(response.body, { status: response.status, headers: answer });
}
