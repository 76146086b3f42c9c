// What every procedure can reach: long-lived services (database, job queue, limits) and the
// caller (a dashboard session, or an API token on the REST surface).
import type { Db } from '@dramac/db';
import type { PgBoss } from '@dramac/jobs';
import type { SignInLimits } from './lib/rate-limit.ts';

export interface Services {
  db: Db;
  boss: PgBoss;
  limits: SignInLimits;
  /** absolute base URL of the dashboard, for links in emails */
  appUrl: string;
  /** the database's URL, for a short-lived `pg` client where Prisma cannot go (module schemas' DDL) */
  databaseUrl: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface RequestInfo {
  ip: string;
  userAgent: string | null;
  /** the raw Authorization header, for the REST surface's bearer tokens */
  authorization: string | null;
}

export interface Context extends Services {
  user: SessionUser | null;
  req: RequestInfo;
}

export function createContext(services: Services, user: SessionUser | null, req: Partial<RequestInfo> = {}): Context {
  return {
    ...services,
    user,
    req: { ip: req.ip ?? 'unknown', userAgent: req.userAgent ?? null, authorization: req.authorization ?? null },
  };
}
