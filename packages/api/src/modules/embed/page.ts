// GET /embed/{installationId}: the page the embed SDK puts in an iframe on a client's page. It
// hosts the module's widget in a nested sandboxed frame (widget-assets.ts, same origin as this
// page) and is its bridge host (/embed/frame.js, @dramac/sdk embed/frame.ts): every call of the
// module is checked here, then performed by the SDK on the page with its embed token.
//
// `frame-ancestors` names the site's verified origins exactly, so no other website can frame it;
// without any, it is 'none' and the page explains why. The page itself may do almost nothing:
// its own script, its own frames, no network (connect-src 'none'), no forms, no base URL.
import { createHash } from 'node:crypto';
import { embedFrameBundle } from '@dramac/sdk/bundle';
import type { EmbedPageConfig } from '@dramac/sdk/embed';
import type { Services } from '../../context.ts';
import { verifiedOrigins } from '../../external/domains/index.ts';
import { serveExternal } from '../../external/traffic/index.ts';
import { embedSurface } from './embed-surface.ts';
import { type EmbeddableInstallation, findEmbeddable } from './embeddable.ts';
import { FRAME_SCRIPT_PATH, scriptVersion } from './scripts.ts';
import { widgetAssetPath } from './widget-assets.ts';

/** The widget's height limits when the manifest sets none (as the dashboard's preview uses). */
const DEFAULT_MIN_HEIGHT = 120;
const DEFAULT_MAX_HEIGHT = 4000;

const STYLE = `html,body{margin:0;padding:0;background:transparent}
body{font:14px/1.45 system-ui,sans-serif;color:#334155}
iframe{display:block;width:100%;border:0}
#notice{margin:0;padding:12px 16px;border:1px solid #e2e8f0;border-radius:8px;background:#f8fafc}
#toasts{position:fixed;left:8px;right:8px;bottom:8px;display:flex;flex-direction:column;gap:6px;pointer-events:none}
.toast{margin:0;padding:8px 12px;border-radius:6px;background:#0f172a;color:#fff;box-shadow:0 2px 8px rgb(0 0 0/.2)}
.toast.error{background:#b91c1c}.toast.success{background:#047857}`;
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function csp(frameAncestors: string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${STYLE_HASH}`,
    "frame-src 'self'",
    "connect-src 'none'",
    "img-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON inside <script>: nothing in it can close the element or start a comment. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');

function htmlDocument(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
${head}</head>
<body>
${body}
</body>
</html>
`;
}

function page(status: number, html: string, frameAncestors: string[], method: string): Response {
  return new Response(method === 'HEAD' ? null : html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp(frameAncestors),
      // the domains, and so frame-ancestors, may change at any time
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
  });
}

/** A page that explains, instead of the widget. Framed only where the widget could have been. */
const explanation = (status: number, title: string, text: string, frameAncestors: string[], method: string) =>
  page(status, htmlDocument(title, `<p id="notice" role="alert">${escapeHtml(text)}</p>`), frameAncestors, method);

async function render(services: Services, req: Request, installation: EmbeddableInstallation | null): Promise<Response> {
  const method = req.method;
  if (method !== 'GET' && method !== 'HEAD') {
    return new Response('Use GET here', {
      status: 405,
      headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  if (!installation) return explanation(404, 'Not found', 'This widget does not exist any more.', [], method);
  const origins = await verifiedOrigins(services.db, installation.siteId);
  const name = installation.moduleName;
  if (origins.length === 0) {
    return explanation(
      403,
      name,
      `${name} cannot be shown on any website yet: the site has no verified domain. Add and verify the website's domain on the site's Domains page in Dramac.`,
      [],
      method,
    );
  }
  if (!installation.embedAllowed || !installation.widget || !installation.packageHash) {
    return explanation(403, name, `This version of ${name} cannot be embedded in a website.`, origins, method);
  }
  if (installation.status !== 'enabled') {
    return explanation(409, name, `${name} is switched off on this site.`, origins, method);
  }

  const minHeight = installation.minHeight ?? DEFAULT_MIN_HEIGHT;
  const maxHeight = Math.max(minHeight, installation.maxHeight ?? DEFAULT_MAX_HEIGHT);
  const config: EmbedPageConfig = {
    installationId: installation.id,
    moduleName: name,
    widgetPath: widgetAssetPath(installation.id, installation.packageHash, installation.widget.path),
    height: Math.min(maxHeight, Math.max(minHeight, installation.widget.defaultHeight ?? minHeight)),
    minHeight,
    maxHeight,
    origins,
  };
  const script = await embedFrameBundle();
  const head = [
    `<script type="application/json" id="dramac-embed">${scriptJson(config)}</script>`,
    `<script src="${FRAME_SCRIPT_PATH}?v=${scriptVersion(script)}" defer></script>`,
  ].join('\n');
  const body = '<p id="notice" role="alert" hidden></p>\n<div id="toasts" role="status" aria-live="polite"></div>';
  return page(200, htmlDocument(name, body, `${head}\n`), origins, method);
}

export async function handleEmbedPage(request: Request, services: Services, installationId: string): Promise<Response> {
  const installation = await findEmbeddable(services.db, installationId);
  const surface = embedSurface(
    services.db,
    { route: '/embed/{installationId}', bucket: 'embed-page' },
    installation,
    (status, _code, message, headers) =>
      new Response(message, { status, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } }),
  );
  return serveExternal(surface, request, services, (req) => render(services, req, installation));
}
