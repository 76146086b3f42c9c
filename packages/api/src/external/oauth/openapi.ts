// The OAuth 2.0 side of the OpenAPI document: the security scheme with both flows and every
// scope, and on each REST operation the scope its route declares (meta.scope), which is the
// scope tokenProcedure checks.
import type { AnyTRPCRouter } from '@trpc/server';
import { describeScope, scopes } from '../scopes.ts';

export function oauth2SecurityScheme(issuer: string) {
  const scopeDescriptions = Object.fromEntries(scopes.map((s) => [s, describeScope(s).description]));
  return {
    type: 'oauth2' as const,
    description:
      'OAuth 2.0 for apps registered in the dashboard (Settings → OAuth apps). An access token (doa_…) acts on ' +
      'the one site that granted it. Authorization code requires PKCE (S256) for public clients; client ' +
      `credentials act on the site the app's agency bound them to. Metadata: ${issuer}/.well-known/oauth-authorization-server`,
    flows: {
      authorizationCode: {
        authorizationUrl: `${issuer}/oauth/authorize`,
        tokenUrl: `${issuer}/oauth/token`,
        refreshUrl: `${issuer}/oauth/token`,
        scopes: scopeDescriptions,
      },
      clientCredentials: { tokenUrl: `${issuer}/oauth/token`, scopes: scopeDescriptions },
    },
  };
}

type Operation = { security?: Record<string, string[]>[] };
type Paths = Record<string, Record<string, Operation | undefined> | undefined>;

/** Each protected operation accepts an API token, or an OAuth token holding the route's scope. */
export function requireRouteScopes<D extends { paths?: object }>(document: D, router: AnyTRPCRouter): D {
  const procedures = router._def.procedures as Record<
    string,
    { _def: { meta?: { scope?: string; openapi?: { method: string; path: string } } } }
  >;
  for (const { _def } of Object.values(procedures)) {
    const route = _def.meta?.openapi;
    if (!route) continue;
    const operation = (document.paths as Paths | undefined)?.[route.path]?.[route.method.toLowerCase()];
    if (!operation?.security) continue;
    operation.security = [{ bearerAuth: [] }, { oauth2: _def.meta?.scope ? [_def.meta.scope] : [] }];
  }
  return document;
}
