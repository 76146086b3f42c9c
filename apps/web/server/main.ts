// The web process: `node --import tsx apps/web/server/main.ts [--dev]` (pnpm start, pnpm dev and
// the browser tests run it). Production runs WEB_CONCURRENCY copies of the server (default: one
// per core) under node:cluster, sharing one port; the primary only forks, restarts a copy that
// dies and relays shutdown. `--dev` runs one process with Next's hot reload.
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import { log, parseTrustProxy } from '@dramac/api/runtime';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);

/** WEB_CONCURRENCY, or one process per core. */
function webConcurrency(): number {
  const configured = Number(process.env.WEB_CONCURRENCY);
  return Number.isInteger(configured) && configured > 0 ? configured : os.availableParallelism();
}

/** Seconds from the environment, or the default. */
const seconds = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return (Number.isFinite(value) && value > 0 ? value : fallback) * 1000;
};

async function serveHere(): Promise<void> {
  // read before Next loads: a bad setting stops the process with a clear message
  const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: start the dashboard with `pnpm start` or `pnpm dev`');
  const { default: next } = await import('next');
  const { createHealth } = await import('./health.ts');
  const { createWebServer } = await import('./web-server.ts');
  const app = next({ dev, dir: path.resolve(import.meta.dirname, '..'), hostname: 'localhost', port });
  await app.prepare();
  const health = createHealth(databaseUrl);
  const web = createWebServer({
    handle: app.getRequestHandler(),
    trustProxy,
    // hot reload compiles a page on its first request, which can take a while on a busy machine
    deadlineMs: seconds('REQUEST_TIMEOUT_SECONDS', dev ? 300 : 30),
    readiness: health.readiness,
    graceMs: seconds('SHUTDOWN_GRACE_SECONDS', 10),
  });
  if (dev) web.server.on('upgrade', app.getUpgradeHandler());
  await new Promise<void>((resolve) => web.server.listen(port, resolve));
  log.info({ port }, 'web process listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'web process draining');
    await web.shutdown();
    await health.close();
    await app.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
}

/**
 * Forks the copies and keeps them running: a copy that dies is forked again, after a pause that
 * grows while copies keep dying young; after repeated quick deaths the primary gives up (exit 1),
 * so whatever supervises it (pnpm start, systemd, Kubernetes) sees the failure.
 */
function superviseCopies(count: number): void {
  let stopping = false;
  let quickDeaths = 0;
  const startedAt = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (startedAt.size === 0) process.exit(0);
      return;
    }
    quickDeaths = lived < 10_000 ? quickDeaths + 1 : 0;
    if (quickDeaths > 5) {
      log.fatal({ code, signal }, 'web processes keep dying at start: giving up');
      process.exit(1);
    }
    const delay = Math.min(30_000, 250 * 2 ** quickDeaths);
    log.error({ pid: worker.process.pid, code, signal, restartInMs: delay }, 'a web process died: starting another');
    setTimeout(fork, delay);
  });
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === count) log.info({ port, processes: count }, 'web ready');
  });
  for (let i = 0; i < count; i++) fork();
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (startedAt.size === 0) process.exit(0);
    // a terminal's Ctrl-C reaches the copies too; a SIGTERM from a supervisor only reaches us
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), seconds('SHUTDOWN_GRACE_SECONDS', 10) + 5000).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
}

const copies = dev ? 1 : webConcurrency();
if (cluster.isPrimary && copies > 1) superviseCopies(copies);
else
  await serveHere().catch((err: Error) => {
    log.fatal({ err }, 'the web process could not start');
    process.exit(1);
  });
