// What every procedure can reach: long-lived services (database, job queue, limits) and the
// caller (a dashboard session, or an API token on the REST surface).
import type { Db } from '@dramac/db';
import type { PgBoss } from '@dramac/jobs';
import type pg from 'pg';
import type { RequestLogWriter } from './external/traffic/request-log.ts';
import type { Limits } from './lib/rate-limit.ts';
import type { BearerToken } from './trpc.ts';

export interface Services {
  db: Db;
  boss: PgBoss;
  limits: Limits;
  /** absolute base URL of the dashboard, for links in emails */
  appUrl: string;
  /** the database's URL, for a short-lived `pg` client where Prisma cannot go (module schemas' DDL) */
  databaseUrl: string;
  /** `pg` connections for the module gateway's SQL, run under each module's role (Prisma cannot `set role`) */
  modulePool: pg.Pool;
  /** the external request log's buffered writer; null when API_REQUEST_LOG=off */
  requestLog: RequestLogWriter | null;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** the dashboard session (platform.sessions) the request came with; absent for in-process callers */
  sessionId?: string;
}

export interface RequestInfo {
  ip: string;
  userAgent: string | null;
  /** the raw Authorization header, for the REST surface's bearer tokens */
  authorization: string | null;
  /** that header's token, already authenticated by the REST surface's traffic wrapper (null: not a
   *  valid one); undefined when nobody looked yet, and tokenProcedure authenticates it itself */
  bearer?: BearerToken | null;
}

export interface Context extends Services {
  user: SessionUser | null;
  req: RequestInfo;
}

export function createContext(services: Services, user: SessionUser | null, req: Partial<RequestInfo> = {}): Context {
  return {
    ...services,
    user,
    req: {
      ip: req.ip ?? 'unknown',
      userAgent: req.userAgent ?? null,
      authorization: req.authorization ?? null,
      bearer: req.bearer,
    },
  };
}
