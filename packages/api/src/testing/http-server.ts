// A small real HTTP server in front of the same fetch handlers the Next.js routes mount, for tests
// and benchmarks that need real sockets, headers and streamed bodies without building the app.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DbOrTx } from '@dramac/db';
import { encode } from 'next-auth/jwt';
import type { Services, SessionUser } from '../context.ts';
import { routeOAuth } from '../external/oauth/index.ts';
import { jsonError } from '../http/errors.ts';
import {
  CRM_FILES_PREFIX,
  handleCrmFiles,
  handleModuleGateway,
  handleRest,
  handleTrpc,
  limitSignIn,
  openApiDocument,
} from '../http/index.ts';
import { authSecret } from '../http/session.ts';
import { handleModuleAsset, MODULE_ASSETS_PREFIX } from '../modules/assets/assets.ts';
import { EMBED_PREFIX, handleEmbed } from '../modules/embed/index.ts';
import { startSession } from '../platform/auth/sessions.ts';
import { parseTrustProxy, stampClientAddress } from '../runtime/client-address.ts';

/** Reads and discards what is left of a request body, so the client can read our answer. */
function drain(req: http.IncomingMessage): void {
  req.removeAllListeners('data');
  req.removeAllListeners('end');
  req.resume();
}

/**
 * The request body as a web stream. Cancelling it (the body limit does, past its maximum) drains
 * the rest instead of destroying the socket, so the client still reads the 413.
 */
function bodyStream(req: http.IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => controller.close());
      req.once('error', (err) => controller.error(err));
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      drain(req);
    },
  });
}

function toRequest(req: http.IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers,
    body: hasBody ? bodyStream(req) : undefined,
    duplex: 'half',
  } as RequestInit);
}

async function route(req: Request, services: Services, origin: string): Promise<Response> {
  const { pathname } = new URL(req.url);
  if (pathname.startsWith('/api/trpc/')) return handleTrpc(req, services);
  if (pathname === '/api/v1/openapi.json') return Response.json(openApiDocument(origin));
  if (pathname.startsWith('/api/v1/')) return handleRest(req, services);
  // the OAuth issuer is this server's own origin
  const oauth = routeOAuth(req, { ...services, appUrl: origin });
  if (oauth) return oauth;
  if (pathname.startsWith('/api/modules/')) return handleModuleGateway(req, services);
  if (pathname.startsWith(CRM_FILES_PREFIX)) return handleCrmFiles(req, services);
  if (pathname.startsWith(MODULE_ASSETS_PREFIX)) return handleModuleAsset(req, services);
  if (pathname.startsWith(EMBED_PREFIX)) return handleEmbed(req, services);
  if (pathname === '/api/auth/callback/credentials' && req.method === 'POST') {
    // only the limiter in front of next-auth; every attempt it lets through fails here
    return (await limitSignIn(req, services)) ?? jsonError(401, 'UNAUTHORIZED', 'Wrong email or password');
  }
  return jsonError(404, 'NOT_FOUND', `No route for ${req.method} ${pathname}`);
}

async function send(res: http.ServerResponse, response: Response): Promise<void> {
  const headers: http.OutgoingHttpHeaders = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  }
  res.end();
}

export interface TestServer {
  /** http://127.0.0.1:<port>, no trailing slash */
  url: string;
  close(): Promise<void>;
}

/** Serves /api/trpc, /api/v1 (and its openapi.json), /api/modules, /module-assets, /embed and the sign-in limiter on a free port. */
export async function startTestServer(services: Services): Promise<TestServer> {
  const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
  let origin = '';
  const server = http.createServer(async (req, res) => {
    req.on('error', () => {}); // a client that goes away mid-body is not the server's failure
    // as the web server does (apps/web/server): the client's address from the socket. (No request
    // context: error bodies stay without a requestId here, so tests compare them whole.)
    stampClientAddress(req, trustProxy);
    let response: Response;
    try {
      response = await route(toRequest(req, origin), services, origin);
    } catch (err) {
      console.error('[test-server]', err);
      response = jsonError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
    // an answer given before the body was read (413, 415, 404) must still reach the client
    if (!req.complete) drain(req);
    await send(res, response).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A `Cookie` header value holding a new next-auth session for `user`, as signing in gives the dashboard. */
export async function sessionCookie(db: DbOrTx, user: SessionUser): Promise<string> {
  const sid = await startSession(db, user.id);
  const token = await encode({ token: { sub: user.id, email: user.email, name: user.name, sid }, secret: authSecret() });
  return `next-auth.session-token=${token}`;
}

/** An HTTP answer as the tests read it: the JSON body is whatever the surface under test sent. */
export interface JsonAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back
  body: any;
}
