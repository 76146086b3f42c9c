// The web server around Next.js: no request holds its socket past the deadline, whatever the
// handler or the body does; a draining server is not ready and lets in-flight requests finish.
// The handlers here are small stand-ins for Next's request handler (a slow page, a stuck one).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTrustProxy } from '@dramac/api/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import type { Readiness } from './health.ts';
import { createWebServer, type RequestHandler, type WebServer } from './web-server.ts';

const ready = async (): Promise<Readiness> => ({ ready: true, database: 'ok', queue: 'ok' });
let web: WebServer | null = null;

async function serve(handle: RequestHandler, deadlineMs = 500): Promise<number> {
  web = createWebServer({ handle, trustProxy: parseTrustProxy(undefined), deadlineMs, readiness: ready, graceMs: 2000 });
  await new Promise<void>((resolve) => web!.server.listen(0, '127.0.0.1', resolve));
  return (web.server.address() as AddressInfo).port;
}
afterEach(async () => {
  await web?.shutdown();
  web = null;
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request whose body is written by `write` (which may never finish it). */
function request(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; write?: (req: http.ClientRequest) => void } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers, agent: false },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.write) opts.write(req);
    else req.end();
  });
}

describe('the request deadline', () => {
  it('answers 503 with the request id when a handler never answers', async () => {
    const port = await serve(() => new Promise<void>(() => {}));
    const answer = await request(port, '/stuck');
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBeDefined();
    const body = JSON.parse(answer.body) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.error.requestId).toBe(answer.headers['x-request-id']);
  });

  it('answers 408 when a body never finishes arriving (slow or truncated)', async () => {
    // the handler waits for the whole body, as a route handler reading JSON does
    const port = await serve(async (req, res) => {
      for await (const _ of req);
      res.end('read it all');
    });
    const answer = await request(port, '/upload', {
      method: 'POST',
      headers: { 'content-length': '1000' },
      write: (req) => req.write('x'.repeat(10)),
    });
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'TIMEOUT' } });
  });

  it('lets a handler that answers in time answer', async () => {
    const port = await serve(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 50));
      res.end('done');
    });
    expect(await request(port, '/page')).toMatchObject({ status: 200, body: 'done' });
  });
});

describe('health, readiness and shutdown', () => {
  it('answers /healthz and /readyz itself', async () => {
    const port = await serve(() => {
      throw new Error('Next is not asked');
    });
    expect((await request(port, '/healthz')).status).toBe(200);
    const readiness = await request(port, '/readyz');
    expect(readiness.status).toBe(200);
    expect(JSON.parse(readiness.body)).toMatchObject({ status: 'ready', database: 'ok', queue: 'ok' });
  });

  it('finishes a request in flight before it stops', async () => {
    let release: () => void = () => {};
    const port = await serve(async (_req, res) => {
      await new Promise<void>((r) => {
        release = r;
      });
      res.end('finished');
    }, 5000);
    const inFlight = request(port, '/slow');
    await new Promise((r) => setTimeout(r, 100));
    const stopped = web!.shutdown();
    release();
    expect(await inFlight).toMatchObject({ status: 200, body: 'finished' });
    await stopped;
    await expect(request(port, '/after')).rejects.toThrow();
  });
});
