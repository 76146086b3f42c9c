// The HTTP surface over real sockets: the same fetch handlers the Next.js routes mount, reached
// the way the dashboard (tRPC + session cookie) and integrators (REST + bearer token) reach them.
import net from 'node:net';
import { validate } from '@readme/openapi-parser';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../client.ts';
import type { Scope } from '../external/scopes.ts';
import { sha256 } from '../lib/secrets.ts';
import type { AppRouter } from '../router.ts';
import { type Scenario, scenario, type TestUser } from '../testing/harness.ts';
import { sessionCookie, startTestServer, type TestServer } from '../testing/http-server.ts';
import { until } from '../testing/until.ts';
import { handleTrpc } from './index.ts';

let s: Scenario;
let owner: TestUser;
let server: TestServer;
let siteA: { id: string; slug: string };
let siteB: { id: string; slug: string };
/** a token for site A with the site:read scope */
let token: string;
/** a token for site A with the webhooks:write scope */
let writer: string;

beforeAll(async () => {
  s = await scenario();
  owner = await s.user('Olivia');
  siteA = await s.site(owner);
  siteB = await s.site(owner);
  server = await startTestServer(s.services);
  ({ token } = await newToken(siteA.id));
  ({ token: writer } = await newToken(siteA.id, ['webhooks:write']));
});
afterAll(() => server?.close());

/** A token as an admin creates it in the dashboard: `{ token, id }`, the token shown once. */
const newToken = (siteId: string, scopes: Scope[] = ['site:read']) =>
  owner.api.apiTokens.create({ agencyId: owner.agencyId, siteId, name: 'integration', scopes });

const TWO_MB = 2 * 1024 * 1024;

/** A 2 MB JSON body, sent chunked (no Content-Length). */
function chunkedBody(bytes = TWO_MB): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(`"${'x'.repeat(64 * 1024 - 2)}"`);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

/** The raw HTTP/1.1 responses a socket reads for `request` until the server closes it. */
function rawExchange(request: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (d) => {
      received += d.toString('latin1');
    });
    socket.on('error', (err) => (received ? resolve(received) : reject(err)));
    socket.on('close', () => resolve(received));
    socket.write(request, () => socket.end());
  });
}

const statusLines = (raw: string) => [...raw.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));

