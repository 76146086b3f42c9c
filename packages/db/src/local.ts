// Which database do the scripts (start, dev, db:*) use? DATABASE_URL when set; otherwise the
// embedded PostgreSQL under .data/, started here or reused when another command already runs it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from './index.ts';
import { assertReachableByPostgresUser, ensureDatabase, folderPostgresCannotEnter } from './server-admin.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface LocalDatabase {
  url: string;
  /** true when this process started the embedded server (and must stop it) */
  owned: boolean;
  description: string;
  stop: () => Promise<void>;
  /** the embedded server this process started, to watch and restart (scripts/run.ts supervises it) */
  embedded?: EmbeddedProcess;
}

export function dataDir(): string {
  return path.resolve(ROOT, process.env.DRAMAC_DATA_DIR ?? '.data');
}

/**
 * Where the embedded PostgreSQL keeps its data: DRAMAC_DATA_DIR/pg, unless (running as root) the
 * `postgres` user cannot enter a folder above it, as with a clone under root's 0700 home. Then it
 * lives under /var/lib/dramac/<this checkout>/pg, which it can reach, and stays there across
 * starts. An explicit DRAMAC_DATA_DIR is used as given (with a clear error if unreachable).
 */
export function postgresDataDir(): { dir: string; fallbackBecause?: string } {
  const preferred = path.join(dataDir(), 'pg');
  if (process.env.DRAMAC_DATA_DIR) return { dir: preferred };
  const blocked = folderPostgresCannotEnter(preferred);
  if (!blocked) return { dir: preferred };
  const checkout = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
  const base = path.join('/var/lib/dramac', `${path.basename(ROOT)}-${checkout}`);
  fs.mkdirSync(base, { recursive: true, mode: 0o755 });
  return { dir: path.join(base, 'pg'), fallbackBecause: `the postgres user cannot enter ${blocked}` };
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function openLocalDatabase(log: (line: string) => void = () => {}): Promise<LocalDatabase> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    return { url, owned: false, description: `DATABASE_URL (${new URL(url).host})`, stop: async () => {} };
  }
  const port = Number(process.env.DRAMAC_PG_PORT ?? 54329);
  const { dir, fallbackBecause } = postgresDataDir();
  const serverUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  const url = withDatabase(serverUrl, 'dramac');
  if (fs.existsSync(path.join(dir, 'postmaster.pid')) && (await canConnect(serverUrl))) {
    return { url, owned: false, description: `embedded PostgreSQL (already running, ${dir})`, stop: async () => {} };
  }
  const embedded = await startEmbeddedProcess(dir, port, log);
  await ensureDatabase(serverUrl, 'dramac');
  const where = fallbackBecause ? `${dir}, since ${fallbackBecause}` : dir;
  return {
    url,
    owned: true,
    description: `embedded PostgreSQL 18 on port ${port} (${where})`,
    stop: () => embedded.stop(),
    embedded,
  };
}

export interface EmbeddedProcess {
  pid: number | undefined;
  /** resolves when the server process exits, with its code (3: PostgreSQL died) */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
  /** starts a new server process on the same data and port (after it died) */
  restart: () => Promise<EmbeddedProcess>;
}

/**
 * Starts embedded-server.ts in a process group of its own: a terminal's Ctrl-C then reaches the
 * web server and the worker, not PostgreSQL, which this process stops once they have exited.
 */
export async function startEmbeddedProcess(dir: string, port: number, log: (line: string) => void): Promise<EmbeddedProcess> {
  assertReachableByPostgresUser(dir);
  const script = path.join(import.meta.dirname, 'embedded-server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir, String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr.on('data', (d: Buffer) => log(d.toString().trim()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const first = await new Promise<string>((resolve) => {
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      if (buffer.includes('\n')) resolve(buffer.split('\n')[0] ?? '');
    });
    void exited.then((code) => resolve(`error ${JSON.stringify({ message: `PostgreSQL exited (code ${code})` })}`));
  });
  if (first !== 'ready') {
    const { message, log: lines = [] } = JSON.parse(first.slice('error '.length)) as { message: string; log?: string[] };
    for (const line of lines) log(line);
    throw new Error(message);
  }
  return {
    pid: child.pid,
    exited,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    restart: () => startEmbeddedProcess(dir, port, log),
  };
}
