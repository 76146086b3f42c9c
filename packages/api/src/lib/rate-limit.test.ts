// The per-client quotas (rate-limit.ts) count busy clients behind the request, yet stay one limit
// shared by every web process: every admitted request reaches the store, and the refusals near the
// limit are the store's. Two `createLimits` on one database stand for two web processes.
import { createDb } from '@dramac/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/harness.ts';
import { until } from '../testing/until.ts';
import { createLimits } from './rate-limit.ts';

let url: string;
let one: Awaited<ReturnType<typeof createLimits>>;
let two: Awaited<ReturnType<typeof createLimits>>;

beforeAll(async () => {
  url = await createTestDatabase();
  one = await createLimits(url, { api: true });
  two = await createLimits(url, { api: true });
});
afterAll(async () => {
  await one.close();
  await two.close();
});

async function storedCount(key: string): Promise<number> {
  const db = createDb(url, { max: 1 });
  try {
    const row = await db.rateLimit.findUnique({ where: { key: `api:${key}` } });
    return row?.points ?? 0;
  } finally {
    await db.$disconnect();
  }
}

describe('a client far from its limit', () => {
  it('has every request counted in the shared store, and the RateLimit count goes down by one each time', async () => {
    const remaining: number[] = [];
    for (let i = 0; i < 200; i++) remaining.push((await one.api!.take('busy', 10_000)).remaining);
    expect(remaining).toEqual(Array.from({ length: 200 }, (_, i) => 10_000 - 1 - i));
    await until('all 200 requests in the store', async () => (await storedCount('busy')) === 200);
  });

  it('many at once are all counted', async () => {
    const answers = await Promise.all(Array.from({ length: 300 }, () => one.api!.take('burst', 10_000)));
    expect(answers.every((a) => a.allowed)).toBe(true);
    await until('all 300 requests in the store', async () => (await storedCount('burst')) === 300);
  });
});

describe('two web processes', () => {
  it('admit exactly the limit between them, taking turns', async () => {
    let allowed = 0;
    for (let i = 0; i < 300; i++) if ((await (i % 2 ? one : two).api!.take('shared', 200)).allowed) allowed++;
    expect(allowed).toBe(200);
  });

  it('admit exactly the limit between them, all at once', async () => {
    const answers = await Promise.all(Array.from({ length: 600 }, (_, i) => (i % 2 ? one : two).api!.take('stampede', 200)));
    expect(answers.filter((a) => a.allowed)).toHaveLength(200);
  });

  it('refuse past the limit with the seconds until the window ends', async () => {
    for (let i = 0; i < 40; i++) await one.api!.take('spent', 40);
    const refused = await two.api!.take('spent', 40);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.resetSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.resetSeconds).toBeLessThanOrEqual(60);
  });
});
