// The embed endpoints over real HTTP on a real database: a page on one of the site's verified
// domains gets an embed token bound to its origin and uses it on the gateway; every other page,
// and every installation that cannot be embedded, is refused in words the SDK can show. The embed
// page may be framed only by the verified origins; the SDK is a cacheable static file.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Answer, request } from '../../external/traffic/traffic.fixtures.ts';
import type { TestUser } from '../../testing/harness.ts';
import { type GatewayScenario, gatewayScenario } from '../gateway/gateway.fixtures.ts';

const shop = 'https://shop.example.com';
const blog = 'https://blog.example.com';

let gw: GatewayScenario;
let owner: TestUser;
let catalog: { id: string };

beforeAll(async () => {
  gw = await gatewayScenario();
  owner = await gw.s.user('Olga');
  catalog = await gw.publish();
});

/** A new site with the catalog installed and `hostnames` verified, as a passed ownership check leaves them. */
async function embeddedSite(hostnames: string[] = ['shop.example.com', 'blog.example.com'], moduleId = catalog.id) {
  const installed = await gw.install(owner, moduleId);
  for (const hostname of hostnames) {
    await gw.s.services.db.siteDomain.create({
      data: { siteId: installed.siteId, hostname, token: 'proof', status: 'verified', verifiedAt: new Date() },
    });
  }
  return installed;
}

interface TokenOptions {
  origin?: string | null;
  body?: string;
  type?: string;
  from?: string;
}

