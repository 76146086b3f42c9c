// pnpm test:browser: installs Debian's Chromium when missing, starts a throwaway embedded
// PostgreSQL, builds (when stale) and starts the dashboard and the worker against it, then runs
// Playwright. Server logs land in test-results/e2e-web.log and e2e-worker.log.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildWebIfStale, freePort, ROOT, runTs, WEB, waitForHttp, webServer } from './lib/runtime.ts';
import { throwawayDatabase } from './lib/throwaway-db.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DIST = '.next-e2e';

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

function start(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, label: string): ChildProcess {
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = fs.createWriteStream(path.join(ROOT, `test-results/${label}.log`));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

ensureChromium();
fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
const database = await throwawayDatabase('dramac_e2e');
const children: ChildProcess[] = [];
let code = 1;
try {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: 'e2e-secret-0123456789-0123456789',
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: DIST,
    NODE_ENV: 'production' as const,
    SMTP_URL: '',
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: '1', // the webhook spec's receiver listens on 127.0.0.1
    DOMAINS_ALLOW_LOCALHOST: '1', // the embeds spec's client page is served from a verified localhost:<port>
    // every spec signs in from 127.0.0.1; the per-email limit is what validation.spec checks
    SIGNIN_MAX_PER_IP: '1000',
  };
  buildWebIfStale(env, DIST, () => console.log('building the dashboard …'));
  const web = start(...webServer('start'), WEB, { ...env, PORT: String(port) }, 'e2e-web');
  children.push(web, start(...runTs('apps/worker/src/main.ts'), ROOT, env, 'e2e-worker'));
  await waitForHttp(`http://127.0.0.1:${port}/readyz`, 60_000, () => web.exitCode === null, 200);
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/playwright'), ['test', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, E2E_BASE_URL: `http://localhost:${port}`, E2E_DATABASE_URL: database.url, CHROMIUM_PATH: CHROMIUM },
  });
  code = r.status ?? 1;
} catch (err) {
  console.error(err);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  await database.stop();
}
process.exit(code);
