// Input whose keys are the names of Object's own members (`constructor`, `__proto__`, `toString`…)
// sent at every surface, where a plain-object map keyed by input once found an inherited member:
// a REST request then never got an answer, the other surfaces a 500. Each must answer a 4xx in
// its own error shape, and an unauthenticated caller the same 401 whatever the body holds.
import { buildTgz, contactFormManifest, widgetFiles } from '@dramac/manifest/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type GatewayScenario, gatewayScenario } from '../modules/gateway/gateway.fixtures.ts';
import { type JsonAnswer, sessionCookie } from '../testing/http-server.ts';

// every request of this file comes from one address; the anonymous limit is not under test here
process.env.API_RATE_LIMIT_ANON_PER_MINUTE = '100000';

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);
const shop = 'https://shop.example.com';

let gw: GatewayScenario;
let moduleId: string;
let site: { siteId: string; installationId: string };
let token: string;
let cookie: string;
let embedToken: string;
let agencyId: string;
let devModuleId: string;
let app: { basic: string };

beforeAll(async () => {
  gw = await gatewayScenario();
  const owner = await gw.s.user('Olga');
  agencyId = owner.agencyId;
  moduleId = (await gw.publish()).id;
  site = await gw.install(owner, moduleId);
  await gw.s.services.db.siteDomain.create({
    data: { siteId: site.siteId, hostname: 'shop.example.com', token: 'proof', status: 'verified', verifiedAt: new Date() },
  });
  ({ token } = await owner.api.apiTokens.create({
    agencyId,
    siteId: site.siteId,
    name: 'sweep',
    scopes: ['site:read', 'webhooks:read', 'webhooks:write'],
  }));
  cookie = await sessionCookie(gw.s.services.db, owner);
  ({ token: embedToken } = await owner.api.installations.embedToken({
    siteId: site.siteId,
    installationId: site.installationId,
    origin: shop,
  }));
  devModuleId = (await owner.api.modules.create({ agencyId, slug: 'sweep-widget', name: 'Sweep', type: 'widget' })).id;
  const created = await owner.api.oauthApps.create({
    agencyId,
    name: 'Sweep',
    clientType: 'confidential',
    redirectUris: ['https://app.example/callback'],
    scopes: ['site:read'],
  });
  await owner.api.oauthApps.setCredentialsSite({ agencyId, appId: created.app.id, siteId: site.siteId });
  app = { basic: Buffer.from(`${created.app.clientId}:${created.clientSecret}`).toString('base64') };
});

async function send(path: string, init: RequestInit = {}): Promise<JsonAnswer> {
  // a request that gets no answer fails here rather than at the test's timeout
  const res = await fetch(`${gw.server.url}${path}`, { redirect: 'manual', ...init, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, headers: res.headers, body };
}

const jsonPost = (path: string, body: string, headers: Record<string, string> = {}) =>
  send(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const formPost = (path: string, body: string, headers: Record<string, string> = {}) =>
  send(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });

/** `{"<key>": value}` as JSON text: JSON.stringify of an object literal would drop `__proto__`. */
const withKey = (key: string, value: string, rest = '') => `{${rest}${JSON.stringify(key)}:${value}}`;

const member = () => ({ cookie, 'x-dramac-site': site.siteId, 'x-dramac-request': '1' });

/** The API's one error shape (REST, gateway, embed endpoints). */
function expectApiError(answer: JsonAnswer, what: string, status?: number) {
  expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBeLessThan(500);
  if (status) expect(answer.status, what).toBe(status);
  expect(answer.body, what).toEqual({
    error: {
      code: expect.any(String),
      message: expect.any(String),
      ...(answer.body?.error?.fields ? { fields: expect.any(Object) } : {}),
    },
  });
}

/** tRPC's error shape (superjson-wrapped), with the HTTP status in data. */
function expectTrpcError(answer: JsonAnswer, what: string, code: string) {
  expect(answer.body?.error?.json?.data?.code, `${what}: ${JSON.stringify(answer.body)}`).toBe(code);
  expect(answer.status, what).toBe(answer.body.error.json.data.httpStatus);
  expect(answer.status, what).toBeLessThan(500);
}

/** OAuth's error shape (RFC 6749 §5.2). */
function expectOAuthError(answer: JsonAnswer, what: string) {
  expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, what).toBeLessThan(500);
  expect(answer.body, what).toEqual({ error: expect.any(String), error_description: expect.any(String) });
}