/** POST /embed/token as a browser page sends it (text/plain JSON: no preflight), from `from` on loopback. */
function askToken(installationId: string, { origin = shop, body, type = 'text/plain;charset=UTF-8', from }: TokenOptions = {}) {
  const payload = body ?? JSON.stringify({ installationId });
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      `${gw.server.url}/embed/token`,
      {
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'content-type': type, 'content-length': Buffer.byteLength(payload), ...(origin ? { origin } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const v of Array.isArray(value) ? value : [value ?? '']) headers.append(name, v);
          }
          resolve({ status: res.statusCode ?? 0, headers, body: JSON.parse(Buffer.concat(chunks).toString()) });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('POST /embed/token', () => {
  it('gives a page on a verified domain a token bound to its origin, which works on the gateway from there', async () => {
    const { installationId } = await embeddedSite();
    const res = await askToken(installationId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      token: expect.any(String),
      expiresAt: expect.any(String),
      expiresIn: expect.any(Number),
      moduleId: catalog.id,
    });
    expect(res.body.expiresIn).toBeGreaterThan(590);
    expect(res.body.expiresIn).toBeLessThanOrEqual(600);
    expect(Math.abs(new Date(res.body.expiresAt).getTime() - Date.now() - 600_000)).toBeLessThan(10_000);
    // readable by that page only, and counted as the installation's embed traffic
    expect(res.headers.get('access-control-allow-origin')).toBe(shop);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('ratelimit-policy')).toMatch(/^"anonymous";q=\d+;w=60$/);

    const context = await gw.asEmbed(res.body.token, shop, catalog.id)('GET', 'context');
    expect(context.status).toBe(200);
    expect(context.body.user).toEqual({ role: 'visitor' });
    expect(context.body.installation.id).toBe(installationId);
    // an insert-only table: the visitor may write a row, never read one back
    const sent = await gw.asEmbed(res.body.token, shop, catalog.id)('POST', 'data/submissions', { email: 'ann@example.com' });
    expect(sent.status).toBe(201);
  });

  it('takes the body as application/json too (a preflighted request), and answers the preflight for verified origins only', async () => {
    const { installationId } = await embeddedSite();
    expect((await askToken(installationId, { type: 'application/json' })).status).toBe(200);

    const preflight = (origin: string) =>
      request(`${gw.server.url}/embed/token`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight(shop);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(shop);
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type');
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(204);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a page whose origin the site has not verified, in words that page can read', async () => {
    const { installationId } = await embeddedSite(['shop.example.com']);
    for (const origin of ['https://evil.example', 'http://shop.example.com', 'https://shop.example.com:8443', blog]) {
      const res = await askToken(installationId, { origin });
      expect(res.status, origin).toBe(403);
      expect(res.body).toEqual({
        error: {
          code: 'FORBIDDEN',
          message: `This website (${origin}) is not a verified domain of the site. Add and verify it on the site's Domains page first.`,
        },
      });
      expect(res.headers.get('access-control-allow-origin'), origin).toBe(origin);
    }
    const anonymous = await askToken(installationId, { origin: null });
    expect(anonymous).toMatchObject({ status: 403, body: { error: { message: expect.stringMatching(/names no Origin/) } } });
    expect((await askToken(installationId, { origin: 'null' })).status).toBe(403);

    // a pending (or failed) domain allows nothing yet
    const site = await gw.s.services.db.moduleInstallation.findUniqueOrThrow({ where: { id: installationId } });
    await gw.s.services.db.siteDomain.create({ data: { siteId: site.siteId, hostname: 'new.example.com', token: 'proof' } });
    expect((await askToken(installationId, { origin: 'https://new.example.com' })).status).toBe(403);
  });

  it('answers 404 for an unknown or uninstalled installation', async () => {
    expect(await askToken('ckunknowninstallation0000')).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Installation not found' } },
    });
    const { siteId, installationId } = await embeddedSite();
    await owner.api.installations.uninstall({ siteId, installationId });
    expect((await askToken(installationId)).status).toBe(404);
  });

  it('refuses a disabled installation (409) and a module that does not allow embedding (403)', async () => {
    const { siteId, installationId } = await embeddedSite();
    await owner.api.installations.setEnabled({ siteId, installationId, enabled: false });
    expect(await askToken(installationId)).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT', message: expect.stringMatching(/disabled/) } },
    });

    const private_ = await gw.publish({ embed: { allowed: false } });
    const other = await embeddedSite(['shop.example.com'], private_.id);
    expect(await askToken(other.installationId)).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: expect.stringMatching(/does not allow embedding/) } },
    });
  });

  it('answers 400, 413 and 415 to bodies it cannot read, and 405 to other methods', async () => {
    const { installationId } = await embeddedSite();
    const bad = async (body: string, type?: string) => askToken(installationId, { body, type });
    expect(await bad('{}')).toMatchObject({ status: 400, body: { error: { fields: { installationId: expect.any(String) } } } });
    expect(await bad(JSON.stringify({ installationId, origin: blog }))).toMatchObject({
      status: 400,
      body: { error: { fields: { origin: 'Unknown field "origin"' } } },
    });
    expect((await bad('installationId=x')).status).toBe(400);
    expect((await bad(JSON.stringify({ installationId: 'x'.repeat(2000) }))).status).toBe(413);
    expect((await bad(JSON.stringify({ installationId }), 'application/x-www-form-urlencoded')).status).toBe(415);
    const get = await request(`${gw.server.url}/embed/token`, { headers: { origin: shop } });
    expect(get.status).toBe(405);
  });

  it('limits each IP per installation, and tells the page when to try again', async () => {
    const previous = process.env.API_RATE_LIMIT_ANON_PER_MINUTE;
    process.env.API_RATE_LIMIT_ANON_PER_MINUTE = '3';
    try {
      const { installationId } = await embeddedSite();
      const other = await embeddedSite();
      const from = '127.0.0.21';
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await askToken(installationId, { from }));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      const refused = answers[3]!;
      expect(refused.body.error.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('access-control-allow-origin')).toBe(shop);
      // another installation, or another visitor, has a quota of its own
      expect((await askToken(other.installationId, { from })).status).toBe(200);
      expect((await askToken(installationId, { from: '127.0.0.22' })).status).toBe(200);
    } finally {
      if (previous === undefined) delete process.env.API_RATE_LIMIT_ANON_PER_MINUTE;
      else process.env.API_RATE_LIMIT_ANON_PER_MINUTE = previous;
    }
  });
});

describe('a token from /embed/token on the gateway', () => {
  afterEach(() => vi.useRealTimers());

  it('works only from the origin it was issued to, even another verified origin of the site', async () => {
    const { installationId } = await embeddedSite();
    const token = (await askToken(installationId, { origin: shop })).body.token;
    for (const origin of [blog, 'https://evil.example']) {
      const res = await gw.asEmbed(token, origin, catalog.id)('POST', 'data/submissions', { email: 'eve@example.com' });
      expect(res).toMatchObject({ status: 403, body: { error: { message: expect.stringContaining(`for pages on ${shop}`) } } });
    }
    const member = gw.asMember(
      owner,
      (await gw.s.services.db.moduleInstallation.findUniqueOrThrow({ where: { id: installationId } })).siteId,
      catalog.id,
    );
    expect((await member('GET', 'data/submissions?email=eq.eve@example.com')).body.rows).toEqual([]);
  });

  it('answers 401 once it has expired', async () => {
    const { installationId } = await embeddedSite();
    const token = (await askToken(installationId)).body.token;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 11 * 60_000);
    const res = await gw.asEmbed(token, shop, catalog.id)('GET', 'context');
    expect(res).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/expired/) } },
    });
  });
});

