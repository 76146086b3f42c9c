// Reading the request log (the dashboard's API log page) and pruning it (the worker). Every read
// takes the site a siteProcedure has already authorised, and filters on it first.
import type { Db } from '@dramac/db';
import type { z } from 'zod';
import { requestLogRetentionDays } from './config.ts';
import { type requestLogFilters, requestLogSummary, statusRange } from './request-log.schemas.ts';

type Filters = z.output<typeof requestLogFilters>;
type ClientRef = { kind: 'api_token' | 'oauth_app' | 'embed'; id: string; name: string };

/**
 * Whom a site's requests can come from, named: its API tokens, the OAuth apps it granted and its
 * module installations (embeds). Read from those tables, so a revoked token keeps its name while
 * its rows remain.
 */
async function clientsOf(db: Db, siteId: string): Promise<ClientRef[]> {
  const [tokens, grants, installations] = await Promise.all([
    db.apiToken.findMany({ where: { siteId }, select: { id: true, name: true }, orderBy: { createdAt: 'asc' } }),
    db.oAuthGrant.findMany({ where: { siteId }, select: { app: { select: { id: true, name: true } } } }),
    db.moduleInstallation.findMany({ where: { siteId }, select: { id: true, module: { select: { name: true } } } }),
  ]);
  const apps = new Map(grants.map((g) => [g.app.id, g.app.name]));
  return [
    ...tokens.map((t) => ({ kind: 'api_token' as const, id: t.id, name: t.name })),
    ...[...apps].map(([id, name]) => ({ kind: 'oauth_app' as const, id, name })),
    ...installations.map((i) => ({ kind: 'embed' as const, id: i.id, name: i.module.name })),
  ];
}

/** A page of the site's log, newest first, narrowed by `filters`. */
export async function listRequests(db: Db, siteId: string, filters: Filters) {
  const range = filters.status ? statusRange[filters.status] : null;
  const rows = await db.requestLog.findMany({
    where: {
      siteId,
      ...(range ? { status: { gte: range[0], lt: range[1] } } : {}),
      ...(filters.method ? { method: filters.method } : {}),
      ...(filters.route ? { route: filters.route } : {}),
      ...(filters.client ? { clientId: filters.client } : {}),
      ...(filters.from || filters.to ? { createdAt: { gte: filters.from, lt: filters.to } } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: filters.limit + 1,
    ...(filters.cursor ? { cursor: { id: BigInt(filters.cursor) }, skip: 1 } : {}),
  });
  const names = new Map((await clientsOf(db, siteId)).map((c) => [c.id, c.name]));
  const items = rows.slice(0, filters.limit).map((r) => ({
    ...r,
    id: r.id.toString(),
    clientName: r.clientId ? (names.get(r.clientId) ?? null) : null,
  }));
  return { items, nextCursor: rows.length > filters.limit ? items.at(-1)?.id : undefined };
}

const HOUR_MS = 3_600_000;

/** The last 24 hours at a glance: requests per hour by outcome, the routes called, the possible clients. */
export async function summarizeRequests(db: Db, siteId: string, now = new Date()) {
  const end = Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS;
  const start = new Date(end - 24 * HOUR_MS);
  const [hourly, routes, clients] = await Promise.all([
    db.$queryRaw<{ hour: Date; ok: bigint; client_errors: bigint; rate_limited: bigint; server_errors: bigint }[]>`
      select date_trunc('hour', "createdAt") as hour,
             count(*) filter (where status < 400) as ok,
             count(*) filter (where status >= 400 and status < 500 and status <> 429) as client_errors,
             count(*) filter (where status = 429) as rate_limited,
             count(*) filter (where status >= 500) as server_errors
      from external.request_log
      where "siteId" = ${siteId} and "createdAt" >= ${start}
      group by 1`,
    db.$queryRaw<{ route: string; count: bigint }[]>`
      select route, count(*) as count from external.request_log
      where "siteId" = ${siteId} and "createdAt" >= ${start}
      group by route order by count desc, route limit 50`,
    clientsOf(db, siteId),
  ]);
  const byHour = new Map(hourly.map((h) => [h.hour.getTime(), h]));
  const hours = Array.from({ length: 24 }, (_, i) => {
    const from = new Date(start.getTime() + i * HOUR_MS);
    const h = byHour.get(from.getTime());
    return {
      from,
      ok: Number(h?.ok ?? 0),
      clientErrors: Number(h?.client_errors ?? 0),
      rateLimited: Number(h?.rate_limited ?? 0),
      serverErrors: Number(h?.server_errors ?? 0),
    };
  });
  return requestLogSummary.parse({
    hours,
    routes: routes.map((r) => ({ route: r.route, count: Number(r.count) })),
    retentionDays: requestLogRetentionDays(),
    clients,
  });
}

/** Rows deleted per statement: short statements, so pruning never holds up the writers. */
const PRUNE_CHUNK = 10_000;

/**
 * Deletes log rows older than `retentionDays`, and the rate limiter's expired counters (the
 * store never deletes its own rows here: clearExpiredByTimeout is off in every web process).
 */
export async function pruneRequestLog(db: Db, retentionDays: number, now = new Date()) {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  let requests = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      delete from external.request_log where id in (
        select id from external.request_log where "createdAt" < ${cutoff} limit ${PRUNE_CHUNK})`;
    requests += deleted;
    if (deleted < PRUNE_CHUNK) break;
  }
  const counters = await db.$executeRaw`delete from platform.rate_limits where expire < ${BigInt(now.getTime())}`;
  return { requests, counters };
}
