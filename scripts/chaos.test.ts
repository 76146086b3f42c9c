// The platform heals itself: the real `npm start` orchestrator (scripts/run.ts, production build)
// runs on its own data; under REST traffic and a webhook burst, the worker, the web server and
// PostgreSQL are killed (SIGKILL) one at a time. The others keep serving (or answer 503 while
// PostgreSQL is down), the killed process comes back, every committed delivery arrives, and no
// client ever sees a 500 or an internal message. The figures are printed for the record; the
// assertions are about what a client and a receiver see, not about time on a busy machine.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createCaller, createContext } from '@dramac/api';
import { createServices } from '@dramac/api/http';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { signUp } from '../packages/api/src/platform/auth/auth.service.ts';
import { createSite } from '../packages/api/src/platform/sites/sites.service.ts';
import { freePort, ROOT } from './lib/runtime.ts';

const LEAKS = /ECONNREFUSED|127\.0\.0\.1:\d|Can't reach database|prisma|terminating connection|stack/i;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let data = '';
let port = 0;
let pgPort = 0;
let orchestrator: ChildProcess;
let output = '';
let services: Awaited<ReturnType<typeof createServices>>;
let receiver: http.Server;
const received: { id: string; at: number }[] = [];

/** The orchestrator's child running `script`, by its command line. */
function childRunning(script: string): number | null {
  const pids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(orchestrator.pid)])
    .toString()
    .trim()
    .split(/\s+/);
  for (const pid of pids.filter(Boolean)) {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes(script)) return Number(pid);
  }
  return null;
}

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status;
  } catch {
    return 0;
  }
}

/** Waits for `check`, returning the milliseconds it took. */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}\n${output.slice(-3000)}`);
}

beforeAll(async () => {
  vi.stubEnv('WEBHOOKS_ALLOW_PRIVATE_TARGETS', '1'); // the receiver listens on loopback
  data = fs.mkdtempSync(path.join(os.tmpdir(), 'dramac-chaos-'));
  fs.chmodSync(data, 0o755);
  [port, pgPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DRAMAC_PG_PORT: String(pgPort),
    DRAMAC_DATA_DIR: data,
    WEB_CONCURRENCY: '1',
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: '1',
    API_RATE_LIMIT_PER_MINUTE: '1000000',
  };
  delete env.DATABASE_URL;
  orchestrator = spawn(process.execPath, ['--import', 'tsx', 'scripts/run.ts', 'start'], { cwd: ROOT, env });
  orchestrator.stdout?.on('data', (d: Buffer) => (output += d));
  orchestrator.stderr?.on('data', (d: Buffer) => (output += d));
  // the first start may build the dashboard
  await until('npm start to be ready', async () => (await status(`http://127.0.0.1:${port}/readyz`)) === 200, 20 * 60_000);

  receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push({ id: String(req.headers['webhook-id']), at: Date.now() });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  services = await createServices(`postgresql://postgres:postgres@127.0.0.1:${pgPort}/dramac`, `http://localhost:${port}`);
}, 25 * 60_000);

afterAll(async () => {
  await services?.close().catch(() => {});
  receiver?.close();
  if (orchestrator && orchestrator.exitCode === null) {
    orchestrator.kill('SIGINT');
    await new Promise((r) => orchestrator.once('exit', r));
  }
  if (data) fs.rmSync(data, { recursive: true, force: true });
}, 60_000);

