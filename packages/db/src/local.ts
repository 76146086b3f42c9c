// Which database do the scripts (start, dev, db:*) use? DATABASE_URL when set; otherwise the
// embedded PostgreSQL under .data/, started here or reused when another command already runs it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from './index.ts';
import { assertReachableByPostgresUser, ensureDatabase } from './server-admin.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface LocalDatabase {
  url: string;
  /** true when this process started the embedded server (and must stop it) */
  owned: boolean;
  description: string;
  stop: () => Promise<void>;
}

export function dataDir(): string {
  return path.resolve(ROOT, process.env.DRAMAC_DATA_DIR ?? '.data');
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
  const dir = path.join(dataDir(), 'pg');
  const serverUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  const url = withDatabase(serverUrl, 'dramac');
  if (fs.existsSync(path.join(dir, 'postmaster.pid')) && (await canConnect(serverUrl))) {
    return { url, owned: false, description: `embedded PostgreSQL (already running, ${dir})`, stop: async () => {} };
  }
  const server = await startDetached(dir, port, log);
  await ensureDatabase(serverUrl, 'dramac');
  return { url, owned: true, description: `embedded PostgreSQL 18 on port ${port} (${dir})`, stop: server.stop };
}

/**
 * Starts embedded-server.ts in a process group of its own: a terminal's Ctrl-C then reaches the
 * web server and the worker, not PostgreSQL, which this process stops once they have exited.
 */
async function startDetached(dir: string, port: number, log: (line: string) => void) {
  assertReachableByPostgresUser(dir);
  const script = path.join(import.meta.dirname, 'embedded-server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir, String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr.on('data', (d: Buffer) => log(d.toString().trim()));
  const first = await new Promise<string>((resolve) => {
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      if (buffer.includes('\n')) resolve(buffer.split('\n')[0] ?? '');
    });
    child.once('exit', (code) => resolve(`error ${JSON.stringify({ message: `PostgreSQL exited (code ${code})` })}`));
  });
  if (first !== 'ready') {
    const { message, log: lines = [] } = JSON.parse(first.slice('error '.length)) as { message: string; log?: string[] };
    for (const line of lines) log(line);
    throw new Error(message);
  }
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
