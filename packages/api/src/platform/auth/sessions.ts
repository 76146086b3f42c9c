// Dashboard sessions that the server can end. The session cookie is a next-auth JWT naming a row
// of platform.sessions (`sid`); every request checks that the row is current. This check is the
// one place that decides whether a decoded cookie still signs someone in: whatever caches decoded
// sessions (http/session-jwt.ts does) must still ask `currentSessionUser`.
import { randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '@dramac/db';
import type { SessionUser } from '../../context.ts';
import { rowCache } from '../../lib/row-cache.ts';

/** Absolute lifetime of a sign-in, also next-auth's cookie maxAge. */
export const SESSION_MAX_AGE_SECONDS = 30 * 86_400;

/**
 * The rows behind each session, cached per process by the shared row cache (lib/row-cache.ts):
 * PostgreSQL notifies every process when a session or a user row changes (migration
 * 20261205090104_dashboard_sessions), so an ended session is refused at once everywhere; the TTL
 * only bounds a lost notice.
 */
const TTL_MS = 60_000;
interface SessionRow {
  userId: string;
  email: string;
  name: string;
  endedAt: Date | null;
  expiresAt: Date;
}
const sessionCache = (db: Db) => rowCache<SessionRow>(db, 'sessions', ['platform.sessions', 'platform.users'], TTL_MS);

/** A new session row for `userId`; its id goes into the cookie as `sid`. */
export async function startSession(db: DbOrTx, userId: string, meta: { userAgent?: string | null } = {}) {
  const now = new Date();
  // a user's ended and expired rows are of no more use: clear them as a new one starts
  await db.session.deleteMany({ where: { userId, OR: [{ expiresAt: { lt: now } }, { endedAt: { not: null } }] } });
  const session = await db.session.create({
    data: {
      id: randomBytes(24).toString('base64url'),
      userId,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  return session.id;
}

/**
 * The user a decoded cookie signs in, read fresh (a changed name or address shows at once), or
 * null when its session ended, expired, or belongs to someone else.
 */
export async function currentSessionUser(db: Db, sid: unknown, userId: unknown): Promise<SessionUser | null> {
  if (typeof sid !== 'string' || typeof userId !== 'string' || !sid || sid.length > 64) return null;
  const row = await sessionCache(db).get(sid, async () => {
    const found = await db.session.findUnique({
      where: { id: sid },
      select: { userId: true, endedAt: true, expiresAt: true, user: { select: { email: true, name: true } } },
    });
    return found && { userId: found.userId, endedAt: found.endedAt, expiresAt: found.expiresAt, ...found.user };
  });
  if (!row || row.endedAt || row.expiresAt.getTime() <= Date.now() || row.userId !== userId) return null;
  return { id: row.userId, email: row.email, name: row.name, sessionId: sid };
}

/** Ends one session (sign-out). */
export async function endSession(db: Db, sid: unknown): Promise<void> {
  if (typeof sid !== 'string' || !sid) return;
  await db.session.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: new Date() } });
  // this process sees it at once; the others on PostgreSQL's notice
  sessionCache(db).clear();
}

/**
 * Ends every session of `userId`, or all but `except` (a password change keeps the session that
 * made it). Returns how many were ended. Inside a transaction, every process (this one too) sees
 * it on PostgreSQL's notice after the commit; tRPC mutations also empty this process's caches.
 */
export async function endUserSessions(db: DbOrTx, userId: string, opts: { except?: string } = {}): Promise<number> {
  const outsideTransaction = '$transaction' in db;
  const { count } = await db.session.updateMany({
    where: { userId, endedAt: null, ...(opts.except ? { id: { not: opts.except } } : {}) },
    data: { endedAt: new Date() },
  });
  if (outsideTransaction) sessionCache(db as Db).clear();
  return count;
}

/** The user's current sessions, newest first: where they are signed in. */
export function currentSessions(db: DbOrTx, userId: string) {
  return db.session.findMany({
    where: { userId, endedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, userAgent: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
  });
}
