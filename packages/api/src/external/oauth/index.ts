// What the web app mounts: the OAuth endpoints as fetch handlers, and the consent screen's data.
import type { Services } from '../../context.ts';
import { handleAppLogo, handleAuthorize, handleConsentDecision, handleMetadata, handleRevoke, handleToken } from './endpoints.ts';

export { type ConsentScreen, prepareConsent } from './consent.ts';
export { handleAppLogo, handleAuthorize, handleConsentDecision, handleMetadata, handleRevoke, handleToken };

/**
 * Every OAuth path on one server, or null when `req` is not one of them. The Next.js app mounts
 * each handler as its own route; the test server mounts this.
 */
export function routeOAuth(req: Request, services: Services): Promise<Response> | Response | null {
  const { pathname } = new URL(req.url);
  if (pathname === '/.well-known/oauth-authorization-server') return handleMetadata(services);
  if (pathname === '/oauth/authorize') return handleAuthorize(req, services);
  if (pathname === '/oauth/authorize/decision') return handleConsentDecision(req, services);
  if (pathname === '/oauth/token') return handleToken(req, services);
  if (pathname === '/oauth/revoke') return handleRevoke(req, services);
  const logo = pathname.match(/^\/oauth\/apps\/([^/]+)\/logo$/);
  if (logo) return handleAppLogo(services, logo[1]!);
  return null;
}
