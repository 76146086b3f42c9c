// The query string of a list, PostgREST-style: `?col=op.value` filters, `order=col.asc,col.desc`,
// `limit` and an opaque keyset `cursor`. Everything is checked against the table's columns and
// turned into typed values here; the SQL is built from the result (rows.ts).
import type { ColumnType } from '@dramac/manifest';
import { z } from 'zod';
import { validationError } from '../../errors.ts';
import { type ColumnInfo, DECIMAL, type TableContract } from './contract.ts';

const FILTER_OPS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'like', 'in', 'is'] as const;
type FilterOp = (typeof FILTER_OPS)[number];

export type Filter =
  | { column: ColumnInfo; op: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'like'; value: string }
  | { column: ColumnInfo; op: 'in'; values: string[] }
  | { column: ColumnInfo; op: 'is'; value: 'null' | 'notnull' };

export interface OrderKey {
  column: ColumnInfo;
  direction: 'asc' | 'desc';
}

export interface ListQuery {
  filters: Filter[];
  /** the requested order, then `id` as the tiebreaker */
  order: OrderKey[];
  limit: number;
  /** where the previous page stopped: one value per order key */
  after: (string | null)[] | null;
}

const RESERVED_PARAMS = new Set(['order', 'limit', 'cursor']);
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;
const MAX_IN_VALUES = 100;
const MAX_ORDER_KEYS = 5;

/** Which ops make sense on which column type. */
function opsFor(type: ColumnType): FilterOp[] {
  switch (type) {
    case 'json':
      return ['is'];
    case 'text':
      return [...FILTER_OPS];
    case 'boolean':
    case 'uuid':
      return ['eq', 'neq', 'in', 'is'];
    default:
      return FILTER_OPS.filter((op) => op !== 'like');
  }
}

const wholeNumber = /^-?\d{1,19}$/;
const datetime = z.iso.datetime({ offset: true });
const date = z.iso.date();
const guid = z.guid();

/** A value from the URL as the text PostgreSQL will cast to the column's type, or why it does not fit. */
function typedValue(type: ColumnType, raw: string): { ok: true; value: string } | { ok: false; message: string } {
  switch (type) {
    case 'text':
      return { ok: true, value: raw };
    case 'integer': {
      const fits =
        wholeNumber.test(raw) && BigInt(raw) <= 9_223_372_036_854_775_807n && BigInt(raw) >= -9_223_372_036_854_775_808n;
      return fits ? { ok: true, value: raw } : { ok: false, message: `"${raw}" is not a whole number` };
    }
    case 'decimal':
      return DECIMAL.test(raw) ? { ok: true, value: raw } : { ok: false, message: `"${raw}" is not a decimal like 12.50` };
    case 'boolean':
      return raw === 'true' || raw === 'false' ? { ok: true, value: raw } : { ok: false, message: 'Use true or false' };
    case 'timestamp': {
      // an unencoded "+02:00" in a query string arrives as " 02:00": read it as the offset it was
      const value = raw.replace(/ (\d{2}:\d{2})$/, '+$1');
      return datetime.safeParse(value).success
        ? { ok: true, value }
        : { ok: false, message: `"${raw}" is not an ISO 8601 date-time with a time zone, like 2025-01-31T09:30:00Z` };
    }
    case 'date':
      return date.safeParse(raw).success
        ? { ok: true, value: raw }
        : { ok: false, message: `"${raw}" is not a date like 2025-01-31` };
    case 'uuid':
      return guid.safeParse(raw).success ? { ok: true, value: raw } : { ok: false, message: `"${raw}" is not a UUID` };
    case 'json':
      return { ok: false, message: 'JSON columns can only be filtered with is.null or is.notnull' };
  }
}

/** `(a,b,"c,d")`: comma-separated, double quotes around values that hold commas or quotes (\" inside). */
function listValues(raw: string): string[] | null {
  if (!raw.startsWith('(') || !raw.endsWith(')')) return null;
  const inner = raw.slice(1, -1);
  if (inner === '') return [];
  const values: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (inner[i] === '"') {
      i += 1;
      while (i < inner.length && inner[i] !== '"') {
        if (inner[i] === '\\' && i + 1 < inner.length) i += 1;
        value += inner[i];
        i += 1;
      }
      if (inner[i] !== '"') return null;
      i += 1;
    } else {
      const end = inner.indexOf(',', i);
      value = inner.slice(i, end === -1 ? inner.length : end);
      i = end === -1 ? inner.length : end;
    }
    values.push(value);
    if (i >= inner.length) return values;
    if (inner[i] !== ',') return null;
    i += 1;
  }
}

type Problems = { path: PropertyKey[]; message: string }[];

