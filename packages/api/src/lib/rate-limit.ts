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

/** What this process knows of a key's window: the store's last count and what it has not sent yet. */
interface Tally {
  /** the window's end (ms), as the store last said */
  windowEnd: number;
  /** when the store last answered (ms) */
  heardAt: number;
  /** points the store had counted at its last answer (every process's) */
  stored: number;
  /** points admitted here and not sent to the store yet */
  pending: number;
  /** points on their way to the store */
  sending: number;
  timer?: NodeJS.Timeout;
}

/** how long admitted points may wait before they are sent, coalesced, to the store */
const FLUSH_MS = 20;
/** a tally older than this is not trusted: what other processes admitted since is unknown */
const FRESH_MS = 100;

/**
 * One store limiter per distinct limit (they share the key prefix, so a client whose limit changes
 * keeps its count). What keeps the cost per request low:
 * - a busy key far from its limit is admitted from this process's tally of it (the store's count
 *   heard less than FRESH_MS ago, plus what was admitted here since) and counted in the store
 *   behind the request: one `consume(key, n)` per key every FLUSH_MS covers every request since
 *   the last, so the request waits for no query. Near the limit (within a margin of a tenth of it)
 *   and whenever the tally is older, a request waits for the store, so a refusal is always the
 *   shared count's. A process runs at most a quarter of the margin ahead of the store, so the
 *   limit holds across processes unless others admit more than the margin of one key within
 *   FRESH_MS;
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
  const quota = (allowed: boolean, limit: number, used: number, msLeft: number): Quota => ({
    allowed,
    limit,
    remaining: Math.max(0, limit - used),
    resetSeconds: Math.max(allowed ? 0 : 1, Math.ceil(msLeft / 1000)),
  });

  const tallies = new Map<string, Tally>();
  /** consumes `points` in the store; a refusal is an answer too */
  async function consume(storeKey: string, limit: number, points: number) {
    try {
      return { allowed: true, res: await limiterFor(limit).consume(storeKey, points) };
    } catch (res) {
      if (res instanceof RateLimiterRes) return { allowed: false, res };
      throw res;
    }
  }
  function heard(tallyKey: string, limit: number, { allowed, res }: { allowed: boolean; res: RateLimiterRes }): Tally {
    const tally = tallies.get(tallyKey) ?? { windowEnd: 0, heardAt: 0, stored: 0, pending: 0, sending: 0 };
    // a refusal from the in-memory block reports no count: the key is past its limit all the same
    tally.stored = allowed ? res.consumedPoints : Math.max(res.consumedPoints, limit + 1);
    tally.heardAt = Date.now();
    tally.windowEnd = tally.heardAt + res.msBeforeNext;
    if (!tallies.has(tallyKey)) {
      if (tallies.size >= 10_000) for (const [k, t] of tallies) if (t.windowEnd < Date.now() && !t.sending) tallies.delete(k);
      tallies.set(tallyKey, tally);
    }
    return tally;
  }
  function flush(tallyKey: string, storeKey: string, limit: number) {
    const tally = tallies.get(tallyKey);
    if (!tally || tally.sending > 0 || tally.pending === 0) return;
    clearTimeout(tally.timer);
    tally.timer = undefined;
    tally.sending = tally.pending;
    tally.pending = 0;
    consume(storeKey, limit, tally.sending)
      .then((answer) => heard(tallyKey, limit, answer))
      .catch((err: Error) => {
        // the next request of this key asks the store itself
        console.error('[rate-limits]', err.message);
        tallies.delete(tallyKey);
      })
      .finally(() => {
        tally.sending = 0;
        if (tally.pending > 0) flush(tallyKey, storeKey, limit);
      });
  }

  return {
    windowSeconds,
    async take(key, limit) {
      // the store's key column holds 255 characters; a long key (an embed's origin) is hashed
      const storeKey = key.length > 200 ? `sha256:${sha256(key)}` : key;
      const tallyKey = `${limit}:${storeKey}`;
      const margin = Math.max(10, Math.ceil(limit / 10));
      const ahead = Math.ceil(margin / 4);
      const tally = tallies.get(tallyKey);
      const now = Date.now();
      if (tally && now < tally.windowEnd && now - tally.heardAt < FRESH_MS) {
        const unsent = tally.pending + tally.sending;
        const used = tally.stored + unsent + 1;
        if (used <= limit - margin && unsent < ahead) {
          tally.pending++;
          if (tally.pending >= ahead / 2) flush(tallyKey, storeKey, limit);
          else tally.timer ??= setTimeout(() => flush(tallyKey, storeKey, limit), FLUSH_MS).unref();
          return quota(true, limit, used, tally.windowEnd - now);
        }
      }
      const answer = await consume(storeKey, limit, 1);
      const known = heard(tallyKey, limit, answer);
      return quota(answer.allowed, limit, known.stored + known.pending + known.sending, answer.res.msBeforeNext);
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
