// The HTTP surface as plain fetch handlers: mounted by the Next.js route handlers, and by the
// small Node server the tests and benchmarks use, so both serve exactly the same code.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createOpenApiFetchHandler, generateOpenApiDocument } from 'trpc-to-openapi';
import { createContext, type Services } from '../context.ts';
import { oauth2SecurityScheme, requireRouteScopes } from '../external/oauth/openapi.ts';
import { type BridgeFailure, bridgeError } from '../external/rest/bridge-errors.ts';
import { completeRestDocument } from '../external/rest/openapi.ts';
import { gatewaySurface, restSurface, type Surface, serveExternal } from '../external/traffic/index.ts';
import { handleModuleGateway as moduleGateway } from '../modules/gateway/handler.ts';
import { UPLOAD_BODY_BYTES } from '../modules/registry/registry.schemas.ts';
import { appRouter } from '../router.ts';
import { log } from '../runtime/log.ts';
import { RETRY_AFTER_SECONDS } from '../runtime/outage.ts';
import { limitBody } from './body-limit.ts';
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

/** /api/trpc/* for the dashboard and the typed client. */
export async function handleTrpc(request: Request, services: Services, endpoint = '/api/trpc'): Promise<Response> {
  const limited = await limitBody(request, { maxBytes: maxTrpcBody(request) });
  if ('response' in limited) return limited.response;
  const req = limited.req;
  const user = await sessionUser(req, services.db);
  return fetchRequestHandler({
    endpoint,
    req,
    router: appRouter,
    createContext: () => createContext(services, user, requestInfo(req)),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        log.error({ source: 'trpc', path, err: error.cause ?? error }, 'procedure failed');
    },
    responseMeta: ({ errors }) =>
      errors.some((e) => e.code === 'SERVICE_UNAVAILABLE') ? { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } } : {},
  });
}

// The external surfaces run behind one traffic wrapper: caller identified once, rate limits,
// CORS for verified origins, request log (external/traffic). One surface per mount point.
const surfaces = new Map<string, Surface>();
const surfaceAt = (base: string, make: () => Surface) => surfaces.get(base) ?? surfaces.set(base, make()).get(base)!;

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
    return failure ? bridgeError(failure, req, endpoint) : response;
  });
}

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
