// POST /embed/token { installationId }: the embed token of a page on one of the site's verified
// domains, bound to that page's origin (the browser's Origin header, which a page cannot forge)
// and to the installation. The SDK asks for it when it mounts a widget, and again before expiry.
//
// The SDK sends the JSON as text/plain, a CORS-safelisted type, so no preflight delays a page
// view; application/json (with a preflight) works too. Refusals are readable from any page (they
// name nothing but the page's own origin), so the SDK can tell the visitor why; a token is only
// ever handed to a verified origin.
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { verifiedOrigins } from '../../external/domains/index.ts';
import { isPreflight } from '../../external/traffic/cors.ts';
import { serveExternal } from '../../external/traffic/index.ts';
import { limitBody } from '../../http/body-limit.ts';
import { errorResponse, json, jsonError } from '../../http/errors.ts';
import { id } from '../../trpc.ts';
import { mintEmbedToken } from '../gateway/embed-token.ts';
import { parseBody, readJson } from '../gateway/request.ts';
import { embedSurface } from './embed-surface.ts';
import { type EmbeddableInstallation, findEmbeddable } from './embeddable.ts';

/** { installationId } is all a token request holds. */
const MAX_BODY_BYTES = 1024;

const tokenRequest = z.strictObject(
  { installationId: id },
  { error: 'Send a JSON object: { "installationId": "…" }, as the Embed tab of the module shows it' },
);

type Read = { installationId: string } | { response: Response };

async function readTokenRequest(req: Request): Promise<Read> {
  const limited = await limitBody(req, { maxBytes: MAX_BODY_BYTES });
  if ('response' in limited) return limited;
  const type = req.headers.get('content-type') ?? '';
  if (!/^(application\/json|text\/plain)\s*(;|$)/i.test(type))
    return {
      response: jsonError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json (or text/plain holding the JSON)'),
    };
  try {
    return parseBody(tokenRequest, await readJson(limited.req));
  } catch (err) {
    return { response: errorResponse(err, { source: 'embed-token' }) };
  }
}

async function issue(services: Services, req: Request, installation: EmbeddableInstallation | null): Promise<Response> {
  if (!installation) throw notFound('Installation');
  const origin = req.headers.get('origin');
  if (!origin || origin === 'null')
    throw forbidden('Ask for an embed token from a page on the site: this request names no Origin (the browser sends one)');
  if (!(await verifiedOrigins(services.db, installation.siteId)).includes(origin))
    throw forbidden(
      `This website (${origin}) is not a verified domain of the site. Add and verify it on the site's Domains page first.`,
    );
  // enabled, and the installed version allows embedding: checked where every embed token is made
  const minted = await mintEmbedToken(services, installation, origin);
  return json(200, {
    token: minted.token,
    expiresAt: minted.expiresAt.toISOString(),
    expiresIn: Math.round((minted.expiresAt.getTime() - Date.now()) / 1000),
    moduleId: installation.moduleId,
  });
}

export async function handleEmbedToken(request: Request, services: Services): Promise<Response> {
  let read: Read | null = null;
  let installation: EmbeddableInstallation | null = null;
  if (request.method === 'POST' && !isPreflight(request)) {
    read = await readTokenRequest(request);
    if ('installationId' in read) installation = await findEmbeddable(services.db, read.installationId);
  }
  const surface = embedSurface(services.db, { route: '/embed/token', bucket: 'embed-token' }, installation);
  const response = await serveExternal(surface, request, services, async (req) => {
    if (req.method !== 'POST') return jsonError(405, 'METHOD_NOT_SUPPORTED', 'Use POST here', { allow: 'POST' });
    if (read && 'response' in read) return read.response;
    try {
      return await issue(services, req, installation);
    } catch (err) {
      return errorResponse(err, { source: 'embed-token' });
    }
  });
  return readableRefusal(request, response);
}

/** A refusal the page may read, when the wrapper's CORS (verified origins only) did not allow it already. */
function readableRefusal(request: Request, response: Response): Response {
  const origin = request.headers.get('origin');
  const refused = response.status >= 400 && response.status < 500;
  if (!refused || !origin || origin === 'null' || response.headers.has('access-control-allow-origin') || isPreflight(request))
    return response;
  const headers = new Headers(response.headers);
  headers.set('access-control-allow-origin', origin);
  headers.set('access-control-expose-headers', 'RateLimit, RateLimit-Policy, Retry-After');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
