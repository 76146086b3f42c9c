// The scheduled pruning of the request log: a real worker and real pg-boss. Rows past the
// retention go, recent ones stay; the rate limiter's expired counters go with them.
import { type Scenario, scenario } from '@dramac/api/testing';
import { until } from '@dramac/api/testing/until';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWorker } from './index.ts';

process.env.REQUEST_LOG_RETENTION_DAYS = '30';

let s: Scenario;
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  s = await scenario();
  worker = await startWorker(s.url, { pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await worker?.stop();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const row = (route: string, createdAt: Date) => ({
  createdAt,
  siteId: 'site-1',
  clientKind: 'anonymous' as const,
  method: 'GET',
  route,
  status: 200,
  latencyMs: 3,
  ip: '127.0.0.1',
});

it('is scheduled hourly and deletes only what is past the retention', async () => {
  const schedules = await worker.boss.getSchedules();
  expect(schedules.map((x) => [x.name, x.cron])).toContainEqual(['requestLog.prune', '41 * * * *']);

  const { db } = s.services;
  await db.requestLog.createMany({
    data: [row('/old', daysAgo(45)), row('/just-past', daysAgo(30.01)), row('/recent', daysAgo(29)), row('/now', new Date())],
  });
  await db.rateLimit.createMany({
    data: [
      { key: 'api:ip:expired', points: 9, expire: BigInt(Date.now() - 1000) },
      { key: 'api:ip:current', points: 1, expire: BigInt(Date.now() + 60_000) },
    ],
  });

  await worker.boss.send('requestLog.prune', {});
  await until('the old rows are pruned', async () => (await db.requestLog.count()) === 2);
  expect((await db.requestLog.findMany({ orderBy: { id: 'asc' } })).map((r) => r.route)).toEqual(['/recent', '/now']);
  expect((await db.rateLimit.findMany({ where: { key: { startsWith: 'api:ip:' } } })).map((r) => r.key)).toEqual([
    'api:ip:current',
  ]);
});
