// Dashboard sessions that the server can end. The session cookie is a next-auth JWT naming a row
// of platform.sessions (`sid`); every request checks that the row is current. This check is the
// one place that decides whether a decoded cookie still signs someone in: whatever caches decoded
// sessions must ask `isSessionCurrent` (it keeps its own short cache).
import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '@dramac/db';

/** Absolute lifetime of a sign-in, also next-auth's cookie maxAge. */
export const SESSION_MAX_AGE_SECONDS = 30 * 86_400;

/**
 * How long one process trusts an answer about a session. An ending reached through this process
 * is seen at once; one made by another web process is seen within this time.
 */
export const SESSION_CHECK_TTL_MS = 5_000;
const MAX_CACHED = 10_000;

const checked = new Map<string, { userId: string; current: boolean; at: number }>();

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

/** Whether the session `sid` of `userId` may still sign requests in. */
export async function isSessionCurrent(db: DbOrTx, sid: unknown, userId: unknown): Promise<boolean> {
  if (typeof sid !== 'string' || typeof userId !== 'string' || !sid || sid.length > 64) return false;
  const now = Date.now();
  const hit = checked.get(sid);
  if (hit && now - hit.at < SESSION_CHECK_TTL_MS) return hit.current && hit.userId === userId;
  const row = await db.session.findUnique({ where: { id: sid }, select: { userId: true, endedAt: true, expiresAt: true } });
  const current = Boolean(row && !row.endedAt && row.expiresAt.getTime() > now);
  if (checked.size >= MAX_CACHED) checked.clear();
  checked.set(sid, { userId: row?.userId ?? '', current, at: now });
  return current && row?.userId === userId;
}

/** Ends one session (sign-out). */
export async function endSession(db: DbOrTx, sid: unknown): Promise<void> {
  if (typeof sid !== 'string' || !sid) return;
  checked.delete(sid);
  await db.session.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: new Date() } });
}

/**
 * Ends every session of `userId`, or all but `except` (a password change keeps the session that
 * made it). Returns how many were ended.
 */
export async function endUserSessions(db: DbOrTx, userId: string, opts: { except?: string } = {}): Promise<number> {
  for (const [sid, entry] of checked) if (entry.userId === userId && sid !== opts.except) checked.delete(sid);
  const { count } = await db.session.updateMany({
    where: { userId, endedAt: null, ...(opts.except ? { id: { not: opts.except } } : {}) },
    data: { endedAt: new Date() },
  });
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
