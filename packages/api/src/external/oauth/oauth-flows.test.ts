// The authorization server as a third-party app meets it: oauth4webapi (a standard, strict OAuth
// client) discovers it, runs both flows over real HTTP, and calls the REST API with the tokens.
// The consent is a real form POST with the dashboard's session cookie, as the browser sends it.
// Then the attacks RFC 9700 names: replayed codes and refresh tokens, redirect tampering, PKCE
// downgrade, stolen client credentials, tokens used beyond their site or scopes.
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../context.ts';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';
import { sessionCookie, startTestServer, type TestServer } from '../../testing/http-server.ts';
import type { Scope } from '../scopes.ts';
import { prepareConsent } from './consent.ts';

const insecure = { [oauth.allowInsecureRequests]: true } as const;
const REDIRECT = 'https://app.example/callback';

let s: Scenario;
let server: TestServer;
/** the services as the test server sees them: its own origin is the issuer */
let services: Services;
let as: oauth.AuthorizationServer;
let dev: TestUser; // publishes the apps
let alice: TestUser; // administers the sites that connect them
let siteA: { id: string };
let siteB: { id: string };

beforeAll(async () => {
  s = await scenario();
  server = await startTestServer(s.services);
  services = { ...s.services, appUrl: server.url };
  dev = await s.user('Dev');
  alice = await s.user('Alice');
  siteA = await s.site(alice);
  siteB = await s.site(alice);
  const issuer = new URL(server.url);
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
});
afterAll(() => server?.close());

interface App {
  id: string;
  client: oauth.Client;
  auth: oauth.ClientAuth;
  secret: string | null;
}

async function registerApp(
  clientType: 'public' | 'confidential',
  scopes: Scope[] = ['site:read', 'webhooks:read'],
  redirectUris = [REDIRECT, 'https://app.example/other'],
): Promise<App> {
  const { app, clientSecret } = await dev.api.oauthApps.create({
    agencyId: dev.agencyId,
    name: `${clientType} app`,
    clientType,
    redirectUris,
    scopes,
  });
  return {
    id: app.id,
    client: { client_id: app.clientId },
    auth: clientSecret ? oauth.ClientSecretBasic(clientSecret) : oauth.None(),
    secret: clientSecret,
  };
}

interface Authorization {
  verifier: string;
  state: string;
  /** the URL the browser was sent to in the end */
  location: URL;
}

/** Builds the authorization URL as a client does, overriding or dropping (undefined) parameters. */
async function authorizationUrl(app: App, overrides: Record<string, string | undefined> = {}) {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint!);
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: app.client.client_id,
    redirect_uri: REDIRECT,
    scope: 'site:read',
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...overrides,
  };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return { url, verifier, state };
}

const get = (url: URL | string, headers: Record<string, string> = {}) => fetch(url, { redirect: 'manual', headers });

/** The consent form as the page renders it for `user`, submitted with their session. */
async function submitConsent(
  user: TestUser,
  consentUrl: URL,
  choice: { siteId?: string; decision?: 'allow' | 'deny'; fields?: Record<string, string> } = {},
) {
  const screen = await prepareConsent(services, user, consentUrl.searchParams);
  if (screen.kind !== 'consent') throw new Error(`no consent screen: ${JSON.stringify(screen)}`);
  const form = new URLSearchParams({ ...screen.fields, ...choice.fields, decision: choice.decision ?? 'allow' });
  if (choice.siteId) form.set('site_id', choice.siteId);
  return fetch(`${server.url}/oauth/authorize/decision`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: await sessionCookie(s.services.db, user),
      origin: server.url,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: form,
  });
}

/** Alice approves `app` for `siteId`: authorize → consent page → Allow → back at the client. */
async function authorize(
  app: App,
  siteId = siteA.id,
  overrides: Record<string, string | undefined> = {},
): Promise<Authorization> {
  const { url, verifier, state } = await authorizationUrl(app, overrides);
  const toConsent = await get(url);
  expect(toConsent.status).toBe(302);
  const consentUrl = new URL(toConsent.headers.get('location')!);
  expect(consentUrl.origin + consentUrl.pathname).toBe(`${server.url}/oauth/consent`);
  const decided = await submitConsent(alice, consentUrl, { siteId });
  expect(decided.status).toBe(303);
  return { verifier, state, location: new URL(decided.headers.get('location')!) };
}

