// The pg-boss worker: every background job runs here. Stateless; run as many copies as needed.
import { workDomainQueues } from '@dramac/api/registry';
import { log } from '@dramac/api/runtime';
import { createDb } from '@dramac/db';
import { createBoss, type Payload, polling, queues, schedules } from '@dramac/jobs';
import type { Job } from 'pg-boss';
import { workDomains } from './domains/domains.ts';
import { createMailer, sendEmail } from './email.ts';
import { workModules } from './modules.ts';
import { workRequestLog } from './request-log.ts';
import { type WebhookWorkerOptions, workWebhooks } from './webhooks.ts';

export interface WorkerOptions {
  smtpUrl?: string;
  mailFrom?: string;
  pollingIntervalSeconds?: number;
  /** how often pg-boss supervises and looks for expired jobs (a killed worker's), default 60 s */
  superviseIntervalSeconds?: number;
  webhooks?: WebhookWorkerOptions;
  /** pg-boss's background errors (default: logged) */
  onError?: (err: Error) => void;
}

export async function startWorker(url: string, opts: WorkerOptions = {}) {
  const db = createDb(url, { max: 20 });
  const boss = createBoss(url, { worker: true, max: 20, superviseIntervalSeconds: opts.superviseIntervalSeconds });
  boss.on('error', opts.onError ?? ((err) => log.error({ source: 'worker', err }, err.message)));
  await boss.start();
  const mailer = createMailer(opts.smtpUrl);
  const from = opts.mailFrom ?? 'Dramac <no-reply@dramac.local>';
  // one result per job: a message the server refuses must not fail (and delay) the rest of its batch
  await boss.work(
    'email.send',
    { batchSize: 10, ...polling(opts.pollingIntervalSeconds ?? 1), perJobResults: true } as const,
    async (jobs: Job<Payload<'email.send'>>[]) => {
      const results = [];
      for (const job of jobs) {
        try {
          await sendEmail(db, mailer, queues['email.send'].payload.parse(job.data).messageId, from);
          results.push({ id: job.id, status: 'completed' as const });
        } catch (err) {
          results.push({ id: job.id, status: 'failed' as const, output: { message: (err as Error).message } });
        }
      }
      return results;
    },
  );
  await workWebhooks(db, boss, { pollingIntervalSeconds: opts.pollingIntervalSeconds, ...opts.webhooks });
  await workModules(db, boss, url, { pollingIntervalSeconds: opts.pollingIntervalSeconds });
  await workDomains(db, boss, { pollingIntervalSeconds: opts.pollingIntervalSeconds });
  await workRequestLog(db, boss, { pollingIntervalSeconds: opts.pollingIntervalSeconds });
  // the business domains' queues (their definitions in @dramac/api's registry), schedules included
  await workDomainQueues(boss, { db, boss, databaseUrl: url }, { pollingIntervalSeconds: opts.pollingIntervalSeconds });
  // recurring jobs: scheduling is idempotent, and pg-boss runs each slot once across all workers
  for (const [name, cron] of Object.entries(schedules)) await boss.schedule(name, cron, {}, { tz: 'UTC' });
  return {
    boss,
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
      mailer?.close();
      await db.$disconnect();
    },
  };
}
