// The demo agency `pnpm start` seeds once, through the same domain functions the API uses.
import type { Db } from '@dramac/db';
import { signUp } from './platform/auth/auth.service.ts';
import { createSite } from './platform/sites/sites.service.ts';

export const DEMO = { email: 'demo@dramac.dev', password: 'dramac-demo', name: 'Dana Demo', agencyName: 'Demo Agency' };

export async function seedDemo(db: Db): Promise<{ created: boolean; email: string; password: string }> {
  const existing = await db.user.findUnique({ where: { email: DEMO.email } });
  if (!existing) {
    const { agencyId } = await signUp(db, DEMO);
    await createSite(db, agencyId, { name: 'Bloom Florists', slug: 'bloom-florists', timeZone: 'Europe/Berlin', currency: 'EUR', locale: 'de-DE' });
    await createSite(db, agencyId, { name: 'Harbor Dental', slug: 'harbor-dental', timeZone: 'America/New_York', currency: 'USD', locale: 'en-US' });
  }
  return { created: !existing, email: DEMO.email, password: DEMO.password };
}
