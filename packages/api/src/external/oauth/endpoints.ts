// The OAuth 2.0 endpoints as plain fetch handlers, mounted by the Next.js route handlers under
// /oauth and /.well-known, and by the test HTTP server. @node-oauth/oauth2-server runs the grants
// (see model.ts); these handlers adapt requests, add what the library leaves out (`iss`,
// revocation, metadata) and keep every answer out of caches.
import type { Db } from '@dramac/db';
import OAuth2Server from '@node-oauth/oauth2-server';
import type { Services } from '../../context.ts';
import { limitBody } from '../../http/body-limit.ts';
import { sessionUser } from '../../http/session.ts';
import { sha256 } from '../../lib/secrets.ts';
import { scopes } from '../scopes.ts';
import {
  authorizationQuery,
  checkAuthorizationRequest,
  clientRedirect,
  readAuthorizationParams,
} from './authorization-request.ts';
import { administeredSites, verifyConsentTicket } from './consent.ts';
import { authenticateClient, clientIdShape, lookupClient, oauthModel, type Principal, revokeFamily } from './model.ts';

const CODE_SECONDS = 60;
const ACCESS_TOKEN_SECONDS = 3600;
const REFRESH_TOKEN_SECONDS = 30 * 86_400;
const MAX_FORM_BYTES = 16_384;

const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** The issuer identifier (RFC 8414 §2): the dashboard's public base URL. */
const issuerOf = (services: Services) => services.appUrl.replace(/\/+$/, '');

const servers = new WeakMap<Db, { token: OAuth2Server; authorize: OAuth2Server }>();
function serversFor(db: Db) {
  let pair = servers.get(db);
  if (!pair) {
    const model = oauthModel(db);
    const options = {
      accessTokenLifetime: ACCESS_TOKEN_SECONDS,
      refreshTokenLifetime: REFRESH_TOKEN_SECONDS,
      authorizationCodeLifetime: CODE_SECONDS,
      allowEmptyState: true, // PKCE protects the flow; state stays the client's choice
      alwaysIssueNewRefreshToken: true, // refresh token rotation
      // public clients authenticate by client_id alone; the model still demands a
      // confidential client's secret, whatever the grant
      requireClientAuthentication: { authorization_code: false, refresh_token: false },
    };
    // bearer tokens are checked by tokenProcedure, not by the library's authenticate()
    const asModel = (m: object) => m as OAuth2Server.ServerOptions['model'];
    pair = {
      token: new OAuth2Server({ ...options, model: asModel(model) }),
      // the authorization endpoint identifies the client without authenticating it
      authorize: new OAuth2Server({ ...options, model: asModel({ ...model, getClient: (id: string) => lookupClient(db, id) }) }),
    };
    servers.set(db, pair);
  }
  return pair;
}

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}) {
  return Response.json({ error, error_description: description }, { status, headers: { ...noStore, ...headers } });
}

const redirect = (location: string, status = 303) => new Response(null, { status, headers: { location, ...noStore } });

/** A form body (application/x-www-form-urlencoded), or the error response to send instead. */
async function readForm(req: Request): Promise<{ form: URLSearchParams } | { response: Response }> {
  if (req.method !== 'POST') {
    return { response: oauthError(405, 'invalid_request', 'Use POST', { allow: 'POST' }) };
  }
  const limited = await limitBody(req, { maxBytes: MAX_FORM_BYTES });
  if ('response' in limited) return limited;
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(req.headers.get('content-type') ?? '')) {
    return { response: oauthError(400, 'invalid_request', 'Send the parameters as application/x-www-form-urlencoded') };
  }
  return { form: new URLSearchParams(await limited.req.text()) };
}

/** RFC 6749 §3.2: "Request and response parameters MUST NOT be included more than once." */
function repeatedParam(form: URLSearchParams): string | null {
  const names = [...form.keys()];
  return names.find((name, i) => names.indexOf(name) !== i) ?? null;
}

