// The HTTP surface as plain fetch handlers: mounted by the Next.js route handlers, and by the
// small Node server the tests and benchmarks use, so both serve exactly the same code.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createOpenApiFetchHandler, generateOpenApiDocument } from 'trpc-to-openapi';
import { MAX_BATCH_ITEMS } from '../client.ts';
import { createContext, type Services } from '../context.ts';
import { oauth2SecurityScheme, requireRouteScopes } from '../external/oauth/openapi.ts';
import { type BridgeFailure, bridgeError } from '../external/rest/bridge-errors.ts';
import { completeRestDocument } from '../external/rest/openapi.ts';
import { gatewaySurface, restSurface, type Surface, serveExternal, trpcSurface } from '../external/traffic/index.ts';
import { handleModuleGateway as moduleGateway } from '../modules/gateway/handler.ts';
import { UPLOAD_BODY_BYTES } from '../modules/registry/registry.schemas.ts';
import { appRouter } from '../router.ts';
import { log } from '../runtime/log.ts';
import { RETRY_AFTER_SECONDS } from '../runtime/outage.ts';
import { limitBody } from './body-limit.ts';
import { CRM_FILES_PREFIX, crmFiles } from './crm-files.ts';
import { trpcJsonError } from './errors.ts';
import { clientIp, sessionUser } from './session.ts';

export { createServices } from './services.ts';
export { authOptions, limitSignIn, sessionUser } from './session.ts';

function requestInfo(req: Request) {
  return { ip: clientIp(req), userAgent: req.headers.get('user-agent'), authorization: req.headers.get('authorization') };
}

/**
 * A package upload (a .tgz of up to 10 MB, as base64) is the one call with a larger body, and
 * only when sent alone: a batch naming it with other procedures keeps the usual limit.
 */
const maxTrpcBody = (req: Request) =>
  new URL(req.url).pathname.endsWith('/modules.uploadVersion') ? UPLOAD_BODY_BYTES : undefined;

// Every surface runs behind one traffic wrapper: caller identified once, rate limits, CORS for
// verified origins, request log (external/traffic). One surface per mount point.
const surfaces = new Map<string, Surface>();
const surfaceAt = (base: string, make: () => Surface) => surfaces.get(base) ?? surfaces.set(base, make()).get(base)!;

/** A batch naming more procedures than MAX_BATCH_ITEMS: refused before its body is read. */
function oversizedBatch(req: Request, endpoint: string): Response | null {
  const url = new URL(req.url);
  if (url.searchParams.get('batch') !== '1') return null;
  const count = url.pathname.slice(endpoint.length + 1).split(',').length;
  if (count <= MAX_BATCH_ITEMS) return null;
  return trpcJsonError(400, 'BAD_REQUEST', `A batch holds at most ${MAX_BATCH_ITEMS} procedures; this one names ${count}`);
}

/**
 * /api/trpc/* for the dashboard and the typed client. A bearer-token caller is limited and logged
 * like REST; a signed-in user is limited per user (external/traffic).
 */
export function handleTrpc(request: Request, services: Services, endpoint = '/api/trpc'): Promise<Response> {
  const surface = surfaceAt(endpoint, () => trpcSurface(endpoint));
  return serveExternal(surface, request, services, async (incoming, caller) => {
    const oversized = oversizedBatch(incoming, endpoint);
    if (oversized) return oversized;
    // the caller is known before the body is read: only a signed-in or token caller may send an upload-sized one
    const known = Boolean(caller.user || caller.bearer);
    const limited = await limitBody(incoming, { maxBytes: known ? maxTrpcBody(incoming) : undefined });
    if ('response' in limited) return limited.response;
    const req = limited.req;
    return fetchRequestHandler({
      endpoint,
      req,
      router: appRouter,
      maxBatchSize: MAX_BATCH_ITEMS,
      createContext: () => createContext(services, caller.user ?? null, { ...requestInfo(req), bearer: caller.bearer }),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          log.error({ source: 'trpc', path, err: error.cause ?? error }, 'procedure failed');
      },
      responseMeta: ({ errors }) =>
        errors.some((e) => e.code === 'SERVICE_UNAVAILABLE') ? { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } } : {},
    });
  });
}

/**
 * RFC 6750 §3: a 401 names the scheme the resource wants, and `invalid_token` when a token was
 * sent but is not (or no longer) valid.
 */
function withBearerChallenge(response: Response, req: Request): Response {
  const headers = new Headers(response.headers);
  const sent = req.headers.has('authorization');
  headers.set('www-authenticate', `Bearer realm="dramac"${sent ? ', error="invalid_token"' : ''}`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** /api/v1/* REST, from the same routers through trpc-to-openapi. */
export function handleRest(request: Request, services: Services, endpoint = '/api/v1'): Promise<Response> {
  const surface = surfaceAt(endpoint, () => restSurface(appRouter, endpoint));
  return serveExternal(surface, request, services, async (incoming, caller) => {
    const limited = await limitBody(incoming, { requireJson: true });
    if ('response' in limited) return limited.response;
    const req = limited.req;
    // the bridge's error answers are replaced by the API's one error shape (bridge-errors.ts)
    let failure: BridgeFailure | undefined;
    const response = await createOpenApiFetchHandler({
      endpoint: endpoint as `/${string}`,
      req,
      router: appRouter,
      // the wrapper authenticated the bearer token already: tokenProcedure reuses it
      createContext: () => createContext(services, null, { ...requestInfo(req), bearer: caller.bearer }),
      onError({ error, path }) {
        failure = { error, path };
      },
    });
    const answer = failure ? bridgeError(failure, req, endpoint) : response;
    return answer.status === 401 ? withBearerChallenge(answer, req) : answer;
  });
}

/** /api/crm/sites/{siteId}/imports and /export: the CRM's CSV files, for a session or a bearer token. */
export async function handleCrmFiles(request: Request, services: Services): Promise<Response> {
  return crmFiles(request, services, await sessionUser(request, services.db), requestInfo(request));
}
export { CRM_FILES_PREFIX };

/** /api/modules/* for the dashboard (session) and embedded pages (embed token). */
export function handleModuleGateway(request: Request, services: Services, base = '/api/modules'): Promise<Response> {
  const surface = surfaceAt(base, () => gatewaySurface(base));
  return serveExternal(surface, request, services, (req) => moduleGateway(req, services, base));
}

export function openApiDocument(baseUrl: string) {
  const document = generateOpenApiDocument(appRouter, {
    title: 'Dramac API',
    description:
      'The external REST API of a Dramac site. Authenticate with a site API token (dra_…) created in the dashboard, ' +
      'or with an OAuth 2.0 access token (doa_…) issued to an app the site connected.',
    version: '1.0.0',
    baseUrl: `${baseUrl}/api/v1`,
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', description: 'A site API token (dra_…)' },
      oauth2: oauth2SecurityScheme(baseUrl),
    },
  });
  return completeRestDocument(requireRouteScopes(document, appRouter), appRouter);
}
