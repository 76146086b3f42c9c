// Sign-in attempts are limited per email and per IP in front of next-auth's credentials callback.
// Each attempt comes from a real socket; distinct client IPs are distinct loopback addresses
// (127.0.0.x), which the server appends to X-Forwarded-For as a proxy would.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Scenario, scenario } from '../testing/harness.ts';
import { startTestServer, type TestServer } from '../testing/http-server.ts';

const PER_EMAIL = 3;
const PER_IP = 5;

let s: Scenario;
let server: TestServer;
beforeAll(async () => {
  // read when the limits are created, with the services
  vi.stubEnv('SIGNIN_MAX_PER_EMAIL', String(PER_EMAIL));
  vi.stubEnv('SIGNIN_MAX_PER_IP', String(PER_IP));
  s = await scenario();
  server = await startTestServer(s.services);
});
afterAll(async () => {
  await server?.close();
  vi.unstubAllEnvs();
});

let lastIp = 1;
/** A loopback address no earlier attempt came from. */
const freshIp = () => `127.0.0.${++lastIp}`;
let lastEmail = 0;
const freshEmail = () => `someone-${++lastEmail}@example.test`;

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: { url?: string; retryAfter?: number };
}

/** One POST of the sign-in form, as next-auth's `signIn('credentials')` sends it, from `ip`. */
function attempt(email: string, ip: string, headers: Record<string, string> = {}): Promise<Answer> {
  const form = new URLSearchParams({ email, password: 'wrong-password', csrfToken: 'x', json: 'true' }).toString();
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        localAddress: ip,
        method: 'POST',
        path: '/api/auth/callback/credentials',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(form), ...headers },
        agent: false,
      },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: text ? JSON.parse(text) : {} }),
        );
      },
    );
    req.on('error', reject);
    req.end(form);
  });
}

describe('sign-in limits', () => {
  it(`answers 429 with Retry-After after ${PER_EMAIL} attempts for one email`, async () => {
    const email = freshEmail();
    for (let i = 0; i < PER_EMAIL; i += 1) expect((await attempt(email, freshIp())).status).toBe(401);
    // from yet another IP, and with the address in other case: it is the same account
    const blocked = await attempt(email.toUpperCase(), freshIp());
    expect(blocked.status).toBe(429);
    expect(blocked.retryAfter).toMatch(/^\d+$/);
    expect(Number(blocked.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(blocked.body.url).toBe(`${server.url}/sign-in?error=TooManyAttempts`);
    expect(blocked.body.retryAfter).toBe(Number(blocked.retryAfter));
    // another email from another IP is not affected
    expect((await attempt(freshEmail(), freshIp())).status).toBe(401);
  });

  it(`answers 429 after ${PER_IP} attempts from one IP, whatever the email or X-Forwarded-For`, async () => {
    const ip = freshIp();
    for (let i = 0; i < PER_IP; i += 1) expect((await attempt(freshEmail(), ip)).status).toBe(401);
    const blocked = await attempt(freshEmail(), ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(blocked.body.url).toContain('error=TooManyAttempts');
    // a client-supplied X-Forwarded-For does not buy a fresh budget: the address is the socket's
    expect((await attempt(freshEmail(), ip, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
    expect((await attempt(freshEmail(), freshIp())).status).toBe(401);
  });

  it('lets exactly the limit through when attempts race (per email)', async () => {
    const email = freshEmail();
    const answers = await Promise.all(Array.from({ length: 20 }, () => attempt(email, freshIp())));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(PER_EMAIL);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(20 - PER_EMAIL);
  });

  it('lets exactly the limit through when attempts race (per IP)', async () => {
    const ip = freshIp();
    const answers = await Promise.all(Array.from({ length: 20 }, () => attempt(freshEmail(), ip)));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(PER_IP);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(20 - PER_IP);
  });
});