/** GET /oauth/authorize: checks the request, then hands the browser to the consent screen. */
export async function handleAuthorize(req: Request, services: Services): Promise<Response> {
  if (req.method !== 'GET') return oauthError(405, 'invalid_request', 'Use GET', { allow: 'GET' });
  const issuer = issuerOf(services);
  const query = new URL(req.url).searchParams;
  const checked = await checkAuthorizationRequest(services.db, issuer, query);
  // an error we cannot send back to the client is shown by the consent page itself
  if (checked.kind === 'fatal') return redirect(`${issuer}/oauth/consent?${query}`, 302);
  if (checked.kind === 'redirect') return redirect(checked.location, 302);
  return redirect(`${issuer}/oauth/consent?${authorizationQuery(checked.params)}`, 302);
}

/**
 * POST /oauth/authorize/decision: the consent form. Allow issues a code through the library and
 * sends it to the client with `state` and `iss`; Deny sends access_denied.
 */
export async function handleConsentDecision(req: Request, services: Services): Promise<Response> {
  const issuer = issuerOf(services);
  // besides SameSite session cookies and the ticket: the browser's own word on where the form came from
  const origin = req.headers.get('origin');
  const fetchSite = req.headers.get('sec-fetch-site');
  if ((origin && origin !== new URL(issuer).origin) || (fetchSite && fetchSite !== 'same-origin')) {
    return oauthError(403, 'access_denied', 'The consent form must be sent from this site');
  }
  const read = await readForm(req);
  if ('response' in read) return read.response;
  const { form } = read;
  const { params } = readAuthorizationParams(form);
  const backToConsent = (problem?: 'expired' | 'site') =>
    redirect(`${issuer}/oauth/consent?${authorizationQuery(params)}${problem ? `&problem=${problem}` : ''}`);

  const user = await sessionUser(req, services.db);
  if (!user || !verifyConsentTicket(form.get('ticket'), user.id, params)) return backToConsent(user ? 'expired' : undefined);
  const checked = await checkAuthorizationRequest(services.db, issuer, form);
  if (checked.kind === 'fatal') return backToConsent();
  if (checked.kind === 'redirect') return redirect(checked.location);
  const redirectUri = checked.params.redirect_uri!;
  if (form.get('decision') !== 'allow') {
    return redirect(
      clientRedirect(redirectUri, issuer, {
        error: 'access_denied',
        error_description: 'The site admin declined the request',
        state: params.state,
      }),
    );
  }
  const siteId = form.get('site_id');
  const sites = await administeredSites(services.db, user.id);
  if (!siteId || !sites.some((s) => s.id === siteId)) return backToConsent('site');

  const principal: Principal = { userId: user.id, siteId };
  const request = new OAuth2Server.Request({ method: 'POST', headers: {}, query: {}, body: { ...checked.params } });
  const response = new OAuth2Server.Response();
  try {
    await serversFor(services.db).authorize.authorize(request, response, { authenticateHandler: { handle: () => principal } });
  } catch (err) {
    if (!(err instanceof OAuth2Server.OAuthError) || err.code >= 500) console.error('[oauth] authorize:', err);
  }
  const location = response.get('location') as string | undefined;
  if (!location) return backToConsent();
  const url = new URL(location);
  url.searchParams.set('iss', issuer);
  return redirect(url.toString());
}

