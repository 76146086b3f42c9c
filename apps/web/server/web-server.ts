// Our HTTP server around Next.js's request handler. Per request it: gives the request an id
// (X-Request-Id on the answer, `requestId` in logs and error bodies), decides the client's address
// (the socket's, or what a trusted proxy says: TRUST_PROXY), answers /healthz and /readyz itself,
// holds no socket past the request deadline, and turns a 500 given while the database is down
// into a 503 with Retry-After. On shutdown it stops accepting, lets in-flight requests finish
// (bounded), then runs the shutdown hooks (request log, pools).
import http from 'node:http';
import {
  databaseDown,
  log,
  newRequestId,
  REQUEST_ID_HEADER,
  RETRY_AFTER_SECONDS,
  runShutdownHooks,
  runWithRequest,
  stampClientAddress,
  type TrustProxy,
  UNAVAILABLE_MESSAGE,
} from '@dramac/api/runtime';
import type { Readiness } from './health.ts';

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export interface WebServerOptions {
  handle: RequestHandler;
  trustProxy: TrustProxy;
  /** no request holds its socket longer than this (body, handler and answer together) */
  deadlineMs: number;
  readiness: () => Promise<Readiness>;
  /** how long shutdown waits for in-flight requests */
  graceMs?: number;
}

export interface WebServer {
  server: http.Server;
  /** stops taking requests, waits for in-flight ones (up to graceMs), runs the shutdown hooks */
  shutdown(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** A 500 written while the database is unreachable is the outage's 503, whatever wrote it (a page, a route). */
function outageStatus(res: http.ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && databaseDown()) {
      statusCode = 503;
      this.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    }
    return (writeHead as (...args: unknown[]) => http.ServerResponse).call(this, statusCode, ...rest);
  } as typeof res.writeHead;
}

export function createWebServer(opts: WebServerOptions): WebServer {
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | null = null;

  function onDeadline(req: http.IncomingMessage, res: http.ServerResponse, requestId: string) {
    if (res.writableEnded) return;
    const seconds = Math.round(opts.deadlineMs / 1000);
    log.warn(
      { requestId, method: req.method, path: req.url?.split('?')[0], bodyComplete: req.complete },
      'request deadline reached',
    );
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // a body still arriving is the client's slowness (408); a handler still working is ours (503)
    const [status, code, message] = req.complete
      ? [503, 'SERVICE_UNAVAILABLE', `The server did not answer within ${seconds} s. Try again later.`]
      : [408, 'TIMEOUT', `The request body did not arrive within ${seconds} s.`];
    sendJson(
      res,
      status,
      { error: { code, message, requestId } },
      { connection: 'close', 'retry-after': String(RETRY_AFTER_SECONDS) },
    );
    res.once('finish', () => req.socket.destroy());
  }

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, requestId: string) {
    const path = req.url?.split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      const readiness = await opts.readiness();
      const ready = readiness.ready && !draining;
      const body = { status: ready ? 'ready' : draining ? 'draining' : 'not ready', ...readiness, ready };
      return sendJson(res, ready ? 200 : 503, body, ready ? {} : { 'retry-after': String(RETRY_AFTER_SECONDS) });
    }
    try {
      await opts.handle(req, res);
    } catch (err) {
      log.error({ err }, 'request handler failed');
      if (!res.headersSent) {
        const down = databaseDown();
        sendJson(
          res,
          down ? 503 : 500,
          {
            error: down
              ? { code: 'SERVICE_UNAVAILABLE', message: UNAVAILABLE_MESSAGE, requestId }
              : { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side', requestId },
          },
          down ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {},
        );
      } else res.destroy();
    }
  }

  const server = http.createServer((req, res) => {
    const requestId = newRequestId();
    req.headers[REQUEST_ID_HEADER] = requestId;
    stampClientAddress(req, opts.trustProxy);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (draining) res.setHeader('connection', 'close');
    // writes after the deadline's answer, or to a client gone away, are nobody's failure
    res.on('error', () => {});
    req.on('error', () => {});
    outageStatus(res);
    inFlight++;
    const timer = setTimeout(() => onDeadline(req, res, requestId), opts.deadlineMs);
    res.once('close', () => {
      clearTimeout(timer);
      inFlight--;
      if (inFlight === 0) idle?.();
    });
    void runWithRequest({ requestId }, () => serve(req, res, requestId));
  });
  // Node's own limits as a backstop behind the deadline: headers must arrive promptly
  server.headersTimeout = Math.min(opts.deadlineMs, 20_000);
  server.requestTimeout = opts.deadlineMs + 5000;

  return {
    server,
    async shutdown() {
      if (draining) return;
      draining = true;
      server.close();
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          idle = resolve;
          setTimeout(resolve, opts.graceMs ?? 10_000).unref();
        });
      }
      server.closeAllConnections();
      await runShutdownHooks();
    },
  };
}
