// Webhook jobs: fan-out of outbox events, and deliveries. Both run in batches with per-job
// results, so one failing delivery is retried alone while the rest of its batch completes.
import { deliverBatch, dispatchEvents } from '@dramac/api/webhooks';
import type { Db } from '@dramac/db';
import { type Payload, type PgBoss, polling, queues } from '@dramac/jobs';
import type { Job, JobWithMetadata } from 'pg-boss';

export interface WebhookWorkerOptions {
  pollingIntervalSeconds?: number;
  batchSize?: number;
  /** batches in flight at once per queue in this process */
  localConcurrency?: number;
}

export async function workWebhooks(db: Db, boss: PgBoss, opts: WebhookWorkerOptions = {}) {
  // with a backlog, a full batch means more is waiting: fetch again at once (burstWhenBatchFull)
  const options = {
    ...polling(opts.pollingIntervalSeconds ?? 2),
    batchSize: opts.batchSize ?? 100,
    burstWhenBatchFull: true,
    localConcurrency: opts.localConcurrency ?? 2,
  };

  await boss.work('events.dispatch', options, async (jobs: Job<Payload<'events.dispatch'>>[]) => {
    // one transaction for the batch; a failure retries the batch, which is idempotent
    await dispatchEvents(
      db,
      boss,
      jobs.map((job) => queues['events.dispatch'].payload.parse(job.data).eventId),
    );
  });

  await boss.work(
    'webhooks.deliver',
    { ...options, perJobResults: true, includeMetadata: true } as const,
    async (jobs: JobWithMetadata<Payload<'webhooks.deliver'>>[]) => {
      const parsed = jobs.map((job) => {
        const { deliveryId, manual } = queues['webhooks.deliver'].payload.parse(job.data);
        // a manual redelivery is one attempt; scheduled ones retry until the policy runs out
        return { deliveryId, manual, finalAttempt: manual === true || job.retryCount >= job.retryLimit };
      });
      try {
        const outcomes = await deliverBatch(db, boss, parsed);
        return jobs.map((job, i) =>
          outcomes[i] === 'retry'
            ? { id: job.id, status: 'failed' as const, output: { message: 'receiver did not accept; retrying' } }
            : { id: job.id, status: 'completed' as const, output: { outcome: outcomes[i] } },
        );
      } catch (err) {
        // nothing was recorded (one transaction): every job of the batch is tried again
        console.error(`[webhooks.deliver] batch of ${jobs.length} failed: ${(err as Error).message}`);
        return jobs.map((job) => ({ id: job.id, status: 'failed' as const, output: { message: (err as Error).message } }));
      }
    },
  );
}
