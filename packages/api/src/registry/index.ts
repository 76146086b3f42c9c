// The registered domains, assembled for the central files: the app router's domain branches,
// scopes, event catalogue, queues and the worker, system modules, dashboard tabs and the
// tenancy sweep's rows. Nothing here names a domain.
//
// Layering: domain folders import the platform's building blocks (trpc.ts, events.ts, jobs), never
// this registry or the files assembled from it (router.ts, external/scopes.ts,
// webhooks/catalogue.ts): those import the domains, so the other direction would be a cycle.
import type { DomainQueue, PgBoss } from '@dramac/jobs';
import { polling } from '@dramac/jobs';
import type { Manifest } from '@dramac/manifest';
import type { Job } from 'pg-boss';
import type { EventCatalogue } from '../webhooks/events.ts';
import type { DomainDefinition, ScopeInfo, WorkerDeps } from './define-domain.ts';
import { domains } from './domains.ts';

type Registered = (typeof domains)[number];

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The event types the domains declare, with their payload schemas (empty while none is registered). */
export type DomainEvents = Intersection<Registered['events']> & EventCatalogue;

/** `appRouter.<key>` for each domain. */
export type DomainRouters = { [D in Registered as D['key']]: D['router'] };

/** The registered domains; read at call time, so a test that registers its own domain sees it here. */
export const registeredDomains = (): readonly DomainDefinition[] => domains;

export const domainRouters = () => Object.fromEntries(registeredDomains().map((d) => [d.key, d.router])) as DomainRouters;

/** Every domain's scopes; two domains naming one scope is a start-up error. */
export function domainScopes(): Record<string, ScopeInfo> {
  return mergeUnique(
    registeredDomains().map((d) => d.scopes),
    'scope',
  );
}

export function domainEvents(): EventCatalogue {
  return mergeUnique(
    registeredDomains().map((d) => d.events),
    'event',
  );
}

export const domainQueues = (): DomainQueue[] => registeredDomains().flatMap((d) => d.workers.map((w) => w.queue));

/** The system modules the domains are installed as (registered with the platform's own at setup). */
export const domainModules = (): Manifest[] => registeredDomains().map((d) => d.module);

/** The Prisma schemas the domains keep their tables in. */
export const domainSchemas = () => registeredDomains().flatMap((d) => (d.schema ? [{ domain: d.key, schema: d.schema }] : []));

/**
 * The site tabs the dashboard adds for the domains, each shown when the site has installed its
 * module (`moduleSlug`).
 */
export const domainNavigation = () =>
  registeredDomains().flatMap((d) =>
    d.navigation ? [{ key: d.key, label: d.navigation.label, segment: d.navigation.segment, moduleSlug: d.module.id }] : [],
  );

/** Starts the worker's handlers and schedules for every domain queue (called by apps/worker). */
export async function workDomainQueues(boss: PgBoss, deps: WorkerDeps, opts: { pollingIntervalSeconds?: number } = {}) {
  for (const worker of registeredDomains().flatMap((d) => d.workers)) {
    const { queue } = worker;
    await boss.work(
      queue.name,
      { batchSize: worker.batchSize ?? 10, ...polling(opts.pollingIntervalSeconds ?? 2), perJobResults: true } as const,
      async (jobs: Job<unknown>[]) => {
        const results = [];
        for (const job of jobs) {
          try {
            const output = await worker.work(queue.payload.parse(job.data), deps);
            results.push({ id: job.id, status: 'completed' as const, output: output ?? undefined });
          } catch (err) {
            results.push({ id: job.id, status: 'failed' as const, output: { message: (err as Error).message } });
          }
        }
        return results;
      },
    );
    if (queue.schedule) await boss.schedule(queue.name, queue.schedule, {}, { tz: 'UTC' });
  }
}

function mergeUnique<T>(records: Record<string, T>[], what: string): Record<string, T> {
  const merged: Record<string, T> = {};
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      if (name in merged) throw new Error(`Two domains declare the ${what} "${name}"`);
      merged[name] = value;
    }
  }
  return merged;
}
