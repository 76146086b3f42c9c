// Lists of contacts, companies and deals: search, filters on any field (custom fields included),
// multi-column sort and keyset pagination, compiled to one SQL query. Every identifier comes from
// the field maps below or from the site's own custom-field definitions (keys are checked
// snake_case), and every value is a bound parameter.
import { Prisma } from '@dramac/db';
import { z } from 'zod';
import { notFound, validationError } from '../errors.ts';
import { id } from '../trpc.ts';
import { parseInput } from './crm.schemas.ts';
import type { Crm } from './crm-tx.ts';
import { customDefs, type Entity, type FieldType } from './custom-fields.ts';

type PgType = 'text' | 'numeric' | 'bigint' | 'int' | 'timestamptz' | 'date' | 'boolean';
type Kind = 'text' | 'enum' | 'id' | 'number' | 'instant' | 'day' | 'bool' | 'array';
interface FieldDef {
  sql: string;
  kind: Kind;
  pg: PgType;
  /** for custom fields: a containment filter the jsonb index serves */
  customKey?: string;
}

const col = (name: string, kind: Kind, pg: PgType): FieldDef => ({ sql: `t."${name}"`, kind, pg });
const text = (name: string) => col(name, 'text', 'text');
const enumCol = (name: string) => ({ sql: `t."${name}"::text`, kind: 'enum' as const, pg: 'text' as const });
const idCol = (name: string) => col(name, 'id', 'text');
const at = (name: string) => col(name, 'instant', 'timestamptz');
const tagsCol = { sql: 't."tags"', kind: 'array' as const, pg: 'text' as const };

export const TABLES: Record<Entity, string> = { contact: 'crm.contacts', company: 'crm.companies', deal: 'crm.deals' };

export const BUILT_IN: Record<Entity, Record<string, FieldDef>> = {
  contact: {
    firstName: text('firstName'),
    lastName: text('lastName'),
    email: text('email'),
    phone: text('phone'),
    jobTitle: text('jobTitle'),
    department: text('department'),
    companyId: idCol('companyId'),
    status: enumCol('status'),
    leadStatus: enumCol('leadStatus'),
    source: text('source'),
    city: text('city'),
    country: text('country'),
    tags: tagsCol,
    ownerId: idCol('ownerId'),
    leadScore: col('leadScore', 'number', 'int'),
    lastContactedAt: at('lastContactedAt'),
    createdAt: at('createdAt'),
    updatedAt: at('updatedAt'),
  },
  company: {
    name: text('name'),
    domain: text('domain'),
    industry: text('industry'),
    accountType: enumCol('accountType'),
    employeeCount: col('employeeCount', 'number', 'int'),
    annualRevenue: col('annualRevenueMinor', 'number', 'bigint'),
    city: text('city'),
    country: text('country'),
    tags: tagsCol,
    ownerId: idCol('ownerId'),
    createdAt: at('createdAt'),
    updatedAt: at('updatedAt'),
  },
  deal: {
    name: text('name'),
    pipelineId: idCol('pipelineId'),
    stageId: idCol('stageId'),
    amount: col('amountMinor', 'number', 'bigint'),
    currency: text('currency'),
    status: enumCol('status'),
    expectedCloseDate: col('expectedCloseDate', 'day', 'date'),
    actualCloseDate: col('actualCloseDate', 'day', 'date'),
    ownerId: idCol('ownerId'),
    contactId: idCol('contactId'),
    companyId: idCol('companyId'),
    tags: tagsCol,
    stageChangedAt: at('stageChangedAt'),
    createdAt: at('createdAt'),
    updatedAt: at('updatedAt'),
  },
};

function customField(key: string, type: FieldType): FieldDef {
  const v = `t."customFields"->>'${key}'`;
  switch (type) {
    case 'number':
      return { sql: `(${v})::numeric`, kind: 'number', pg: 'numeric', customKey: key };
    case 'money':
      return { sql: `(t."customFields"->'${key}'->>'amountMinor')::bigint`, kind: 'number', pg: 'bigint' };
    case 'checkbox':
      return { sql: `(${v})::boolean`, kind: 'bool', pg: 'boolean', customKey: key };
    case 'multi_select':
      return { sql: `t."customFields"->'${key}'`, kind: 'array', pg: 'text', customKey: key };
    case 'datetime':
      return { sql: `(${v})::timestamptz`, kind: 'instant', pg: 'timestamptz' };
    case 'date':
      return { sql: `(${v})::date`, kind: 'day', pg: 'date' };
    default:
      return { sql: `(${v})`, kind: 'text', pg: 'text', customKey: key };
  }
}

