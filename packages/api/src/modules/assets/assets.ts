// GET /module-assets/{packageHash}/{...path}: the files of an uploaded module package, which the
// dashboard renders in a sandboxed iframe. Every response carries a CSP that sandboxes the
// document (so a module page opened directly still has no origin of ours), allows only the
// package's own scripts, styles, images and fonts, and no network at all: a module reaches its
// data through the bridge. Packages are content-addressed, so a file never changes under its URL
// and is cached for good. /module-assets/sdk/module-bridge.js is the bridge's module side.
import { MANIFEST_FILE } from '@dramac/manifest';
import { moduleBridgeBundle } from '@dramac/sdk/bundle';
import type { Services } from '../../context.ts';
import { packageFiles } from './package-files.ts';

export const MODULE_ASSETS_PREFIX = '/module-assets/';

export const MODULE_ASSET_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  'sandbox allow-scripts allow-forms',
].join('; ');

const CONTENT_TYPES = new Map(
  Object.entries({
    html: 'text/html; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    mjs: 'text/javascript; charset=utf-8',
    css: 'text/css; charset=utf-8',
    json: 'application/json; charset=utf-8',
    map: 'application/json; charset=utf-8',
    svg: 'image/svg+xml',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webp: 'image/webp',
    woff: 'font/woff',
    woff2: 'font/woff2',
    txt: 'text/plain; charset=utf-8',
    md: 'text/markdown; charset=utf-8',
  }),
);

const BRIDGE_FILE = 'module-bridge.js';

function headers(extra: Record<string, string>): Headers {
  return new Headers({
    'content-security-policy': MODULE_ASSET_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // The frame's opaque origin makes every fetch from it cross-origin: <script type="module">
    // and fonts are CORS requests. The files are public to whoever holds the hash anyway.
    'access-control-allow-origin': '*',
    ...extra,
  });
}

const notFound = () =>
  new Response('Not found', {
    status: 404,
    headers: headers({ 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }),
  });

/** The decoded path segments, or null for anything that is not a plain file path inside the package. */
function fileSegments(raw: string[]): string[] | null {
  const segments: string[] = [];
  for (const part of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return null;
    }
    // "", ".", "..", dotfiles, encoded separators, NUL and control characters: never a served file
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
    if (segment === '' || segment.startsWith('.') || /[/\\\u0000-\u001f\u007f]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments.length > 0 ? segments : null;
}

/** If-None-Match holds this ETag (or "*"): the client's copy is current. */
function isFresh(req: Request, etag: string): boolean {
  const header = req.headers.get('if-none-match');
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

function serve(req: Request, body: Buffer, contentType: string, etag: string, cacheControl: string): Response {
  const common = { etag, 'cache-control': cacheControl };
  if (isFresh(req, etag)) return new Response(null, { status: 304, headers: headers(common) });
  return new Response(req.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: headers({ ...common, 'content-type': contentType, 'content-length': String(body.length) }),
  });
}

export async function handleModuleAsset(req: Request, services: Pick<Services, 'db'>): Promise<Response> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return new Response('Method not allowed', { status: 405, headers: headers({ allow: 'GET, HEAD' }) });
  const { pathname } = new URL(req.url);
  if (!pathname.startsWith(MODULE_ASSETS_PREFIX)) return notFound();
  const [hash = '', ...rest] = pathname.slice(MODULE_ASSETS_PREFIX.length).split('/');
  const segments = fileSegments(rest);
  if (!segments) return notFound();
  const path = segments.join('/');

  if (hash === 'sdk') {
    if (path !== BRIDGE_FILE) return notFound();
    const bundle = await moduleBridgeBundle();
    // a stable URL whose content changes with a deploy: revalidate every time (a 304 is cheap)
    return serve(req, bundle.code, CONTENT_TYPES.get('js')!, `"${bundle.sha256}"`, 'no-cache');
  }

  if (!/^[0-9a-f]{64}$/.test(hash) || path === MANIFEST_FILE) return notFound();
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const contentType = CONTENT_TYPES.get(extension); // a Map: `x.constructor` is no type
  if (!contentType) return notFound();
  const file = (await packageFiles(services.db, hash))?.get(path);
  if (!file) return notFound();
  return serve(req, file.body, contentType, `"${file.sha256}"`, 'public, max-age=31536000, immutable');
}