async function exchange(app: App, authz: Authorization, redirectUri = REDIRECT) {
  const params = oauth.validateAuthResponse(as, app.client, authz.location, authz.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    app.client,
    app.auth,
    params,
    redirectUri,
    authz.verifier,
    insecure,
  );
  return oauth.processAuthorizationCodeResponse(as, app.client, response);
}

/** The OAuth error a token-endpoint call ends with (oauth4webapi throws it). */
async function oauthError(call: Promise<unknown>) {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (err instanceof oauth.ResponseBodyError) return { status: err.status, error: err.error };
  // a 401 with `WWW-Authenticate: Basic` (RFC 6749 §5.2): the error is still in the body
  if (err instanceof oauth.WWWAuthenticateChallengeError) {
    return { status: err.status, error: ((await err.response.json()) as { error: string }).error };
  }
  throw new Error(`expected an OAuth error, got ${String(err)}`);
}

/** A REST call with the token, as an integration makes it. */
async function rest(token: string, path: string) {
  const res = await oauth
    .protectedResourceRequest(token, 'GET', new URL(`${server.url}/api/v1${path}`), undefined, undefined, insecure)
    // a 401 carries its WWW-Authenticate challenge (RFC 6750 §3), which oauth4webapi throws
    .catch((err: unknown) => {
      if (err instanceof oauth.WWWAuthenticateChallengeError) return err.response;
      throw err;
    });
  return { status: res.status, body: await res.json() };
}

describe('discovery (RFC 8414)', () => {
  it('publishes the issuer, the endpoints, S256 only and the iss parameter; no implicit or password grant', () => {
    expect(as).toMatchObject({
      issuer: server.url,
      authorization_endpoint: `${server.url}/oauth/authorize`,
      token_endpoint: `${server.url}/oauth/token`,
      revocation_endpoint: `${server.url}/oauth/revoke`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
      authorization_response_iss_parameter_supported: true,
    });
    expect(as.grant_types_supported).toEqual(['authorization_code', 'client_credentials', 'refresh_token']);
    expect(as.scopes_supported).toContain('site:read');
  });
});

describe('authorization code with PKCE, public client', () => {
  it('gets tokens through the consent screen and reads the site over REST', async () => {
    const app = await registerApp('public');
    const authz = await authorize(app);
    // RFC 9207: the issuer comes back with the code, beside the client's state
    expect(authz.location.searchParams.get('iss')).toBe(server.url);
    expect(authz.location.searchParams.get('state')).toBe(authz.state);
    expect(authz.location.origin + authz.location.pathname).toBe(REDIRECT);

    const tokens = await exchange(app, authz);
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'site:read' });
    expect(tokens.expires_in).toBeGreaterThan(3590); // one hour
    expect(tokens.access_token).toMatch(/^doa_/);
    expect(tokens.refresh_token).toMatch(/^dor_/);

    const site = await rest(tokens.access_token, `/sites/${siteA.id}`);
    expect(site).toMatchObject({ status: 200, body: { id: siteA.id } });
    expect(await rest(tokens.access_token, '/token')).toMatchObject({
      status: 200,
      body: { siteId: siteA.id, scopes: ['site:read'] },
    });
  });

  it('answers every token request with Cache-Control: no-store', async () => {
    const app = await registerApp('public');
    const authz = await authorize(app);
    const params = oauth.validateAuthResponse(as, app.client, authz.location, authz.state);
    const res = await oauth.authorizationCodeGrantRequest(as, app.client, app.auth, params, REDIRECT, authz.verifier, insecure);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const failed = await fetch(as.token_endpoint!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&code=doc_nope&client_id=x',
    });
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect(await failed.json()).toMatchObject({ error: expect.any(String), error_description: expect.any(String) });
  });

  it('rotates the refresh token, and a replayed one revokes the whole family', async () => {
    const app = await registerApp('public');
    const first = await exchange(app, await authorize(app));
    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      app.client,
      await oauth.refreshTokenGrantRequest(as, app.client, app.auth, first.refresh_token!, insecure),
    );
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    expect((await rest(refreshed.access_token, `/sites/${siteA.id}`)).status).toBe(200);

    // the old refresh token again: stolen, or replayed — either way the family goes
    const replay = oauth.refreshTokenGrantRequest(as, app.client, app.auth, first.refresh_token!, insecure);
    expect(await oauthError(replay.then((r) => oauth.processRefreshTokenResponse(as, app.client, r)))).toEqual({
      status: 400,
      error: 'invalid_grant',
    });
    expect((await rest(first.access_token, `/sites/${siteA.id}`)).status).toBe(401);
    expect((await rest(refreshed.access_token, `/sites/${siteA.id}`)).status).toBe(401);
    const next = oauth.refreshTokenGrantRequest(as, app.client, app.auth, refreshed.refresh_token!, insecure);
    expect(await oauthError(next.then((r) => oauth.processRefreshTokenResponse(as, app.client, r)))).toMatchObject({
      error: 'invalid_grant',
    });
  });
});