export const ops = ['eq', 'neq', 'contains', 'starts_with', 'in', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty'] as const;
const value = z.union([z.string().max(500), z.number(), z.boolean(), z.array(z.string().max(500)).max(100)]);
export const condition = z.object({ field: z.string().max(60), op: z.enum(ops), value: value.optional() });
export type Condition = z.infer<typeof condition>;

/** Filters travel as JSON text: the same in a REST query string, a saved view and the dashboard. */
export const filterText = z
  .string()
  .max(8000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The filter is JSON: [{"field":"status","op":"eq","value":"lead"}]' });
      return z.NEVER;
    }
  })
  .pipe(z.array(condition).max(20, 'At most 20 conditions'));

export const listInput = z.object({
  q: z.string().trim().max(200).optional(),
  /** JSON array of { field, op, value }; fields are the list's columns and `custom.<key>` */
  filter: z.string().max(8000).optional(),
  /** comma-separated fields, `-` for descending: `lastName,-createdAt`; newest first by default */
  sort: z.string().trim().max(300).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(4000).optional(),
  /** only the members of this segment (its rules or its static members) */
  segmentId: id.optional(),
});
export type ListInput = z.input<typeof listInput>;

export interface ListPage {
  ids: string[];
  nextCursor: string | null;
  total: number;
}

/** The site's field map for `entity`: the built-in columns and `custom.<key>` for each custom field. */
export async function fieldsOf(crm: Crm, entity: Entity): Promise<Record<string, FieldDef>> {
  const fields: Record<string, FieldDef> = { ...BUILT_IN[entity] };
  for (const d of await customDefs(crm, entity)) fields[`custom.${d.key}`] = customField(d.key, d.type);
  return fields;
}

type Problem = { path: PropertyKey[]; message: string };
const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function typed(f: FieldDef, v: unknown, path: PropertyKey[], problems: Problem[]): unknown {
  const bad = (message: string) => {
    problems.push({ path, message });
    return null;
  };
  switch (f.kind) {
    case 'number': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
      return Number.isFinite(n)
        ? f.pg === 'bigint' || f.pg === 'int'
          ? Math.trunc(n)
          : n
        : bad('Compare a number field with a number');
    }
    case 'instant': {
      const d = typeof v === 'string' ? new Date(v) : null;
      return d && !Number.isNaN(d.getTime()) ? d : bad('Compare a date field with an ISO 8601 date');
    }
    case 'day':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : bad('Compare a date field with YYYY-MM-DD');
    case 'bool':
      return typeof v === 'boolean'
        ? v
        : v === 'true'
          ? true
          : v === 'false'
            ? false
            : bad('Compare a checkbox with true or false');
    default:
      return typeof v === 'string' || typeof v === 'number' ? String(v) : bad('Give a text value');
  }
}

const cast = (v: unknown, pg: PgType) => Prisma.sql`cast(${v} as ${Prisma.raw(pg)})`;

