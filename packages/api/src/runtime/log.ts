// Structured logs: one JSON object per line on stdout (pino), with the request id of the request
// being served, so an error answer's `requestId` finds its log lines. `pnpm start` prints them as
// readable lines (scripts/lib/log-lines.ts); a log collector reads the JSON as it is.
import pino from 'pino';
import { processWide } from './process-wide.ts';
import { currentRequestId } from './request-context.ts';

function createLogger(): pino.Logger {
  return pino({
    level: process.env.LOG_LEVEL ?? 'info',
    base: { pid: process.pid },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  });
}

/** The process's logger (one per process, shared by the server and the Next.js bundle). */
export const log: pino.Logger = processWide('logger', createLogger);

/** A logger whose lines name the part of the system that writes them (`{ source: 'worker' }`). */
export const logFor = (source: string): pino.Logger => log.child({ source });
