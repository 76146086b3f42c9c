// The consent screen's data, and the ticket that ties its form to the signed-in user and to the
// exact request shown. A decision without a valid ticket (a cross-site form, an edited
// parameter, a form left open for too long) goes back to the consent screen instead of issuing
// a code.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '@dramac/db';
import type { Services, SessionUser } from '../../context.ts';
import { authSecret } from '../../http/session.ts';
import { describeScope } from '../scopes.ts';
import {
  type AuthorizationParams,
  authorizationParamNames,
  type CheckedRequest,
  checkAuthorizationRequest,
} from './authorization-request.ts';
import { logoPath } from './logo.ts';

const TICKET_SECONDS = 600;

let cachedKey: { secret: string; key: Buffer } | undefined;
function ticketKey(): Buffer {
  const secret = authSecret();
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync('sha256', secret, 'dramac', 'oauth-consent-ticket-v1', 32)) };
  }
  return cachedKey.key;
}

function ticketMac(userId: string, expires: number, params: AuthorizationParams): string {
  const payload = JSON.stringify([userId, expires, ...authorizationParamNames.map((n) => params[n] ?? null)]);
  return createHmac('sha256', ticketKey()).update(payload).digest('base64url');
}

function consentTicket(userId: string, params: AuthorizationParams, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + TICKET_SECONDS;
  return `${expires}.${ticketMac(userId, expires, params)}`;
}

export function verifyConsentTicket(ticket: string | null, userId: string, params: AuthorizationParams): boolean {
  const [expiresText, mac] = ticket?.split('.') ?? [];
  const expires = Number(expiresText);
  if (!mac || !Number.isInteger(expires) || expires < Date.now() / 1000) return false;
  const expected = Buffer.from(ticketMac(userId, expires, params));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Sites whose agency the user owns or administers: the ones they may connect an app to. */
export function administeredSites(db: Db, userId: string) {
  return db.site.findMany({
    where: { agency: { memberships: { some: { userId, role: { in: ['owner', 'admin'] } } } } },
    select: { id: true, name: true, agency: { select: { name: true } } },
    orderBy: [{ agency: { name: 'asc' } }, { name: 'asc' }],
  });
}

export type ConsentScreen =
  | Exclude<CheckedRequest, { kind: 'ok' }>
  | {
      kind: 'consent';
      app: { name: string; logoUrl: string | null; publisher: string; clientId: string };
      scopes: { scope: string; consent: string }[];
      sites: { id: string; name: string; agencyName: string; connected: boolean }[];
      /** the form's hidden fields: the request as shown (scopes spelled out) and the ticket */
      fields: Record<string, string>;
    };

/** What the consent page shows for this query string, as this user. */
export async function prepareConsent(services: Services, user: SessionUser, query: URLSearchParams): Promise<ConsentScreen> {
  const checked = await checkAuthorizationRequest(services.db, services.appUrl, query);
  if (checked.kind !== 'ok') return checked;
  const { client, scopes } = checked;
  // the scopes are written out, so what the admin approves is what they saw even if the app
  // allows more by the time they press Allow
  const params: AuthorizationParams = { ...checked.params, scope: scopes.join(' ') };
  const [app, sites, connected] = await Promise.all([
    services.db.oAuthApp.findUniqueOrThrow({
      where: { id: client.id },
      select: { name: true, clientId: true, logoType: true, updatedAt: true, agency: { select: { name: true } } },
    }),
    administeredSites(services.db, user.id),
    services.db.oAuthGrant.findMany({
      where: { appId: client.id, kind: 'authorization_code', site: { agency: { memberships: { some: { userId: user.id } } } } },
      select: { siteId: true },
    }),
  ]);
  const fields: Record<string, string> = {};
  for (const name of authorizationParamNames) if (params[name] !== undefined) fields[name] = params[name];
  fields.ticket = consentTicket(user.id, params);
  return {
    kind: 'consent',
    app: { name: app.name, logoUrl: logoPath(app), publisher: app.agency.name, clientId: app.clientId },
    scopes: scopes.map((scope) => ({ scope, consent: describeScope(scope).consent })),
    sites: sites.map((s) => ({
      id: s.id,
      name: s.name,
      agencyName: s.agency.name,
      connected: connected.some((g) => g.siteId === s.id),
    })),
    fields,
  };
}
