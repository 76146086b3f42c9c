// The checks on an authorization request, shared by GET /oauth/authorize, the consent page and the
// consent decision, so all three agree on what is acceptable. Until the client and its exact
// redirect URI are known, an error is shown on our own page and never redirected (no open
// redirect, RFC 9700 §4.11.1); after that, errors go back to the client in the RFC 6749 §4.1.2.1
// shape, with `state` and `iss` (RFC 9207).
import type { Db } from '@dramac/db';
import { isScope, scopes as registry, type Scope } from '../scopes.ts';
import { lookupClient, type OAuthClient } from './model.ts';

export const authorizationParamNames = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;
export type AuthorizationParams = Partial<Record<(typeof authorizationParamNames)[number], string>>;

export type CheckedRequest =
  | { kind: 'fatal'; error: string; description: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'ok'; client: OAuthClient; params: AuthorizationParams; scopes: Scope[] };

/** The known parameters of a query string or form; a repeated one is an error (RFC 6749 §3.1). */
export function readAuthorizationParams(source: URLSearchParams): { params: AuthorizationParams; repeated: string | null } {
  const params: AuthorizationParams = {};
  let repeated: string | null = null;
  for (const name of authorizationParamNames) {
    const values = source.getAll(name);
    if (values.length > 1) repeated ??= name;
    if (values[0] !== undefined && values[0] !== '') params[name] = values[0];
  }
  return { params, repeated };
}

/** The query string that carries these parameters (to the consent page and back). */
export function authorizationQuery(params: AuthorizationParams): string {
  const query = new URLSearchParams();
  for (const name of authorizationParamNames) if (params[name] !== undefined) query.set(name, params[name]);
  return query.toString();
}

/** `redirectUri` with an authorization response's parameters added, its own query kept. */
export function clientRedirect(redirectUri: string, issuer: string, values: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(values)) if (value !== undefined) url.searchParams.set(name, value);
  url.searchParams.set('iss', issuer);
  return url.toString();
}

const pkceValue = /^[A-Za-z0-9._~-]{43,128}$/;
const printable = /^[\x20-\x7e]*$/;

export async function checkAuthorizationRequest(db: Db, issuer: string, source: URLSearchParams): Promise<CheckedRequest> {
  const { params, repeated } = readAuthorizationParams(source);
  const fatal = (description: string, error = 'invalid_request') => ({ kind: 'fatal' as const, error, description });
  if (repeated) return fatal(`The parameter "${repeated}" appears more than once.`);
  if (!params.client_id) return fatal('The request does not name an app (client_id is missing).');
  const client = await lookupClient(db, params.client_id);
  if (!client) return fatal('No app is registered with this client_id.', 'invalid_client');
  if (!params.redirect_uri) return fatal('The request does not say where to return to (redirect_uri is missing).');
  if (!client.redirectUris.includes(params.redirect_uri)) {
    return fatal('The redirect_uri is not one this app registered, so we will not send you there.');
  }

  const redirectUri = params.redirect_uri;
  const back = (error: string, description: string) => ({
    kind: 'redirect' as const,
    location: clientRedirect(redirectUri, issuer, { error, error_description: description, state: params.state }),
  });
  if (params.state !== undefined && (params.state.length > 1000 || !printable.test(params.state))) {
    return back('invalid_request', 'state must be printable ASCII of at most 1000 characters');
  }
  if (params.response_type !== 'code') {
    return back('unsupported_response_type', 'Only response_type=code is supported');
  }
  if (params.code_challenge === undefined) {
    if (params.code_challenge_method !== undefined) return back('invalid_request', 'code_challenge is missing');
    if (client.clientType === 'public') {
      return back('invalid_request', 'Public clients must use PKCE: send code_challenge with code_challenge_method=S256');
    }
  } else {
    if (params.code_challenge_method !== 'S256') {
      return back('invalid_request', 'Only code_challenge_method=S256 is supported (plain is refused)');
    }
    if (!pkceValue.test(params.code_challenge)) {
      return back('invalid_request', 'code_challenge must be 43 to 128 unreserved characters');
    }
  }
  const requested = params.scope?.split(/\s+/).filter(Boolean) ?? [];
  const unknown = requested.filter((s) => !isScope(s) || !client.scopes.includes(s));
  if (unknown.length > 0) return back('invalid_scope', `This app may not ask for: ${unknown.join(' ')}`);
  const wanted = requested.length > 0 ? requested : client.scopes;
  return { kind: 'ok', client, params, scopes: registry.filter((s) => wanted.includes(s)) };
}
