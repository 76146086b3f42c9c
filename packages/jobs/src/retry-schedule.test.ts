import { describe, expect, it } from 'vitest';
import { retrySchedule, WEBHOOK_RETRY } from './index.ts';

describe('the published webhook retry schedule', () => {
  const schedule = retrySchedule();
  const total = (k: 'minSeconds' | 'maxSeconds') => schedule.reduce((sum, r) => sum + r[k], 0);

  it('backs off exponentially from seconds to hours, capped', () => {
    expect(schedule).toHaveLength(WEBHOOK_RETRY.retryLimit);
    expect(schedule[0]).toEqual({ retry: 1, minSeconds: 10, maxSeconds: 20 });
    for (let i = 1; i < schedule.length; i++) expect(schedule[i]!.minSeconds).toBeGreaterThanOrEqual(schedule[i - 1]!.minSeconds);
    expect(Math.max(...schedule.map((r) => r.maxSeconds))).toBe(WEBHOOK_RETRY.retryDelayMax);
  });

  it('keeps trying for about a day', () => {
    expect(total('minSeconds') / 3600).toBeGreaterThan(16);
    expect(total('maxSeconds') / 3600).toBeLessThan(30);
  });
});
