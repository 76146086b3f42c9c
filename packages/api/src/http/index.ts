// The HTTP surface as plain fetch handlers: mounted by the Next.js route handlers, and by the
// small Node server the tests and benchmarks use, so both serve exactly the same code.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createOpenApiFetchHandler, generateOpenApiDocument } from 'trpc-to-openapi';
import { createContext, type Services } from '../context.ts';
import { appRouter } from '../router.ts';
import { limitBody } from './body-limit.ts';
import { clientIp, sessionUser } from './session.ts';

export { createServices } from './services.ts';
export { authOptions, limitSignIn, sessionUser } from './session.ts';

function requestInfo(req: Request) {
  return { ip: clientIp(req), userAgent: req.headers.get('user-agent'), authorization: req.headers.get('authorization') };
}

/** /api/trpc/* for the dashboard and the typed client. */
export async function handleTrpc(request: Request, services: Services, endpoint = '/api/trpc'): Promise<Response> {
  const limited = await limitBody(request);
  if ('response' in limited) return limited.response;
  const req = limited.req;
  const user = await sessionUser(req);
  return fetchRequestHandler({
    endpoint,
    req,
    router: appRouter,
    createContext: () => createContext(services, user, requestInfo(req)),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[trpc] ${path}:`, error.cause ?? error);
    },
  });
}

/** /api/v1/* REST, from the same routers through trpc-to-openapi. */
export async function handleRest(request: Request, services: Services, endpoint = '/api/v1'): Promise<Response> {
  const limited = await limitBody(request, { requireJson: true });
  if ('response' in limited) return limited.response;
  const req = limited.req;
  return createOpenApiFetchHandler({
    endpoint: endpoint as `/${string}`,
    req,
    router: appRouter,
    createContext: () => createContext(services, null, requestInfo(req)),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[rest] ${path}:`, error.cause ?? error);
    },
  });
}

export function openApiDocument(baseUrl: string) {
  return generateOpenApiDocument(appRouter, {
    title: 'Dramac API',
    description: 'The external REST API of a Dramac site. Authenticate with an API token created in the dashboard.',
    version: '1.0.0',
    baseUrl: `${baseUrl}/api/v1`,
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A site API token (dra_…)' } },
  });
}
