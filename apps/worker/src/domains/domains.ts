// Domain jobs: the schedule hands every domain whose check is due to domains.verify, which checks
// its proof and applies the result (status, history, domain.* events) like "verify now" does.
import { checkDomain, enqueueDueChecks } from '@dramac/api/domains';
import type { Db } from '@dramac/db';
import { type Payload, type PgBoss, polling, queues } from '@dramac/jobs';
import type { Job } from 'pg-boss';

export async function workDomains(db: Db, boss: PgBoss, opts: { pollingIntervalSeconds?: number } = {}) {
  const services = { db, boss };
  await boss.work('domains.schedule', polling(opts.pollingIntervalSeconds ?? 5), async () => ({
    enqueued: await enqueueDueChecks(services),
  }));

  // checks wait on DNS and HTTPS, not the CPU: a batch runs side by side, each with its own result
  await boss.work(
    'domains.verify',
    { batchSize: 10, ...polling(opts.pollingIntervalSeconds ?? 2), perJobResults: true } as const,
    async (jobs: Job<Payload<'domains.verify'>>[]) =>
      Promise.all(
        jobs.map(async (job) => {
          try {
            const { domainId } = queues['domains.verify'].payload.parse(job.data);
            const result = await checkDomain(services, domainId, { manual: false });
            return { id: job.id, status: 'completed' as const, output: { status: result?.domain.status ?? 'removed' } };
          } catch (err) {
            return { id: job.id, status: 'failed' as const, output: { message: (err as Error).message } };
          }
        }),
      ),
  );
}