function parseFilter(column: ColumnInfo, raw: string, problems: Problems): Filter | null {
  const problem = (message: string) => {
    problems.push({ path: [column.name], message });
    return null;
  };
  const dot = raw.indexOf('.');
  const op = (dot === -1 ? raw : raw.slice(0, dot)) as FilterOp;
  const value = dot === -1 ? '' : raw.slice(dot + 1);
  const allowed = opsFor(column.type);
  if (dot === -1 || !FILTER_OPS.includes(op)) {
    return problem(`Use op.value, like eq.42; the ops for this column are ${allowed.join(', ')}`);
  }
  if (!allowed.includes(op)) return problem(`"${op}" does not apply to a ${column.type} column; use ${allowed.join(', ')}`);
  if (op === 'is') {
    return value === 'null' || value === 'notnull' ? { column, op, value } : problem('Use is.null or is.notnull');
  }
  if (op === 'in') {
    const values = listValues(value);
    if (!values) return problem('Use in.(a,b,c), with double quotes around a value that holds a comma');
    if (values.length > MAX_IN_VALUES) return problem(`Use at most ${MAX_IN_VALUES} values`);
    const typed = values.map((v) => typedValue(column.type, v));
    const bad = typed.find((t) => !t.ok);
    if (bad && !bad.ok) return problem(bad.message);
    return { column, op, values: typed.map((t) => (t.ok ? t.value : '')) };
  }
  if (op === 'like') return { column, op, value };
  const typed = typedValue(column.type, value);
  return typed.ok ? { column, op, value: typed.value } : problem(typed.message);
}

function parseOrder(table: TableContract, raw: string | null, problems: Problems): OrderKey[] {
  const problem = (message: string) => {
    problems.push({ path: ['order'], message });
    return [];
  };
  const requested: OrderKey[] = [];
  for (const part of (raw ?? 'created_at.desc').split(',')) {
    const [name = '', direction = 'asc', ...rest] = part.trim().split('.');
    const column = table.columns.get(name);
    if (!column) return problem(`No column "${name}" in this table`);
    if (column.type === 'json') return problem(`JSON columns cannot be sorted: "${name}"`);
    if ((direction !== 'asc' && direction !== 'desc') || rest.length > 0) {
      return problem(`Use column.asc or column.desc, like created_at.desc`);
    }
    if (requested.some((k) => k.column.name === name)) return problem(`"${name}" is listed twice`);
    requested.push({ column, direction });
  }
  if (requested.length > MAX_ORDER_KEYS) return problem(`Sort by at most ${MAX_ORDER_KEYS} columns`);
  // id makes every position unique, so a page ends at exactly one row
  if (!requested.some((k) => k.column.name === 'id')) {
    requested.push({ column: table.columns.get('id')!, direction: requested.at(-1)!.direction });
  }
  return requested;
}

const orderSignature = (order: OrderKey[]) => order.map((k) => `${k.column.name}.${k.direction}`).join(',');

/** A cursor names the order it was made for and the last row's values of its keys. */
export function encodeCursor(order: OrderKey[], row: Record<string, unknown>): string {
  const values = order.map((k) => row[k.column.name] ?? null);
  return Buffer.from(JSON.stringify({ o: orderSignature(order), v: values })).toString('base64url');
}

function decodeCursor(raw: string, order: OrderKey[], problems: Problems): (string | null)[] | null {
  const invalid = (message = 'This cursor is not valid; start again from the first page') => {
    problems.push({ path: ['cursor'], message });
    return null;
  };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return invalid();
  }
  const shape = z.object({ o: z.string(), v: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])) });
  const parsed = shape.safeParse(decoded);
  if (!parsed.success || parsed.data.v.length !== order.length) return invalid();
  if (parsed.data.o !== orderSignature(order)) {
    return invalid(`This cursor belongs to a list sorted by ${parsed.data.o}; send the same order with it`);
  }
  const values: (string | null)[] = [];
  for (const [i, v] of parsed.data.v.entries()) {
    if (v === null) {
      values.push(null);
      continue;
    }
    const typed = typedValue(order[i]!.column.type, String(v));
    if (!typed.ok) return invalid();
    values.push(typed.value);
  }
  return values;
}

/** A list request as sent: `column → op.value` filters (a column may repeat), order, page size, cursor. */
export interface ListRequest {
  filters: Iterable<[column: string, raw: string]>;
  order: string | null;
  /** a number from a typed caller (REST), the query string's text from the gateway */
  limit: number | string | null;
  cursor: string | null;
}

/** The gateway's query string as a list request. */
export function listRequestOf(params: URLSearchParams): ListRequest {
  return {
    filters: [...params].filter(([name]) => !RESERVED_PARAMS.has(name)),
    order: params.get('order'),
    limit: params.get('limit'),
    cursor: params.get('cursor'),
  };
}

/** The list request, checked against `table`; every problem is reported at once. */
export function parseListQuery(table: TableContract, request: ListRequest): ListQuery {
  const problems: Problems = [];
  const filters: Filter[] = [];
  for (const [name, raw] of request.filters) {
    const column = table.columns.get(name);
    if (!column) {
      problems.push({ path: [name], message: `No column "${name}" in this table` });
      continue;
    }
    const filter = parseFilter(column, raw, problems);
    if (filter) filters.push(filter);
  }
  const order = parseOrder(table, request.order, problems);

  let limit = DEFAULT_LIMIT;
  const rawLimit = request.limit;
  if (rawLimit !== null) {
    limit = typeof rawLimit === 'number' ? rawLimit : /^\d{1,3}$/.test(rawLimit) ? Number(rawLimit) : 0;
    if (limit < 1 || limit > MAX_LIMIT) problems.push({ path: ['limit'], message: `Use a whole number from 1 to ${MAX_LIMIT}` });
  }
  const rawCursor = request.cursor;
  const after = rawCursor && order.length > 0 ? decodeCursor(rawCursor, order, problems) : null;

  if (problems.length > 0) throw validationError('Some query parameters are not valid', problems);
  return { filters, order, limit, after };
}
