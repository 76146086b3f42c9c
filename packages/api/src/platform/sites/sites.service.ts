import type { Db, Tx } from '@dramac/db';
import type { PgBoss } from '@dramac/jobs';
import type { z } from 'zod';
import { conflict, isUniqueViolation, notFound } from '../../errors.ts';
import { emitEvent } from '../../webhooks/emit.ts';
import type { createSiteInput, updateSiteInput } from './sites.schemas.ts';

interface Deps {
  db: Db;
  boss: PgBoss;
}

const slugTaken = () => conflict('Another site of this agency already uses this slug');
const eventSite = (s: { id: string; name: string; slug: string; timeZone: string; currency: string; locale: string }) => ({
  id: s.id,
  name: s.name,
  slug: s.slug,
  timeZone: s.timeZone,
  currency: s.currency,
  locale: s.locale,
});

async function uniqueSlug<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}

async function emitSite(
  tx: Tx,
  boss: PgBoss,
  type: 'site.created' | 'site.updated' | 'site.deleted',
  site: Parameters<typeof eventSite>[0] & { agencyId: string },
) {
  await emitEvent(tx, boss, { type, agencyId: site.agencyId, siteId: site.id, data: { site: eventSite(site) } });
}

export function createSite({ db, boss }: Deps, agencyId: string, input: z.infer<typeof createSiteInput>) {
  return uniqueSlug(() =>
    db.$transaction(async (tx) => {
      const site = await tx.site.create({ data: { ...input, agencyId } });
      await emitSite(tx, boss, 'site.created', site);
      return site;
    }),
  );
}

export function updateSite({ db, boss }: Deps, siteId: string, input: z.infer<typeof updateSiteInput>) {
  return uniqueSlug(() =>
    db.$transaction(async (tx) => {
      const site = await tx.site.update({ where: { id: siteId }, data: input });
      await emitSite(tx, boss, 'site.updated', site);
      return site;
    }),
  );
}

export function deleteSite({ db, boss }: Deps, siteId: string) {
  return db.$transaction(async (tx) => {
    const site = await tx.site.findUnique({ where: { id: siteId } });
    // deleteMany: of two deletes sent at once, the second finds nothing (404), not a Prisma error (500)
    const { count } = await tx.site.deleteMany({ where: { id: siteId } });
    if (!site || count === 0) throw notFound('Site');
    // agency-wide: the site's own endpoints are deleted with it
    await emitEvent(tx, boss, { type: 'site.deleted', agencyId: site.agencyId, siteId: null, data: { site: eventSite(site) } });
    return { id: site.id };
  });
}
