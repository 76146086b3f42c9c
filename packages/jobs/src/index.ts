// Queue names, payload schemas and retry policies shared by producers (web) and the worker.
// A job is always enqueued in the same transaction as the row it is about (pg-boss `db` option),
// so a rolled-back change never produces a job and a committed one always does.
import { fromPrisma, PgBoss, type PrismaTransactionLike, type QueueOptions } from 'pg-boss';
import { z } from 'zod';

/** Webhook retry policy: about a day of attempts with exponential backoff and jitter (see retrySchedule). */
export const WEBHOOK_RETRY = { retryLimit: 14, retryDelay: 10, retryBackoff: true, retryDelayMax: 4 * 3600 } as const;

/**
 * A job of a worker that died (kill -9, machine lost) comes back once its heartbeat is missed:
 * the worker refreshes it every 5 s while the job runs, and the supervising worker fails jobs
 * whose heartbeat is older than this, within a few seconds (superviseIntervalSeconds), into
 * their normal retry. Only the jobs in flight on the dead worker can run twice.
 */
const HEARTBEAT = { heartbeatSeconds: 10 } as const;

export const queues = {
  'email.send': {
    payload: z.object({ messageId: z.string() }),
    // ~1 s, 2 s, 4 s … capped at 10 min: a flaky SMTP relay gets a fair chance within the hour
    options: {
      retryLimit: 8,
      retryDelay: 1,
      retryBackoff: true,
      retryDelayMax: 600,
      expireInSeconds: 60,
      notify: true,
      ...HEARTBEAT,
    },
  },
  // fans one outbox event out to the matching webhook endpoints
  'events.dispatch': {
    payload: z.object({ eventId: z.string() }),
    options: {
      retryLimit: 20,
      retryDelay: 1,
      retryBackoff: true,
      retryDelayMax: 300,
      expireInSeconds: 60,
      notify: true,
      ...HEARTBEAT,
    },
  },
  // one HTTP attempt per run; pg-boss retries on failure with the same delivery (webhook-id)
  'webhooks.deliver': {
    payload: z.object({ deliveryId: z.string(), manual: z.boolean().optional() }),
    // a killed worker's job comes back when its heartbeat is missed (HEARTBEAT), not after the expiry
    options: { ...WEBHOOK_RETRY, expireInSeconds: 60, notify: true, ...HEARTBEAT },
  },
  // drops the data of uninstalled modules whose retention period has ended (scheduled)
  'modules.purge': {
    payload: z.object({}),
    options: { retryLimit: 3, retryDelay: 60, expireInSeconds: 15 * 60 },
  },
  // finds the domains due for an ownership check and enqueues a domains.verify for each (scheduled)
  'domains.schedule': {
    payload: z.object({}),
    options: { retryLimit: 3, retryDelay: 30, expireInSeconds: 5 * 60 },
  },
  // one ownership check (DNS TXT or meta tag, at most a few seconds); retried if the worker fails
  'domains.verify': {
    payload: z.object({ domainId: z.string() }),
    options: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 60, notify: true, ...HEARTBEAT },
  },
  // deletes request log rows past REQUEST_LOG_RETENTION_DAYS and expired rate-limit counters (scheduled)
  'requestLog.prune': {
    payload: z.object({}),
    options: { retryLimit: 3, retryDelay: 60, expireInSeconds: 15 * 60 },
  },
} satisfies Record<string, { payload: z.ZodType; options: QueueOptions & { notify?: boolean } }>;

/** Recurring jobs (cron, UTC) the worker schedules at start; pg-boss runs each once per slot. */
export const schedules: Partial<Record<QueueName, string>> = {
  'modules.purge': '17 * * * *',
  // often enough for a pending domain's first retries (5 min backoff); a run is one indexed query
  'domains.schedule': '*/5 * * * *',
  // hourly keeps each run's delete small
  'requestLog.prune': '41 * * * *',
};

/**
 * The published webhook retry schedule: the delay before each retry, as pg-boss computes it
 * (retryDelay · 2^n, jittered between half and the full value, capped at retryDelayMax).
 */
