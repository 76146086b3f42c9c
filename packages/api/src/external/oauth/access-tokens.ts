// OAuth access tokens (`doa_…`) on the REST surface: opaque, looked up by sha256, valid until they
// expire or are revoked (their family, their grant or the app going away).
import type { Db } from '@dramac/db';
import { sha256 } from '../../lib/secrets.ts';

export const isOAuthAccessToken = (token: string) => /^doa_[A-Za-z0-9_-]{20,100}$/.test(token);

export async function authenticateOAuthToken(db: Db, token: string) {
  const row = await db.oAuthToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      kind: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      grant: {
        select: {
          id: true,
          siteId: true,
          lastUsedAt: true,
          site: { select: { agencyId: true } },
          app: { select: { clientId: true, scopes: true } },
        },
      },
    },
  });
  if (row?.kind !== 'access' || row.revokedAt || row.expiresAt <= new Date()) return null;
  const { grant } = row;
  // last use is informational; one write a minute per grant is plenty
  if (!grant.lastUsedAt || Date.now() - grant.lastUsedAt.getTime() > 60_000) {
    await db.oAuthGrant.updateMany({ where: { id: grant.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    id: row.id,
    siteId: grant.siteId,
    agencyId: grant.site.agencyId,
    // an app that narrowed its allowed scopes narrowed its tokens too
    scopes: row.scopes.filter((scope) => grant.app.scopes.includes(scope)),
    clientId: grant.app.clientId,
  };
}