function conditionSql(f: FieldDef, c: Condition, i: number, problems: Problem[]): Prisma.Sql | null {
  const path = ['filter', i, 'value'];
  const expr = Prisma.raw(f.sql);
  if (c.op === 'empty' || c.op === 'not_empty') {
    const empty =
      f.kind === 'array'
        ? f.customKey
          ? Prisma.sql`coalesce(jsonb_array_length(${expr}), 0) = 0`
          : Prisma.sql`cardinality(${expr}) = 0`
        : f.kind === 'text'
          ? Prisma.sql`coalesce(${expr}, '') = ''`
          : Prisma.sql`${expr} is null`;
    return c.op === 'empty' ? empty : Prisma.sql`not (${empty})`;
  }
  if (c.value === undefined) {
    problems.push({ path, message: 'Give a value to compare with' });
    return null;
  }
  if (f.kind === 'array') {
    const list = Array.isArray(c.value) ? c.value : [String(c.value)];
    if (list.length === 0) {
      problems.push({ path, message: 'Give at least one value' });
      return null;
    }
    if (c.op === 'contains' || c.op === 'eq') {
      return f.customKey ? Prisma.sql`(${expr} ? ${list[0]})` : Prisma.sql`${list[0]} = any(${expr})`;
    }
    if (c.op === 'in') return f.customKey ? Prisma.sql`(${expr} ?| ${list}::text[])` : Prisma.sql`${expr} && ${list}::text[]`;
    problems.push({ path: ['filter', i, 'op'], message: 'A list field takes contains, in, empty or not_empty' });
    return null;
  }
  if (c.op === 'in') {
    if (!Array.isArray(c.value) || c.value.length === 0) {
      problems.push({ path, message: '"in" takes a list of values' });
      return null;
    }
    const list = c.value.map((v) => typed(f, v, path, problems));
    return Prisma.sql`${expr} = any(${Prisma.sql`array[${Prisma.join(list.map((v) => cast(v, f.pg)))}]`})`;
  }
  if (c.op === 'contains' || c.op === 'starts_with') {
    if (f.kind !== 'text' || typeof c.value !== 'string') {
      problems.push({ path: ['filter', i, 'op'], message: `${c.op} works on text fields with a text value` });
      return null;
    }
    const pattern = c.op === 'contains' ? `%${like(c.value)}%` : `${like(c.value)}%`;
    return Prisma.sql`${expr} ilike ${pattern}`;
  }
  if (
    (c.op === 'gt' || c.op === 'gte' || c.op === 'lt' || c.op === 'lte') &&
    (f.kind === 'text' || f.kind === 'enum' || f.kind === 'id' || f.kind === 'bool')
  ) {
    problems.push({ path: ['filter', i, 'op'], message: `${c.op} compares numbers and dates` });
    return null;
  }
  const v = typed(f, c.value, path, problems);
  if (v === null) return null;
  // equality on a custom value by containment: the jsonb_path_ops index answers it
  if (c.op === 'eq' && f.customKey) return Prisma.sql`t."customFields" @> ${JSON.stringify({ [f.customKey]: v })}::jsonb`;
  const sqlOp = { eq: '=', neq: 'is distinct from', gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.op];
  return Prisma.sql`${expr} ${Prisma.raw(sqlOp)} ${cast(v, f.pg)}`;
}

interface SortKey {
  field: string;
  def: FieldDef;
  desc: boolean;
}

function parseSort(text: string | undefined, fields: Record<string, FieldDef>, problems: Problem[]): SortKey[] {
  if (!text) return [{ field: 'createdAt', def: BUILT_IN.contact.createdAt as FieldDef, desc: true }];
  const keys = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (keys.length > 4) problems.push({ path: ['sort'], message: 'Sort by at most 4 fields' });
  return keys.slice(0, 4).flatMap((k) => {
    const desc = k.startsWith('-');
    const field = desc ? k.slice(1) : k;
    const def = fields[field];
    if (!def || def.kind === 'array') {
      problems.push({ path: ['sort'], message: `Cannot sort by "${field}"` });
      return [];
    }
    return [{ field, def, desc }];
  });
}

const cursorValue = (v: unknown, pg: PgType) => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return pg === 'date' ? v.toISOString().slice(0, 10) : v.toISOString();
  return String(v);
};

function decodeCursor(cursor: string, n: number): (string | null)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (Array.isArray(values) && values.length === n + 1 && values.every((v) => v === null || typeof v === 'string'))
      return values;
  } catch {}
  throw validationError('The cursor does not fit this list', [
    { path: ['cursor'], message: 'Start again from the first page (the sort changed)' },
  ]);
}

/** Rows after the cursor in (sort keys…, id) order, nulls last in both directions. */
function afterCursor(keys: SortKey[], values: (string | null)[]): Prisma.Sql {
  const lastId = values[keys.length] as string;
  const branches: Prisma.Sql[] = [];
  for (let i = 0; i <= keys.length; i++) {
    const equal = keys
      .slice(0, i)
      .map((k, j) => Prisma.sql`${Prisma.raw(k.def.sql)} is not distinct from ${cast(values[j], k.def.pg)}`);
    let step: Prisma.Sql;
    if (i === keys.length) step = Prisma.sql`t.id > ${lastId}`;
    else {
      const k = keys[i] as SortKey;
      const v = values[i];
      if (v === null) continue; // after a null come only nulls: the equality branch below covers them
      step = Prisma.sql`(${Prisma.raw(k.def.sql)} ${Prisma.raw(k.desc ? '<' : '>')} ${cast(v, k.def.pg)} or ${Prisma.raw(k.def.sql)} is null)`;
    }
    branches.push(Prisma.join([...equal, step], ' and '));
  }
  return Prisma.sql`(${Prisma.join(
    branches.map((b) => Prisma.sql`(${b})`),
    ' or ',
  )})`;
}

