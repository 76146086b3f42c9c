// Health and readiness for load balancers and the supervisor. /healthz: this process answers.
// /readyz: it can serve, meaning PostgreSQL answers and the job queue's schema is there; a
// process that is draining for shutdown is not ready either. A probe also runs every few seconds
// so the process knows when the database is down (outage answers) and when it is back.
import { noteDatabaseUnreachable, reportDatabaseReachable } from '@dramac/api/runtime';
import pg from 'pg';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  queue: 'ok' | 'unavailable';
}

export interface Health {
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
}

export function createHealth(databaseUrl: string, opts: { probeIntervalMs?: number } = {}): Health {
  // its own single connection: a saturated application pool must not make the process look dead
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 2000, idleTimeoutMillis: 30_000 });
  pool.on('error', () => {}); // a connection dropped by a dying server: the next probe says it

  async function readiness(): Promise<Readiness> {
    let database: Readiness['database'] = 'ok';
    let queue: Readiness['queue'] = 'ok';
    try {
      await pool.query('select 1');
      reportDatabaseReachable();
      try {
        await pool.query('select 1 from pgboss.queue limit 1');
      } catch {
        queue = 'unavailable';
      }
    } catch {
      database = 'unreachable';
      queue = 'unavailable';
      noteDatabaseUnreachable('readiness probe');
    }
    return { ready: database === 'ok' && queue === 'ok', database, queue };
  }

  const interval = opts.probeIntervalMs ?? 2000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const probe = async () => {
    await readiness();
    if (!stopped) timer = setTimeout(probe, interval).unref();
  };
  timer = setTimeout(probe, interval).unref();

  return {
    readiness,
    async close() {
      stopped = true;
      clearTimeout(timer);
      await pool.end();
    },
  };
}
