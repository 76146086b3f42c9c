// SQL on a module's own tables. Every statement runs in a transaction under the module's role with
// the site bound (withModuleSession), and filters on that site itself too: the gateway's WHERE is
// the first wall, row-level security the second. Identifiers come from the manifest only, quoted;
// every value is a parameter cast to its column's type.
import { TRPCError } from '@trpc/server';
import pg, { type ClientBase, escapeIdentifier as ident } from 'pg';
import { badRequest, notFound, validationError } from '../../errors.ts';
import { indexName, qualified } from '../data/ddl.ts';
import { moduleSchemaName } from '../data/module-schema.ts';
import { withModuleSession } from '../data/provision.ts';
import { type ColumnInfo, sqlType, type TableContract } from './contract.ts';
import { encodeCursor, type Filter, type ListQuery, type OrderKey } from './list-query.ts';

export interface ModuleSession {
  pool: pg.Pool;
  shortId: string;
  siteId: string;
}

type Row = Record<string, unknown>;

// How rows leave: bigint as a JSON number (values written through the gateway always fit one),
// timestamps as ISO 8601 with every microsecond (cursors compare them exactly), dates as written.
const BIGINT = 20;
const DATE = 1082;
const TIMESTAMPTZ = 1184;
const parsers: Record<number, (text: string) => unknown> = {
  [BIGINT]: (text) => (Number.isSafeInteger(Number(text)) ? Number(text) : text),
  [DATE]: (text) => text,
  // the pool's sessions run in UTC: "2025-01-31 09:30:00.123456+00"
  [TIMESTAMPTZ]: (text) => text.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)\+00$/, '$1T$2Z'),
};
const rowTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    parsers[oid] ?? pg.types.getTypeParser(oid, (format ?? 'text') as 'text'),
} as pg.CustomTypesConfig;