export function retrySchedule(policy: { retryLimit: number; retryDelay: number; retryDelayMax: number } = WEBHOOK_RETRY) {
  return Array.from({ length: policy.retryLimit }, (_, i) => {
    const n = Math.min(16, i + 1);
    const min = Math.min(policy.retryDelayMax, (policy.retryDelay * 2 ** n) / 2);
    const max = Math.min(policy.retryDelayMax, policy.retryDelay * 2 ** n);
    return { retry: i + 1, minSeconds: min, maxSeconds: max };
  });
}

export type QueueName = keyof typeof queues;
export type Payload<Q extends QueueName> = z.infer<(typeof queues)[Q]['payload']>;

/** pg-boss keeps its tables in their own schema, beside ours. */
const BOSS_SCHEMA = 'pgboss';

export function createBoss(
  url: string,
  opts: { worker?: boolean; max?: number; superviseIntervalSeconds?: number } = {},
): PgBoss {
  return new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    max: opts.max ?? (opts.worker ? 10 : 4),
    // only the worker runs maintenance and cron; web processes only send
    supervise: opts.worker ?? false,
    schedule: opts.worker ?? false,
    // workers wake on NOTIFY when a job lands instead of waiting for their next poll
    useListenNotify: opts.worker ?? false,
    // expiry of a dead worker's jobs runs in the monitor pass: both intervals bound how soon they come back
    ...(opts.superviseIntervalSeconds
      ? { superviseIntervalSeconds: opts.superviseIntervalSeconds, monitorIntervalSeconds: opts.superviseIntervalSeconds }
      : {}),
  });
}

/**
 * Polling for a worker: NOTIFY wakes it at once for new jobs, but retries coming due send no
 * notification, so it still polls at `seconds` (pg-boss would otherwise slow to 30 s under NOTIFY).
 */
export const polling = (seconds: number) => ({ pollingIntervalSeconds: seconds, notifyPollingIntervalSeconds: seconds });

/**
 * A business domain's queue: declared in the domain's folder (its definition lists it), installed
 * and worked beside the platform's queues. Its name starts with the domain's key (`crm.…`).
 */
export interface DomainQueue<P extends z.ZodType = z.ZodType> {
  name: string;
  payload: P;
  options: QueueOptions & { notify?: boolean };
  /** cron (UTC) when the worker should run it on a schedule */
  schedule?: string;
}

export const defineQueue = <P extends z.ZodType>(queue: DomainQueue<P>): DomainQueue<P> => queue;

/** Enqueues a domain queue's job inside the caller's Prisma transaction. */
export async function enqueueOn<P extends z.ZodType>(
  boss: PgBoss,
  tx: PrismaTransactionLike,
  queue: DomainQueue<P>,
  payload: z.infer<P>,
): Promise<void> {
  await boss.send(queue.name, queue.payload.parse(payload) as object, { db: fromPrisma(tx) });
}

/** Installs pg-boss's schema, our queues and the domains' (`extra`); run with migrations (idempotent). */
export async function installQueues(url: string, extra: readonly DomainQueue[] = []): Promise<void> {
  const boss = createBoss(url, { max: 2 });
  boss.on('error', () => {});
  await boss.start();
  try {
    const all = [...Object.entries(queues), ...extra.map((q) => [q.name, q] as const)];
    for (const [name, def] of all) {
      if (await boss.getQueue(name)) await boss.updateQueue(name, def.options);
      else await boss.createQueue(name, def.options);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
}

/** Enqueues jobs inside the caller's Prisma transaction, in one statement. */
export async function enqueueMany<Q extends QueueName>(
  boss: PgBoss,
  tx: PrismaTransactionLike,
  name: Q,
  payloads: Payload<Q>[],
): Promise<void> {
  if (payloads.length === 0) return;
  await boss.insert(
    name,
    payloads.map((p) => ({ data: queues[name].payload.parse(p) })),
    { db: fromPrisma(tx) },
  );
}

/** Enqueues a job inside the caller's Prisma transaction. */
export async function enqueue<Q extends QueueName>(
  boss: PgBoss,
  tx: PrismaTransactionLike,
  name: Q,
  payload: Payload<Q>,
): Promise<void> {
  await boss.send(name, queues[name].payload.parse(payload), { db: fromPrisma(tx) });
}

export type { PgBoss };
