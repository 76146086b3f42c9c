// `pnpm start` (production build) and `pnpm dev` (hot reload): the database (embedded unless
// DATABASE_URL is set), migrations, the demo seed, then the dashboard and the worker. Ctrl-C
// stops the web server and the worker, then PostgreSQL.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { seedDemoAt } from '@dramac/api/seed';
import { prepareDatabase } from '@dramac/api/setup';
import { dataDir, openLocalDatabase } from '@dramac/db/local';
import { buildWebIfStale, loadDotEnv, nextBin, ROOT, runTs, WEB, waitForHttp } from './lib/runtime.ts';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
const started = Date.now();
const say = (line: string) => console.log(`\x1b[36m[dramac]\x1b[0m ${line}`);

loadDotEnv();

/** A session secret generated once and kept beside the data, so sessions survive restarts. */
function sessionSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir(), 'nextauth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; label: string }): ChildProcess {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((l) => `\x1b[90m[${opts.label}]\x1b[0m ${l}`)
      .join('\n');
  child.stdout?.on('data', (c: Buffer) => console.log(prefix(c)));
  child.stderr?.on('data', (c: Buffer) => console.error(prefix(c)));
  return child;
}

const port = Number(process.env.PORT ?? 3000);
const logFile = path.join(dataDir(), 'postgres.log');
fs.mkdirSync(dataDir(), { recursive: true });
say(
  process.env.DATABASE_URL
    ? 'using DATABASE_URL'
    : `starting embedded PostgreSQL (data in ${path.relative(ROOT, dataDir()) || '.'}/pg, log in ${path.relative(ROOT, logFile)})`,
);
let database: Awaited<ReturnType<typeof openLocalDatabase>>;
try {
  database = await openLocalDatabase((line) => fs.appendFileSync(logFile, `${line}\n`));
} catch (err) {
  console.error(`\n${(err as Error).message}\n`);
  process.exit(1);
}
say(`database: ${database.description}`);

const children: ChildProcess[] = [];
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping …');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  if (database.owned) await database.stop();
  say('stopped');
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(0));

try {
  const applied = await prepareDatabase(database.url);
  say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'migrations up to date');
  const demo = await seedDemoAt(database.url);
  if (demo.created) say('seeded the demo agency');

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: sessionSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    // in development, webhooks may target receivers on this machine
    ...(mode === 'dev'
      ? {
          WEBHOOKS_ALLOW_PRIVATE_TARGETS: process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS ?? '1',
          DOMAIN_VERIFY_ALLOW_PRIVATE_TARGETS: process.env.DOMAIN_VERIFY_ALLOW_PRIVATE_TARGETS ?? '1',
          DOMAINS_ALLOW_LOCALHOST: process.env.DOMAINS_ALLOW_LOCALHOST ?? '1',
        }
      : {}),
  };

  if (mode === 'start')
    buildWebIfStale(env, '.next', () => say('building the dashboard (first start or changed sources, ~1 min) …'));

  const web =
    mode === 'dev'
      ? run(nextBin, ['dev', '-p', String(port)], { cwd: WEB, env, label: 'web' })
      : run(nextBin, ['start', '-p', String(port)], { cwd: WEB, env: { ...env, NODE_ENV: 'production' }, label: 'web' });
  const [workerCmd, workerArgs] =
    mode === 'dev'
      ? [path.join(ROOT, 'node_modules/.bin/tsx'), ['watch', 'apps/worker/src/main.ts']]
      : runTs('apps/worker/src/main.ts');
  const worker = run(workerCmd, workerArgs, { cwd: ROOT, env, label: 'worker' });
  children.push(web, worker);
  for (const child of children) {
    child.on('exit', (code) => {
      if (!stopping) {
        say(`a process exited unexpectedly (code ${code}); shutting down`);
        void shutdown(1);
      }
    });
  }

  // announce once the dashboard answers (dev compiles the page on first request)
  await waitForHttp(`http://127.0.0.1:${port}/sign-in`, 180_000, () => !stopping);
  if (!stopping) {
    say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    say(`dashboard: \x1b[1mhttp://localhost:${port}\x1b[0m   API docs: http://localhost:${port}/docs/api`);
    say(`sign in as \x1b[1m${demo.email}\x1b[0m / \x1b[1m${demo.password}\x1b[0m   (Ctrl-C to stop)`);
  }
} catch (err) {
  console.error(err);
  await shutdown(1);
}