it(
  'keeps serving while the worker, the web server and PostgreSQL are killed one at a time',
  async () => {
    const { user, agencyId } = await signUp(services.db, {
      name: 'Chaos',
      email: `chaos-${Date.now()}@example.test`,
      password: 'chaos-monkey-secret',
      agencyName: 'Chaos Agency',
    });
    const owner = createCaller(createContext(services, user));
    const site = await createSite(services, agencyId, {
      name: 'Chaos',
      slug: `chaos-${Date.now()}`,
      timeZone: 'UTC',
      currency: 'EUR',
      locale: 'en-GB',
    });
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await owner.webhooks.create({ siteId: site.id, url: receiverUrl, eventTypes: ['site.updated'] });
    const { token } = await owner.apiTokens.create({
      agencyId,
      siteId: site.id,
      name: 'chaos',
      scopes: ['site:read'],
      expiresInDays: 1,
    });

    // traffic: four clients reading the site over REST, all the time
    const answers = new Map<number, number>();
    const leaks: string[] = [];
    let traffic = true;
    const client = async () => {
      while (traffic) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/sites/${site.id}`, {
            headers: { authorization: `Bearer ${token}` },
            signal: AbortSignal.timeout(10_000),
          });
          const body = await res.text();
          answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
          if (res.status >= 500 && res.status !== 503) leaks.push(`${res.status} ${body.slice(0, 200)}`);
          if (res.status !== 200 && LEAKS.test(body)) leaks.push(`${res.status} ${body.slice(0, 200)}`);
        } catch {
          answers.set(0, (answers.get(0) ?? 0) + 1); // no answer: the web process itself is down
          await sleep(100);
        }
      }
    };
    const clients = Array.from({ length: 4 }, client);

    // the burst: committed site updates, each one event and one delivery
    let committed = 0;
    const burst = async (n: number) => {
      // five writers at a time: the burst is events, not a test of this process's connection pool
      let next = 0;
      const writer = async () => {
        while (next < n) {
          const i = next++;
          await owner.sites.update({ siteId: site.id, name: `Chaos ${Date.now()}-${i}` });
          committed++;
        }
      };
      await Promise.all(Array.from({ length: Math.min(5, n) }, writer));
    };
    const delivered = () => new Set(received.map((r) => r.id)).size;

    const figures: Record<string, { backMs: number; firstDeliveryMs: number }> = {};
    const targets: { name: string; kill: () => number; back: () => Promise<boolean> }[] = [
      {
        name: 'worker',
        kill: () => childRunning('apps/worker/src/main.ts')!,
        back: async () => output.split('worker ready').length - 1 >= 2,
      },
      {
        name: 'web',
        kill: () => childRunning('apps/web/server/main.ts')!,
        back: async () => (await status(`http://127.0.0.1:${port}/readyz`)) === 200,
      },
      {
        name: 'PostgreSQL',
        kill: () => Number(fs.readFileSync(path.join(data, 'pg/postmaster.pid'), 'utf8').split('\n')[0]),
        back: async () => (await status(`http://127.0.0.1:${port}/readyz`)) === 200,
      },
    ];
    for (const target of targets) {
      await burst(100);
      const pid = target.kill();
      expect(pid).toBeGreaterThan(0);
      process.kill(pid, 'SIGKILL');
      const killedAt = Date.now();
      await sleep(500); // let it be gone before asking whether it is back
      await until(`${target.name} to come back`, target.back);
      const backMs = Date.now() - killedAt;
      // the first delivery of an event committed after recovery
      const before = received.length;
      await until('the burst to resume after recovery', async () => {
        try {
          await burst(1);
          return true;
        } catch {
          return false;
        }
      });
      const committedAt = Date.now();
      await until(`a delivery after ${target.name} came back`, () => received.length > before);
      figures[target.name] = { backMs, firstDeliveryMs: Date.now() - committedAt };
    }

    await until('every committed delivery', () => delivered() >= committed, 180_000);
    traffic = false;
    await Promise.all(clients);
    const duplicates = received.length - delivered();
    console.log(
      `[chaos] ${JSON.stringify({ figures, committed, delivered: delivered(), duplicates, answers: Object.fromEntries(answers) })}`,
    );

    expect(leaks).toEqual([]);
    expect(delivered()).toBe(committed);
    // the others kept serving: most answers were the site itself
    expect(answers.get(200) ?? 0).toBeGreaterThan(0);
    expect([...answers.keys()].every((s) => s === 200 || s === 503 || s === 0)).toBe(true);
  },
  15 * 60_000,
);
