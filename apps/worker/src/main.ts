// The worker process (`pnpm start` runs and supervises it). Logs are JSON lines (pino). While
// PostgreSQL is down pg-boss keeps trying; its errors count toward one outage line per interval
// instead of a line each. SIGTERM/SIGINT stop fetching, let running jobs finish (bounded), exit.
import { log, reportError } from '@dramac/api/runtime';
import { startWorker } from './index.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  log.fatal('DATABASE_URL is required (pnpm start sets it)');
  process.exit(1);
}
const worker = await startWorker(url, {
  smtpUrl: process.env.SMTP_URL,
  mailFrom: process.env.MAIL_FROM,
  // a dead worker's jobs are failed back into their retry within seconds of a missed heartbeat
  superviseIntervalSeconds: 2,
  onError: (err) => reportError('worker', err),
  webhooks: {
    batchSize: Number(process.env.WEBHOOK_BATCH_SIZE ?? 100),
    localConcurrency: Number(process.env.WEBHOOK_CONCURRENCY ?? 2),
  },
});
log.info(process.env.SMTP_URL ? 'worker ready' : 'worker ready (no SMTP_URL: mail is held in the dashboard outbox)');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    log.info({ signal }, 'worker draining');
    await worker.stop();
    process.exit(0);
  });
}
