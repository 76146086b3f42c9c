// The pg-boss worker: every background job runs here. Stateless; run as many copies as needed.
import { createDb } from '@dramac/db';
import { createBoss, type Payload, queues } from '@dramac/jobs';
import { createMailer, sendEmail } from './email.ts';

export async function startWorker(url: string, opts: { smtpUrl?: string; mailFrom?: string; pollingIntervalSeconds?: number } = {}) {
  const db = createDb(url, { max: 5 });
  const boss = createBoss(url, { worker: true });
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
  return {
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
      mailer?.close();
      await db.$disconnect();
    },
  };
}