describe('client credentials, confidential client', () => {
  it('acts on the one site its agency bound, with the app’s scopes', async () => {
    const app = await registerApp('confidential', ['site:read']);
    const devSite = await s.site(dev);
    await dev.api.oauthApps.setCredentialsSite({ agencyId: dev.agencyId, appId: app.id, siteId: devSite.id });
    for (const auth of [oauth.ClientSecretBasic(app.secret!), oauth.ClientSecretPost(app.secret!)]) {
      const tokens = await oauth.processClientCredentialsResponse(
        as,
        app.client,
        await oauth.clientCredentialsGrantRequest(as, app.client, auth, { scope: 'site:read' }, insecure),
      );
      expect(tokens.refresh_token).toBeUndefined(); // RFC 6749 §4.4.3
      expect(await rest(tokens.access_token, `/sites/${devSite.id}`)).toMatchObject({ status: 200, body: { id: devSite.id } });
      expect((await rest(tokens.access_token, `/sites/${siteA.id}`)).status).toBe(404);
    }
  });

  it('is refused until a site is bound, and for scopes the app does not have', async () => {
    const app = await registerApp('confidential', ['site:read']);
    const request = (scope: string) =>
      oauth
        .clientCredentialsGrantRequest(as, app.client, app.auth, { scope }, insecure)
        .then((r) => oauth.processClientCredentialsResponse(as, app.client, r));
    expect(await oauthError(request('site:read'))).toEqual({ status: 400, error: 'unauthorized_client' });
    const devSite = await s.site(dev);
    await dev.api.oauthApps.setCredentialsSite({ agencyId: dev.agencyId, appId: app.id, siteId: devSite.id });
    expect(await oauthError(request('webhooks:write'))).toEqual({ status: 400, error: 'invalid_scope' });
  });

  it('is refused to a public client', async () => {
    const app = await registerApp('public');
    const call = oauth
      .clientCredentialsGrantRequest(as, app.client, app.auth, {}, insecure)
      .then((r) => oauth.processClientCredentialsResponse(as, app.client, r));
    expect(await oauthError(call)).toMatchObject({ status: 400, error: 'invalid_client' });
  });

  it('refuses a wrong client secret, and the old secret after a rotation', async () => {
    const app = await registerApp('confidential', ['site:read']);
    const devSite = await s.site(dev);
    await dev.api.oauthApps.setCredentialsSite({ agencyId: dev.agencyId, appId: app.id, siteId: devSite.id });
    const withSecret = (secret: string) =>
      oauth
        .clientCredentialsGrantRequest(as, app.client, oauth.ClientSecretBasic(secret), {}, insecure)
        .then((r) => oauth.processClientCredentialsResponse(as, app.client, r));
    expect(await oauthError(withSecret(`${app.secret}x`))).toEqual({ status: 401, error: 'invalid_client' });
    const { clientSecret } = await dev.api.oauthApps.rotateSecret({ agencyId: dev.agencyId, appId: app.id });
    expect(await oauthError(withSecret(app.secret!))).toEqual({ status: 401, error: 'invalid_client' });
    expect((await withSecret(clientSecret)).access_token).toMatch(/^doa_/);
  });
});

