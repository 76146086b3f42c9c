// The long-lived parts of a web process, created once and shared by every request.
import { createDb } from '@dramac/db';
import { createBoss } from '@dramac/jobs';
import type { Services } from '../context.ts';
import { createSignInLimits } from '../lib/rate-limit.ts';

export async function createServices(url: string, appUrl: string): Promise<Services & { close: () => Promise<void> }> {
  const db = createDb(url);
  const boss = createBoss(url);
  boss.on('error', (err) => console.error('[pg-boss]', err.message));
  await boss.start();
  const limits = await createSignInLimits(url);
  return {
    db,
    boss,
    limits,
    appUrl,
    databaseUrl: url,
    async close() {
      await boss.stop({ graceful: false });
      await limits.close();
      await db.$disconnect();
    },
  };
}
