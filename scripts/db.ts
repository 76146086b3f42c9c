// pnpm db:migrate | db:migrate:create <name> | db:check | db:studio | db:seed | db:reset
import { spawn } from 'node:child_process';
import path from 'node:path';
import { seedDemoAt } from '@dramac/api/seed';
import { prepareDatabase } from '@dramac/api/setup';
import { withDatabase } from '@dramac/db';
import { openLocalDatabase } from '@dramac/db/local';
import { applyMigrations, createMigration, diffDatabaseToSchema, diffMigrationsToSchema } from '@dramac/db/migrate';
import pg from 'pg';
import { engineStub } from './engine-stub.mjs';
import { loadDotEnv } from './lib/runtime.ts';

loadDotEnv();
const [command, ...args] = process.argv.slice(2);
const db = await openLocalDatabase().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
console.log(`database: ${db.description}`);

async function run(): Promise<number> {
  switch (command) {
    case 'migrate': {
      const applied = await prepareDatabase(db.url);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
      return 0;
    }
    case 'create': {
      const name = (args[0] ?? '').replace(/[^a-z0-9_]/gi, '_');
      if (!name) {
        console.error('usage: pnpm db:migrate:create <name>   (for example add_site_logo)');
        return 2;
      }
      await applyMigrations(db.url);
      const out = await createMigration(db.url, name);
      if (!out.name) console.log('the schema and the migrations agree: nothing to create');
      else console.log(`created and applied prisma/migrations/${out.name}/migration.sql`);
      for (const w of out.warnings) console.warn(`warning: ${w}`);
      return 0;
    }
    case 'check': {
      const fromMigrations = await diffMigrationsToSchema(db.url);
      const live = await diffDatabaseToSchema(db.url);
      if (fromMigrations) console.error(`migrations do not produce the schema; missing:\n${fromMigrations}`);
      if (live) console.error(`the database differs from the schema (pending migrations?):\n${live}`);
      if (!fromMigrations && !live) console.log('schema, migrations and database agree');
      return fromMigrations || live ? 1 : 0;
    }
    case 'seed': {
      const demo = await seedDemoAt(db.url);
      console.log(demo.created ? 'seeded the demo agency' : 'the demo agency already exists');
      console.log(`sign in as ${demo.email} / ${demo.password}`);
      return 0;
    }
    case 'reset': {
      const name = new URL(db.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: withDatabase(db.url, 'postgres') });
      await admin.connect();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.query(`create database "${name}"`);
      await admin.end();
      console.log(`applied: ${(await prepareDatabase(db.url)).join(', ')}`);
      const demo = await seedDemoAt(db.url);
      console.log(`reset done; sign in as ${demo.email} / ${demo.password}`);
      return 0;
    }
    case 'studio': {
      await prepareDatabase(db.url);
      const prisma = path.resolve(import.meta.dirname, '../packages/db/node_modules/.bin/prisma');
      const port = process.env.STUDIO_PORT ?? '5555';
      console.log(`Prisma Studio on http://localhost:${port} (Ctrl-C to stop)`);
      const child = spawn(prisma, ['studio', '--port', port, '--browser', 'none'], {
        cwd: path.resolve(import.meta.dirname, '../packages/db'),
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: db.url, PRISMA_SCHEMA_ENGINE_BINARY: engineStub() },
      });
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
      return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
    }
    default:
      console.error('usage: tsx scripts/db.ts migrate|create <name>|check|studio|seed|reset');
      return 2;
  }
}

let code = 1;
try {
  code = await run();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
} finally {
  if (db.owned) await db.stop();
}
process.exit(code);
