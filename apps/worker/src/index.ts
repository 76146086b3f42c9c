// The pg-boss worker: every background job runs here. Stateless; run as many copies as needed.
import { createDb } from '@dramac/db';
import { createBoss, type Payload, queues } from '@dramac/jobs';
import { createMailer, sendEmail } from './email.ts';
import { type WebhookWorkerOptions, workWebhooks } from './webhooks.ts';

export interface WorkerOptions {
  smtpUrl?: string;
  mailFrom?: string;
  pollingIntervalSeconds?: number;
  /** how often pg-boss looks for expired jobs (a killed worker's), default 60 s */
  superviseIntervalSeconds?: number;
  webhooks?: WebhookWorkerOptions;
}

export async function startWorker(url: string, opts: WorkerOptions = {}) {
  const db = createDb(url, { max: 20 });
  const boss = createBoss(url, { worker: true, max: 20, superviseIntervalSeconds: opts.superviseIntervalSeconds });
  boss.on('error', (err) => console.error('[worker]', err.message));
  await boss.start();
  const mailer = createMailer(opts.smtpUrl);
  const from = opts.mailFrom ?? 'Dramac <no-reply@dramac.local>';
  await boss.work<Payload<'email.send'>>(
    'email.send',
    { batchSize: 10, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 },
    async (jobs) => {
      for (const job of jobs) await sendEmail(db, mailer, queues['email.send'].payload.parse(job.data).messageId, from);
    },
  );
  await workWebhooks(db, boss, { pollingIntervalSeconds: opts.pollingIntervalSeconds, ...opts.webhooks });
  return {
    boss,
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
      mailer?.close();
      await db.$disconnect();
    },
  };
}
