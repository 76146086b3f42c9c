// Requests whose shape is wrong before any field is read: a JSON body that is not an object, on
// every REST operation that takes a body (the bridge once spread `null` into the path parameters
// and answered 200), and paths with malformed percent-encoding on every surface.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopes } from '../external/scopes.ts';
import { type Scenario, scenario } from '../testing/harness.ts';
import { type JsonAnswer, sessionCookie, startTestServer, type TestServer } from '../testing/http-server.ts';
import { openApiDocument } from './index.ts';

let s: Scenario;
let server: TestServer;
let token: string;
let cookie: string;
let siteId: string;

beforeAll(async () => {
  s = await scenario();
  server = await startTestServer(s.services);
  const owner = await s.user('Rhea');
  siteId = (await s.site(owner)).id;
  ({ token } = await owner.api.apiTokens.create({ agencyId: owner.agencyId, siteId, name: 'all', scopes: [...scopes] }));
  cookie = await sessionCookie(s.services.db, owner);
});
afterAll(() => server?.close());

async function send(path: string, init: RequestInit = {}): Promise<JsonAnswer> {
  const res = await fetch(`${server.url}${path}`, { redirect: 'manual', ...init });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, headers: res.headers, body };
}

/** Every operation of the REST document that takes a JSON body, with its path's ids filled in. */
function operationsWithBody() {
  const doc = openApiDocument(server.url);
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { requestBody?: unknown }>)
      .filter(([, op]) => op.requestBody)
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path: path.replace('{siteId}', siteId).replace(/\{[^}]+\}/g, 'some-id'),
        op,
      })),
  );
}

describe('a REST body that is not a JSON object', () => {
  it('is refused with 400 by every operation that takes a body', async () => {
    const operations = operationsWithBody();
    expect(operations.map((o) => o.method)).toContain('PATCH');
    for (const { method, path } of operations) {
      for (const body of ['null', '[]', '[{"url":"https://example.com"}]', '"text"', '42', 'true']) {
        const answer = await send(`/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body,
        });
        expect([method, path, body, answer.status, answer.body]).toEqual([
          method,
          path,
          body,
          400,
          { error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^Send the body as a JSON object/) } },
        ]);
      }
    }
  });
});

describe('a path with malformed percent-encoding', () => {
  const bad = ['%', '%E0%A4%A', '%zz', '%C0%AF'];

  it('is answered 400 in each API surface’s error shape, 404 for module files, never a 500', async () => {
    const refusal = { error: { code: 'BAD_REQUEST', message: expect.stringMatching(/malformed percent-encoding/) } };
    for (const segment of bad) {
      const rest = await send(`/api/v1/sites/${segment}/webhooks`, { headers: { authorization: `Bearer ${token}` } });
      expect([segment, rest.status, rest.body]).toEqual([segment, 400, refusal]);
      const gateway = await send(`/api/modules/${segment}/context`, {
        headers: { cookie, 'x-dramac-site': siteId, 'x-dramac-request': '1' },
      });
      expect([segment, gateway.status, gateway.body]).toEqual([segment, 400, refusal]);
      const trpc = await send(`/api/trpc/sites.get${segment}`, { headers: { cookie } });
      expect([segment, trpc.status, trpc.body.error?.json?.data?.code]).toEqual([segment, 400, 'BAD_REQUEST']);
      const assets = await send(`/module-assets/${segment}/index.html`);
      expect([segment, assets.status]).toEqual([segment, 404]);
      const embed = await send(`/embed/${segment}`);
      expect([segment, embed.status]).toEqual([segment, 400]);
    }
  });
});