/** Numbered parameters, each cast to the type of the column it is compared with or written to. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, column: ColumnInfo, array = false): string {
    // arrays would become PostgreSQL arrays, objects JSON text: send JSON columns as JSON text
    this.values.push(column.type === 'json' && value !== null ? JSON.stringify(value) : value);
    return `$${this.values.length}::${sqlType(column.type)}${array ? '[]' : ''}`;
  }
  addRaw(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const selectList = (table: TableContract) => [...table.columns.keys()].map(ident).join(', ');

/** `like` is a case-insensitive "contains": the value's own % and _ match themselves. */
const containsPattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterSql(f: Filter, p: Params): string {
  const col = ident(f.column.name);
  switch (f.op) {
    case 'is':
      return `${col} is ${f.value === 'null' ? 'null' : 'not null'}`;
    case 'in':
      return f.values.length === 0 ? 'false' : `${col} = any(${p.add(f.values, f.column, true)})`;
    case 'like':
      return `${col} ilike ${p.addRaw(containsPattern(f.value))}::text escape '\\'`;
    default: {
      const sign = { eq: '=', neq: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' }[f.op];
      return `${col} ${sign} ${p.add(f.value, f.column)}`;
    }
  }
}

/**
 * Rows strictly after the cursor in `order`. Nulls sort as the largest value (PostgreSQL's
 * default: last ascending, first descending), so "after" a null or before one is spelled out.
 */
function afterSql(order: OrderKey[], after: (string | null)[], p: Params): string {
  const equal = (k: OrderKey, v: string | null) =>
    v === null ? `${ident(k.column.name)} is null` : `${ident(k.column.name)} = ${p.add(v, k.column)}`;
  const beyond = (k: OrderKey, v: string | null): string | null => {
    const col = ident(k.column.name);
    if (k.direction === 'asc') return v === null ? null : `(${col} > ${p.add(v, k.column)} or ${col} is null)`;
    return v === null ? `${col} is not null` : `${col} < ${p.add(v, k.column)}`;
  };
  const branches: string[] = [];
  order.forEach((key, i) => {
    const next = beyond(key, after[i]!);
    if (next === null) return;
    const same = order.slice(0, i).map((k, j) => equal(k, after[j]!));
    branches.push([...same, next].join(' and '));
  });
  return branches.length === 0 ? 'false' : `(${branches.map((b) => `(${b})`).join(' or ')})`;
}

const orderSql = (order: OrderKey[]) =>
  order.map((k) => `${ident(k.column.name)} ${k.direction === 'asc' ? 'asc nulls last' : 'desc nulls first'}`).join(', ');

/** PostgreSQL's refusals that are the caller's mistake, as the gateway's errors. */
function callersMistake(err: unknown, table: TableContract): TRPCError | null {
  if (!(err instanceof pg.DatabaseError)) return null;
  const { code = '', constraint, column } = err;
  if (code === '23505') {
    const index = table.spec.indexes.find((ix) => indexName(table.spec.name, ix) === constraint);
    const columns = index?.columns ?? [];
    const cause = validationError(
      'A row with the same values already exists',
      columns.map((c) => ({ path: [c], message: 'Another row already has this value' })),
    ).cause;
    return new TRPCError({
      code: 'CONFLICT',
      message: `A row with the same ${columns.join(', ') || 'values'} already exists`,
      cause,
    });
  }
  if (code === '23502' && column)
    return validationError('A required column has no value', [{ path: [column], message: 'Required' }]);
  if (code === '23514') {
    const name = constraint?.replace(/_max_length$/, '');
    return validationError('A value is too long', [{ path: [name ?? 'row'], message: 'Too long' }]);
  }
  // data exceptions: a value PostgreSQL cannot store in its column (out of range, bad Unicode…)
  if (code.startsWith('22'))
    return validationError('A value does not fit its column', [{ path: [column ?? 'row'], message: err.message }]);
  if (code === '57014')
    return new TRPCError({ code: 'TIMEOUT', message: 'The query took too long; narrow the filters or the page size' });
  return null;
}

/**
 * Runs `fn` on a pooled connection under the module's role for the site. A connection whose
 * transaction may not have ended cleanly is discarded, never handed to the next request.
 */
async function inSession<T>(session: ModuleSession, table: TableContract, fn: (client: ClientBase) => Promise<T>): Promise<T> {
  const client = await session.pool.connect();
  let discard: Error | undefined;
  try {
    return await withModuleSession(client, { shortId: session.shortId, siteId: session.siteId }, fn);
  } catch (err) {
    if (!(err instanceof pg.DatabaseError)) discard = err as Error;
    throw callersMistake(err, table) ?? err;
  } finally {
    client.release(discard);
  }
}

const tableName = (session: ModuleSession, table: TableContract) => qualified(moduleSchemaName(session.shortId), table.spec.name);

export async function listRows(session: ModuleSession, table: TableContract, q: ListQuery) {
  const p = new Params();
  const where = [`site_id = ${p.addRaw(session.siteId)}`, ...q.filters.map((f) => filterSql(f, p))];
  if (q.after) where.push(afterSql(q.order, q.after, p));
  const sql = `select ${selectList(table)} from ${tableName(session, table)} where ${where.join(' and ')}
    order by ${orderSql(q.order)} limit ${p.addRaw(q.limit + 1)}`;
  const rows = await inSession(
    session,
    table,
    async (c) => (await c.query<Row>({ text: sql, values: p.values, types: rowTypes })).rows,
  );
  // one row more than the page says whether there is a next one
  const page = rows.slice(0, q.limit);
  const nextCursor = rows.length > q.limit ? encodeCursor(q.order, page.at(-1)!) : null;
  return { rows: page, nextCursor };
}

export async function getRow(session: ModuleSession, table: TableContract, rowId: string) {
  const p = new Params();
  const sql = `select ${selectList(table)} from ${tableName(session, table)}
    where site_id = ${p.addRaw(session.siteId)} and id = ${p.addRaw(rowId)}::uuid`;
  const row = await inSession(
    session,
    table,
    async (c) => (await c.query<Row>({ text: sql, values: p.values, types: rowTypes })).rows[0],
  );
  if (!row) throw notFound('Row');
  return row;
}

export async function insertRow(session: ModuleSession, table: TableContract, values: Row) {
  const p = new Params();
  const names = ['site_id'];
  const placeholders = [p.addRaw(session.siteId)];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    names.push(name);
    placeholders.push(p.add(value, table.columns.get(name)!));
  }
  const sql = `insert into ${tableName(session, table)} (${names.map(ident).join(', ')}) values (${placeholders.join(', ')})
    returning ${selectList(table)}`;
  return inSession(session, table, async (c) => (await c.query<Row>({ text: sql, values: p.values, types: rowTypes })).rows[0]!);
}

export async function updateRow(session: ModuleSession, table: TableContract, rowId: string, changes: Row) {
  const p = new Params();
  const sets = Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${ident(name)} = ${p.add(value, table.columns.get(name)!)}`);
  if (sets.length === 0) throw badRequest('Send at least one column to change');
  const sql = `update ${tableName(session, table)} set ${[...sets, 'updated_at = now()'].join(', ')}
    where site_id = ${p.addRaw(session.siteId)} and id = ${p.addRaw(rowId)}::uuid returning ${selectList(table)}`;
  const row = await inSession(
    session,
    table,
    async (c) => (await c.query<Row>({ text: sql, values: p.values, types: rowTypes })).rows[0],
  );
  if (!row) throw notFound('Row');
  return row;
}

export async function deleteRow(session: ModuleSession, table: TableContract, rowId: string) {
  const p = new Params();
  const sql = `delete from ${tableName(session, table)} where site_id = ${p.addRaw(session.siteId)} and id = ${p.addRaw(rowId)}::uuid returning id`;
  const row = await inSession(
    session,
    table,
    async (c) => (await c.query<{ id: string }>({ text: sql, values: p.values })).rows[0],
  );
  if (!row) throw notFound('Row');
  return { id: row.id };
}

/** Whether `id` can name a row at all: anything else is a row that does not exist. */
export const isRowId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
