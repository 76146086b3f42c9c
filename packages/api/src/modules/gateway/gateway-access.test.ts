// Who may call /api/modules/{id}: a member of the site's agency through the dashboard (session,
// X-Dramac-Site, X-Dramac-Request), or a page holding an embed token from the origin it was
// issued for, as a visitor limited by each table's `embed`. Everything else is refused, in the
// gateway's one error shape.
import { SignJWT } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestUser } from '../../testing/harness.ts';
import { sessionCookie } from '../../testing/http-server.ts';
import { type GatewayScenario, gatewayScenario } from './gateway.fixtures.ts';

let gw: GatewayScenario;
let owner: TestUser;
let catalog: { id: string; shortId: string };
let site: { siteId: string; installationId: string };
const shop = 'https://shop.example.com';

const tokenFor = (installationId: string, origin = shop, siteId = site.siteId) =>
  owner.api.installations.embedToken({ siteId, installationId, origin }).then((t) => t.token);

beforeAll(async () => {
  gw = await gatewayScenario();
  owner = await gw.s.user('Olga');
  catalog = await gw.publish();
  site = await gw.install(owner, catalog.id);
  await owner.api.installations.configure({
    siteId: site.siteId,
    installationId: site.installationId,
    settings: { accent: '#ff0066', apiKey: 'sk_live_very_secret' },
  });
});

describe('a dashboard session', () => {
  it('gets the context: installation, module, site, non-secret settings, role and permissions', async () => {
    const res = await gw.asMember(owner, site.siteId, catalog.id)('GET', 'context');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({
      installation: { id: site.installationId, status: 'enabled', version: '1.0.0' },
      module: { id: catalog.id, slug: expect.stringMatching(/^catalog-/), name: 'Catalog' },
      site: { id: site.siteId, name: expect.any(String), locale: 'de-DE', timeZone: 'Europe/Berlin', currency: 'EUR' },
      settings: { title: 'Our products', accent: '#ff0066' },
      user: { role: 'owner' },
      permissions: ['data:own'],
    });
  });

  it('gets the settings, never the secret ones', async () => {
    const res = await gw.asMember(owner, site.siteId, catalog.id)('GET', 'settings');
    expect(res).toMatchObject({ status: 200, body: { title: 'Our products', accent: '#ff0066' } });
    expect(JSON.stringify(res.body)).not.toContain('sk_live');
    expect(res.body).not.toHaveProperty('apiKey');
  });

  it("carries the member's role, and members may read and write", async () => {
    const mia = await gw.s.user('Mia');
    await gw.s.join(owner, mia, 'member');
    const api = gw.asMember(mia, site.siteId, catalog.id);
    expect((await api('GET', 'context')).body.user).toEqual({ role: 'member' });
    const row = await api('POST', 'data/notes', { body: 'Call the supplier' });
    expect(row.status).toBe(201);
    expect((await api('DELETE', `data/notes/${row.body.id}`)).status).toBe(200);
  });

  it('answers 401 without a session, and with a forged one', async () => {
    const forged = (await sessionCookie(gw.s.services.db, owner)).replace(/.{8}$/, 'AAAAAAAA');
    for (const headers of [{}, { cookie: forged }] as Record<string, string>[]) {
      const res = await gw.raw(catalog.id, { ...headers, 'x-dramac-site': site.siteId, 'x-dramac-request': '1' })(
        'GET',
        'context',
      );
      expect(res).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    }
  });

  it('answers 403 without X-Dramac-Request, before reading or writing anything', async () => {
    const api = gw.raw(catalog.id, { cookie: await sessionCookie(gw.s.services.db, owner), 'x-dramac-site': site.siteId });
    for (const [method, path, body] of [
      ['GET', 'data/notes', undefined],
      ['POST', 'data/notes', { body: 'forged' }],
    ] as const) {
      const res = await api(method, path, body);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/X-Dramac-Request/);
    }
    expect((await gw.asMember(owner, site.siteId, catalog.id)('GET', 'data/notes?body=eq.forged')).body.rows).toEqual([]);
  });

  it('answers 400 without X-Dramac-Site', async () => {
    const res = await gw.raw(catalog.id, { cookie: await sessionCookie(gw.s.services.db, owner), 'x-dramac-request': '1' })(
      'GET',
      'context',
    );
    expect(res).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_REQUEST', message: expect.stringMatching(/X-Dramac-Site/) } },
    });
  });

  it("answers 404 to another agency's member, for the site and its data alike", async () => {
    const row = (await gw.asMember(owner, site.siteId, catalog.id)('POST', 'data/notes', { body: 'private' })).body;
    const eve = await gw.s.user('Eve');
    // Eve installed the same module on her own site: still not a way into Olga's
    await gw.install(eve, catalog.id);
    const api = gw.asMember(eve, site.siteId, catalog.id);
    for (const path of ['context', 'settings', 'data/notes', `data/notes/${row.id}`]) {
      const res = await api('GET', path);
      expect(res.status, path).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('private');
    }
    expect((await api('PATCH', `data/notes/${row.id}`, { body: 'mine now' })).status).toBe(404);
  });

  it('answers 404 for a module the site has not installed, or an unknown one', async () => {
    const other = await gw.publish();
    for (const moduleId of [other.id, 'no-such-module']) {
      const res = await gw.asMember(owner, site.siteId, moduleId)('GET', 'context');
      expect(res).toMatchObject({ status: 404, body: { error: { message: 'This module is not installed on the site' } } });
    }
  });
});

