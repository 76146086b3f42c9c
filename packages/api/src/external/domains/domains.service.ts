// A site's domains: add (with a fresh token to publish), list, remove, check ownership now or on
// schedule, and the history of checks. Functions take the site the caller was authorised for
// (trpc.ts), never an id from the input alone.
//
// One rule across agencies: a hostname is verified for at most one agency at a time. Sites of
// the same agency may share it (a client's shop and its staging site); another agency that
// proves the same hostname is told it is claimed, until the holder's proof lapses (its daily
// re-checks fail past the grace). The check takes a transaction-scoped advisory lock on the
// hostname, so two agencies verifying at once cannot both win.
import { randomBytes } from 'node:crypto';
import type { Db, DomainVerificationMethod, SiteDomain, Tx } from '@dramac/db';
import { enqueueMany, type PgBoss } from '@dramac/jobs';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { conflict, fieldError, isUniqueViolation, notFound } from '../../errors.ts';
import { emitEvent } from '../../webhooks/emit.ts';
import type { addDomainFields } from './domains.schemas.ts';
import { isDevDomain, originsOf } from './hostname.ts';
import { instructionsFor, type Proof, proveOwnership } from './prove-ownership.ts';
import { FIRST_CHECK_MS, findingOf, transition } from './transitions.ts';
import { forgetVerifiedOrigins } from './verified-origins.ts';

export const MAX_DOMAINS_PER_SITE = 50;
/** "Verify now" runs at most once per domain in this interval. */
export const MANUAL_CHECK_INTERVAL_MS = 10_000;
/** Checks kept per domain: months of daily re-checks. */
const HISTORY_KEPT = 200;
/** How long a scheduled check owns a due domain before the schedule may hand it out again. */
const SCHEDULE_LEASE_MS = 15 * 60_000;

type Site = { id: string; agencyId: string };

export function toDomainOutput(d: SiteDomain) {
  return {
    id: d.id,
    siteId: d.siteId,
    hostname: d.hostname,
    method: d.method,
    status: d.status,
    statusSince: d.statusSince,
    verifiedAt: d.verifiedAt,
    consecutiveFailures: d.consecutiveFailures,
    lastCheckedAt: d.lastCheckedAt,
    lastOutcome: d.lastOutcome,
    lastDetail: d.lastDetail,
    nextCheckAt: d.nextCheckAt,
    createdAt: d.createdAt,
    origins: originsOf(d.hostname),
    instructions: instructionsFor(d.hostname, d.token),
  };
}

export async function listDomains(db: Db, siteId: string) {
  const rows = await db.siteDomain.findMany({ where: { siteId }, orderBy: [{ hostname: 'asc' }] });
  return rows.map(toDomainOutput);
}

export async function addDomain(db: Db, site: Site, input: z.infer<typeof addDomainFields>) {
  // localhost has no public DNS: only the meta tag can prove it
  const method: DomainVerificationMethod = isDevDomain(input.hostname) ? 'html_meta' : input.method;
  if ((await db.siteDomain.count({ where: { siteId: site.id } })) >= MAX_DOMAINS_PER_SITE) {
    throw fieldError('hostname', `A site can have at most ${MAX_DOMAINS_PER_SITE} domains: remove one first`);
  }
  try {
    const domain = await db.siteDomain.create({
      data: {
        siteId: site.id,
        hostname: input.hostname,
        method,
        token: randomBytes(18).toString('base64url'),
        nextCheckAt: new Date(Date.now() + FIRST_CHECK_MS),
      },
    });
    return toDomainOutput(domain);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`${input.hostname} is already a domain of this site`);
    throw err;
  }
}

async function findDomain(db: Db, site: Site, domainId: string) {
  const domain = await db.siteDomain.findFirst({ where: { id: domainId, siteId: site.id } });
  if (!domain) throw notFound('Domain');
  return domain;
}

export async function removeDomain(db: Db, site: Site, domainId: string) {
  const { count } = await db.siteDomain.deleteMany({ where: { id: domainId, siteId: site.id } });
  if (count === 0) throw notFound('Domain');
  forgetVerifiedOrigins(db, site.id);
  return { id: domainId };
}

export async function domainHistory(db: Db, site: Site, domainId: string, limit: number) {
  await findDomain(db, site, domainId);
  return db.domainCheck.findMany({
    where: { domainId },
    orderBy: [{ checkedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      checkedAt: true,
      method: true,
      outcome: true,
      detail: true,
      manual: true,
      statusAfter: true,
      durationMs: true,
    },
  });
}

/** "Verify now": one check at once, limited per domain; `method` switches the proof first. */
export async function verifyNow(
  services: { db: Db; boss: PgBoss },
  site: Site,
  domainId: string,
  method?: DomainVerificationMethod,
) {
  const { db } = services;
  const domain = await findDomain(db, site, domainId);
  if (method === 'dns_txt' && isDevDomain(domain.hostname)) {
    throw fieldError('method', 'localhost has no DNS: verify it with the meta tag');
  }
  // claimed atomically, so parallel clicks (or tabs) run one check
  const now = new Date();
  const claimed = await db.siteDomain.updateMany({
    where: {
      id: domain.id,
      OR: [{ manualCheckAt: null }, { manualCheckAt: { lte: new Date(now.getTime() - MANUAL_CHECK_INTERVAL_MS) } }],
    },
    data: { manualCheckAt: now, ...(method ? { method } : {}) },
  });
  if (claimed.count === 0) {
    const last = (await db.siteDomain.findUnique({ where: { id: domain.id } }))?.manualCheckAt;
    if (!last) throw notFound('Domain');
    const left = last.getTime() + MANUAL_CHECK_INTERVAL_MS - Date.now();
    const wait = Math.min(MANUAL_CHECK_INTERVAL_MS / 1000, Math.max(1, Math.ceil(left / 1000)));
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `${domain.hostname} was checked a moment ago: try again in ${wait} s`,
    });
  }
  const result = await checkDomain(services, domain.id, { manual: true });
  if (!result) throw notFound('Domain'); // removed while it was being checked
  return result;
}

