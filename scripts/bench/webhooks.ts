// Benchmark: webhook delivery through the outbox, the dispatcher and pg-boss, to a local receiver.
//   1. sustained throughput: a burst of events fanned out to several endpoints; deliveries/s until
//      the last one has arrived
//   2. latency at moderate load: events committed at a steady rate; commit → first attempt p50/p99
// The worker runs as its own process (as in production); the receiver runs here. Beside the rates
// it prints the CPU time per delivery of the worker and of PostgreSQL and the load average; a
// delivery that never arrives fails the run.
// Usage: pnpm bench:webhooks [--events 2000] [--endpoints 10] [--rate 20] [--seconds 10]
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb } from '@dramac/db';
import { createBoss } from '@dramac/jobs';
import { emitEvent } from '../../packages/api/src/webhooks/emit.ts';
import { createEndpoint } from '../../packages/api/src/webhooks/endpoints.service.ts';
import { ROOT, runTs } from '../lib/runtime.ts';
import { throwawayDatabase } from '../lib/throwaway-db.ts';
import { arg, cpuSince, loadAverage } from './turns.ts';

const burstEvents = arg('events', 2000);
const endpointCount = arg('endpoints', 10);
const rate = arg('rate', 20);
const seconds = arg('seconds', 10);
process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = '1';
process.env.NEXTAUTH_SECRET ??= 'bench-secret-0123456789-0123456789';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

// ---- the receiver: records when the first attempt of each (event, endpoint) arrived ----
const firstArrival = new Map<string, number>();
let received = 0;
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received++;
    const eventId = (JSON.parse(Buffer.concat(chunks).toString()) as { id: string }).id;
    const key = `${eventId}${req.url}`;
    if (!firstArrival.has(key)) firstArrival.set(key, performance.now());
    res.writeHead(204).end();
  });
});
receiver.keepAliveTimeout = 60_000;
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const port = (receiver.address() as AddressInfo).port;

const database = await throwawayDatabase('bench_webhooks');
const db = createDb(database.url, { max: 10 });
const boss = createBoss(database.url, { max: 10 });
await boss.start();
let worker: ChildProcess | undefined;
try {
  const agency = await db.agency.create({ data: { name: 'Bench' } });
  const site = await db.site.create({
    data: { agencyId: agency.id, name: 'Bench', slug: 'bench', timeZone: 'UTC', currency: 'EUR', locale: 'en' },
  });
  for (let i = 0; i < endpointCount; i++) {
    await createEndpoint(db, site, { url: `http://127.0.0.1:${port}/e${i}`, description: '', eventTypes: ['*'] });
  }
  worker = spawn(...runTs('apps/worker/src/main.ts'), {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) =>
    worker!.stdout!.on('data', (d: Buffer) => d.toString().includes('worker ready') && resolve()),
  );

  const commitTimes = new Map<string, number>();
  async function emit(n: number) {
    const id = await db.$transaction((tx) =>
      emitEvent(tx, boss, { type: 'webhook.test', agencyId: agency.id, siteId: site.id, data: { message: `event ${n}` } }),
    );
    commitTimes.set(id, performance.now());
  }
  async function waitFor(count: number, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (firstArrival.size < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  // 1. throughput: commit a burst (8 at a time), then wait for every delivery
  console.log(`\nload average before: ${loadAverage()}`);
  const cpu = cpuSince(worker.pid!);
  const t0 = performance.now();
  for (let i = 0; i < burstEvents; i += 8)
    await Promise.all(Array.from({ length: Math.min(8, burstEvents - i) }, (_, k) => emit(i + k)));
  const committed = performance.now();
  const deliveredAtCommit = firstArrival.size;
  const expected = burstEvents * endpointCount;
  await waitFor(expected, 300_000);
  const done = performance.now();
  const delivered = firstArrival.size;
  const drainRate = (delivered - deliveredAtCommit) / ((done - committed) / 1000);
  console.log(`\nthroughput: ${burstEvents} events × ${endpointCount} endpoints = ${expected} deliveries`);
  console.log(
    `  committed in ${((committed - t0) / 1000).toFixed(1)} s; all delivered ${((done - t0) / 1000).toFixed(1)} s after the first commit`,
  );
  console.log(
    `  sustained: ${(delivered / ((done - t0) / 1000)).toFixed(0)} deliveries/s overall (${delivered} delivered, ${received} requests)`,
  );
  console.log(`  after the last commit (worker alone on the CPU): ${drainRate.toFixed(0)} deliveries/s`);
  const spent = cpu();
  console.log(
    `  CPU per delivery: worker ${(spent.process / delivered).toFixed(3)} ms, PostgreSQL ${(spent.db / delivered).toFixed(3)} ms (commits included); load average ${loadAverage()}`,
  );
  if (delivered < expected) {
    console.error(`FAILED: ${expected - delivered} deliveries never arrived`);
    process.exitCode = 1;
  }

  // 2. latency at a moderate, steady rate
  firstArrival.clear();
  commitTimes.clear();
  const total = rate * seconds;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    void emit(i);
  }
  await waitFor(total * endpointCount, 60_000);
  const latencies: number[] = [];
  for (const [key, at] of firstArrival) {
    const committedAt = commitTimes.get(key.slice(0, key.indexOf('/')));
    if (committedAt !== undefined) latencies.push(at - committedAt);
  }
  console.log(`\nlatency: ${rate} events/s × ${endpointCount} endpoints for ${seconds} s (${rate * endpointCount} deliveries/s)`);
  console.log(
    `  commit → first attempt: p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms (${latencies.length} deliveries); load average ${loadAverage()}`,
  );
  if (latencies.length < total * endpointCount) {
    console.error(`FAILED: ${total * endpointCount - latencies.length} deliveries never arrived`);
    process.exitCode = 1;
  }
} finally {
  worker?.kill('SIGTERM');
  await new Promise((r) => (worker && worker.exitCode === null ? worker.once('exit', r) : r(null)));
  await boss.stop({ graceful: false });
  await db.$disconnect();
  receiver.close();
  await database.stop();
}
process.exit(process.exitCode ?? 0);
