// What a business domain (CRM, booking, accounting…) declares about itself, in one exported
// definition in its folder. The central files (router, scopes, event catalogue, queues and the
// worker, system modules, tenancy sweep, dashboard tabs) read the list in registry/domains.ts and
// never name a domain themselves: a new domain is its folder plus one line in that list.
import type { Db } from '@dramac/db';
import type { DomainQueue, PgBoss } from '@dramac/jobs';
import type { Manifest } from '@dramac/manifest';
import type { AnyTRPCRouter } from '@trpc/server';
import type { z } from 'zod';
import type { Services } from '../context.ts';
import type { EventCatalogue } from '../webhooks/events.ts';

/** For the developer choosing scopes, and in plain words for the site admin's consent screen. */
export interface ScopeInfo {
  description: string;
  consent: string;
}

/** What a domain's job handler may use. */
export interface WorkerDeps {
  db: Db;
  boss: PgBoss;
  databaseUrl: string;
}

/** A queue the worker works: one call of `work` per job; a throw fails that job (pg-boss retries it). */
export interface DomainWorker<Q extends DomainQueue = DomainQueue> {
  queue: Q;
  /** jobs fetched at once (default 10); they run one after another, each with its own result */
  batchSize?: number;
  work(payload: Q extends DomainQueue<infer P> ? z.infer<P> : never, deps: WorkerDeps): Promise<unknown>;
}

export const defineWorker = <Q extends DomainQueue>(worker: DomainWorker<Q>): DomainWorker<Q> => worker;

/** Where the tenancy sweep finds one of each of the domain's rows (see testing/agency-rows.ts). */
export interface DomainTenancy {
  /**
   * Creates one of each row the domain keeps on `siteId` (the module is installed already) and
   * returns their ids under the input keys the procedures take them by (`contactId`…).
   */
  rows(seed: {
    services: Services;
    userId: string;
    agencyId: string;
    siteId: string;
    n: number;
  }): Promise<Record<string, string>>;
  /** A valid call of each of the domain's procedures that takes an id, on those rows ("crm.contacts.get": …). */
  calls: Record<string, (rows: { agencyId: string; siteId: string } & Record<string, string>) => unknown>;
}

export interface DomainDefinition<
  Key extends string = string,
  R extends AnyTRPCRouter = AnyTRPCRouter,
  E extends EventCatalogue = EventCatalogue,
> {
  /** the router key (`appRouter.<key>`), and the prefix of the domain's scopes, events and queues */
  key: Key;
  /** its name in the dashboard ("CRM") */
  name: string;
  router: R;
  /** the system module a site installs to use the domain (its procedures refuse other sites) */
  module: Manifest;
  /** the Prisma schema its tables live in (listed in main.prisma's `schemas`, each table keyed by `siteId`) */
  schema: string | null;
  scopes: Record<string, ScopeInfo>;
  events: E;
  workers: readonly DomainWorker[];
  tenancy: DomainTenancy | null;
  /** its tab on a site's page (`/sites/<siteId>/<segment>`), shown when the site has the module installed */
  navigation: { label: string; segment: string } | null;
}

type Optional = 'scopes' | 'events' | 'workers' | 'tenancy' | 'navigation' | 'schema';

const ownName = (key: string, name: string) => name.startsWith(`${key}.`) || name.startsWith(`${key}:`);

/**
 * Checks a domain's declarations once, when it is defined: scopes, events and queues carry the
 * domain's key as their prefix, so two domains can never claim the same name.
 */
export function defineDomain<const Key extends string, R extends AnyTRPCRouter, E extends EventCatalogue = Record<never, never>>(
  domain: Omit<DomainDefinition<Key, R, E>, Optional> & Partial<Pick<DomainDefinition<Key, R, E>, Optional>>,
): DomainDefinition<Key, R, E> {
  const names = [
    ...Object.keys(domain.scopes ?? {}),
    ...Object.keys(domain.events ?? {}),
    ...(domain.workers ?? []).map((w) => w.queue.name),
  ];
  const foreign = names.filter((name) => !ownName(domain.key, name));
  if (foreign.length > 0) {
    throw new Error(`Domain "${domain.key}": ${foreign.join(', ')} must start with "${domain.key}." or "${domain.key}:"`);
  }
  return {
    schema: null,
    scopes: {},
    events: {} as E,
    workers: [],
    tenancy: null,
    navigation: null,
    ...domain,
  };
}