/**
 * Checks one domain's proof and applies the result: its status (transitions.ts), a history row,
 * and a domain.verified / domain.failed event, all in one transaction. Null when the domain is
 * gone. The network part runs before the transaction, which holds no lock while it waits.
 */
export async function checkDomain(services: { db: Db; boss: PgBoss }, domainId: string, opts: { manual: boolean }) {
  const { db, boss } = services;
  const domain = await db.siteDomain.findUnique({ where: { id: domainId }, include: { site: { select: { agencyId: true } } } });
  if (!domain) return null;
  const proof = await proveOwnership(domain.hostname, domain.method, domain.token);
  const result = await db.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`site_domain:${domain.hostname}`}, 0))`;
    const current = await tx.siteDomain.findUnique({ where: { id: domainId } });
    if (!current) return null;
    const { outcome, detail } = await claimedElsewhere(tx, domain.hostname, domain.site.agencyId, proof);
    const now = new Date();
    const next = transition(current, findingOf(outcome), opts.manual, now);
    const updated = await tx.siteDomain.update({
      where: { id: domainId },
      data: {
        status: next.status,
        statusSince: next.statusSince,
        consecutiveFailures: next.consecutiveFailures,
        nextCheckAt: next.nextCheckAt,
        lastCheckedAt: now,
        lastOutcome: outcome,
        lastDetail: detail,
        ...(next.event === 'domain.verified' ? { verifiedAt: now } : {}),
      },
    });
    const check = await tx.domainCheck.create({
      data: {
        domainId,
        checkedAt: now,
        method: domain.method,
        outcome,
        detail,
        manual: opts.manual,
        statusAfter: next.status,
        durationMs: proof.durationMs,
      },
      select: {
        id: true,
        checkedAt: true,
        method: true,
        outcome: true,
        detail: true,
        manual: true,
        statusAfter: true,
        durationMs: true,
      },
    });
    await tx.$executeRaw`
      delete from external.domain_checks
       where "domainId" = ${domainId}
         and id not in (select id from external.domain_checks where "domainId" = ${domainId}
                         order by "checkedAt" desc, id desc limit ${HISTORY_KEPT})`;
    if (next.event) {
      const data = {
        domain: {
          id: updated.id,
          siteId: updated.siteId,
          hostname: updated.hostname,
          method: updated.method,
          status: updated.status,
          verifiedAt: updated.verifiedAt?.toISOString() ?? null,
        },
      };
      const event = { agencyId: domain.site.agencyId, siteId: updated.siteId };
      if (next.event === 'domain.verified') await emitEvent(tx, boss, { ...event, type: 'domain.verified', data });
      else await emitEvent(tx, boss, { ...event, type: 'domain.failed', data: { ...data, detail } });
    }
    return { domain: updated, check, changed: current.status !== next.status };
  });
  if (!result) return null;
  if (result.changed) forgetVerifiedOrigins(db, result.domain.siteId);
  return { domain: toDomainOutput(result.domain), check: result.check };
}

/** A found proof does not verify a hostname another agency holds verified. */
async function claimedElsewhere(tx: Tx, hostname: string, agencyId: string, proof: Proof): Promise<Omit<Proof, 'durationMs'>> {
  const detail = proof.detail.slice(0, 1000);
  if (proof.outcome !== 'found') return { outcome: proof.outcome, detail };
  const holder = await tx.siteDomain.findFirst({
    where: { hostname, status: 'verified', site: { agencyId: { not: agencyId } } },
    select: { id: true },
  });
  if (!holder) return { outcome: 'found', detail };
  return {
    outcome: 'claimed',
    detail: `${detail}, but ${hostname} is verified by another agency. Ask the domain's owner to remove that agency's dramac-verify record or tag: their claim lapses when their re-checks fail.`,
  };
}

/**
 * Hands each domain whose check is due to the `domains.verify` queue (the worker's schedule),
 * leasing it for SCHEDULE_LEASE_MS so the next run does not hand it out again meanwhile.
 */
export async function enqueueDueChecks(services: { db: Db; boss: PgBoss }, limit = 500): Promise<number> {
  const { db, boss } = services;
  return db.$transaction(async (tx) => {
    const now = new Date();
    const due = await tx.siteDomain.findMany({
      where: { nextCheckAt: { lte: now } },
      orderBy: { nextCheckAt: 'asc' },
      take: limit,
      select: { id: true },
    });
    if (due.length === 0) return 0;
    const ids = due.map((d) => d.id);
    await tx.siteDomain.updateMany({
      where: { id: { in: ids } },
      data: { nextCheckAt: new Date(now.getTime() + SCHEDULE_LEASE_MS) },
    });
    await enqueueMany(
      boss,
      tx,
      'domains.verify',
      ids.map((domainId) => ({ domainId })),
    );
    return ids.length;
  });
}
