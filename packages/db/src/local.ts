// Which database do the scripts (start, dev, db:*) use? DATABASE_URL when set; otherwise the
// embedded PostgreSQL under .data/, started here or reused when another command already runs it.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres } from './embedded.ts';
import { withDatabase } from './index.ts';

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
  const server = await startEmbeddedPostgres({ dataDir: dir, port, log });
  await ensureDatabase(serverUrl, 'dramac');
  return { url, owned: true, description: `embedded PostgreSQL 18 on port ${port} (${dir})`, stop: server.stop };
}
