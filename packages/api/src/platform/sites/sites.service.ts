import type { Db } from '@dramac/db';
import type { z } from 'zod';
import { conflict, isUniqueViolation } from '../../errors.ts';
import type { createSiteInput, updateSiteInput } from './sites.schemas.ts';

const slugTaken = () => conflict('Another site of this agency already uses this slug');

export async function createSite(db: Db, agencyId: string, input: z.infer<typeof createSiteInput>) {
  try {
    return await db.site.create({ data: { ...input, agencyId } });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}

export async function updateSite(db: Db, siteId: string, input: z.infer<typeof updateSiteInput>) {
  try {
    return await db.site.update({ where: { id: siteId }, data: input });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}
