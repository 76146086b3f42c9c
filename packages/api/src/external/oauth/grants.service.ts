// Connected apps: the grants on an agency's sites, whoever published the app. Revoking deletes
// the grant, and with it every code and token issued under it.
import type { Db } from '@dramac/db';
import { notFound } from '../../errors.ts';
import { intersectScopes } from '../scopes.ts';
import { logoPath } from './logo.ts';

export async function listGrants(db: Db, agencyId: string, siteId?: string) {
  if (siteId && !(await db.site.findFirst({ where: { id: siteId, agencyId }, select: { id: true } }))) {
    throw notFound('Site');
  }
  const grants = await db.oAuthGrant.findMany({
    where: { site: { agencyId }, ...(siteId && { siteId }) },
    select: {
      id: true,
      kind: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      site: { select: { id: true, name: true } },
      grantedBy: { select: { name: true, email: true } },
      app: {
        select: {
          clientId: true,
          name: true,
          scopes: true,
          logoType: true,
          updatedAt: true,
          agencyId: true,
          agency: { select: { name: true } },
        },
      },
    },
    orderBy: { createdAt: 'desc' },
  });
  return grants.map(({ app, scopes, ...grant }) => ({
    ...grant,
    // what tokens can do today: an app that narrowed its scopes narrowed its grants too
    scopes: intersectScopes(scopes, app.scopes),
    app: {
      clientId: app.clientId,
      name: app.name,
      logoUrl: logoPath(app),
      publisher: app.agency.name,
      ownApp: app.agencyId === agencyId,
    },
  }));
}

export async function revokeGrant(db: Db, agencyId: string, grantId: string) {
  const { count } = await db.oAuthGrant.deleteMany({ where: { id: grantId, site: { agencyId } } });
  if (count === 0) throw notFound('Grant');
  return { id: grantId };
}
