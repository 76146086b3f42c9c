// Per-process caches of the few rows read on every request (a member's role with the site, an API
// token), so an authorised call costs no query. Correctness across processes comes from
// PostgreSQL: triggers NOTIFY `dramac_row_cache` with the table's name when a change to such a
// row commits (migration 20261205090000_row_cache_notify), and every process LISTENs on one
// connection and empties the caches built from that table. While that connection is down nothing
// is served from cache; entries also expire after their TTL, so a lost notice costs at most that.
// In the process that made a change, `forgetCachedRows` empties everything at once (after every
// tRPC mutation), so a caller reads its own writes without waiting for the notice.
import type { Db } from '@dramac/db';
import pg from 'pg';

const CHANNEL = 'dramac_row_cache';
const MAX_ENTRIES = 10_000;

interface Feed {
  listening: boolean;
  caches: Map<string, RowCache<unknown>>;
}

export class RowCache<V> {
  private entries = new Map<string, { value: V; expires: number }>();
  /** bumped by every clear: a load that started before one must not store what it read */
  private generation = 0;

  constructor(
    private readonly feed: Feed,
    /** `schema.table` names whose changes empty this cache */
    readonly tables: readonly string[],
    private readonly ttlMs: number,
  ) {}

  /** The cached value of `key`, or `load()`'s (stored unless null or a change came in meanwhile). */
  async get(key: string, load: () => Promise<V | null>): Promise<V | null> {
    if (!this.feed.listening) return load();
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (value !== null && generation === this.generation && this.feed.listening) {
      // oldest first: a Map keeps insertion order
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
    }
    return value;
  }

  /** Replaces a cached value in place (a field this process just changed), if it is there. */
  update(key: string, value: V): void {
    const hit = this.entries.get(key);
    if (hit) hit.value = value;
  }

  clear(): void {
    this.entries.clear();
    this.generation++;
  }
}

const feeds = new WeakMap<Db, Feed>();

/** A database nobody watches (a script's own client): every read goes to the database. */
const unwatched: Feed = { listening: false, caches: new Map() };

/**
 * The cache `name` of `db`, emptied when one of `tables` changes. Without `watchRowChanges(db)`
 * it caches nothing.
 */
export function rowCache<V>(db: Db, name: string, tables: readonly string[], ttlMs: number): RowCache<V> {
  const feed = feeds.get(db) ?? unwatched;
  let cache = feed.caches.get(name) as RowCache<V> | undefined;
  if (!cache) {
    cache = new RowCache<V>(feed, tables, ttlMs);
    if (feed !== unwatched) feed.caches.set(name, cache as RowCache<unknown>);
  }
  return cache;
}

/** Empties every cache of `db` in this process (after a change made here). */
export function forgetCachedRows(db: Db): void {
  for (const cache of feeds.get(db)?.caches.values() ?? []) cache.clear();
}

/**
 * Starts listening for row changes on `url` for `db`'s caches; reconnects after a lost
 * connection (caching nothing meanwhile). Resolves once listening.
 */
export async function watchRowChanges(db: Db, url: string): Promise<{ close: () => Promise<void> }> {
  const feed: Feed = { listening: false, caches: new Map() };
  feeds.set(db, feed);
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = 250;

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    feed.listening = false;
    for (const cache of feed.caches.values()) cache.clear();
    c.end().catch(() => {});
    if (closed) return;
    retry = setTimeout(() => void connect().catch(() => {}), delay);
    retry.unref();
    delay = Math.min(delay * 2, 5_000);
  };

  async function connect() {
    const c = new pg.Client({ connectionString: url, application_name: 'dramac row cache' });
    client = c;
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (msg) => {
      for (const cache of feed.caches.values()) if (msg.payload && cache.tables.includes(msg.payload)) cache.clear();
    });
    try {
      await c.connect();
      await c.query(`listen ${CHANNEL}`);
    } catch (err) {
      lost(c);
      throw err;
    }
    // anything cached before was read while nobody listened: start empty
    for (const cache of feed.caches.values()) cache.clear();
    feed.listening = !closed;
    delay = 250;
  }

  await connect().catch((err: Error) => console.error('[row-cache] not caching until PostgreSQL answers:', err.message));
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      feed.listening = false;
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
