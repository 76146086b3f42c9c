// Queue names, payload schemas and retry policies shared by producers (web) and the worker.
// A job is always enqueued in the same transaction as the row it is about (pg-boss `db` option),
// so a rolled-back change never produces a job and a committed one always does.
import { fromPrisma, PgBoss, type PrismaTransactionLike, type QueueOptions } from 'pg-boss';
import { z } from 'zod';

export const queues = {
  'email.send': {
    payload: z.object({ messageId: z.string() }),
    // ~1 s, 2 s, 4 s … capped at 10 min: a flaky SMTP relay gets a fair chance within the hour
    options: { retryLimit: 8, retryDelay: 1, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 60 },
  },
} satisfies Record<string, { payload: z.ZodType; options: QueueOptions }>;

export type QueueName = keyof typeof queues;
export type Payload<Q extends QueueName> = z.infer<(typeof queues)[Q]['payload']>;

/** pg-boss keeps its tables in their own schema, beside ours. */
export const BOSS_SCHEMA = 'pgboss';

export function createBoss(url: string, opts: { worker?: boolean; max?: number } = {}): PgBoss {
  return new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    max: opts.max ?? (opts.worker ? 10 : 4),
    // only the worker runs maintenance and cron; web processes only send
    supervise: opts.worker ?? false,
    schedule: opts.worker ?? false,
  });
}

/** Installs pg-boss's schema and our queues; run with migrations (idempotent). */
export async function installQueues(url: string): Promise<void> {
  const boss = createBoss(url, { max: 2 });
  boss.on('error', () => {});
  await boss.start();
  try {
    for (const [name, def] of Object.entries(queues)) {
      if (await boss.getQueue(name)) await boss.updateQueue(name, def.options);
      else await boss.createQueue(name, def.options);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
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