const packageHashOf = async (installationId: string) =>
  (
    await gw.s.services.db.moduleInstallation.findUniqueOrThrow({
      where: { id: installationId },
      select: { version: { select: { packageHash: true } } },
    })
  ).version.packageHash!;

const directive = (csp: string | null, name: string) =>
  csp
    ?.split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe('GET /embed/{installationId}', () => {
  const open = (installationId: string, method = 'GET') =>
    fetch(`${gw.server.url}/embed/${installationId}`, { method }).then(async (res) => ({
      status: res.status,
      headers: res.headers,
      html: await res.text(),
    }));
  it('may be framed by exactly the verified origins, and hosts the widget with its own script only', async () => {
    const { installationId } = await embeddedSite();
    const page = await open(installationId);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy');
    expect(directive(csp, 'frame-ancestors')?.split(' ').slice(1).sort()).toEqual([blog, shop]);
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'none'");
    expect(directive(csp, 'frame-src')).toBe("frame-src 'self'");
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(page.headers.get('cache-control')).toBe('no-store');

    const config = JSON.parse(/<script type="application\/json" id="dramac-embed">(.*?)<\/script>/s.exec(page.html)![1]!);
    const hash = await packageHashOf(installationId);
    expect(config).toEqual({
      installationId,
      moduleName: 'Catalog',
      widgetPath: `/embed/${installationId}/assets/${hash}/dist/widget.html`,
      height: 120,
      minHeight: 120,
      maxHeight: 4000,
      origins: expect.arrayContaining([shop, blog]),
    });
    const script = /<script src="(\/embed\/frame\.js\?v=[0-9a-f]{16})" defer><\/script>/.exec(page.html)?.[1];
    expect(script).toBeDefined();
    const frameJs = await fetch(`${gw.server.url}${script}`);
    expect(frameJs.status).toBe(200);
    expect(frameJs.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await frameJs.text()).toContain('dramac-embed/1');
    // the inline style is allowed by its hash, nothing else inline is
    const style = /<style>(.*?)<\/style>/s.exec(page.html)![1]!;
    expect(directive(csp, 'style-src')).toBe(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });

  it("uses the manifest's embed heights", async () => {
    const tall = await gw.publish({
      embed: { allowed: true, minHeight: 300, maxHeight: 700 },
      entryPoints: {
        widget: { path: 'dist/widget.html', defaultHeight: 900 },
        dashboardPage: { path: 'dist/widget.html', title: 'Catalog' },
      },
    });
    const { installationId } = await embeddedSite(['shop.example.com'], tall.id);
    const config = JSON.parse(/id="dramac-embed">(.*?)<\/script>/s.exec((await open(installationId)).html)![1]!);
    expect(config).toMatchObject({ height: 700, minHeight: 300, maxHeight: 700 });
  });

  it('cannot be framed anywhere while the site has no verified domain, and says so', async () => {
    const { installationId } = await embeddedSite([]);
    const page = await open(installationId);
    expect(page.status).toBe(403);
    expect(directive(page.headers.get('content-security-policy'), 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(page.html).toContain('cannot be shown on any website yet: the site has no verified domain');
    expect(page.html).not.toContain('dramac-embed');
  });

  it('explains a disabled installation, a module that cannot be embedded and an unknown one, without the widget', async () => {
    const { siteId, installationId } = await embeddedSite(['shop.example.com']);
    await owner.api.installations.setEnabled({ siteId, installationId, enabled: false });
    const disabled = await open(installationId);
    expect(disabled.status).toBe(409);
    expect(disabled.html).toContain('Catalog is switched off on this site.');
    expect(directive(disabled.headers.get('content-security-policy'), 'frame-ancestors')).toBe(`frame-ancestors ${shop}`);

    const private_ = await gw.publish({ embed: { allowed: false } });
    const closed = await open((await embeddedSite(['shop.example.com'], private_.id)).installationId);
    expect(closed.status).toBe(403);
    expect(closed.html).toContain('This version of Catalog cannot be embedded in a website.');

    const unknown = await open('ckunknowninstallation0000');
    expect(unknown.status).toBe(404);
    expect(directive(unknown.headers.get('content-security-policy'), 'frame-ancestors')).toBe("frame-ancestors 'none'");
    for (const page of [disabled, closed, unknown]) expect(page.html).not.toContain('/embed/frame.js');
    expect((await open('a/b')).status).toBe(404);
  });

  it('escapes what the module names itself', async () => {
    const sly = await gw.publish();
    await gw.s.services.db.module.update({ where: { id: sly.id }, data: { name: 'Sly</script><script>alert(1)</script>' } });
    const { installationId } = await embeddedSite(['shop.example.com'], sly.id);
    const page = await open(installationId);
    expect(page.html).not.toContain('<script>alert(1)');
    expect(page.html).toContain('<title>Sly&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    const config = JSON.parse(/id="dramac-embed">(.*?)<\/script>/s.exec(page.html)![1]!);
    expect(config.moduleName).toBe('Sly</script><script>alert(1)</script>');
  });
});

describe('GET /embed/{installationId}/assets/{packageHash}/{path}', () => {
  const asset = (installationId: string, hash: string, path: string) =>
    fetch(`${gw.server.url}/embed/${installationId}/assets/${hash}/${path}`);

  it("serves the widget's page sandboxed, framed by the embed page inside the verified origins only, never cached", async () => {
    const { installationId } = await embeddedSite();
    const hash = await packageHashOf(installationId);
    const page = await asset(installationId, hash, 'dist/widget.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy');
    // a browser checks every ancestor: the embed page ('self') and the client's page
    expect(directive(csp, 'frame-ancestors')?.split(' ').slice(1).sort()).toEqual(["'self'", blog, shop]);
    // the rest exactly as /module-assets sends it
    const direct = await fetch(`${gw.server.url}/module-assets/${hash}/dist/widget.html`);
    const without = (value: string | null) => value?.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
    expect(without(csp)).toEqual(without(direct.headers.get('content-security-policy')));
    expect(directive(csp, 'sandbox')).toBe('sandbox allow-scripts allow-forms');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toBe(await direct.text());
  });

  it('serves the rest of the package as /module-assets does, and nothing outside it', async () => {
    const { installationId } = await embeddedSite();
    const hash = await packageHashOf(installationId);
    const script = await asset(installationId, hash, 'dist/widget.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await asset(installationId, hash, 'dramac.module.json')).status).toBe(404);
    expect((await asset(installationId, hash, '%2e%2e/%2e%2e/api/trpc/x')).status).toBe(404);
    expect((await asset(installationId, 'f'.repeat(64), 'dist/widget.html')).status).toBe(404);
  });

  it('serves no page of another version, a disabled installation or a module that may not be embedded', async () => {
    const { siteId, installationId } = await embeddedSite();
    const hash = await packageHashOf(installationId);
    const other = await embeddedSite();
    expect((await asset(other.installationId, hash, 'dist/widget.html')).status).toBe(200); // same version: same package
    const private_ = await gw.publish({ embed: { allowed: false } });
    const closed = await embeddedSite(['shop.example.com'], private_.id);
    expect((await asset(closed.installationId, await packageHashOf(closed.installationId), 'dist/widget.html')).status).toBe(404);
    expect((await asset(closed.installationId, hash, 'dist/widget.html')).status).toBe(404);
    await owner.api.installations.setEnabled({ siteId, installationId, enabled: false });
    expect((await asset(installationId, hash, 'dist/widget.html')).status).toBe(404);
  });
});

describe('GET /embed/sdk.js', () => {
  it('is one small script any page may load, revalidated by ETag, cached for good at its versioned URL', async () => {
    const res = await fetch(`${gw.server.url}/embed/sdk.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const code = await res.text();
    expect(code).toContain('dramac-embed/1');
    expect(code.length).toBeLessThan(20_000);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);

    const again = await fetch(`${gw.server.url}/embed/sdk.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const pinned = await fetch(`${gw.server.url}/embed/sdk.js?v=${etag.slice(1, 17)}`);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const stale = await fetch(`${gw.server.url}/embed/sdk.js?v=0000000000000000`);
    expect(stale.headers.get('cache-control')).toBe('public, max-age=300');
  });
});
