// The production web server (apps/web/server) decides the client's address from the socket unless
// TRUST_PROXY names a proxy: a client that writes a new X-Forwarded-For on every request must not
// get a fresh rate-limit bucket each time. Also: every answer carries a request id, and the
// health and readiness endpoints answer for a load balancer.
import http from 'node:http';
import { expect, test } from '@playwright/test';

const base = new URL(process.env.E2E_BASE_URL ?? 'http://localhost:3000');

/** One request from a loopback address of the test's own (its own rate-limit bucket). */
function get(path: string, from: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: base.port, path, localAddress: from, headers, agent: false }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

test('a forged X-Forwarded-For does not buy a fresh anonymous rate-limit bucket', async () => {
  const from = `127.0.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 200) + 20}`;
  const statuses: number[] = [];
  // the anonymous limit is 60 a minute per address; each request claims to come from elsewhere
  for (let i = 0; i < 70; i++) {
    const answer = await get('/api/v1/sites/none/webhooks', from, { 'x-forwarded-for': `203.0.113.${i + 1}` });
    statuses.push(answer.status);
  }
  expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(60).every((s) => s === 429)).toBe(true);
});

test('every answer names its request id, error bodies too', async () => {
  const answer = await get('/api/v1/sites/none/webhooks', '127.0.0.1');
  expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f]{20}$/);
  const body = JSON.parse(answer.body) as { error: { requestId?: string } };
  expect(body.error.requestId).toBe(answer.headers['x-request-id']);
});

test('/healthz and /readyz answer for a load balancer', async () => {
  const health = await get('/healthz', '127.0.0.1');
  expect(health.status).toBe(200);
  const ready = await get('/readyz', '127.0.0.1');
  expect(ready.status).toBe(200);
  expect(JSON.parse(ready.body)).toMatchObject({ status: 'ready', database: 'ok', queue: 'ok' });
});
