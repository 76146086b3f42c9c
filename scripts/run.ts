// `pnpm start` (production build) and `pnpm dev` (hot reload): the database (embedded unless
// DATABASE_URL is set), migrations, the demo seed, then the dashboard and the worker, each kept
// running by a supervisor (lib/supervisor.ts): a process that dies is started again, and the
// others keep serving meanwhile. Ctrl-C stops the web server and the worker, then PostgreSQL.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { seedDemoAt } from '@dramac/api/seed';
import { prepareDatabase } from '@dramac/api/setup';
import { dataDir, type EmbeddedProcess, openLocalDatabase } from '@dramac/db/local';
import { readableLine } from './lib/log-lines.ts';
import { buildWebIfStale, loadDotEnv, ROOT, runTs, WEB, waitForHttp, webServer } from './lib/runtime.ts';
import { type Running, running, type Supervised, spawnRelayed, supervise } from './lib/supervisor.ts';

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

/** Starts a child whose output is shown with its label, as JSON log lines made readable. */
function startChild(label: string, [cmd, args]: [string, string[]], cwd: string, env: NodeJS.ProcessEnv): Running {
  const child = spawnRelayed(cmd, args, {
    cwd,
    env,
    relay: (line, stream) => (stream === 'out' ? console.log : console.error)(`\x1b[90m[${label}]\x1b[0m ${readableLine(line)}`),
  });
  return running(child);
}

const port = Number(process.env.PORT ?? 3000);
const logFile = path.join(dataDir(), 'postgres.log');
fs.mkdirSync(dataDir(), { recursive: true });
const postgresLog = (line: string) => fs.appendFileSync(logFile, `${line}\n`);
say(process.env.DATABASE_URL ? 'using DATABASE_URL' : `starting embedded PostgreSQL (log in ${path.relative(ROOT, logFile)})`);
let database: Awaited<ReturnType<typeof openLocalDatabase>>;
try {
  database = await openLocalDatabase(postgresLog);
} catch (err) {
  console.error(`\n${(err as Error).message}\n`);
  process.exit(1);
}
say(`database: ${database.description}`);

const supervised: Supervised[] = [];
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping …');
  // web and worker first (they let go of their connections), PostgreSQL last
  const postgres = supervised.find((s) => s.name === 'PostgreSQL');
  await Promise.all(supervised.filter((s) => s !== postgres).map((s) => s.stop()));
  await postgres?.stop();
  say('stopped');
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(0));
const supervisorOptions = {
  say,
  giveUp: () => void shutdown(1),
};

// the embedded server this process started is supervised too: if PostgreSQL dies, it comes back
// on the same data (the web answers 503 meanwhile, the worker waits)
if (database.embedded) {
  let embedded: EmbeddedProcess | null = database.embedded;
  supervised.push(
    supervise(
      {
        name: 'PostgreSQL',
        async start() {
          const current = embedded ?? (await database.embedded!.restart());
          embedded = null;
          return {
            pid: current.pid,
            exited: current.exited.then((code) => (code === 3 ? 'died' : `exited (code ${code})`)),
            stop: current.stop,
          };
        },
      },
      supervisorOptions,
    ),
  );
}

try {
  const applied = await prepareDatabase(database.url);
  say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'migrations up to date');
  const demo = await seedDemoAt(database.url);
  if (demo.created) say('seeded the demo agency');

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    DRAMAC_DATA_DIR: dataDir(),
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

  const webEnv = { ...env, NODE_ENV: mode === 'dev' ? ('development' as const) : ('production' as const) };
  supervised.push(
    supervise({ name: 'web', start: async () => startChild('web', webServer(mode), WEB, webEnv) }, supervisorOptions),
  );
  const workerCommand: [string, string[]] =
    mode === 'dev'
      ? [path.join(ROOT, 'node_modules/.bin/tsx'), ['watch', 'apps/worker/src/main.ts']]
      : runTs('apps/worker/src/main.ts');
  supervised.push(
    supervise({ name: 'worker', start: async () => startChild('worker', workerCommand, ROOT, env) }, supervisorOptions),
  );

  // announce once the dashboard can serve (dev compiles the page on first request)
  await waitForHttp(`http://127.0.0.1:${port}/readyz`, 180_000, () => !stopping, 200);
  if (!stopping) {
    say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    say(`dashboard: \x1b[1mhttp://localhost:${port}\x1b[0m   API docs: http://localhost:${port}/docs/api`);
    say(`sign in as \x1b[1m${demo.email}\x1b[0m / \x1b[1m${demo.password}\x1b[0m   (Ctrl-C to stop)`);
  }
} catch (err) {
  console.error(err);
  await shutdown(1);
}