describe('the authorization endpoint', () => {
  it('never redirects to an unregistered redirect_uri: the error stays on our page', async () => {
    const app = await registerApp('public');
    for (const redirect of ['https://evil.example/callback', `${REDIRECT}/../steal`, `${REDIRECT}?x=1`, `${REDIRECT}/`]) {
      const { url } = await authorizationUrl(app, { redirect_uri: redirect });
      const res = await get(url);
      const location = new URL(res.headers.get('location')!);
      expect(location.origin).toBe(server.url);
      expect(location.pathname).toBe('/oauth/consent');
      const screen = await prepareConsent(services, alice, location.searchParams);
      expect(screen).toMatchObject({ kind: 'fatal', error: 'invalid_request' });
    }
  });

  it('refuses a public client without PKCE, or with the plain method, back at the client', async () => {
    const app = await registerApp('public');
    for (const overrides of [
      { code_challenge: undefined, code_challenge_method: undefined },
      { code_challenge_method: 'plain' },
      { code_challenge_method: undefined },
    ]) {
      const { url, state } = await authorizationUrl(app, overrides);
      const location = new URL((await get(url)).headers.get('location')!);
      expect(location.origin + location.pathname).toBe(REDIRECT);
      expect(Object.fromEntries(location.searchParams)).toMatchObject({ error: 'invalid_request', state, iss: server.url });
      expect(() => oauth.validateAuthResponse(as, app.client, location, state)).toThrow(oauth.AuthorizationResponseError);
    }
  });

  it('refuses the implicit grant and scopes the app may not ask for', async () => {
    const app = await registerApp('public', ['site:read']);
    const implicit = new URL((await get((await authorizationUrl(app, { response_type: 'token' })).url)).headers.get('location')!);
    expect(implicit.searchParams.get('error')).toBe('unsupported_response_type');
    const scope = new URL((await get((await authorizationUrl(app, { scope: 'webhooks:write' })).url)).headers.get('location')!);
    expect(scope.searchParams.get('error')).toBe('invalid_scope');
  });

  it('sends access_denied, with state and iss, when the admin declines', async () => {
    const app = await registerApp('public');
    const { url, state } = await authorizationUrl(app);
    const consentUrl = new URL((await get(url)).headers.get('location')!);
    const res = await submitConsent(alice, consentUrl, { decision: 'deny' });
    const location = new URL(res.headers.get('location')!);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ error: 'access_denied', state, iss: server.url });
    expect(await s.services.db.oAuthGrant.count({ where: { appId: app.id } })).toBe(0);
  });
});

describe('the consent decision', () => {
  it('issues nothing for a forged, edited or someone else’s form', async () => {
    const app = await registerApp('public', ['site:read', 'webhooks:read']);
    const bob = await s.user('Bob');
    const { url } = await authorizationUrl(app);
    const consentUrl = new URL((await get(url)).headers.get('location')!);
    const attempts = [
      // a cross-site form: the browser says where it came from
      fetch(`${server.url}/oauth/authorize/decision`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: await sessionCookie(s.services.db, alice),
          origin: 'https://evil.example',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ ...Object.fromEntries(consentUrl.searchParams), site_id: siteA.id, decision: 'allow' }),
      }),
      // no ticket, a ticket with a widened scope, and Bob's ticket in Alice's session
      submitConsent(alice, consentUrl, { siteId: siteA.id, fields: { ticket: '' } }),
      submitConsent(alice, consentUrl, { siteId: siteA.id, fields: { scope: 'site:read webhooks:read' } }),
      (async () => {
        const screen = await prepareConsent(services, bob, consentUrl.searchParams);
        if (screen.kind !== 'consent') throw new Error('no consent screen');
        return submitConsent(alice, consentUrl, { siteId: siteA.id, fields: { ticket: screen.fields.ticket! } });
      })(),
    ];
    for (const res of await Promise.all(attempts)) {
      const location = res.headers.get('location');
      if (res.status === 403) continue;
      expect(res.status).toBe(303);
      expect(new URL(location!).pathname).toBe('/oauth/consent');
    }
    expect(await s.services.db.oAuthGrant.count({ where: { appId: app.id } })).toBe(0);
  });

  it('lets only owners and admins connect a site', async () => {
    const app = await registerApp('public');
    const mallory = await s.user('Mallory');
    await s.join(alice, mallory, 'member');
    const { url } = await authorizationUrl(app);
    const consentUrl = new URL((await get(url)).headers.get('location')!);
    const screen = await prepareConsent(services, mallory, consentUrl.searchParams);
    expect(screen).toMatchObject({ kind: 'consent' });
    if (screen.kind === 'consent') expect(screen.sites.map((site) => site.id)).not.toContain(siteA.id);
    const res = await submitConsent(mallory, consentUrl, { siteId: siteA.id });
    expect(new URL(res.headers.get('location')!).searchParams.get('problem')).toBe('site');
    expect(await s.services.db.oAuthGrant.count({ where: { appId: app.id } })).toBe(0);
  });
});

