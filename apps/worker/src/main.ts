import { startWorker } from './index.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required (pnpm start sets it)');
  process.exit(1);
}
const worker = await startWorker(url, {
  smtpUrl: process.env.SMTP_URL,
  mailFrom: process.env.MAIL_FROM,
  webhooks: {
    batchSize: Number(process.env.WEBHOOK_BATCH_SIZE ?? 100),
    localConcurrency: Number(process.env.WEBHOOK_CONCURRENCY ?? 2),
  },
});
console.log(`worker ready${process.env.SMTP_URL ? '' : ' (no SMTP_URL: mail is held in the dashboard outbox)'}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await worker.stop();
    process.exit(0);
  });
}
