// Who may reach a site: a member of the agency that owns it. One check, shared by siteProcedure
// (tRPC) and the module gateway (/api/modules), so both answer another tenant's site the same way.
import type { Db } from '@dramac/db';
import { notFound } from '../errors.ts';

/** The caller's membership that reaches `siteId`, and the site; NOT_FOUND when there is none. */
export async function siteMembership(db: Db, userId: string, siteId: string) {
  // two independent single-statement reads, in parallel: the membership that reaches the site
  // (an EXISTS on the site) and the site itself
  const [membership, site] = await Promise.all([
    db.membership.findFirst({ where: { userId, agency: { sites: { some: { id: siteId } } } } }),
    db.site.findUnique({ where: { id: siteId } }),
  ]);
  if (!site || !membership || membership.agencyId !== site.agencyId) throw notFound('Site');
  return { membership, site };
}
