// pnpm test:browser: installs Debian's Chromium when missing, starts a throwaway embedded
// PostgreSQL, builds and starts the dashboard and the worker against it, then runs Playwright.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@dramac/db/embedded';
import { applyMigrations } from '@dramac/db/migrate';
import { installQueues } from '@dramac/jobs';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '..');
const WEB = path.join(ROOT, 'apps/web');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  console.log('installing Debian chromium for the browser tests …');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args: string[]) => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    const r = spawnSync(cmd as string, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  };
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation']);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function start(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, label: string): ChildProcess {
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = fs.createWriteStream(path.join(ROOT, `test-results/${label}.log`));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

ensureChromium();
fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dramac-e2e-pg-'));
fs.chmodSync(dir, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort(), persistent: false });
const children: ChildProcess[] = [];
let code = 1;
try {
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query('create database dramac_e2e');
  await admin.end();
  const url = server.url('dramac_e2e');
  await applyMigrations(url);
  await installQueues(url);

  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: 'e2e-secret-0123456789-0123456789',
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production' as const,
    SMTP_URL: '',
  };
  console.log('building the dashboard …');
  execFileSync(path.join(WEB, 'node_modules/.bin/next'), ['build'], { cwd: WEB, env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(start(path.join(WEB, 'node_modules/.bin/next'), ['start', '-p', String(port)], WEB, env, 'e2e-web'));
  children.push(start(path.join(ROOT, 'node_modules/.bin/tsx'), ['apps/worker/src/main.ts'], ROOT, env, 'e2e-worker'));
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/sign-in`)).status < 500) break;
    } catch {}
    if (i > 240) throw new Error('the dashboard did not start; see test-results/e2e-web.log');
    await new Promise((r) => setTimeout(r, 250));
  }
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/playwright'), ['test', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, E2E_BASE_URL: `http://localhost:${port}`, E2E_DATABASE_URL: url, CHROMIUM_PATH: CHROMIUM },
  });
  code = r.status ?? 1;
} catch (err) {
  console.error(err);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