describe('the authorization code', () => {
  it('is single use: a second exchange fails and revokes what the first one issued', async () => {
    const app = await registerApp('public');
    const authz = await authorize(app);
    const tokens = await exchange(app, authz);
    expect(await oauthError(exchange(app, authz))).toEqual({ status: 400, error: 'invalid_grant' });
    expect((await rest(tokens.access_token, `/sites/${siteA.id}`)).status).toBe(401);
    const refresh = oauth
      .refreshTokenGrantRequest(as, app.client, app.auth, tokens.refresh_token!, insecure)
      .then((r) => oauth.processRefreshTokenResponse(as, app.client, r));
    expect(await oauthError(refresh)).toMatchObject({ error: 'invalid_grant' });
  });

  it('expires after 60 seconds', async () => {
    const app = await registerApp('public');
    const authz = await authorize(app);
    const [code] = await s.services.db.oAuthAuthorizationCode.findMany({ where: { grant: { appId: app.id } } });
    expect(code!.expiresAt.getTime() - code!.createdAt.getTime()).toBeLessThanOrEqual(61_000);
    await s.services.db.oAuthAuthorizationCode.update({
      where: { id: code!.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await oauthError(exchange(app, authz))).toEqual({ status: 400, error: 'invalid_grant' });
  });

  it('needs the same redirect_uri and the right code_verifier', async () => {
    const app = await registerApp('public');
    const authz = await authorize(app);
    // RFC 6749 §5.2: a redirect_uri that differs from the authorization request's is an invalid grant
    expect(await oauthError(exchange(app, authz, 'https://app.example/other'))).toEqual({ status: 400, error: 'invalid_grant' });
    const again = await authorize(app);
    const wrongVerifier = { ...again, verifier: oauth.generateRandomCodeVerifier() };
    expect(await oauthError(exchange(app, wrongVerifier))).toEqual({ status: 400, error: 'invalid_grant' });
    // the failed attempt spent the code: the right verifier is too late now
    expect(await oauthError(exchange(app, again))).toEqual({ status: 400, error: 'invalid_grant' });
  });

  it('belongs to the client it was issued to; a confidential one must authenticate', async () => {
    const app = await registerApp('confidential');
    const other = await registerApp('confidential');
    const authz = await authorize(app);
    const stolen = oauth.validateAuthResponse(as, app.client, authz.location, authz.state);
    const asOther = oauth
      .authorizationCodeGrantRequest(as, other.client, other.auth, stolen, REDIRECT, authz.verifier, insecure)
      .then((r) => oauth.processAuthorizationCodeResponse(as, other.client, r));
    expect(await oauthError(asOther)).toEqual({ status: 400, error: 'invalid_grant' });
    const again = await authorize(app);
    const params = oauth.validateAuthResponse(as, app.client, again.location, again.state);
    const unauthenticated = oauth
      .authorizationCodeGrantRequest(as, app.client, oauth.None(), params, REDIRECT, again.verifier, insecure)
      .then((r) => oauth.processAuthorizationCodeResponse(as, app.client, r));
    expect(await oauthError(unauthenticated)).toEqual({ status: 400, error: 'invalid_client' });
  });
});

describe('access tokens on the REST API', () => {
  it('reach only their own site (404) and only their scopes (403)', async () => {
    const app = await registerApp('public');
    const tokens = await exchange(app, await authorize(app, siteA.id, { scope: 'site:read' }));
    expect((await rest(tokens.access_token, `/sites/${siteB.id}`)).status).toBe(404);
    expect(await rest(tokens.access_token, `/sites/${siteA.id}/webhooks`)).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: 'This token lacks the "webhooks:read" scope' } },
    });
  });

  it('lose a scope the app no longer allows', async () => {
    const app = await registerApp('public', ['site:read', 'webhooks:read']);
    const tokens = await exchange(app, await authorize(app, siteA.id, { scope: 'site:read webhooks:read' }));
    expect((await rest(tokens.access_token, `/sites/${siteA.id}/webhooks`)).status).toBe(200);
    await dev.api.oauthApps.update({ agencyId: dev.agencyId, appId: app.id, scopes: ['site:read'] });
    expect((await rest(tokens.access_token, `/sites/${siteA.id}/webhooks`)).status).toBe(403);
  });

  it('answer 401 once revoked (RFC 7009), and revoking the refresh token ends its family', async () => {
    const app = await registerApp('confidential');
    const first = await exchange(app, await authorize(app));
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, app.client, app.auth, first.access_token, insecure));
    expect((await rest(first.access_token, `/sites/${siteA.id}`)).status).toBe(401);

    const second = await exchange(app, await authorize(app));
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, app.client, app.auth, second.refresh_token!, insecure),
    );
    expect((await rest(second.access_token, `/sites/${siteA.id}`)).status).toBe(401);

    // another client's token, or none we know: 200 and nothing happens (RFC 7009 §2.2)
    const third = await exchange(app, await authorize(app));
    const other = await registerApp('confidential');
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, other.client, other.auth, third.access_token, insecure),
    );
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, other.client, other.auth, 'doa_unknown', insecure));
    expect((await rest(third.access_token, `/sites/${siteA.id}`)).status).toBe(200);
    const badSecret = oauth.revocationRequest(as, app.client, oauth.ClientSecretBasic('dcs_wrong'), third.access_token, insecure);
    expect(await oauthError(badSecret.then((r) => oauth.processRevocationResponse(r)))).toEqual({
      status: 401,
      error: 'invalid_client',
    });
  });

  it('answer 401 once the site revokes the app in the dashboard, or the app is deleted', async () => {
    const app = await registerApp('public');
    const tokens = await exchange(app, await authorize(app));
    const [grant] = await alice.api.oauthGrants
      .list({ agencyId: alice.agencyId, siteId: siteA.id })
      .then((g) => g.filter((x) => x.app.clientId === app.client.client_id));
    expect(grant).toMatchObject({ kind: 'authorization_code', site: { id: siteA.id }, grantedBy: { name: 'Alice' } });
    expect(grant!.lastUsedAt).toBeInstanceOf(Date);
    await alice.api.oauthGrants.revoke({ agencyId: alice.agencyId, grantId: grant!.id });
    expect((await rest(tokens.access_token, `/sites/${siteA.id}`)).status).toBe(401);
    const refresh = oauth
      .refreshTokenGrantRequest(as, app.client, app.auth, tokens.refresh_token!, insecure)
      .then((r) => oauth.processRefreshTokenResponse(as, app.client, r));
    expect(await oauthError(refresh)).toMatchObject({ error: 'invalid_grant' });

    const again = await exchange(app, await authorize(app));
    await dev.api.oauthApps.delete({ agencyId: dev.agencyId, appId: app.id });
    expect((await rest(again.access_token, `/sites/${siteA.id}`)).status).toBe(401);
  });
});

