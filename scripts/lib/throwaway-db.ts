// A throwaway embedded PostgreSQL with one migrated database, for tests and benchmarks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from '@dramac/api/setup';
import { startEmbeddedPostgres } from '@dramac/db/embedded';
import pg from 'pg';
import { freePort } from './runtime.ts';

/**
 * An embedded PostgreSQL in a fresh temp folder (reachable by the `postgres` user wherever the
 * checkout lives) with one migrated database; removed on stop.
 */
export async function throwawayDatabase(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dramac-${name}-pg-`));
  fs.chmodSync(dir, 0o755);
  // throwaway data: fsync off is fine (and faster)
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    persistent: false,
    durable: false,
  });
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = server.url(name);
  await prepareDatabase(url);
  return {
    url,
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