/** The WHERE conditions of a filter (also used by segments and export). */
export async function filterSql(
  crm: Crm,
  entity: Entity,
  conditions: Condition[],
  problems: Problem[],
  fields?: Record<string, FieldDef>,
): Promise<Prisma.Sql[]> {
  const map = fields ?? (await fieldsOf(crm, entity));
  return conditions.flatMap((c, i) => {
    const f = map[c.field];
    if (!f) {
      problems.push({ path: ['filter', i, 'field'], message: `There is no field "${c.field}"` });
      return [];
    }
    const sql = conditionSql(f, c, i, problems);
    return sql ? [sql] : [];
  });
}

export function parseFilter(text: string | undefined): Condition[] {
  if (!text) return [];
  const parsed = filterText.safeParse(text);
  if (!parsed.success) {
    throw validationError(
      'The filter is not valid',
      parsed.error.issues.map((i) => ({ path: ['filter', ...i.path], message: i.message })),
    );
  }
  return parsed.data;
}

/** Where a segment's members are: its rules or its static list. */
async function segmentSql(crm: Crm, entity: Entity, segmentId: string, fields: Record<string, FieldDef>, problems: Problem[]) {
  const segment = await crm.tx.crmSegment.findFirst({ where: { id: segmentId, siteId: crm.site.id } });
  if (!segment) throw notFound('Segment');
  // a segment holds one kind of record: among the others it has no members
  if (segment.entity !== entity) return Prisma.sql`false`;
  const rules = await filterSql(crm, entity, z.array(condition).parse(segment.filters), problems, fields);
  const statics = Prisma.sql`t.id in (select "recordId" from crm.segment_members where "segmentId" = ${segment.id})`;
  return rules.length > 0 ? Prisma.sql`((${Prisma.join(rules, ' and ')}) or ${statics})` : statics;
}

/** The ids of one page of a list, the cursor of the next page and the number of matching rows. */
export async function listIds(crm: Crm, entity: Entity, raw: ListInput, options: { count?: boolean } = {}): Promise<ListPage> {
  const input = parseInput(listInput, raw);
  const problems: Problem[] = [];
  const fields = await fieldsOf(crm, entity);
  const where: Prisma.Sql[] = [Prisma.sql`t."siteId" = ${crm.site.id}`];
  if (input.q) where.push(Prisma.sql`t."searchText" ilike ${`%${like(input.q.toLowerCase())}%`}`);
  where.push(...(await filterSql(crm, entity, parseFilter(input.filter), problems, fields)));
  if (input.segmentId) {
    const seg = await segmentSql(crm, entity, input.segmentId, fields, problems);
    if (seg) where.push(seg);
  }
  const keys = parseSort(input.sort, fields, problems);
  if (problems.length > 0) throw validationError(problems[0]?.message ?? 'The list request is not valid', problems);

  const table = Prisma.raw(TABLES[entity]);
  const filtered = Prisma.join(where, ' and ');
  const pageWhere = input.cursor
    ? Prisma.sql`${filtered} and ${afterCursor(keys, decodeCursor(input.cursor, keys.length))}`
    : filtered;
  const selectKeys = keys.map((k, i) => Prisma.sql`${Prisma.raw(k.def.sql)} as ${Prisma.raw(`s${i}`)}`);
  const order = keys.map((k) => Prisma.raw(`${k.def.sql} ${k.desc ? 'desc' : 'asc'} nulls last`));
  const rows = await crm.tx.$queryRaw<Record<string, unknown>[]>`
    select t.id, ${Prisma.join(selectKeys)} from ${table} t
    where ${pageWhere}
    order by ${Prisma.join([...order, Prisma.raw('t.id asc')])}
    limit ${input.limit + 1}`;
  // an export pages through everything and needs no count
  const count =
    options.count === false
      ? -1n
      : ((await crm.tx.$queryRaw<{ count: bigint }[]>`select count(*) from ${table} t where ${filtered}`)[0]?.count ?? 0n);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > input.limit && last
      ? Buffer.from(JSON.stringify([...keys.map((k, i) => cursorValue(last[`s${i}`], k.def.pg)), last.id])).toString('base64url')
      : null;
  return { ids: page.map((r) => r.id as string), nextCursor, total: Number(count) };
}

/** Rows of `ids` in the order of `ids` (a page hydrated after listIds). */
export function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((i) => byId.get(i) ?? []);
}
