// The request log's housekeeping (scheduled hourly): rows older than REQUEST_LOG_RETENTION_DAYS
// go, and with them the rate limiter's expired counters.
import { pruneRequestLog, requestLogRetentionDays } from '@dramac/api/traffic';
import type { Db } from '@dramac/db';
import { type PgBoss, polling } from '@dramac/jobs';

export async function workRequestLog(db: Db, boss: PgBoss, opts: { pollingIntervalSeconds?: number } = {}) {
  await boss.work('requestLog.prune', polling(opts.pollingIntervalSeconds ?? 5), async () => {
    const pruned = await pruneRequestLog(db, requestLogRetentionDays());
    if (pruned.requests > 0) console.log(`[worker] pruned ${pruned.requests} request log row(s)`);
    return pruned;
  });
}
