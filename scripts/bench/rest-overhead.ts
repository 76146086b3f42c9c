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
// Prints requests/s and p50/p99 latency for each, with the ratios to `neither`, and checks that
// every logged request reached the table (the last batch is written on shutdown).
// Usage: pnpm bench:rest [--duration 10] [--connections 10]
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { createApiToken } from '@dramac/api';
import { seedDemoAt } from '@dramac/api/seed';
import { createDb } from '@dramac/db';
import autocannon from 'autocannon';
import { buildWebIfStale, freePort, nextBin, WEB, waitForHttp } from '../lib/runtime.ts';
import { throwawayDatabase } from '../lib/throwaway-db.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const duration = arg('duration', 10);
const connections = arg('connections', 10);
/** seconds per turn: each variant is measured `duration / SLICE` times, in rotating order */
const SLICE = 2;
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
  latencies: number[];
  /** answers received, warm-up included: the rows its request log must hold */
  answered: number;
  /** autocannon runs: each may leave `connections` requests in flight, served and logged too */
  runs: number;
  non2xx: number;
  seconds: number;
}

/** One autocannon run against `server`; `record` adds the answers' latencies to its figures (not a warm-up's). */
function measure(server: Server, headers: Record<string, string>, seconds: number, record = true): Promise<void> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url: server.url, headers, connections, duration: seconds }, (err) =>
      err ? reject(err) : resolve(),
    );
    server.runs++;
    instance.on('response', (_client, status, _bytes, ms) => {
      server.answered++;
      if (!record) return;
      if (status < 200 || status >= 300) server.non2xx++;
      server.latencies.push(ms);
    });
    if (record) instance.on('done', () => (server.seconds += seconds));
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

const database = await throwawayDatabase('bench_rest');
const url = database.url;
const servers: Server[] = [];
try {
  await seedDemoAt(url);
  const db = createDb(url, { max: 2 });
  const user = await db.user.findUniqueOrThrow({ where: { email: 'demo@dramac.dev' }, include: { memberships: true } });
  const site = await db.site.findFirstOrThrow({ where: { agencyId: user.memberships[0]?.agencyId } });
  const { token } = await createApiToken(db, {
    agencyId: site.agencyId,
    siteId: site.id,
    name: 'bench',
    scopes: ['site:read'],
    expiresInDays: 1,
    createdById: user.id,
  });
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
    const child = spawn(nextBin, ['start', '-p', String(port)], { cwd: WEB, env, stdio: 'ignore' });
    const server: Server = {
      name: v.name,
      log: v.log,
      url: `http://127.0.0.1:${port}/api/v1/sites/${site.id}`,
      process: child,
      latencies: [],
      answered: 0,
      runs: 0,
      non2xx: 0,
      seconds: 0,
    };
    servers.push(server);
    // (not the measured route: its answers without a token would land in the request log)
    await waitForHttp(`http://127.0.0.1:${port}/api/v1/openapi.json`, 60_000, () => child.exitCode === null);
    // each variant answers the same site, with the limit headers exactly when limits are on
    const res = await fetch(server.url, { headers });
    const body = await res.text();
    if (!res.ok || !body.includes(site.slug)) throw new Error(`${v.name} answered ${res.status}: ${body.slice(0, 200)}`);
    if (v.limits !== res.headers.has('ratelimit'))
      throw new Error(`${v.name}: the RateLimit header is ${v.limits ? 'missing' : 'there'}`);
    if (v.log) server.answered++;
  }

  console.log(
    `\n${connections} connections, ${duration} s per variant in ${SLICE} s turns (after a 3 s warm-up each), ${os.cpus().length} cores\n`,
  );
  for (const server of servers) await measure(server, headers, 3, false);
  const turns = Math.max(1, Math.round(duration / SLICE));
  for (let turn = 0; turn < turns; turn++) {
    for (let i = 0; i < servers.length; i++) await measure(servers[(turn + i) % servers.length]!, headers, SLICE);
  }

  const rows = servers.map((s) => {
    const sorted = [...s.latencies].sort((a, b) => a - b);
    return {
      name: s.name,
      rps: s.latencies.length / s.seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      errors: s.non2xx,
    };
  });
  const baseline = rows[0]!;
  console.log('variant     req/s    p50 ms   p99 ms   non-2xx   throughput vs neither   p99 vs neither');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(9)} ${r.rps.toFixed(0).padStart(7)}   ${r.p50.toFixed(1).padStart(6)}   ${r.p99.toFixed(1).padStart(6)}   ${String(r.errors).padStart(7)}   ${(r.rps / baseline.rps).toFixed(2).padStart(20)}x   ${(r.p99 / baseline.p99).toFixed(2).padStart(13)}x`,
    );
  }

  // the servers stop gracefully: each writes its last batch on SIGTERM
  for (const s of servers) await stop(s.process);
  const logged = servers.filter((s) => s.log);
  const answered = logged.reduce((sum, s) => sum + s.answered, 0);
  const inFlight = logged.reduce((sum, s) => sum + s.runs * connections, 0);
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
