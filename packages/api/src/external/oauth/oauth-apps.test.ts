// OAuth apps as an agency admin manages them in the dashboard (oauthApps.*), and the apps connected
// to an agency's sites (oauthGrants.*): what is stored, what is shown once, what is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationDetails } from '../../errors.ts';
import { openApiDocument } from '../../http/index.ts';
import { sha256 } from '../../lib/secrets.ts';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';
import { startTestServer, type TestServer } from '../../testing/http-server.ts';

// a 1×1 PNG
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');

let s: Scenario;
let server: TestServer;
let owner: TestUser;
let site: { id: string };

beforeAll(async () => {
  s = await scenario();
  server = await startTestServer(s.services);
  owner = await s.user('Olivia');
  site = await s.site(owner);
});
afterAll(() => server?.close());

const fields = {
  name: 'Acme Sync',
  redirectUris: ['https://acme.example/callback'],
  scopes: ['site:read' as const],
};
const create = (user: TestUser, extra: Partial<Parameters<TestUser['api']['oauthApps']['create']>[0]> = {}) =>
  user.api.oauthApps.create({ agencyId: user.agencyId, clientType: 'confidential', ...fields, ...extra });

/** The field errors of a rejected call. */
const fieldErrorsOf = (call: Promise<unknown>) =>
  call.then(
    () => ({}),
    (err: { code: string; cause: unknown }) => ({ code: err.code, ...validationDetails(err.cause)?.fieldErrors }),
  );

/** A client-credentials token for `app`, over HTTP. */
async function clientCredentialsToken(clientId: string, secret: string) {
  const res = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  return { status: res.status, body: (await res.json()) as { access_token?: string; error?: string } };
}