describe('tRPC over HTTP', () => {
  it('answers a signed-in user through the typed client and the session cookie', async () => {
    const cookie = await sessionCookie(s.services.db, owner);
    const api = createApiClient(server.url, { headers: () => ({ cookie }) });
    const site = await api.sites.get.query({ siteId: siteA.id });
    expect(site).toMatchObject({ id: siteA.id, slug: siteA.slug });
    expect(site.createdAt).toBeInstanceOf(Date); // superjson keeps dates on the tRPC side
  });

  it('answers 401 without a session cookie, and with a forged one', async () => {
    const anonymous = createApiClient(server.url);
    const err = await anonymous.sites.get.query({ siteId: siteA.id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    expect((err as TRPCClientError<AppRouter>).data).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });

    const input = encodeURIComponent(JSON.stringify({ json: { siteId: siteA.id } }));
    const forged = (await sessionCookie(s.services.db, owner)).replace(/.{8}$/, 'AAAAAAAA');
    for (const headers of [{}, { cookie: forged }] as Record<string, string>[]) {
      const res = await fetch(`${server.url}/api/trpc/sites.get?input=${input}`, { headers });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain(siteA.slug);
    }
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await fetch(`${server.url}/api/trpc/sites.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await sessionCookie(s.services.db, owner) },
      body: '{"json": {"agencyId": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { json: { message: expect.stringMatching(/JSON/), data: { code: 'BAD_REQUEST', httpStatus: 400 } } },
    });
  });

  it('returns field errors in error.data.validation over HTTP', async () => {
    const cookie = await sessionCookie(s.services.db, owner);
    const api = createApiClient(server.url, { headers: () => ({ cookie }) });
    const err = (await api.sites.create
      .mutate({
        agencyId: owner.agencyId,
        name: 'x',
        slug: 'Bad Slug',
        timeZone: 'Mars/Olympus',
        currency: 'EUR',
        locale: 'de-DE',
      })
      .catch((e: unknown) => e)) as TRPCClientError<AppRouter>;
    expect(err.data?.httpStatus).toBe(400);
    const fieldErrors = err.data?.validation?.fieldErrors ?? {};
    expect(Object.keys(fieldErrors).sort()).toEqual(['name', 'slug', 'timeZone']);
    expect(fieldErrors.slug?.[0]).toMatch(/lowercase/);
    expect(JSON.stringify(err.shape)).not.toMatch(/stack|at .*\.ts:\d+/);
  });
});

describe('request bodies', () => {
  const trpcCreate = () => `${server.url}/api/trpc/sites.create`;

  it('answers 413 to a 2 MB body with an honest Content-Length', async () => {
    const res = await fetch(trpcCreate(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await sessionCookie(s.services.db, owner) },
      body: JSON.stringify({ json: { agencyId: owner.agencyId, name: 'x'.repeat(TWO_MB) } }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/^Request bodies are limited to \d+ bytes$/) },
    });
  });

  it('answers 413 to a 2 MB chunked body, on tRPC and REST', async () => {
    const trpc = await fetch(trpcCreate(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await sessionCookie(s.services.db, owner) },
      body: chunkedBody(),
      duplex: 'half',
    } as RequestInit);
    expect(trpc.status).toBe(413);
    const rest = await fetch(`${server.url}/api/v1/sites/${siteA.id}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: chunkedBody(),
      duplex: 'half',
    } as RequestInit);
    expect(rest.status).toBe(413);
    // the server is still there for the next caller
    expect((await fetch(`${server.url}/api/v1/token`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('counts the streamed bytes, not a Content-Length that claims a small body', async () => {
    // Node's HTTP parser frames bodies by Content-Length, so the lie can only reach a handler
    // through a Request built in process (a proxy or framework that passes the header through)
    const res = await handleTrpc(
      new Request(trpcCreate(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '20' },
        body: chunkedBody(),
        duplex: 'half',
      } as RequestInit),
      s.services,
    );
    expect(res.status).toBe(413);
  });

  it('over a socket, a body longer than its Content-Length gets 4xx answers, never a 500', async () => {
    const body = Buffer.alloc(TWO_MB, 'x');
    const head = `POST /api/trpc/sites.create HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n`;
    const statuses = statusLines(await rawExchange(Buffer.concat([Buffer.from(head), body])));
    expect(statuses.length).toBeGreaterThan(0);
    // the first 20 bytes are the body (not JSON: 400); the rest is not HTTP (Node answers 400)
    expect(statuses[0]).toBe(400);
    expect(statuses.every((code) => code >= 400 && code < 500)).toBe(true);
  });
});

describe('REST over HTTP', () => {
  const get = (path: string, bearer?: string) =>
    fetch(`${server.url}/api/v1${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  it('answers 401 without a token and with a garbage one', async () => {
    for (const bearer of [undefined, 'garbage', `dra_${'x'.repeat(32)}`]) {
      const res = await get(`/sites/${siteA.id}`, bearer);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.stringContaining('Bearer') } });
    }
  });

  it("answers a valid token with the site's JSON, dates as ISO strings", async () => {
    const res = await get(`/sites/${siteA.id}`, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const row = await s.services.db.site.findUniqueOrThrow({ where: { id: siteA.id } });
    expect(await res.json()).toEqual({
      id: row.id,
      agencyId: owner.agencyId,
      name: row.name,
      slug: siteA.slug,
      timeZone: 'Europe/Berlin',
      currency: 'EUR',
      locale: 'de-DE',
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    });
  });

  it("answers 404 for another site, even one of the token's own agency", async () => {
    const res = await get(`/sites/${siteB.id}`, token);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(siteB.slug);
  });

  it('answers 401 once the token is revoked or expired', async () => {
    const revoked = await newToken(siteA.id);
    const expired = await newToken(siteA.id);
    expect((await get(`/sites/${siteA.id}`, revoked.token)).status).toBe(200);
    expect((await get(`/sites/${siteA.id}`, expired.token)).status).toBe(200);

    await owner.api.apiTokens.revoke({ agencyId: owner.agencyId, tokenId: revoked.id });
    expect((await get(`/sites/${siteA.id}`, revoked.token)).status).toBe(401);

    // changed by another process: this one hears of it from PostgreSQL (row-cache.ts)
    await s.services.db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await until('the expired token to be refused', async () => (await get(`/sites/${siteA.id}`, expired.token)).status === 401);
  });

  it('answers 403 to a token without the scope the route needs', async () => {
    const bare = `dra_${'n'.repeat(32)}`;
    await s.services.db.apiToken.create({
      data: {
        agencyId: owner.agencyId,
        siteId: siteA.id,
        name: 'no scopes',
        scopes: [],
        prefix: bare.slice(0, 10),
        tokenHash: sha256(bare),
        createdById: owner.id,
      },
    });
    const res = await get(`/sites/${siteA.id}`, bare);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'This token lacks the "site:read" scope' } });
    // the token itself is valid: the route that needs no scope answers
    expect(await (await get('/token', bare)).json()).toEqual({ siteId: siteA.id, scopes: [] });
  });

  it('answers 415 to a body that is not JSON, before looking for a route', async () => {
    for (const path of [`/sites/${siteA.id}/webhooks`, '/no/such/route']) {
      const res = await fetch(`${server.url}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
        body: 'url=https://example.com',
      });
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({
        error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json' },
      });
    }
  });

  it('answers 400 to a JSON body that does not parse', async () => {
    const res = await fetch(`${server.url}/api/v1/sites/${siteA.id}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"url": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'PARSE_ERROR', message: 'The body is not valid JSON' } });
  });

  it('answers 404 to an unknown route, naming it', async () => {
    for (const bearer of [token, undefined]) {
      const res = await get('/no/such/route', bearer);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        error: {
          code: 'NOT_FOUND',
          message: 'No route GET /api/v1/no/such/route; the routes are listed in /api/v1/openapi.json',
        },
      });
    }
  });

  it('answers invalid input with each field at fault, never the bridge’s own error shape', async () => {
    const res = await fetch(`${server.url}/api/v1/sites/${siteA.id}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${writer}` },
      body: JSON.stringify({ url: 'ftp://nope', eventTypes: 'site.*' }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toEqual({
      error: {
        code: 'BAD_REQUEST',
        message: 'Some fields are not valid: see `fields`',
        fields: { url: expect.stringMatching(/http/), eventTypes: expect.any(String) },
      },
    });
    expect(JSON.stringify(body)).not.toMatch(/issues|"json"/);
  });
});

describe('OpenAPI document', () => {
  it('is a valid OpenAPI document with the bearer and OAuth 2.0 schemes and a response schema for every operation', async () => {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    const result = await validate(structuredClone(doc));
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(doc.servers).toEqual([{ url: `${server.url}/api/v1` }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.oauth2).toMatchObject({ type: 'oauth2' });

    const operations = Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
      ([path, methods]) => Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.map((o) => o.route)).toEqual(expect.arrayContaining(['GET /token', 'GET /sites/{siteId}']));
    for (const { route, op } of operations) {
      const ok = (op.responses as Record<string, { content?: Record<string, { schema?: unknown }> }>)['200'];
      expect(ok?.content?.['application/json']?.schema, route).toBeTruthy();
      // an API token, or an OAuth token with the route's scope (none for GET /token)
      expect(op.security, route).toEqual([{ bearerAuth: [] }, { oauth2: route === 'GET /token' ? [] : [expect.any(String)] }]);
    }
    const site = doc.paths['/sites/{siteId}'].get.responses['200'].content['application/json'].schema;
    expect(site.properties.createdAt).toEqual({ type: 'string', format: 'date-time' });
  });

  it('declares every error response in the one error shape: 4xx by status, anything else as default', async () => {
    const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    const shape = doc.components.schemas.Error;
    expect(shape.required).toEqual(['error']);
    expect(shape.properties.error.required).toEqual(['code', 'message']);
    expect(shape.properties.error.properties.code.enum).toEqual(expect.arrayContaining(['NOT_FOUND', 'TOO_MANY_REQUESTS']));
    // the bridge's own `{ message, code, issues }` schemas are gone
    expect(Object.keys(doc.components.schemas).filter((name) => name.startsWith('error.'))).toEqual([]);
    for (const [name, response] of Object.entries(doc.components.responses as Record<string, Record<string, unknown>>)) {
      expect(response.content, name).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Error' } } });
    }

    const declared = (path: string, method: string) => Object.keys(doc.paths[path][method].responses);
    expect(declared('/sites/{siteId}', 'get')).toEqual(['200', '400', '401', '403', '404', '429', 'default']);
    expect(declared('/sites/{siteId}/webhooks', 'post')).toEqual(
      expect.arrayContaining(['400', '401', '403', '404', '409', '413', '415', '429', 'default']),
    );
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, { responses: object }>>)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (status.startsWith('2')) continue;
          expect(response, `${method} ${path} ${status}`).toEqual({ $ref: expect.stringMatching(/^#\/components\/responses\//) });
        }
      }
    }
  });
});
