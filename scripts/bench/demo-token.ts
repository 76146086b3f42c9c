// The benchmarks' subject: the seeded demo user, their first site, and a site:read API token.
import { createApiToken } from '@dramac/api';
import type { Db } from '@dramac/db';

export async function demoSiteWithToken(db: Db) {
  const user = await db.user.findUniqueOrThrow({ where: { email: 'demo@dramac.dev' }, include: { memberships: true } });
  const site = await db.site.findFirstOrThrow({ where: { agencyId: user.memberships[0]?.agencyId } });
  const { token } = await createApiToken(db, {
    agencyId: site.agencyId,
    siteId: site.id,
    name: 'bench',
    scopes: ['site:read'],
    expiresInDays: 1,
    createdById: user.id,
  });
  return { user, site, token };
}
