// The long-lived parts of a web process, created once and shared by every request.
import { createDb } from '@dramac/db';
import { createBoss } from '@dramac/jobs';
import pg from 'pg';
import type { Services } from '../context.ts';
import { rateLimitsEnabled, requestLogEnabled } from '../external/traffic/config.ts';
import { RequestLogWriter } from '../external/traffic/request-log.ts';
import { createLimits } from '../lib/rate-limit.ts';
import { watchRowChanges } from '../lib/row-cache.ts';
import { reportError } from '../runtime/outage.ts';
import { onShutdown } from '../runtime/shutdown.ts';

export async function createServices(url: string, appUrl: string): Promise<Services & { close: () => Promise<void> }> {
  const db = createDb(url);
  const rowChanges = await watchRowChanges(db, url);
  const boss = createBoss(url);
  boss.on('error', (err) => reportError('pg-boss', err));
  try {
    await boss.start();
  } catch (err) {
    await boss.stop({ graceful: false }).catch(() => {});
    await rowChanges.close();
    await db.$disconnect();
    throw err;
  }
  const limits = await createLimits(url, { api: rateLimitsEnabled() });
  const requestLog = requestLogEnabled() ? new RequestLogWriter(url) : null;
  const modulePool = createModulePool(url);
  const services = {
    db,
    boss,
    limits,
    appUrl,
    databaseUrl: url,
    modulePool,
    requestLog,
    async close() {
      await requestLog?.close();
      await boss.stop({ graceful: false });
      await limits.close();
      await modulePool.end();
      await rowChanges.close();
      await db.$disconnect();
    },
  };
  // the web server runs this once it has drained (apps/web/server): the request log's buffer is written
  const unregister = onShutdown(() => services.close());
  const close = services.close;
  services.close = async () => {
    unregister();
    await close();
  };
  return services;
}

/**
 * The gateway's connections. Timestamps are read in UTC, so rows show one offset; a statement
 * that runs past the timeout (a filter no index serves, on a huge table) is cancelled.
 */
function createModulePool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: '-c TimeZone=UTC -c statement_timeout=5000',
  });
  pool.on('error', (err) => reportError('module-pool', err));
  return pool;
}
