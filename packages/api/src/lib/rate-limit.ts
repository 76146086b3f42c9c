// Rate limits live in PostgreSQL (rate-limiter-flexible's Postgres store) so every web process
// shares them. The table is declared in prisma/schema/platform.prisma (tableCreated: true); the
// worker's requestLog.prune job deletes its expired rows.
import pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { sha256 } from './secrets.ts';

export interface Limiter {
  /** Counts one attempt; returns the seconds to wait when the key is over its limit. */
  hit(key: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
  reset(key: string): Promise<void>;
}

type StoreOptions = Pick<ConstructorParameters<typeof RateLimiterPostgres>[0], 'inMemoryBlockOnConsumed' | 'insuranceLimiter'>;

/** With tableCreated the store issues no query on construction: it is usable at once. */
function postgresLimiter(pool: pg.Pool, keyPrefix: string, points: number, duration: number, extra: StoreOptions = {}) {
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    schemaName: 'platform',
    tableName: 'rate_limits',
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix,
    points,
    duration,
    ...extra,
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

/** Where a caller stands after one request: what the RateLimit response headers report. */
export interface Quota {
  allowed: boolean;
  /** requests allowed per window */
  limit: number;
  /** requests left in the current window */
  remaining: number;
  /** seconds until the window ends (the Retry-After of a refused request) */
  resetSeconds: number;
}

/** A fixed window per key whose size (`limit`) the caller chooses per call: per-client limits. */
export interface QuotaLimiter {
  readonly windowSeconds: number;
  take(key: string, limit: number): Promise<Quota>;
}

/**
 * One store limiter per distinct limit (they share the key prefix, so a client whose limit changes
 * keeps its count). Two things keep the cost per request at one upsert, or none:
 * - a key that has used its whole quota is blocked in this process's memory for the rest of the
 *   window (`inMemoryBlockOnConsumed`), so a client hammering past its limit costs no query;
 * - if the store fails, an in-memory limiter of the same size answers (`insuranceLimiter`):
 *   limits per process instead of shared ones, rather than failing the request.
 */
function quotaLimiter(pool: pg.Pool, keyPrefix: string, windowSeconds: number): QuotaLimiter {
  const bySize = new Map<number, RateLimiterPostgres>();
  const limiterFor = (limit: number) => {
    let limiter = bySize.get(limit);
    if (!limiter) {
      limiter = postgresLimiter(pool, keyPrefix, limit, windowSeconds, {
        inMemoryBlockOnConsumed: limit,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points: limit, duration: windowSeconds }),
      });
      bySize.set(limit, limiter);
    }
    return limiter;
  };
  const quota = (allowed: boolean, limit: number, res: RateLimiterRes): Quota => ({
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(allowed ? 0 : 1, Math.ceil(res.msBeforeNext / 1000)),
  });
  return {
    windowSeconds,
    async take(key, limit) {
      // the store's key column holds 255 characters; a long key (an embed's origin) is hashed
      const storeKey = key.length > 200 ? `sha256:${sha256(key)}` : key;
      try {
        return quota(true, limit, await limiterFor(limit).consume(storeKey));
      } catch (res) {
        if (res instanceof RateLimiterRes) return quota(false, limit, res);
        throw res;
      }
    },
  };
}

export interface SignInLimits {
  byEmail: Limiter;
  byIp: Limiter;
}

export interface Limits extends SignInLimits {
  /** per-minute quotas of the external surfaces (REST, gateway, embeds); null when turned off */
  api: QuotaLimiter | null;
}

/**
 * Sign-in attempts: per email (credential stuffing on one account) and per IP (spraying). External
 * API calls: per client per minute (external/traffic decides the key and the limit).
 */
export async function createLimits(url: string, opts: { api: boolean }): Promise<Limits & { close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  pool.on('error', (err) => console.error('[rate-limits]', err.message));
  const window = Number(process.env.SIGNIN_WINDOW_SECONDS ?? 15 * 60);
  return {
    byEmail: wrap(postgresLimiter(pool, 'signin:email', Number(process.env.SIGNIN_MAX_PER_EMAIL ?? 10), window)),
    byIp: wrap(postgresLimiter(pool, 'signin:ip', Number(process.env.SIGNIN_MAX_PER_IP ?? 50), window)),
    api: opts.api ? quotaLimiter(pool, 'api', 60) : null,
    close: () => pool.end(),
  };
}
