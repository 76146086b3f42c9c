// The demo agency `pnpm start` seeds once, through the same domain functions the API uses.
import { createDb, type Db } from '@dramac/db';
import { createBoss, type PgBoss } from '@dramac/jobs';
import { signUp } from './platform/auth/auth.service.ts';
import { createSite } from './platform/sites/sites.service.ts';

export const DEMO = { email: 'demo@dramac.dev', password: 'dramac-demo', name: 'Dana Demo', agencyName: 'Demo Agency' };

export async function seedDemo({
  db,
  boss,
}: {
  db: Db;
  boss: PgBoss;
}): Promise<{ created: boolean; email: string; password: string }> {
  const existing = await db.user.findUnique({ where: { email: DEMO.email } });
  if (!existing) {
    const { agencyId } = await signUp(db, DEMO);
    await createSite({ db, boss }, agencyId, {
      name: 'Bloom Florists',
      slug: 'bloom-florists',
      timeZone: 'Europe/Berlin',
      currency: 'EUR',
      locale: 'de-DE',
    });
    await createSite({ db, boss }, agencyId, {
      name: 'Harbor Dental',
      slug: 'harbor-dental',
      timeZone: 'America/New_York',
      currency: 'USD',
      locale: 'en-US',
    });
  }
  return { created: !existing, email: DEMO.email, password: DEMO.password };
}

/** Seeds the database at `url` with short-lived connections (scripts). */
export async function seedDemoAt(url: string) {
  const db = createDb(url, { max: 2 });
  const boss = createBoss(url, { max: 2 });
  boss.on('error', () => {});
  await boss.start();
  try {
    return await seedDemo({ db, boss });
  } finally {
    await boss.stop({ graceful: false });
    await db.$disconnect();
  }
}
