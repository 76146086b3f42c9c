// The migration check (`pnpm db:check`): the migrations must build exactly the Prisma schema, and
// a migrated database must match it. The negative control shows the check sees a difference.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { withDatabase } from './index.ts';
import { applyMigrations, diffDatabaseToSchema, diffMigrationsToSchema, MIGRATIONS_DIR } from './migrate.ts';

const serverUrl = inject('postgresServerUrl');
const created: string[] = [];

async function admin(sql: string, url = serverUrl): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database: empty, or a copy of the migrated template the test run starts from. */
async function database(from: 'empty' | 'migrated'): Promise<string> {
  const name = `m_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}${from === 'migrated' ? ' template dramac_template' : ''}`);
  created.push(name);
  return withDatabase(serverUrl, name);
}

afterAll(async () => {
  for (const name of created) await admin(`drop database if exists ${name} with (force)`);
});

const migrationNames = () =>
  fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

describe('migrations', () => {
  it('replayed from nothing, build exactly the Prisma schema', async () => {
    expect(await diffMigrationsToSchema(await database('empty'))).toBeNull();
  });

  it('apply to an empty database once, in order, and leave it matching the schema', async () => {
    const url = await database('empty');
    expect(await applyMigrations(url)).toEqual(migrationNames());
    // the runner releases its advisory lock: a second run is not blocked, and has nothing to do
    expect(await applyMigrations(url)).toEqual([]);
    expect(await diffDatabaseToSchema(url)).toBeNull();
    const { rows } = await admin('select migration_name, finished_at from _prisma_migrations order by migration_name', url);
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames());
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it('finds the test databases (the migrated template) in sync with the schema', async () => {
    expect(await diffDatabaseToSchema(await database('migrated'))).toBeNull();
  });

  it('reports a schema change that has no migration', async () => {
    // as if the newest migration that creates tables had not been written: the folder listing
    // leaves it out (a migration of triggers only changes nothing Prisma's schema describes)
    const createsTables = (name: string) =>
      fs.readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8').includes('CREATE TABLE');
    const newest = migrationNames().filter(createsTables).at(-1)!;
    const readdir = fs.readdirSync.bind(fs) as (dir: fs.PathLike, opts: { withFileTypes: true }) => fs.Dirent[];
    const spy = vi
      .spyOn(fs, 'readdirSync')
      .mockImplementation(((dir: fs.PathLike, opts: { withFileTypes: true }) =>
        readdir(dir, opts).filter((d) => !(dir === MIGRATIONS_DIR && d.name === newest))) as typeof fs.readdirSync);
    try {
      const diff = await diffMigrationsToSchema(await database('empty'));
      expect(spy).toHaveBeenCalledWith(MIGRATIONS_DIR, { withFileTypes: true });
      expect(diff).not.toBeNull();
      // what the hidden migration creates is what the diff asks for
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, newest, 'migration.sql'), 'utf8');
      for (const [table] of sql.matchAll(/CREATE TABLE "\w+"\."\w+"/g)) expect(diff).toContain(table);
    } finally {
      spy.mockRestore();
    }
  });

  it('reports a database that drifted from the schema', async () => {
    const url = await database('migrated');
    await admin('alter table platform.sites drop column locale', url);
    const diff = await diffDatabaseToSchema(url);
    expect(diff).not.toBeNull();
    expect(diff).toMatch(/ALTER TABLE "platform"\."sites" ADD COLUMN\s+"locale"/);
  });
});
