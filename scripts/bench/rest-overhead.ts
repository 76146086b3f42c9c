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
// PostgreSQL, with the ratios to `neither`, and checks that every logged request reached the
// table (the last batch is written on shutdown).
// Usage: pnpm bench:rest [--duration 10] [--connections 10]
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { seedDemoAt } from '@dramac/api/seed';
import { createDb } from '@dramac/db';
import autocannon from 'autocannon';
import { buildWebIfStale, freePort, nextBin, WEB, waitForHttp } from '../lib/runtime.ts';
import { throwawayDatabase } from '../lib/throwaway-db.ts';
import { demoSiteWithToken } from './demo-token.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const duration = arg('duration', 10);
const connections = arg('connections', 10);
/** seconds per turn: each variant is measured `duration / SLICE` times, in rotating order */
const SLICE = 2;
/** seconds of load before measuring, so every server's code is warm (JIT, pools) */
const WARM_UP = 5;
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
  /** CPU time spent while it was measured: its own process tree, and PostgreSQL's */
  webCpuMs: number;
  dbCpuMs: number;
}

// CPU time per request is read from /proc (Linux): unlike throughput, it hardly moves when other
// work shares the machine. PostgreSQL's is what its processes spent during the variant's turns.
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Every process: its parent and CPU time (ms); empty where there is no /proc. */
function processes(): Map<number, { ppid: number; comm: string; cpuMs: number }> {
  const table = new Map<number, { ppid: number; comm: string; cpuMs: number }>();
  if (!fs.existsSync('/proc/self/stat')) return table;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      table.set(Number(entry), { ppid: Number(fields[1]), comm, cpuMs: (ticks * 1000) / CLK_TCK });
    } catch {} // it exited meanwhile
  }
  return table;
}

/** The pids of `root` and all its descendants. */
function tree(table: ReturnType<typeof processes>, root: number): number[] {
  const pids: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    pids.push(pid);
    for (const [child, p] of table) if (p.ppid === pid) stack.push(child);
  }
  return pids;
}

/** CPU time (ms) `root`'s tree spent between two readings; processes that exited meanwhile are not counted. */
function cpuBetween(before: ReturnType<typeof processes>, after: ReturnType<typeof processes>, root: number): number {
  return tree(after, root).reduce((sum, pid) => sum + after.get(pid)!.cpuMs - (before.get(pid)?.cpuMs ?? 0), 0);
}

/** This process's PostgreSQL (the throwaway server, a child of ours): the postmaster's pid. */
function postmaster(table: ReturnType<typeof processes>): number | undefined {
  return tree(table, process.pid).find(
    (pid) => table.get(pid)?.comm === 'postgres' && table.get(table.get(pid)!.ppid)?.comm !== 'postgres',
  );
}

/** One autocannon run against `server`; `record` adds the answers and CPU time to its figures (not a warm-up's). */
async function measure(server: Server, headers: Record<string, string>, seconds: number, record = true): Promise<void> {
  const before = record ? processes() : null;
  const pg = before && postmaster(before);
  await new Promise<void>((resolve, reject) => {
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
  if (!before) return;
  const after = processes();
  const pid = server.process.pid!;
  server.webCpuMs += cpuBetween(before, after, pid);
  if (pg) server.dbCpuMs += cpuBetween(before, after, pg);
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
    const child = spawn(nextBin, ['start', '-p', String(port)], { cwd: WEB, env, stdio: 'ignore' });
    const server: Server = {
      name: v.name,
      log: v.log,
      url: `http://127.0.0.1:${port}/api/v1/sites/${site.id}`,
      process: child,
      latencies: [],
      answered: 0,
      runs: 0,
      webCpuMs: 0,
      dbCpuMs: 0,
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
    `\n${connections} connections, ${duration} s per variant in ${SLICE} s turns (after a ${WARM_UP} s warm-up each), ${os.cpus().length} cores\n`,
  );
  for (const server of servers) await measure(server, headers, WARM_UP, false);
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
      web: s.webCpuMs / s.latencies.length,
      db: s.dbCpuMs / s.latencies.length,
    };
  });
  const base = rows[0]!;
  const ratio = (value: number, of: number, width: number) => `${(value / of).toFixed(2)}x`.padStart(width);
  console.log(
    'variant     req/s   p50 ms   p99 ms   non-2xx   web CPU ms/req   db CPU ms/req   req/s vs neither   p99 vs neither   CPU/req vs neither',
  );
  for (const r of rows) {
    console.log(
      [
        r.name.padEnd(9),
        r.rps.toFixed(0).padStart(7),
        r.p50.toFixed(1).padStart(8),
        r.p99.toFixed(1).padStart(8),
        String(r.errors).padStart(9),
        r.web.toFixed(2).padStart(16),
        r.db.toFixed(2).padStart(15),
        ratio(r.rps, base.rps, 18),
        ratio(r.p99, base.p99, 16),
        ratio(r.web + r.db, base.web + base.db, 20),
      ].join(' '),
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
