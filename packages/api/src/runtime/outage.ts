// While PostgreSQL cannot be reached, every surface answers 503 with Retry-After in its own error
// shape (never a 500, never the driver's message naming hosts and ports), and the logs say so once
// per interval with a count instead of a stack per request. Service resumes by itself: nothing
// here is cached beyond the outage.
import { log } from './log.ts';
import { processWide } from './process-wide.ts';

/** What a 503 asks the client to wait, in seconds: about how long PostgreSQL takes to come back. */
export const RETRY_AFTER_SECONDS = 5;
export const UNAVAILABLE_MESSAGE = 'The service is briefly unavailable. Try again in a few seconds.';

const UNAVAILABLE_CODES = new Set([
  // Prisma: can't reach / timed out / connection closed / pool timeout
  'P1001',
  'P1002',
  'P1017',
  'P2024',
  // sockets
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: connection exceptions, shutting down or starting up, too many connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Can't reach database server|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|Client has encountered a connection error|timeout exceeded when trying to connect|Connection closed|connect ECONNREFUSED/i;

/** Whether an error (or anything it wraps) says the database cannot be reached right now. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 6) return false;
  const e = err as {
    code?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
    errors?: unknown;
  };
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.kind === 'string' && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  const inner = [e.cause, e.meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((i) => isDatabaseUnavailable(i, depth + 1));
}

const LOG_INTERVAL_MS = 10_000;

interface OutageState {
  since: number | null;
  refused: number;
  lastLog: number;
}
const state = processWide<OutageState>('outage', () => ({ since: null, refused: 0, lastLog: 0 }));

/** Marks the database as down (a failed probe), logging only the change. */
export function noteDatabaseUnreachable(source: string): void {
  if (state.since !== null) return;
  state.since = Date.now();
  state.lastLog = state.since;
  state.refused = 0;
  log.error({ source }, 'database unreachable: answering 503 until it is back');
}

/** Counts one request (or job) refused because the database is unreachable; logs once per interval. */
export function reportOutage(source: string): void {
  const now = Date.now();
  if (state.since === null) {
    noteDatabaseUnreachable(source);
  } else if (now - state.lastLog >= LOG_INTERVAL_MS) {
    log.warn(
      { source, refused: state.refused, downSeconds: Math.round((now - state.since) / 1000) },
      `database still unreachable: ${state.refused} refused in the last ${Math.round((now - state.lastLog) / 1000)} s`,
    );
    state.lastLog = now;
    state.refused = 0;
  }
  state.refused++;
}

/** Called when the database answers again: ends the outage and says how long it lasted. */
export function reportDatabaseReachable(): void {
  if (state.since === null) return;
  log.info({ downSeconds: Math.round((Date.now() - state.since) / 1000), refused: state.refused }, 'database reachable again');
  state.since = null;
  state.refused = 0;
}

/** Whether this process currently believes the database is down. */
export const databaseDown = (): boolean => state.since !== null;

/**
 * Logs a background error (a pool's, pg-boss's): while the database is unreachable it only
 * counts toward the outage's log line; anything else is logged with its source.
 */
export function reportError(source: string, err: unknown): void {
  if (isDatabaseUnavailable(err)) reportOutage(source);
  else log.error({ source, err }, `${source}: ${(err as Error)?.message ?? String(err)}`);
}