/** POST /oauth/token: authorization_code (+PKCE), client_credentials and refresh_token. */
export async function handleToken(req: Request, services: Services): Promise<Response> {
  const read = await readForm(req);
  if ('response' in read) return read.response;
  const { form } = read;
  const repeated = repeatedParam(form);
  if (repeated) return oauthError(400, 'invalid_request', `The parameter "${repeated}" appears more than once`);
  const credentials = clientCredentials(req, form);
  if ('error' in credentials) return oauthError(400, 'invalid_request', credentials.error!);
  const body = form.toString();
  const headers: Record<string, string> = { 'content-length': String(Buffer.byteLength(body)) };
  req.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'authorization') headers[name] = value;
  });
  // RFC 6749 §2.3.1 form-encodes both parts of Basic credentials (oauth4webapi does, so `_`
  // arrives as %5F); the library compares them raw, so it gets them decoded
  if (credentials.basic) {
    headers.authorization = `Basic ${Buffer.from(`${credentials.id}:${credentials.secret}`).toString('base64')}`;
  }
  const request = new OAuth2Server.Request({ method: 'POST', headers, query: {}, body: Object.fromEntries(form) });
  const response = new OAuth2Server.Response();
  try {
    await serversFor(services.db).token.token(request, response);
  } catch (err) {
    if (!(err instanceof OAuth2Server.OAuthError) || err.code >= 500) {
      console.error('[oauth] token:', err);
      return oauthError(500, 'server_error', 'The token could not be issued; try again');
    }
  }
  const extra: Record<string, string> = {};
  // RFC 6749 §5.2: a redirect_uri other than the authorization request's is an invalid grant; the
  // library calls it invalid_request
  const answer = response.body as { error?: string; error_description?: string };
  if (answer.error === 'invalid_request' && answer.error_description?.includes('`redirect_uri` is invalid')) {
    response.status = 400;
    response.body = { error: 'invalid_grant', error_description: 'The redirect_uri differs from the authorization request’s' };
  }
  const challenge = response.get('www-authenticate');
  if (typeof challenge === 'string') extra['www-authenticate'] = challenge;
  return Response.json(response.body, { status: response.status, headers: { ...noStore, ...extra } });
}

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1: each part form-urlencoded) or the body. */
function clientCredentials(req: Request, form: URLSearchParams) {
  const header = req.headers.get('authorization');
  const basic = header?.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i);
  if (header && !basic) return { error: 'Use HTTP Basic client authentication' };
  if (basic) {
    if (form.has('client_secret')) return { error: 'Authenticate the client one way only' };
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { error: 'Malformed Basic credentials' };
    try {
      const id = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
      const secret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
      return { id, secret, basic: true };
    } catch {
      return { error: 'Malformed Basic credentials' };
    }
  }
  return { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? undefined, basic: false };
}

/**
 * POST /oauth/revoke (RFC 7009). The client authenticates as at the token endpoint; a token of
 * another client, or an unknown one, is answered 200 like a revoked one (§2.2), so the endpoint
 * tells nothing about tokens the caller does not hold. Revoking a refresh token revokes its
 * whole family, access tokens included (§2.1).
 */
export async function handleRevoke(req: Request, services: Services): Promise<Response> {
  const read = await readForm(req);
  if ('response' in read) return read.response;
  const { form } = read;
  const repeated = repeatedParam(form);
  if (repeated) return oauthError(400, 'invalid_request', `The parameter "${repeated}" appears more than once`);
  const credentials = clientCredentials(req, form);
  if ('error' in credentials) return oauthError(400, 'invalid_request', credentials.error!);
  const client = credentials.id ? await authenticateClient(services.db, credentials.id, credentials.secret) : null;
  if (!client) {
    return credentials.basic
      ? oauthError(401, 'invalid_client', 'Client authentication failed', { 'www-authenticate': 'Basic realm="oauth"' })
      : oauthError(400, 'invalid_client', 'Client authentication failed');
  }
  const token = form.get('token');
  if (!token) return oauthError(400, 'invalid_request', 'Missing parameter: token');
  const row = await services.db.oAuthToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { id: true, kind: true, familyId: true, grant: { select: { appId: true } } },
  });
  if (row && row.grant.appId === client.id) {
    if (row.kind === 'refresh') await revokeFamily(services.db, row.familyId);
    else await services.db.oAuthToken.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt: new Date() } });
  }
  return new Response(null, { status: 200, headers: noStore });
}

/** RFC 8414 authorization server metadata. */
function authorizationServerMetadata(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize`,
    token_endpoint: `${issuer}/oauth/token`,
    revocation_endpoint: `${issuer}/oauth/revoke`,
    scopes_supported: [...scopes],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: true,
    service_documentation: `${issuer}/docs/api`,
  };
}

/** GET /.well-known/oauth-authorization-server */
export function handleMetadata(services: Services): Response {
  return Response.json(authorizationServerMetadata(issuerOf(services)), {
    headers: { 'cache-control': 'public, max-age=3600' },
  });
}

/** GET /oauth/apps/{clientId}/logo: the uploaded image, never interpreted as anything else. */
export async function handleAppLogo(services: Services, clientId: string): Promise<Response> {
  const app = clientIdShape.test(clientId)
    ? await services.db.oAuthApp.findUnique({ where: { clientId }, select: { logo: true, logoType: true } })
    : null;
  if (!app?.logo || !app.logoType) return new Response('Not found', { status: 404 });
  return new Response(app.logo, {
    headers: {
      'content-type': app.logoType,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'public, max-age=3600',
    },
  });
}
