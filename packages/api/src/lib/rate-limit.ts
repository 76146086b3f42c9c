// Rate limits live in PostgreSQL (rate-limiter-flexible's Postgres store) so every web process
// shares them. The table is declared in prisma/schema/platform.prisma (tableCreated: true).
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

export interface Limiter {
  /** Counts one attempt; returns the seconds to wait when the key is over its limit. */
  hit(key: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
  reset(key: string): Promise<void>;
}

async function postgresLimiter(pool: pg.Pool, keyPrefix: string, points: number, duration: number) {
  return new Promise<RateLimiterPostgres>((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      {
        storeClient: pool,
        storeType: 'pool',
        schemaName: 'platform',
        tableName: 'rate_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix,
        points,
        duration,
      },
      // with tableCreated the callback fires inside the constructor: resolve on the next tick
      (err?: Error) => (err ? reject(err) : queueMicrotask(() => resolve(limiter))),
    );
  });
}

function wrap(limiter: RateLimiterPostgres): Limiter {
  return {
    async hit(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (res) {
        if (res instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
        }
        throw res;
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

export interface SignInLimits {
  byEmail: Limiter;
  byIp: Limiter;
}

/** Sign-in attempts: per email (credential stuffing on one account) and per IP (spraying). */
export async function createSignInLimits(url: string): Promise<SignInLimits & { close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const window = Number(process.env.SIGNIN_WINDOW_SECONDS ?? 15 * 60);
  const [byEmail, byIp] = await Promise.all([
    postgresLimiter(pool, 'signin:email', Number(process.env.SIGNIN_MAX_PER_EMAIL ?? 10), window),
    postgresLimiter(pool, 'signin:ip', Number(process.env.SIGNIN_MAX_PER_IP ?? 50), window),
  ]);
  return { byEmail: wrap(byEmail), byIp: wrap(byIp), close: () => pool.end() };
}
