// Webhook jobs: fan-out of outbox events, and deliveries. Both run in batches with per-job
// results, so one failing delivery is retried alone while the rest of its batch completes.
import { deliver, dispatchEvent } from '@dramac/api/webhooks';
import type { Db } from '@dramac/db';
import { type PgBoss, type Payload, queues } from '@dramac/jobs';
import type { Job, JobWithMetadata } from 'pg-boss';

export interface WebhookWorkerOptions {
  pollingIntervalSeconds?: number;
  batchSize?: number;
}

export async function workWebhooks(db: Db, boss: PgBoss, opts: WebhookWorkerOptions = {}) {
  const interval = opts.pollingIntervalSeconds ?? 2;
  // NOTIFY wakes workers for new jobs at once; retries coming due do not notify, so keep polling
  // at the same pace to start them on time
  const polling = { pollingIntervalSeconds: interval, notifyPollingIntervalSeconds: interval, batchSize: opts.batchSize ?? 100 };

  await boss.work('events.dispatch', { ...polling, perJobResults: true } as const, async (jobs: Job<Payload<'events.dispatch'>>[]) =>
    Promise.all(
      jobs.map(async (job) => {
        try {
          await dispatchEvent(db, boss, queues['events.dispatch'].payload.parse(job.data).eventId);
          return { id: job.id, status: 'completed' as const };
        } catch (err) {
          return { id: job.id, status: 'failed' as const, output: { message: (err as Error).message } };
        }
      }),
    ),
  );

  await boss.work(
    'webhooks.deliver',
    { ...polling, perJobResults: true, includeMetadata: true } as const,
    async (jobs: JobWithMetadata<Payload<'webhooks.deliver'>>[]) =>
      Promise.all(
        jobs.map(async (job) => {
          try {
            const { deliveryId, manual } = queues['webhooks.deliver'].payload.parse(job.data);
            // a manual redelivery is one attempt; scheduled ones retry until the policy runs out
            const finalAttempt = manual === true || job.retryCount >= job.retryLimit;
            const outcome = await deliver(db, boss, deliveryId, { finalAttempt, manual });
            return outcome === 'retry'
              ? { id: job.id, status: 'failed' as const, output: { message: 'receiver did not accept; retrying' } }
              : { id: job.id, status: 'completed' as const, output: { outcome } };
          } catch (err) {
            return { id: job.id, status: 'failed' as const, output: { message: (err as Error).message } };
          }
        }),
      ),
  );
}
