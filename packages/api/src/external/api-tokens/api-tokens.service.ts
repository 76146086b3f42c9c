// API tokens for the REST surface: `dra_<random>`, shown once, stored as sha256, bound to one
// site and a set of scopes. The external-API issue adds OAuth access tokens beside them; the
// checks in trpc.ts (tokenProcedure) stay the one place a REST caller is authorised.
import type { Db } from '@dramac/db';
import { newToken, sha256 } from '../../lib/secrets.ts';

export const scopes = ['site:read', 'webhooks:read', 'webhooks:write'] as const;
export type Scope = (typeof scopes)[number];
export const scopeDescriptions: Record<Scope, string> = {
  'site:read': "Read the site's details",
  'webhooks:read': 'List webhook endpoints and their delivery log',
  'webhooks:write': 'Create, change and delete webhook endpoints, rotate secrets, redeliver',
};

export async function createApiToken(
  db: Db,
  opts: { agencyId: string; siteId: string; name: string; scopes: Scope[]; expiresInDays: number | null; createdById: string },
) {
  const token = newToken('dra');
  const row = await db.apiToken.create({
    data: {
      agencyId: opts.agencyId,
      siteId: opts.siteId,
      name: opts.name,
      scopes: opts.scopes,
      prefix: token.slice(0, 10),
      tokenHash: sha256(token),
      createdById: opts.createdById,
      expiresAt: opts.expiresInDays ? new Date(Date.now() + opts.expiresInDays * 86_400_000) : null,
    },
  });
  return { token, id: row.id };
}

/** The token behind an `Authorization: Bearer …` header, if it is valid now. */
export async function authenticateApiToken(db: Db, authorization: string | null) {
  const match = authorization?.match(/^Bearer\s+(dra_[A-Za-z0-9_-]{20,100})$/);
  if (!match?.[1]) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: sha256(match[1]) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date())) return null;
  // last use is informational; one write a minute per token is plenty
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.id, siteId: row.siteId, agencyId: row.agencyId, scopes: row.scopes as Scope[] };
}
