// CORS on the external surfaces, as a browser sees it: a page on one of the site's verified
// domains gets its exact origin echoed (with Vary: Origin, never `*`, never credentials) on the
// REST API and the module gateway, and its preflights answered; any other origin, and `null`,
// gets no CORS header at all.
import { beforeAll, describe, expect, it } from 'vitest';
import { type GatewayScenario, gatewayScenario } from '../../modules/gateway/gateway.fixtures.ts';
import type { TestUser } from '../../testing/harness.ts';
import { request, trafficHeaders } from './traffic.fixtures.ts';

const shop = 'https://shop.example.com';
const elsewhere = [
  'https://evil.example',
  'http://shop.example.com',
  'https://shop.example.com:8443',
  'https://www.shop.example.com',
];

let gw: GatewayScenario;
let owner: TestUser;
let site: { siteId: string; installationId: string };
let moduleId: string;
let token: string;

const verify = (siteId: string, hostname: string) =>
  gw.s.services.db.siteDomain.create({ data: { siteId, hostname, token: 'proof', status: 'verified', verifiedAt: new Date() } });

const rest = (path: string, origin: string | null, opts: { method?: string; headers?: Record<string, string> } = {}) =>
  request(`${gw.server.url}/api/v1${path}`, {
    method: opts.method,
    headers: { ...(origin ? { origin } : {}), ...opts.headers },
  });

const preflight = (url: string, origin: string, method = 'POST') =>
  request(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type' },
  });

beforeAll(async () => {
  gw = await gatewayScenario();
  owner = await gw.s.user('Cora');
  moduleId = (await gw.publish()).id;
  site = await gw.install(owner, moduleId);
  await verify(site.siteId, 'shop.example.com');
  const created = await owner.api.apiTokens.create({
    agencyId: owner.agencyId,
    siteId: site.siteId,
    name: 'storefront',
    scopes: ['site:read', 'webhooks:read'],
  });
  token = created.token;
});

describe('the REST API', () => {
  it('echoes a verified origin exactly, with Vary: Origin and the limits readable, without credentials', async () => {
    const res = await rest(`/sites/${site.siteId}`, shop, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(trafficHeaders(res)).toEqual({
      'access-control-allow-origin': shop,
      'access-control-expose-headers': 'RateLimit, RateLimit-Policy, Retry-After',
      vary: 'Origin',
      'ratelimit-policy': '"client";q=600;w=60',
      ratelimit: expect.stringMatching(/^"client";r=\d+;t=\d+$/),
    });
  });

  it('lets the page read its errors too (a 401, a 404)', async () => {
    const unauthorised = await rest(`/sites/${site.siteId}`, shop, {
      headers: { authorization: 'Bearer dra_wrong-000000000000000000000' },
    });
    expect(unauthorised.status).toBe(401);
    expect(unauthorised.headers.get('access-control-allow-origin')).toBe(shop);
    const missing = await rest(`/sites/${site.siteId}/webhooks/nope`, shop, { headers: { authorization: `Bearer ${token}` } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe(shop);
  });

  it('gives any other origin, and the opaque `null` origin, no CORS header at all', async () => {
    for (const origin of [...elsewhere, 'null']) {
      const res = await rest(`/sites/${site.siteId}`, origin, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, origin).toBe(200);
      expect(
        Object.keys(trafficHeaders(res)).filter((h) => h.startsWith('access-control-')),
        origin,
      ).toEqual([]);
      expect(res.headers.get('vary')).toBe('Origin');
    }
  });

  it('does not take a domain verified by another site for this one', async () => {
    const other = await gw.s.site(owner, 'other-shop');
    await verify(other.id, 'other.example.com');
    const res = await rest(`/sites/${site.siteId}`, 'https://other.example.com', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight for the site in the path, from a verified origin only', async () => {
    const url = `${gw.server.url}/api/v1/sites/${site.siteId}/webhooks`;
    const ok = await preflight(url, shop);
    expect(ok.status).toBe(204);
    expect(trafficHeaders(ok)).toEqual({
      'access-control-allow-origin': shop,
      'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    });
    for (const origin of [...elsewhere, 'null']) {
      const refused = await preflight(url, origin);
      expect(refused.status).toBe(204);
      expect(
        Object.keys(trafficHeaders(refused)).filter((h) => h.startsWith('access-control-')),
        origin,
      ).toEqual([]);
    }
    // no site in the path (/token): nothing to check the origin against
    expect((await preflight(`${gw.server.url}/api/v1/token`, shop, 'GET')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never allows credentials or every origin', async () => {
    const answers = [
      await rest(`/sites/${site.siteId}`, shop, { headers: { authorization: `Bearer ${token}` } }),
      await preflight(`${gw.server.url}/api/v1/sites/${site.siteId}`, shop, 'GET'),
    ];
    for (const res of answers) {
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect(res.headers.get('access-control-allow-origin')).not.toBe('*');
    }
  });
});

describe('the module gateway', () => {
  const embedToken = (origin: string) =>
    owner.api.installations.embedToken({ siteId: site.siteId, installationId: site.installationId, origin }).then((t) => t.token);

  it('echoes the verified origin an embed token was issued for', async () => {
    const res = await gw.asEmbed(await embedToken(shop), shop, moduleId)('GET', 'context');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(shop);
    expect(res.headers.get('vary')).toContain('Origin');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('logs the page’s calls under the installation and origin, with the gateway’s route template', async () => {
    await gw.asEmbed(await embedToken(shop), shop, moduleId)('GET', 'data/products?limit=2');
    await gw.s.services.requestLog!.flush();
    const row = await gw.s.services.db.requestLog.findFirst({ where: { siteId: site.siteId }, orderBy: { id: 'desc' } });
    expect(row).toMatchObject({
      clientKind: 'embed',
      clientId: site.installationId,
      route: '/api/modules/{moduleId}/data/{table}',
      status: 200,
      origin: shop,
    });
  });

  it('gives a page on an unverified origin no CORS header, even with a token minted for it', async () => {
    const origin = 'https://unverified.example';
    const res = await gw.asEmbed(await embedToken(origin), origin, moduleId)('GET', 'context');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight from a verified domain of a site that installed the module', async () => {
    const url = `${gw.server.url}/api/modules/${moduleId}/data/submissions`;
    const ok = await preflight(url, shop);
    expect(trafficHeaders(ok)).toMatchObject({
      'access-control-allow-origin': shop,
      'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
      'access-control-allow-headers': 'authorization, content-type',
    });
    for (const origin of [...elsewhere, 'null']) {
      expect((await preflight(url, origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
    }
    // a module the site did not install: its verified domain is no reason to answer
    const other = await gw.publish();
    expect(
      (await preflight(`${gw.server.url}/api/modules/${other.id}/context`, shop, 'GET')).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull();
  });

  it('stops answering a preflight once the site disables the module', async () => {
    const mod = await gw.publish();
    const installed = await gw.install(owner, mod.id);
    await verify(installed.siteId, 'kiosk.example.com');
    const url = `${gw.server.url}/api/modules/${mod.id}/context`;
    expect((await preflight(url, 'https://kiosk.example.com', 'GET')).headers.get('access-control-allow-origin')).toBe(
      'https://kiosk.example.com',
    );
    await owner.api.installations.setEnabled({
      siteId: installed.siteId,
      installationId: installed.installationId,
      enabled: false,
    });
    expect((await preflight(url, 'https://kiosk.example.com', 'GET')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
