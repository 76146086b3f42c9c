// Webhook delivery end to end: real pg-boss worker, real HTTP receivers on loopback, signatures
// verified with `standardwebhooks` (the spec's reference implementation).
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Scenario, scenario, type TestUser } from '@dramac/api/testing';
import { until } from '@dramac/api/testing/until';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWorker } from './index.ts';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver whose answers the test scripts: a status, or `hang` to never answer. */
async function receiver(script: (n: number) => number | 'hang' = () => 200) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const answer = script(received.length);
      if (answer === 'hang') return;
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(`answer ${answer}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  const close = () => new Promise<void>((r) => server.close(() => r()));
  closers.push(async () => {
    server.closeAllConnections();
    await close();
  });
  return { url, received };
}

const closers: (() => Promise<void>)[] = [];
let s: Scenario;
let owner: TestUser;
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  vi.stubEnv('WEBHOOKS_ALLOW_PRIVATE_TARGETS', '1');
  vi.stubEnv('WEBHOOK_TIMEOUT_MS', '1500');
  s = await scenario();
  owner = await s.user('Olivia');
  // fast retries for the tests; the production policy is checked separately
  await s.services.boss.updateQueue('webhooks.deliver', {
    retryDelay: 1,
    retryBackoff: false,
    retryLimit: 3,
    expireInSeconds: 3,
  });
  worker = await startWorker(s.url, { pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1 });
});
afterAll(async () => {
  await worker?.stop();
  vi.unstubAllEnvs();
});
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function endpointFor(url: string, eventTypes = ['*']) {
  const site = await s.site(owner);
  const endpoint = await owner.api.webhooks.create({ siteId: site.id, url, eventTypes });
  return { site, endpoint };
}

const attemptsOf = (deliveryId: string) =>
  s.services.db.webhookAttempt.findMany({ where: { deliveryId }, orderBy: { attempt: 'asc' } });

describe('webhook delivery', () => {
  it('delivers a committed change once, signed per Standard Webhooks', async () => {
    const r = await receiver();
    const { site, endpoint } = await endpointFor(r.url, ['site.*']);
    await owner.api.sites.update({ siteId: site.id, name: 'Renamed florist' });
    const msg = await until('a delivery', async () => r.received.find((m) => m.body.includes('Renamed florist')));
    const verified = new Webhook(endpoint.secret).verify(msg.body, msg.headers as Record<string, string>) as {
      type: string;
      data: { site: { name: string } };
    };
    expect(verified.type).toBe('site.updated');
    expect(verified.data.site.name).toBe('Renamed florist');
    expect(msg.headers['webhook-id']).toMatch(/^msg_/);
    // a forged signature does not verify
    expect(() =>
      new Webhook(`whsec_${Buffer.from('x'.repeat(24)).toString('base64')}`).verify(msg.body, msg.headers as never),
    ).toThrow();
    const delivery = await until('success', () =>
      s.services.db.webhookDelivery.findFirst({ where: { endpointId: endpoint.id, status: 'succeeded' } }),
    );
    await new Promise((res) => setTimeout(res, 1500));
    expect(r.received.filter((m) => m.headers['webhook-id'] === delivery.id)).toHaveLength(1); // no second delivery after a 2xx
    expect(await attemptsOf(delivery.id)).toMatchObject([{ attempt: 1, statusCode: 200, responseBody: 'answer 200' }]);
  });

  it('emits nothing for a rolled-back change', async () => {
    const r = await receiver();
    const { site } = await endpointFor(r.url);
    const other = await s.site(owner);
    const before = await s.services.db.event.count();
    // a duplicate slug makes the update fail inside its transaction
    await expect(owner.api.sites.update({ siteId: site.id, slug: other.slug })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await s.services.db.event.count()).toBe(before);
    await owner.api.webhooks.sendTest({
      siteId: site.id,
      endpointId: (await owner.api.webhooks.list({ siteId: site.id }))[0]!.id,
    });
    await until('the test event', async () => r.received.length > 0);
    expect(r.received.map((m) => JSON.parse(m.body).type)).toEqual(['webhook.test']);
  });

  it('retries after 500s and timeouts with the same webhook-id, then succeeds', async () => {
    const r = await receiver((n) => (n === 1 ? 500 : n === 2 ? 'hang' : 204));
    const { site, endpoint } = await endpointFor(r.url);
    await owner.api.sites.update({ siteId: site.id, name: 'Retry me' });
    const delivery = await until('success after retries', () =>
      s.services.db.webhookDelivery.findFirst({ where: { endpointId: endpoint.id, status: 'succeeded' } }),
    );
    expect(r.received).toHaveLength(3);
    expect(new Set(r.received.map((m) => m.headers['webhook-id']))).toEqual(new Set([delivery.id]));
    const attempts = await attemptsOf(delivery.id);
    expect(attempts.map((a) => a.statusCode)).toEqual([500, null, 204]);
    expect(attempts[1]?.error).toMatch(/Timed out/);
  });

  it('marks a delivery failed when the retries run out', async () => {
    const r = await receiver(() => 500);
    const { site, endpoint } = await endpointFor(r.url);
    await owner.api.sites.update({ siteId: site.id, name: 'Never accepted' });
    const failed = await until('failure', () =>
      s.services.db.webhookDelivery.findFirst({ where: { endpointId: endpoint.id, status: 'failed' } }),
    );
    expect(failed.attemptCount).toBe(4); // the first attempt and retryLimit (3) retries
    expect(r.received).toHaveLength(4);
    // the dashboard's "redeliver" sends it once more, with the same webhook-id
    await owner.api.webhooks.redeliver({ siteId: site.id, deliveryId: failed.id });
    const attempts = await until('the manual attempt is recorded', async () => {
      const a = await attemptsOf(failed.id);
      return a.length === 5 && a;
    });
    expect(r.received[4]!.headers['webhook-id']).toBe(failed.id);
    expect(attempts.map((a) => a.manual)).toEqual([false, false, false, false, true]);
  });

  it('disables an endpoint that answers 410 Gone', async () => {
    const r = await receiver(() => 410);
    const { site, endpoint } = await endpointFor(r.url);
    await owner.api.sites.update({ siteId: site.id, name: 'Gone' });
    const disabled = await until('disabled', async () => {
      const e = await s.services.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
      return !e.enabled && e;
    });
    expect(disabled.disabledReason).toMatch(/410/);
    expect(r.received).toHaveLength(1);
  });

  it('disables an endpoint failing for days and tells the admins by email', async () => {
    const r = await receiver(() => 503);
    const { site, endpoint } = await endpointFor(r.url);
    await s.services.db.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { failingSince: new Date(Date.now() - 6 * 86_400_000) },
    });
    await owner.api.sites.update({ siteId: site.id, name: 'Still failing' });
    await until(
      'disabled',
      async () => !(await s.services.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).enabled,
    );
    const mail = await until('the email', () =>
      s.services.db.emailMessage.findFirst({ where: { to: owner.email, subject: `Webhook endpoint disabled: ${r.url}` } }),
    );
    expect(mail.text).toContain(r.url);
  });

  it('follows no redirect and keeps only the start of a huge response', async () => {
    const target = await receiver();
    const big = 'x'.repeat(1_000_000);
    const server = http.createServer((req, res) => {
      req.resume();
      if (req.url === '/redirect') res.writeHead(307, { location: target.url }).end();
      else res.writeHead(500).end(big);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const site = await s.site(owner);
    for (const path of ['/redirect', '/huge']) {
      const endpoint = await owner.api.webhooks.create({ siteId: site.id, url: `${base}${path}`, eventTypes: ['*'] });
      const { deliveryId } = await owner.api.webhooks.sendTest({ siteId: site.id, endpointId: endpoint.id });
      const [attempt] = await until('the attempt', async () => {
        const a = await attemptsOf(deliveryId);
        return a.length > 0 && a;
      });
      if (path === '/redirect') expect(attempt?.statusCode).toBe(307);
      else expect(attempt?.responseBody?.length).toBeLessThanOrEqual(2048);
    }
    expect(target.received).toHaveLength(0);
  });

  it('signs with both secrets during a rotation', async () => {
    const r = await receiver();
    const { site, endpoint } = await endpointFor(r.url);
    const rotated = await owner.api.webhooks.rotateSecret({ siteId: site.id, endpointId: endpoint.id });
    expect(rotated.secret).not.toBe(endpoint.secret);
    await owner.api.webhooks.sendTest({ siteId: site.id, endpointId: endpoint.id });
    const msg = await until('delivery', async () => r.received[0]);
    expect(String(msg.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [endpoint.secret, rotated.secret]) {
      expect(() => new Webhook(secret).verify(msg.body, msg.headers as Record<string, string>)).not.toThrow();
    }
  });

  it('refuses private targets unless allowed, at creation and at connect time', async () => {
    const r = await receiver();
    const { site, endpoint } = await endpointFor(r.url);
    vi.stubEnv('WEBHOOKS_ALLOW_PRIVATE_TARGETS', '0');
    try {
      for (const url of [
        'http://127.0.0.1/x',
        'http://169.254.169.254/latest/meta-data',
        'http://10.0.0.5/',
        'http://localhost:8080/',
        'http://[::1]/',
      ]) {
        await expect(owner.api.webhooks.create({ siteId: site.id, url, eventTypes: ['*'] })).rejects.toMatchObject({
          code: 'BAD_REQUEST',
        });
      }
      // an endpoint stored earlier still cannot reach loopback: the guard checks the resolved address
      const { deliveryId } = await owner.api.webhooks.sendTest({ siteId: site.id, endpointId: endpoint.id });
      const [attempt] = await until('the refused attempt', async () => {
        const a = await attemptsOf(deliveryId);
        return a.length > 0 && a;
      });
      expect(attempt?.statusCode).toBeNull();
      expect(attempt?.error).toMatch(/not allowed/i);
      expect(r.received).toHaveLength(0);
    } finally {
      vi.stubEnv('WEBHOOKS_ALLOW_PRIVATE_TARGETS', '1');
    }
  });

  it('loses nothing when the worker is killed mid-delivery', async () => {
    const r = await receiver((n) => (n === 1 ? 'hang' : 200));
    const { site, endpoint } = await endpointFor(r.url);
    await worker.stop(); // only the doomed worker below may pick the job up
    // node itself with tsx as a loader: one process, so SIGKILL really kills the worker
    const doomed = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, DATABASE_URL: s.url, WEBHOOK_TIMEOUT_MS: '60000' },
      stdio: 'ignore',
    });
    try {
      await owner.api.sites.update({ siteId: site.id, name: 'Survives a crash' });
      await until('the doomed worker to start the delivery', async () => r.received.length === 1, 30_000);
      doomed.kill('SIGKILL');
    } finally {
      if (doomed.exitCode === null) doomed.kill('SIGKILL');
    }
    worker = await startWorker(s.url, { pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1 });
    await until('redelivery after the crash', async () => r.received.length >= 2, 30_000);
    expect(r.received[1]!.headers['webhook-id']).toBe(r.received[0]!.headers['webhook-id']);
    await until('success', () =>
      s.services.db.webhookDelivery.findFirst({ where: { endpointId: endpoint.id, status: 'succeeded' } }),
    );
  });
});
