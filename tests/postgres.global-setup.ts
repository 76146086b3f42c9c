// One embedded PostgreSQL for the whole test run. Migrations are applied once to a template
// database; each test file then gets its own copy (CREATE DATABASE … TEMPLATE), so files run in
// parallel without seeing each other's rows.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@dramac/db/embedded';
import { applyMigrations } from '@dramac/db/migrate';
import { installQueues } from '@dramac/jobs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const TEMPLATE = 'dramac_template';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  // a fresh folder under the system temp dir: reachable by the `postgres` user even when the
  // checkout lives under a private home directory
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dramac-test-pg-'));
  fs.chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort(), persistent: false });
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE}`);
  await admin.end();
  await applyMigrations(server.url(TEMPLATE));
  await installQueues(server.url(TEMPLATE));
  project.provide('postgresServerUrl', server.url());
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServerUrl: string;
  }
}
