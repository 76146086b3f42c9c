// The external request log, written off the request path: a request only appends its row to an
// in-memory buffer; the buffer is written as one multi-row INSERT every second, or as soon as it
// holds a batch. While the database is unreachable rows wait in the buffer, up to a bound; past it
// the oldest are dropped and counted, so an outage costs log rows, never memory or latency.
//
// The INSERT goes through `pg`, one array parameter per column: Prisma's createMany spends about
// 130 ms of the web process's CPU on a batch of 500 rows (measured), `unnest` about 2 ms.

import fs from 'node:fs';
import path from 'node:path';
import type { ApiClientKind } from '@dramac/db';
import pg from 'pg';

export interface RequestLogRow {
  createdAt: Date;
  siteId: string | null;
  clientKind: ApiClientKind;
  clientId: string | null;
  method: string;
  route: string;
  status: number;
  latencyMs: number;
  ip: string;
  userAgent: string | null;
  origin: string | null;
}

export interface RequestLogOptions {
  /** how often the buffer is written (default 1000 ms) */
  flushIntervalMs?: number;
  /** rows per INSERT; a full batch is written at once (default 500) */
  batchSize?: number;
  /** rows kept while writes fail; beyond it the oldest are dropped (default 20,000) */
  maxBuffered?: number;
  /**
   * Where rows that could not be written before a clean shutdown wait for the next start (a
   * folder shared by the web processes of one machine); null: nowhere, they are lost.
   */
  spoolDir?: string | null;
}

/**
 * The spool folder: beside the data (DRAMAC_DATA_DIR as an absolute path, which `npm start` passes
 * on); without it, no spool (tests: each database its own writer).
 */
export function defaultSpoolDir(): string | null {
  const base = process.env.DRAMAC_DATA_DIR;
  return base && path.isAbsolute(base) ? path.join(base, 'request-log-spool') : null;
}

/** Takes every spooled file (renamed first, so two starting processes never both load one) and returns its rows. */
function takeSpooled(dir: string): RequestLogRow[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.ndjson'));
  } catch {
    return [];
  }
  const rows: RequestLogRow[] = [];
  for (const name of names) {
    const claimed = path.join(dir, `${name}.${process.pid}.claimed`);
    try {
      fs.renameSync(path.join(dir, name), claimed);
    } catch {
      continue; // another process took it
    }
    for (const line of fs.readFileSync(claimed, 'utf8').split('\n')) {
      if (!line) continue;
      const row = JSON.parse(line) as RequestLogRow & { createdAt: string };
      rows.push({ ...row, createdAt: new Date(row.createdAt) });
    }
    fs.rmSync(claimed);
  }
  return rows;
}

/** Column limits of external.request_log: a long header must not fail a whole batch. */
const cut = (value: string | null, max: number) => (value && value.length > max ? value.slice(0, max) : value);

const INSERT = `
  insert into external.request_log
    ("createdAt", "siteId", "clientKind", "clientId", method, route, status, "latencyMs", ip, "userAgent", origin)
  select * from unnest($1::timestamp(3)[], $2::text[], $3::external."ApiClientKind"[], $4::text[], $5::varchar[],
    $6::varchar[], $7::smallint[], $8::int[], $9::varchar[], $10::varchar[], $11::varchar[])`;

/** One INSERT for the whole batch: a column array per parameter. Times are UTC, as Prisma stores them. */
function insertBatch(pool: pg.Pool, rows: RequestLogRow[]) {
  const column = <T>(pick: (r: RequestLogRow) => T) => rows.map(pick);
  return pool.query(INSERT, [
    column((r) => r.createdAt.toISOString()),
    column((r) => r.siteId),
    column((r) => r.clientKind),
    column((r) => r.clientId),
    column((r) => r.method),
    column((r) => r.route),
    column((r) => r.status),
    column((r) => r.latencyMs),
    column((r) => r.ip),
    column((r) => r.userAgent),
    column((r) => r.origin),
  ]);
}

export class RequestLogWriter {
  private readonly pool: pg.Pool;
  private buffer: RequestLogRow[] = [];
  private writing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private failing = false;
  private closed = false;
  private readonly batchSize: number;
  private readonly maxBuffered: number;
  private readonly spoolDir: string | null;
  /** rows lost because the buffer was full while the database was unreachable */
  dropped = 0;
  /** rows written since start */
  written = 0;

  /** Writes to the database at `url` over one connection of its own (one writer at a time). */
  constructor(url: string, opts: RequestLogOptions = {}) {
    this.pool = new pg.Pool({ connectionString: url, max: 1, options: '-c TimeZone=UTC' });
    this.pool.on('error', (err) => console.error('[request-log]', err.message));
    this.batchSize = opts.batchSize ?? 500;
    this.maxBuffered = opts.maxBuffered ?? 20_000;
    this.spoolDir = opts.spoolDir === undefined ? defaultSpoolDir() : opts.spoolDir;
    // rows an earlier process could not write before it stopped go first
    if (this.spoolDir) this.buffer = takeSpooled(this.spoolDir).slice(-this.maxBuffered);
    this.timer = setInterval(() => void this.flush(), opts.flushIntervalMs ?? 1000);
    this.timer.unref();
  }

  /** Queues one row; never waits and never throws. */
  record(row: RequestLogRow): void {
    if (this.buffer.length >= this.maxBuffered) {
      this.buffer.shift();
      this.dropped++;
    }
    this.buffer.push({
      ...row,
      method: row.method.slice(0, 10),
      route: row.route.slice(0, 200),
      ip: row.ip.slice(0, 64),
      userAgent: cut(row.userAgent, 256),
      origin: cut(row.origin, 260),
      latencyMs: Math.max(0, Math.round(row.latencyMs)),
    });
    if (this.buffer.length >= this.batchSize) void this.flush();
  }

  /** Rows waiting to be written. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Writes everything buffered; one writer at a time, later calls join the running one. */
  flush(): Promise<void> {
    this.writing ??= this.drain().finally(() => {
      this.writing = null;
    });
    return this.writing;
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.batchSize);
      try {
        await insertBatch(this.pool, batch);
        this.written += batch.length;
        if (this.failing) console.error(`[request-log] writing again (${this.dropped} rows dropped so far)`);
        this.failing = false;
      } catch (err) {
        // back to the front, within the bound; the next tick tries again
        const room = Math.max(0, this.maxBuffered - this.buffer.length);
        this.dropped += Math.max(0, batch.length - room);
        this.buffer.unshift(...batch.slice(batch.length - room));
        if (!this.failing) console.error('[request-log] cannot write the request log:', (err as Error).message);
        this.failing = true;
        return;
      }
    }
  }

  /**
   * Stops the timer, writes what is left (shutdown) and closes the connection. Rows the database
   * would not take (it is down) are spooled to a file that the next writer to start loads.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await this.flush();
    if (this.buffer.length > 0 && this.spoolDir) {
      fs.mkdirSync(this.spoolDir, { recursive: true });
      const file = path.join(this.spoolDir, `${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}.ndjson`);
      fs.writeFileSync(`${file}.tmp`, this.buffer.map((row) => JSON.stringify(row)).join('\n'));
      fs.renameSync(`${file}.tmp`, file);
      console.error(`[request-log] ${this.buffer.length} rows kept in ${file} for the next start`);
      this.buffer = [];
    }
    await this.pool.end();
  }
}