describe('registering an app', () => {
  it('shows a confidential app’s secret once and keeps only its hash', async () => {
    const { app, clientSecret } = await create(owner);
    expect(app.clientId).toMatch(/^dci_/);
    expect(clientSecret).toMatch(/^dcs_/);
    const row = await s.services.db.oAuthApp.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.secretHash).toBe(sha256(clientSecret!));
    const listed = await owner.api.oauthApps.list({ agencyId: owner.agencyId });
    expect(JSON.stringify(listed)).not.toContain(clientSecret);
    expect(JSON.stringify(listed)).not.toContain(row.secretHash);
    expect(listed.find((a) => a.id === app.id)).toMatchObject({
      secretPrefix: clientSecret!.slice(0, 10),
      credentialsSite: null,
    });
  });

  it('gives a public app no secret, nothing to rotate and no client credentials', async () => {
    const { app, clientSecret } = await create(owner, { clientType: 'public' });
    expect(clientSecret).toBeNull();
    await expect(owner.api.oauthApps.rotateSecret({ agencyId: owner.agencyId, appId: app.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      owner.api.oauthApps.setCredentialsSite({ agencyId: owner.agencyId, appId: app.id, siteId: site.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it.each([
    ['http://acme.example/callback', 'Use https; plain http is only allowed for localhost, 127.0.0.1 and [::1]'],
    ['https://acme.example/callback#done', 'Remove the fragment (#…): redirects cannot carry one'],
    ['https://*.acme.example/callback', 'Wildcards are not allowed: register each URL exactly'],
    ['https://user:pw@acme.example/callback', 'Remove the user name and password from the URL'],
    ['javascript:alert(1)', 'Use an https URL'],
    ['/callback', 'Enter an absolute URL, such as https://app.example/callback'],
  ])('refuses the redirect URL %s', async (uri, message) => {
    expect(await fieldErrorsOf(create(owner, { redirectUris: ['https://acme.example/ok', uri] }))).toEqual({
      code: 'BAD_REQUEST',
      'redirectUris.1': [message],
    });
  });

  it('accepts loopback http for native apps (RFC 8252), and refuses a URL listed twice', async () => {
    const loopback = ['http://127.0.0.1:8765/callback', 'http://localhost:3000/cb', 'http://[::1]:8765/cb'];
    const { app } = await create(owner, { clientType: 'public', redirectUris: loopback });
    expect(app.redirectUris).toEqual(loopback);
    expect(await fieldErrorsOf(create(owner, { redirectUris: [loopback[0]!, loopback[0]!] }))).toMatchObject({
      'redirectUris.1': ['This URL is listed twice'],
    });
  });

  it('is for owners and admins only', async () => {
    const member = await s.user('Max');
    await s.join(owner, member, 'member');
    const asMember = s.callerFor(member);
    await expect(asMember.oauthApps.list({ agencyId: owner.agencyId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(asMember.oauthApps.create({ agencyId: owner.agencyId, clientType: 'public', ...fields })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('the logo', () => {
  it('is served from our origin as the image it is, and can be replaced or removed', async () => {
    const { app } = await create(owner, { logo: PNG });
    expect(app.logoUrl).toMatch(new RegExp(`^/oauth/apps/${app.clientId}/logo\\?v=`));
    const res = await fetch(`${server.url}${app.logoUrl}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(Buffer.from(await res.arrayBuffer()).toString('base64')).toBe(PNG);

    const removed = await owner.api.oauthApps.update({ agencyId: owner.agencyId, appId: app.id, logo: null });
    expect(removed.logoUrl).toBeNull();
    expect((await fetch(`${server.url}/oauth/apps/${app.clientId}/logo`)).status).toBe(404);
  });

  it('refuses SVG (it can carry script), anything that is not an image, and more than 64 KB', async () => {
    expect(await fieldErrorsOf(create(owner, { logo: SVG }))).toEqual({
      code: 'BAD_REQUEST',
      logo: ['Use a PNG, JPEG or WebP image'],
    });
    const big = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(70 * 1024)]).toString('base64');
    expect(await fieldErrorsOf(create(owner, { logo: big }))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await fieldErrorsOf(create(owner, { logo: 'not base64!' }))).toMatchObject({ logo: ['Upload the image as base64'] });
  });
});

describe('client credentials', () => {
  it('act on one site at a time: binding another ends the tokens of the first', async () => {
    const { app, clientSecret } = await create(owner);
    const other = await s.site(owner);
    const bound = await owner.api.oauthApps.setCredentialsSite({ agencyId: owner.agencyId, appId: app.id, siteId: site.id });
    expect(bound.credentialsSite).toMatchObject({ id: site.id });
    const first = await clientCredentialsToken(app.clientId, clientSecret!);
    expect(first.status).toBe(200);

    await owner.api.oauthApps.setCredentialsSite({ agencyId: owner.agencyId, appId: app.id, siteId: other.id });
    const rest = (token: string, siteId: string) =>
      fetch(`${server.url}/api/v1/sites/${siteId}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await rest(first.body.access_token!, site.id)).toBe(401);
    const second = await clientCredentialsToken(app.clientId, clientSecret!);
    expect(await rest(second.body.access_token!, other.id)).toBe(200);

    await owner.api.oauthApps.setCredentialsSite({ agencyId: owner.agencyId, appId: app.id, siteId: null });
    expect(await rest(second.body.access_token!, other.id)).toBe(401);
    expect(await clientCredentialsToken(app.clientId, clientSecret!)).toMatchObject({
      status: 400,
      body: { error: 'unauthorized_client' },
    });
  });

  it('can only be bound to a site of the app’s own agency', async () => {
    const { app } = await create(owner);
    const stranger = await s.user('Stranger');
    const theirs = await s.site(stranger);
    await expect(
      owner.api.oauthApps.setCredentialsSite({ agencyId: owner.agencyId, appId: app.id, siteId: theirs.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('connected apps', () => {
  it('lists grants with site, scopes, who granted and when, filtered by site; the app’s narrowing shows', async () => {
    const { app } = await create(owner, { scopes: ['site:read', 'webhooks:read'] });
    await owner.api.oauthApps.setCredentialsSite({ agencyId: owner.agencyId, appId: app.id, siteId: site.id });
    const [grant] = (await owner.api.oauthGrants.list({ agencyId: owner.agencyId, siteId: site.id })).filter(
      (g) => g.app.clientId === app.clientId,
    );
    expect(grant).toMatchObject({
      kind: 'client_credentials',
      site: { id: site.id },
      scopes: ['site:read', 'webhooks:read'],
      grantedBy: { name: 'Olivia' },
      lastUsedAt: null,
      app: { name: 'Acme Sync', publisher: "Olivia's Agency", ownApp: true },
    });
    await owner.api.oauthApps.update({ agencyId: owner.agencyId, appId: app.id, scopes: ['webhooks:read'] });
    const [narrowed] = await owner.api.oauthGrants
      .list({ agencyId: owner.agencyId })
      .then((g) => g.filter((x) => x.id === grant!.id));
    expect(narrowed!.scopes).toEqual(['webhooks:read']);
    const otherSite = await s.site(owner);
    const forOther = await owner.api.oauthGrants.list({ agencyId: owner.agencyId, siteId: otherSite.id });
    expect(forOther).toEqual([]);
  });

  it("cannot be listed or revoked through another agency's ids", async () => {
    const { app } = await create(owner);
    await owner.api.oauthApps.setCredentialsSite({ agencyId: owner.agencyId, appId: app.id, siteId: site.id });
    const grant = await s.services.db.oAuthGrant.findFirstOrThrow({ where: { appId: app.id } });
    const stranger = await s.user('Eve');
    await expect(stranger.api.oauthGrants.list({ agencyId: stranger.agencyId, siteId: site.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(stranger.api.oauthGrants.revoke({ agencyId: stranger.agencyId, grantId: grant.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await s.services.db.oAuthGrant.count({ where: { id: grant.id } })).toBe(1);
  });
});

describe('the OpenAPI document', () => {
  it('declares OAuth 2.0 with both flows and every scope, and each route’s scope', () => {
    const doc = openApiDocument('https://dramac.example') as unknown as {
      components: { securitySchemes: Record<string, { type: string; flows?: Record<string, Record<string, unknown>> }> };
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const oauth2 = doc.components.securitySchemes.oauth2!;
    expect(oauth2.type).toBe('oauth2');
    expect(oauth2.flows?.authorizationCode).toMatchObject({
      authorizationUrl: 'https://dramac.example/oauth/authorize',
      tokenUrl: 'https://dramac.example/oauth/token',
      scopes: { 'site:read': expect.any(String), 'webhooks:read': expect.any(String), 'webhooks:write': expect.any(String) },
    });
    expect(oauth2.flows?.clientCredentials).toMatchObject({ tokenUrl: 'https://dramac.example/oauth/token' });
    expect(doc.paths['/sites/{siteId}']?.get?.security).toEqual([{ bearerAuth: [] }, { oauth2: ['site:read'] }]);
    expect(doc.paths['/sites/{siteId}/webhooks']?.post?.security).toEqual([{ bearerAuth: [] }, { oauth2: ['webhooks:write'] }]);
  });
});
