// A module's own database: schema `mod_<shortid>` and a role of the same name that can use that
// schema's tables and nothing else. Row-level security keys every row on its site; the gateway
// (not the module) says which site a session acts for.
import { type DataSpec, dataSpec } from '@dramac/manifest/data';
import { TRPCError } from '@trpc/server';
import { type ClientBase, escapeIdentifier as ident } from 'pg';
import { badRequest } from '../../errors.ts';
import { SITE_SETTING } from '../../lib/site-rls.ts';
import { createTableSql } from './ddl.ts';
import { moduleSchemaName } from './module-schema.ts';
import { inTransaction } from './transaction.ts';

/** A spec is validated again here, whoever built it: its names are about to become SQL. */
export function validDataSpec(input: unknown): DataSpec {
  const parsed = dataSpec.safeParse(input);
  if (!parsed.success) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The data section of the manifest is not valid', cause: parsed.error });
  }
  return parsed.data;
}

async function run(client: ClientBase, statements: string[]) {
  for (const sql of statements) await client.query(sql);
}

/** Creates the module's schema, role, tables, indexes, policies and grants, all or nothing. */
export async function provisionModuleData(client: ClientBase, input: { shortId: string; data: DataSpec }): Promise<void> {
  const schema = moduleSchemaName(input.shortId);
  const data = validDataSpec(input.data);
  const name = ident(schema);
  await inTransaction(client, () =>
    run(client, [
      // owned by us, not by the module's role: only an owner may alter tables or turn off RLS
      `create schema ${name}`,
      `revoke all on schema ${name} from public`,
      `create role ${name} nologin noinherit nosuperuser nobypassrls nocreatedb nocreaterole noreplication`,
      `grant usage on schema ${name} to ${name}`,
      ...data.tables.flatMap((t) => createTableSql(schema, schema, t)),
    ]),
  );
}

/** Uninstall purge: the schema with every row in it, then the role. */
export async function dropModuleData(client: ClientBase, shortId: string): Promise<void> {
  const name = ident(moduleSchemaName(shortId));
  await inTransaction(client, async () => {
    await client.query(`drop schema if exists ${name} cascade`);
    const role = await client.query('select 1 from pg_roles where rolname = $1', [moduleSchemaName(shortId)]);
    // roles belong to the cluster: revoke what it still holds in this database before dropping it
    if (role.rowCount) await run(client, [`drop owned by ${name}`, `drop role ${name}`]);
  });
}

/**
 * Runs `fn` in a transaction acting as the module's role for one site, the way the gateway
 * queries a module's tables. The site is the gateway's to set: it has checked the caller's
 * installation. The SQL `fn` runs must be the gateway's own too, never text from a module — on a
 * connection logged in as a superuser, `RESET ROLE` would leave the module's role behind.
 */
export async function withModuleSession<T>(
  client: ClientBase,
  session: { shortId: string; siteId: string },
  fn: (client: ClientBase) => Promise<T>,
): Promise<T> {
  const schema = moduleSchemaName(session.shortId);
  if (!session.siteId) throw badRequest('A module session needs a site');
  return inTransaction(client, async () => {
    // one statement: `set_config('role', …, true)` is SET LOCAL ROLE, as a function call
    await client.query('select set_config($1, $2, true), set_config($3, $4, true), set_config($5, $6, true)', [
      'role',
      schema,
      SITE_SETTING,
      session.siteId,
      'search_path',
      ident(schema),
    ]);
    return fn(client);
  });
}
