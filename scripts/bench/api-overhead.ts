// Benchmark: what the API stack costs on top of the database. One site read, three ways, against
// the production build on a throwaway embedded PostgreSQL:
//   baseline  GET /api/bench/baseline   raw pg, same SQL condition as the authorisation
//   trpc      GET /api/trpc/sites.get   session cookie → membership check → Prisma
//   rest      GET /api/v1/sites/{id}    API token → scope check → Prisma, through trpc-to-openapi
// Prints requests/s and p50/p99 latency for each and the ratios to the baseline.
// Usage: pnpm bench [--duration 10] [--connections 10]
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { seedDemoAt } from '@dramac/api/seed';
import { createDb } from '@dramac/db';
import autocannon from 'autocannon';
import { encode } from 'next-auth/jwt';
import { buildWebIfStale, freePort, nextBin, WEB, waitForHttp } from '../lib/runtime.ts';
import { throwawayDatabase } from '../lib/throwaway-db.ts';
import { demoSiteWithToken } from './demo-token.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const duration = arg('duration', 10);
const connections = arg('connections', 10);
const SECRET = 'bench-secret-0123456789-0123456789';

const database = await throwawayDatabase('bench');
const url = database.url;
let web: ChildProcess | undefined;
try {
  await seedDemoAt(url);
  const db = createDb(url, { max: 2 });
  const { user, site, token } = await demoSiteWithToken(db);
  await db.$disconnect();
  const cookie = `next-auth.session-token=${await encode({ token: { sub: user.id, email: user.email, name: user.name }, secret: SECRET })}`;

  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production' as const,
    DRAMAC_BENCH: '1',
    // a build of its own, so a running `pnpm start` or `pnpm dev` is not disturbed
    NEXT_DIST_DIR: '.next-bench',
  };
  buildWebIfStale(env, '.next-bench', () => console.log('building the dashboard …'));
  const server = spawn(nextBin, ['start', '-p', String(port)], { cwd: WEB, env, stdio: 'ignore' });
  web = server;
  const base = `http://127.0.0.1:${port}`;
  const input = encodeURIComponent(JSON.stringify({ json: { siteId: site.id } }));
  const targets = {
    baseline: { url: `${base}/api/bench/baseline?siteId=${site.id}&userId=${user.id}`, headers: {} },
    trpc: { url: `${base}/api/trpc/sites.get?input=${input}`, headers: { cookie } },
    rest: { url: `${base}/api/v1/sites/${site.id}`, headers: { authorization: `Bearer ${token}` } },
  };
  await waitForHttp(targets.baseline.url, 60_000, () => server.exitCode === null);
  // every target must answer 200 with the same site before we time anything
  for (const [name, t] of Object.entries(targets)) {
    const res = await fetch(t.url, { headers: t.headers });
    const body = await res.text();
    if (!res.ok || !body.includes(site.slug)) throw new Error(`${name} answered ${res.status}: ${body.slice(0, 200)}`);
  }

  console.log(`\n${connections} connections, ${duration} s per target (after a 3 s warm-up each), ${os.cpus().length} cores\n`);
  const rows: { name: string; rps: number; p50: number; p99: number; errors: number }[] = [];
  for (const [name, t] of Object.entries(targets)) {
    await autocannon({ url: t.url, headers: t.headers, connections, duration: 3 });
    const r = await autocannon({ url: t.url, headers: t.headers, connections, duration });
    rows.push({ name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
  }
  const baseline = rows[0]!;
  console.log('target     req/s    p50 ms   p99 ms   non-2xx   throughput vs baseline   p99 vs baseline');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(9)} ${r.rps.toFixed(0).padStart(6)}   ${r.p50.toFixed(1).padStart(6)}   ${r.p99.toFixed(1).padStart(6)}   ${String(r.errors).padStart(7)}   ${(r.rps / baseline.rps).toFixed(2).padStart(22)}x   ${(r.p99 / baseline.p99).toFixed(2).padStart(14)}x`,
    );
  }
} finally {
  web?.kill('SIGTERM');
  await database.stop();
}