describe('the token endpoint', () => {
  it('refuses the password grant, repeated parameters and JSON bodies', async () => {
    const app = await registerApp('confidential');
    const post = (body: string, type = 'application/x-www-form-urlencoded') =>
      fetch(as.token_endpoint!, {
        method: 'POST',
        headers: { 'content-type': type, authorization: `Basic ${btoa(`${app.client.client_id}:${app.secret}`)}` },
        body,
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(await post('grant_type=password&username=a&password=b')).toMatchObject({
      status: 400,
      body: { error: 'unauthorized_client' },
    });
    expect(await post('grant_type=client_credentials&scope=site:read&scope=webhooks:read')).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    expect(await post('{"grant_type":"client_credentials"}', 'application/json')).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
  });
});

describe('malformed requests', () => {
  it('are the caller’s mistake, never a 500', async () => {
    const form = (body: Record<string, string>) => ({
      method: 'POST',
      redirect: 'manual' as const,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
    });
    const nul = 'dci_\u0000x';
    const statuses = await Promise.all([
      get(`${server.url}/oauth/authorize?client_id=${encodeURIComponent(nul)}&redirect_uri=${encodeURIComponent(REDIRECT)}`),
      get(`${server.url}/oauth/authorize?client_id=${'x'.repeat(5000)}`),
      get(`${server.url}/oauth/apps/%00/logo`),
      fetch(`${server.url}/oauth/revoke`, form({ client_id: nul, token: 'doa_x' })),
      fetch(`${server.url}/oauth/token`, form({ grant_type: 'client_credentials', client_id: nul, client_secret: 'dcs_x' })),
      fetch(
        `${server.url}/oauth/token`,
        form({ grant_type: 'authorization_code', client_id: 'dci_x', code: 'a\u0000', code_verifier: 'v' }),
      ),
      fetch(`${server.url}/oauth/token`, { method: 'GET' }),
      fetch(`${server.url}/oauth/token`, { ...form({}), body: 'x'.repeat(20_000) }),
      fetch(`${server.url}/oauth/authorize/decision`, form({ client_id: nul, decision: 'allow', site_id: '\u0000' })),
    ]).then((responses) => responses.map((r) => r.status));
    expect(statuses).toEqual([302, 302, 404, 400, 400, 400, 405, 413, 303]);
  });
});

describe('interoperability (RFC 6750, RFC 6749 §5.1)', () => {
  it('answers token_type "Bearer" from every grant', async () => {
    const app = await registerApp('confidential');
    const authz = await authorize(app);
    const params = oauth.validateAuthResponse(as, app.client, authz.location, authz.state);
    const raw = await oauth.authorizationCodeGrantRequest(as, app.client, app.auth, params, REDIRECT, authz.verifier, insecure);
    const issued = (await raw.json()) as { token_type: string; refresh_token: string };
    const refreshed = await oauth.refreshTokenGrantRequest(as, app.client, app.auth, issued.refresh_token, insecure);
    const devSite = await s.site(dev);
    await dev.api.oauthApps.setCredentialsSite({ agencyId: dev.agencyId, appId: app.id, siteId: devSite.id });
    const credentials = await oauth.clientCredentialsGrantRequest(as, app.client, app.auth, { scope: 'site:read' }, insecure);
    const types = [issued.token_type, ((await refreshed.json()) as { token_type: string }).token_type];
    types.push(((await credentials.json()) as { token_type: string }).token_type);
    expect(types).toEqual(['Bearer', 'Bearer', 'Bearer']);
  });

  it('takes the Bearer scheme in any case, and challenges a 401 with WWW-Authenticate', async () => {
    const app = await registerApp('public');
    const { access_token } = await exchange(app, await authorize(app));
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const res = await fetch(`${server.url}/api/v1/sites/${siteA.id}`, {
        headers: { authorization: `${scheme} ${access_token}` },
      });
      expect([scheme, res.status]).toEqual([scheme, 200]);
    }
    const missing = await fetch(`${server.url}/api/v1/sites/${siteA.id}`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="dramac"');
    const invalid = await fetch(`${server.url}/api/v1/sites/${siteA.id}`, {
      headers: { authorization: 'Bearer doa_not-a-real-token-000000000000' },
    });
    expect(invalid.status).toBe(401);
    expect(invalid.headers.get('www-authenticate')).toBe('Bearer realm="dramac", error="invalid_token"');
  });
});
