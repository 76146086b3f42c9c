// API tokens for the REST surface: `dra_<random>`, shown once, stored as sha256, bound to one
// site and a set of scopes (external/scopes.ts). OAuth access tokens sit beside them;
// tokenProcedure in trpc.ts stays the one place a REST caller is authorised.
import type { Db } from '@dramac/db';
import { rowCache } from '../../lib/row-cache.ts';
import { newToken, sha256 } from '../../lib/secrets.ts';
import type { Scope } from '../scopes.ts';

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

export const isApiToken = (token: string) => /^dra_[A-Za-z0-9_-]{20,100}$/.test(token);

interface ValidToken {
  id: string;
  siteId: string;
  agencyId: string;
  scopes: Scope[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/** a short TTL only bounds a lost change notice: revoking a token empties every process's cache */
const tokenCache = (db: Db) => rowCache<ValidToken>(db, 'api-tokens', ['external.api_tokens'], 60_000);

/** The API token's site and scopes, if it is valid now. */
export async function authenticateApiToken(db: Db, token: string) {
  const hash = sha256(token);
  const cache = tokenCache(db);
  const row = await cache.get(hash, async () => {
    const found = await db.apiToken.findUnique({ where: { tokenHash: hash } });
    return found && !found.revokedAt ? { ...found, scopes: found.scopes as Scope[] } : null;
  });
  if (!row || (row.expiresAt && row.expiresAt < new Date())) return null;
  // last use is informational; one write a minute per token is plenty
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    const lastUsedAt = new Date();
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt } });
    cache.update(hash, { ...row, lastUsedAt });
  }
  return { id: row.id, siteId: row.siteId, agencyId: row.agencyId, scopes: row.scopes };
}
