// Scale-out as production runs it: two web processes and two worker processes, each its own OS
// process, on one database. What must hold: one rate limit shared by the web processes, every
// webhook delivered once per attempt, and no job run twice. A web process here is the real
// services (pools, limits, caches, queue, request log) behind the same fetch handlers the
// dashboard's routes mount (scripts/scale-out/web-process.ts), so no Next build is needed; the
// workers are the worker's own entry point.
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiToken } from '@dramac/api';
import { type Scenario, scenario } from '@dramac/api/testing';
import { until } from '@dramac/api/testing/until';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitEvent } from '../../packages/api/src/webhooks/emit.ts';
import { createEndpoint } from '../../packages/api/src/webhooks/endpoints.service.ts';
import { ROOT, runTs } from '../lib/runtime.ts';

// the receiver listens on loopback (this process registers the endpoints, the workers call them)
process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = '1';
const LIMIT = 20;
let s: Scenario;
const children: ChildProcess[] = [];
const webUrls: string[] = [];

/** Starts `script` as its own process; resolves with the first stdout line matching `ready`. */
function start(script: string, ready: RegExp): Promise<RegExpMatchArray> {
  const [node, args] = runTs(script);
  const child = spawn(node, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: s.url, API_RATE_LIMIT_PER_MINUTE: String(LIMIT) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = out.match(ready);
      if (match) resolve(match);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
  });
}

beforeAll(async () => {
  s = await scenario();
  const [web1, web2] = await Promise.all([
    start('scripts/scale-out/web-process.ts', /listening (\S+)/),
    start('scripts/scale-out/web-process.ts', /listening (\S+)/),
    start('apps/worker/src/main.ts', /worker ready/),
    start('apps/worker/src/main.ts', /worker ready/),
  ]);
  webUrls.push(web1![1]!, web2![1]!);
}, 300_000);

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.removeAllListeners('exit');
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
});

describe('two web processes', () => {
  it('share one rate limit per client', async () => {
    const owner = await s.user('Limits');
    const site = await s.site(owner);
    const { token } = await createApiToken(s.services.db, {
      agencyId: owner.agencyId,
      siteId: site.id,
      name: 'scale-out',
      scopes: ['site:read'],
      expiresInDays: null,
      createdById: owner.id,
    });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 10; i++) {
      const res = await fetch(`${webUrls[i % 2]}/api/v1/sites/${site.id}`, { headers: { authorization: `Bearer ${token}` } });
      statuses.push(res.status);
    }
    expect(statuses.filter((st) => st === 200)).toHaveLength(LIMIT);
    expect(statuses.slice(LIMIT).every((st) => st === 429)).toBe(true);
  }, 120_000);
});

describe('two worker processes', () => {
  it('deliver every webhook once per attempt and run no job twice', async () => {
    const received = new Map<string, number>();
    const receiver = http.createServer((req, res) => {
      const id = String(req.headers['webhook-id']);
      received.set(id, (received.get(id) ?? 0) + 1);
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    try {
      const owner = await s.user('Hooks');
      const { id: siteId } = await s.site(owner);
      const site = await s.services.db.site.findUniqueOrThrow({ where: { id: siteId } });
      for (let e = 0; e < 3; e++) {
        await createEndpoint(s.services.db, site, { url: `http://127.0.0.1:${port}/e${e}`, description: '', eventTypes: ['*'] });
      }
      const events = 30;
      for (let i = 0; i < events; i++) {
        await s.services.db.$transaction((tx) =>
          emitEvent(tx, s.services.boss, {
            type: 'webhook.test',
            agencyId: owner.agencyId,
            siteId,
            data: { message: `event ${i}` },
          }),
        );
      }
      // (the site's own site.created may reach the endpoints too, if it is dispatched after them)
      const expected = events * 3;
      await until('every delivery to arrive', async () => received.size >= expected, 120_000);
      const deliveries = await until(
        'every delivery to be recorded as succeeded',
        async () => {
          const rows = await s.services.db.webhookDelivery.findMany({ where: { endpoint: { siteId } } });
          return rows.length === received.size && rows.every((d) => d.status === 'succeeded') && rows;
        },
        60_000,
      );
      const attempts = await s.services.db.webhookAttempt.count({ where: { deliveryId: { in: deliveries.map((d) => d.id) } } });
      // each attempt reached its endpoint exactly once, and was recorded once (on a machine slow
      // enough for an attempt to time out, the retry is a second attempt, received and recorded)
      expect(deliveries.length).toBeGreaterThanOrEqual(expected);
      const notOnce = deliveries.filter((d) => received.get(d.id) !== d.attemptCount);
      expect(notOnce.map((d) => ({ id: d.id, received: received.get(d.id) ?? 0, attempts: d.attemptCount }))).toEqual([]);
      expect(attempts).toBe(deliveries.reduce((sum, d) => sum + d.attemptCount, 0));
    } finally {
      receiver.close();
    }
  }, 180_000);
});
