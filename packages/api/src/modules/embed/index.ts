// /embed/*: what a client's website uses to show a module installation (README "Embedding a module"):
//   GET  /embed/sdk.js               the SDK: Dramac.mount(element, { installationId })
//   POST /embed/token                an embed token for the page's verified origin
//   GET  /embed/{installationId}     the embed page the SDK frames (frame-ancestors: verified origins)
//   GET  /embed/frame.js             the embed page's script
//   GET  /embed/{installationId}/assets/{packageHash}/{path}   the widget's files, for the nested frame
// Mounted by the Next.js route apps/web/app/embed/[...path] and by the test server.
import type { Services } from '../../context.ts';
import { handleEmbedPage } from './page.ts';
import { FRAME_SCRIPT_PATH, SDK_SCRIPT_PATH, serveEmbedScript } from './scripts.ts';
import { handleEmbedToken } from './token.ts';
import { handleWidgetAsset } from './widget-assets.ts';

export const EMBED_PREFIX = '/embed/';

export async function handleEmbed(request: Request, services: Services): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname === SDK_SCRIPT_PATH) return serveEmbedScript(request, 'sdk');
  if (pathname === FRAME_SCRIPT_PATH) return serveEmbedScript(request, 'frame');
  if (pathname === '/embed/token') return handleEmbedToken(request, services);
  const [id = '', kind, packageHash, ...path] = (
    pathname.startsWith(EMBED_PREFIX) ? pathname.slice(EMBED_PREFIX.length) : ''
  ).split('/');
  let installationId = '';
  try {
    installationId = decodeURIComponent(id);
  } catch {}
  if (kind === 'assets' && packageHash && path.length > 0)
    return handleWidgetAsset(request, services, installationId, packageHash, path.join('/'));
  // anything else below /embed/ names no installation: the embed page's 404
  return handleEmbedPage(request, services, kind === undefined ? installationId : '');
}
