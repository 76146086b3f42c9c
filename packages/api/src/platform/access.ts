// Who may reach a site: a member of the agency that owns it. One check, shared by siteProcedure
// (tRPC) and the module gateway (/api/modules), so both answer another tenant's site the same way.
// It runs on nearly every call, so it is one indexed join, and its answer is cached per user and
// site in the process until a membership or a site changes (lib/row-cache.ts).
import type { Db, Membership, Role, Site } from '@dramac/db';
import { notFound } from '../errors.ts';
import { rowCache } from '../lib/row-cache.ts';

export interface SiteAccess {
  membership: Membership;
  site: Site;
}

/** a short TTL only bounds a lost change notice; the notices keep the cache exact */
const TTL_MS = 60_000;

const accessCache = (db: Db) => rowCache<SiteAccess>(db, 'site-access', ['platform.memberships', 'platform.sites'], TTL_MS);

type Row = Site & { membershipId: string; role: Role; membershipCreatedAt: Date };

async function loadAccess(db: Db, userId: string, siteId: string): Promise<SiteAccess | null> {
  const rows = await db.$queryRaw<Row[]>`
    select s.*, m.id as "membershipId", m.role, m."createdAt" as "membershipCreatedAt"
      from platform.sites s
      join platform.memberships m on m."agencyId" = s."agencyId" and m."userId" = ${userId}
     where s.id = ${siteId}`;
  const row = rows[0];
  if (!row) return null;
  const { membershipId, role, membershipCreatedAt, ...site } = row;
  return {
    membership: { id: membershipId, agencyId: site.agencyId, userId, role, createdAt: membershipCreatedAt },
    site,
  };
}

/** The caller's membership that reaches `siteId`, and the site; NOT_FOUND when there is none. */
export async function siteMembership(db: Db, userId: string, siteId: string): Promise<SiteAccess> {
  const access = await accessCache(db).get(`${userId}\n${siteId}`, () => loadAccess(db, userId, siteId));
  if (!access) throw notFound('Site');
  return access;
}