describe('the installation must be enabled', () => {
  it('answers 403 while disabled and 404 once uninstalled, to sessions and embed tokens', async () => {
    const mod = await gw.publish();
    const { siteId, installationId } = await gw.install(owner, mod.id);
    const token = await tokenFor(installationId, shop, siteId);
    const member = gw.asMember(owner, siteId, mod.id);
    const embedded = gw.asEmbed(token, shop, mod.id);
    expect((await member('GET', 'data/products')).status).toBe(200);

    await owner.api.installations.setEnabled({ siteId, installationId, enabled: false });
    for (const api of [member, embedded]) {
      const res = await api('GET', 'data/products');
      expect(res).toMatchObject({
        status: 403,
        body: { error: { code: 'FORBIDDEN', message: expect.stringMatching(/disabled/) } },
      });
    }
    await expect(owner.api.installations.embedToken({ siteId, installationId, origin: shop })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    await owner.api.installations.uninstall({ siteId, installationId });
    for (const api of [member, embedded]) expect((await api('GET', 'context')).status).toBe(404);
  });
});

describe('data:own', () => {
  it('is needed for the data endpoints; context and settings work without it', async () => {
    const widget = await gw.publish({ permissions: ['site:read'], data: undefined, events: [] });
    const { siteId } = await gw.install(owner, widget.id, ['site:read']);
    const api = gw.asMember(owner, siteId, widget.id);
    expect((await api('GET', 'context')).body.permissions).toEqual(['site:read']);
    const res = await api('GET', 'data/products');
    expect(res).toMatchObject({ status: 403, body: { error: { message: expect.stringMatching(/data:own/) } } });
  });

  it('must have been granted to the installation, not only requested', async () => {
    const mod = await gw.publish();
    const { siteId, installationId } = await gw.install(owner, mod.id);
    await gw.s.services.db.moduleInstallation.update({ where: { id: installationId }, data: { grantedPermissions: [] } });
    const res = await gw.asMember(owner, siteId, mod.id)('POST', 'data/notes', { body: 'x' });
    expect(res.status).toBe(403);
  });
});

describe('embed tokens', () => {
  it('are minted by site admins for an exact origin, short-lived', async () => {
    const minted = await owner.api.installations.embedToken({
      siteId: site.siteId,
      installationId: site.installationId,
      origin: shop,
    });
    expect(minted.origin).toBe(shop);
    const ttl = minted.expiresAt.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);

    for (const origin of [
      'https://shop.example.com/',
      'https://shop.example.com/page',
      'ftp://shop.example.com',
      'shop.example.com',
      'null',
    ]) {
      await expect(
        owner.api.installations.embedToken({ siteId: site.siteId, installationId: site.installationId, origin }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    const mia = await gw.s.user('Mia');
    await gw.s.join(owner, mia, 'member');
    await expect(
      mia.api.installations.embedToken({ siteId: site.siteId, installationId: site.installationId, origin: shop }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('are refused for a module that does not allow embedding', async () => {
    const mod = await gw.publish({ embed: { allowed: false } });
    const { siteId, installationId } = await gw.install(owner, mod.id);
    await expect(owner.api.installations.embedToken({ siteId, installationId, origin: shop })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('let a page on that origin in, as a visitor who sees no secret settings', async () => {
    const res = await gw.asEmbed(await tokenFor(site.installationId), shop, catalog.id)('GET', 'context');
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ role: 'visitor' });
    expect(res.body.settings).toEqual({ title: 'Our products', accent: '#ff0066' });
    // bearer calls only: the gateway never lets a browser send cookies cross-site
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answer 403 from another origin, or with no Origin at all', async () => {
    const token = await tokenFor(site.installationId);
    for (const origin of ['https://evil.example', 'http://shop.example.com', 'https://shop.example.com:8443']) {
      const res = await gw.asEmbed(token, origin, catalog.id)('GET', 'context');
      expect(res).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', message: expect.stringContaining(shop) } } });
    }
    expect((await gw.raw(catalog.id, { authorization: `Bearer ${token}` })('GET', 'context')).status).toBe(403);
  });

  describe('that are expired, tampered with or not ours', () => {
    afterEach(() => vi.useRealTimers());

    it('answer 401', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() - 11 * 60_000);
      const expired = await tokenFor(site.installationId);
      vi.useRealTimers();

      const valid = await tokenFor(site.installationId);
      const [header, payload, signature] = valid.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const otherOrigin = Buffer.from(JSON.stringify({ ...claims, aud: 'https://evil.example' })).toString('base64url');
      const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
      const foreignKey = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'dramac-embed+jwt' })
        .setIssuer('dramac')
        .setSubject(site.installationId)
        .setAudience(shop)
        .setIssuedAt()
        .setExpirationTime('5m')
        .setJti('x')
        .sign(new TextEncoder().encode('a key that is not the platform secret'));
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'dramac-embed+jwt' })).toString('base64url')}.${payload}.`;

      for (const [what, token, message] of [
        ['expired', expired, /expired/],
        ['re-signed claims', `${header}.${otherOrigin}.${signature}`, /not valid/],
        ['a flipped signature', `${header}.${payload}.${flipped}`, /not valid/],
        ['a foreign key', foreignKey, /not valid/],
        ['alg none', unsigned, /not valid/],
        ['garbage', 'not-a-token', /not valid/],
      ] as const) {
        const res = await gw.asEmbed(token, shop, catalog.id)('GET', 'context');
        expect(res.status, what).toBe(401);
        expect(res.body.error.message, what).toMatch(message);
      }
    });
  });

  it("answer 403 on another module, even one installed on the token's own site", async () => {
    const other = await gw.publish();
    await owner.api.installations.install({ siteId: site.siteId, moduleId: other.id, acceptPermissions: ['data:own'] });
    const token = await tokenFor(site.installationId);
    const res = await gw.asEmbed(token, shop, other.id)('GET', 'data/products');
    expect(res).toMatchObject({ status: 403, body: { error: { message: expect.stringMatching(/another module/) } } });
  });

  it("limit visitors to what each table's embed allows", async () => {
    const visitor = gw.asEmbed(await tokenFor(site.installationId), shop, catalog.id);
    const member = gw.asMember(owner, site.siteId, catalog.id);
    const product = (await member('POST', 'data/products', { name: 'Shown to visitors' })).body;
    const submission = (await member('POST', 'data/submissions', { email: 'a@b.test' })).body;

    // products: embed "read"
    expect((await visitor('GET', 'data/products')).body.rows.map((r: { name: string }) => r.name)).toContain('Shown to visitors');
    expect((await visitor('GET', `data/products/${product.id}`)).status).toBe(200);
    expect((await visitor('POST', 'data/products', { name: 'Spam' })).status).toBe(403);
    expect((await visitor('PATCH', `data/products/${product.id}`, { name: 'Defaced' })).status).toBe(403);
    expect((await visitor('DELETE', `data/products/${product.id}`)).status).toBe(403);

    // submissions: embed "insert" (a contact form): write, never read back
    const sent = await visitor('POST', 'data/submissions', { email: 'visitor@example.com', message: 'Hello' });
    expect(sent.status).toBe(201);
    expect((await visitor('GET', 'data/submissions')).status).toBe(403);
    expect((await visitor('GET', `data/submissions/${submission.id}`)).status).toBe(403);

    // notes: no embed at all
    const notes = await visitor('GET', 'data/notes');
    expect(notes).toMatchObject({ status: 403, body: { error: { message: expect.stringMatching(/embed: "none"/) } } });
    expect((await visitor('POST', 'data/notes', { body: 'x' })).status).toBe(403);

    expect((await member('GET', 'data/submissions')).body.rows.map((r: { email: string }) => r.email)).toContain(
      'visitor@example.com',
    );
  });
});
