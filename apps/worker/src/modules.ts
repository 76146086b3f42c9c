// Module jobs: the scheduled purge of uninstalled modules' data once their retention has ended.
import { purgeExpiredInstallations } from '@dramac/api/modules/purge';
import type { Db } from '@dramac/db';
import { type PgBoss, polling } from '@dramac/jobs';

export async function workModules(db: Db, boss: PgBoss, databaseUrl: string, opts: { pollingIntervalSeconds?: number } = {}) {
  await boss.work('modules.purge', polling(opts.pollingIntervalSeconds ?? 5), async () => {
    const purged = await purgeExpiredInstallations({ db, databaseUrl });
    if (purged > 0) console.log(`[worker] purged the data of ${purged} uninstalled module(s)`);
    return { purged };
  });
}
