// GET /embed/sdk.js and /embed/frame.js: the embed SDK for clients' pages and the embed page's own
// script, built from packages/sdk (@dramac/sdk/bundle). Static files, the same for everyone and
// read from memory: neither the database nor the traffic wrapper is involved.
//
// At their plain URL they are cached briefly and revalidated by ETag, so a deploy reaches every
// page within minutes; at `?v=<hash>` of the current build (the embed page links frame.js that
// way) they never change, and are cached for good.
import { type BrowserBundle, embedFrameBundle, embedSdkBundle } from '@dramac/sdk/bundle';

export const SDK_SCRIPT_PATH = '/embed/sdk.js';
export const FRAME_SCRIPT_PATH = '/embed/frame.js';

const SHORT_CACHE = 'public, max-age=300';
const FOREVER = 'public, max-age=31536000, immutable';

/** The build's version, as `?v=` names it. */
export const scriptVersion = (bundle: BrowserBundle) => bundle.sha256.slice(0, 16);

function isFresh(req: Request, etag: string): boolean {
  const header = req.headers.get('if-none-match');
  return !!header && header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');
}

export async function serveEmbedScript(req: Request, which: 'sdk' | 'frame'): Promise<Response> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return new Response('Use GET here', {
      status: 405,
      headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' },
    });
  const bundle = await (which === 'sdk' ? embedSdkBundle() : embedFrameBundle());
  const etag = `"${bundle.sha256}"`;
  const pinned = new URL(req.url).searchParams.get('v') === scriptVersion(bundle);
  const headers: Record<string, string> = {
    etag,
    'cache-control': pinned ? FOREVER : SHORT_CACHE,
    'x-content-type-options': 'nosniff',
  };
  if (which === 'sdk') {
    // any website may load it, also with <script crossorigin integrity=…> or under COEP
    headers['access-control-allow-origin'] = '*';
    headers['cross-origin-resource-policy'] = 'cross-origin';
  } else {
    // only our own embed pages load it
    headers['cross-origin-resource-policy'] = 'same-origin';
  }
  if (isFresh(req, etag)) return new Response(null, { status: 304, headers });
  return new Response(req.method === 'HEAD' ? null : new Uint8Array(bundle.code), {
    status: 200,
    headers: { ...headers, 'content-type': 'text/javascript; charset=utf-8', 'content-length': String(bundle.code.length) },
  });
}