describe.each(PROTOTYPE_KEYS)('the key "%s"', (key) => {
  const nul = withKey(key, '"\\u0000"');
  const one = withKey(key, '1');

  it('is refused by REST (/api/v1), with the same 401 for a caller without a token', async () => {
    const webhooks = `/api/v1/sites/${site.siteId}/webhooks`;
    const auth = { authorization: `Bearer ${token}` };
    for (const body of [nul, one]) {
      const anonymous = await jsonPost(webhooks, body);
      expectApiError(anonymous, `anonymous ${body}`, 401);
      expect(anonymous.body.error.code).toBe('UNAUTHORIZED');
      expectApiError(await jsonPost(webhooks, body, auth), `token ${body}`, 400);
    }
    const query = encodeURIComponent(key);
    expectApiError(await send(`${webhooks}?${query}=%00`, { headers: auth }), 'query with NUL', 400);
    expect((await send(`${webhooks}?${query}=1&${query}=2`, { headers: auth })).status).toBe(200);
  });

  it('is refused by tRPC (/api/trpc), with the same 401 for a caller without a session', async () => {
    for (const body of [nul, one]) {
      const wrapped = `{"json":${body}}`;
      expectTrpcError(await jsonPost('/api/trpc/sites.create', wrapped), `anonymous ${body}`, 'UNAUTHORIZED');
      expectTrpcError(await jsonPost('/api/trpc/sites.create', wrapped, { cookie }), `session ${body}`, 'BAD_REQUEST');
    }
    // in a query's input, superjson drops a `__proto__` key before any procedure sees it (the
    // unknown key is then ignored, as every unknown key is); any other is refused
    const input = encodeURIComponent(`{"json":${withKey(key, '"\\u0000"', `"siteId":"${site.siteId}",`)}}`);
    const query = await send(`/api/trpc/sites.get?input=${input}`, { headers: { cookie } });
    if (key === '__proto__') expect(query.status).toBe(200);
    else expectTrpcError(query, 'query input', 'BAD_REQUEST');
  });

  it('is refused by the module gateway (/api/modules), for members and visitors', async () => {
    const base = `/api/modules/${moduleId}`;
    for (const body of [nul, one]) {
      expectApiError(await jsonPost(`${base}/data/submissions`, body, member()), `member row ${body}`, 400);
      expectApiError(
        await jsonPost(`${base}/data/submissions`, body, { authorization: `Bearer ${embedToken}`, origin: shop }),
        `visitor row ${body}`,
        400,
      );
      expectApiError(await jsonPost(`${base}/data/submissions`, body), `anonymous row ${body}`, 401);
    }
    const column = encodeURIComponent(key);
    expectApiError(await send(`${base}/data/products?${column}=eq.1`, { headers: member() }), 'filter', 400);
    expectApiError(await send(`${base}/data/products?order=${column}.asc`, { headers: member() }), 'order', 400);
    const event = `{"name":"form.submitted","payload":${withKey(key, '1', '"submissionId":"00000000-0000-4000-8000-000000000000",')}}`;
    expectApiError(await jsonPost(`${base}/events`, event, member()), 'event payload', 400);
    expectApiError(await jsonPost(`${base}/events`, withKey(key, '1', '"name":"form.submitted",'), member()), 'event body', 400);
  });

  it('is refused by /embed/token', async () => {
    for (const body of [nul, withKey(key, '1', `"installationId":"${site.installationId}",`)]) {
      expectApiError(await jsonPost('/embed/token', body, { origin: shop }), `token ${body}`, 400);
    }
  });

  it('is refused by the OAuth endpoints, in OAuth’s error shape', async () => {
    const client = { authorization: `Basic ${app.basic}` };
    const k = encodeURIComponent(key);
    for (const form of [
      `grant_type=${k}`,
      `grant_type=client_credentials&scope=${k}`,
      `grant_type=authorization_code&code=${k}`,
    ]) {
      expectOAuthError(await formPost('/oauth/token', `${form}&${k}=1`, client), `token ${form}`);
    }
    expectOAuthError(await formPost('/oauth/token', `grant_type=client_credentials&client_id=${k}`), 'client id');
    expectOAuthError(await formPost('/oauth/revoke', `token=x&client_id=${k}`), 'revoke client id');
    expect((await formPost('/oauth/revoke', `token=${k}&token_type_hint=${k}&${k}=1`, client)).status).toBe(200);
    // the authorization endpoint answers by redirect: to the consent page, which shows the error
    const authorize = await send(`/oauth/authorize?response_type=${k}&client_id=${k}&${k}=1`);
    expect(authorize.status).toBe(302);
    expect(authorize.headers.get('location')).toContain('/oauth/consent?');
  });

  it('is refused by the package upload, at the manifest’s field', async () => {
    const manifest = JSON.parse(
      withKey(key, '1', `${JSON.stringify(contactFormManifest({ id: 'sweep-widget', version: '1.0.0' })).slice(1, -1)},`),
    );
    const tgz = await buildTgz(widgetFiles(manifest));
    const input = { agencyId, moduleId: devModuleId, packageBase64: tgz.toString('base64') };
    const answer = await jsonPost('/api/trpc/modules.uploadVersion', JSON.stringify({ json: input }), { cookie });
    expectTrpcError(answer, 'upload', 'BAD_REQUEST');
  });
});
