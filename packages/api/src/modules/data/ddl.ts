// SQL text for a module's tables. Names come from a DataSpec that zod has validated (snake_case,
// no reserved names) and are quoted with pg's escapeIdentifier all the same; numbers come from
// validated integers. Nothing else is ever interpolated.
import { createHash } from 'node:crypto';
import { type ColumnSpec, columnTypes, type TableSpec } from '@dramac/manifest/data';
import { escapeIdentifier as ident } from 'pg';
import { SITE_SETTING } from '../../lib/site-rls.ts';

export type IndexSpec = TableSpec['indexes'][number];

export const qualified = (schema: string, table: string) => `${ident(schema)}.${ident(table)}`;

/** text columns only: a maxLength on any other type has nothing to measure. */
export const maxLengthOf = (c: ColumnSpec) => (c.type === 'text' ? c.maxLength : undefined);

const maxLengthConstraint = (column: string) => ident(`${column}_max_length`);

export const sameIndex = (a: IndexSpec, b: IndexSpec) => a.unique === b.unique && a.columns.join(',') === b.columns.join(',');

/**
 * Declared indexes get a name derived from what they cover (so an upgrade recognises them), short
 * enough for PostgreSQL's 63 characters: a 48-character table name leaves room for a hash only.
 */
export function indexName(table: string, ix: IndexSpec): string {
  const hash = createHash('sha256')
    .update(`${table}:${ix.unique}:${ix.columns.join(',')}`)
    .digest('hex')
    .slice(0, 10);
  return `${ix.unique ? 'ux' : 'ix'}_${table}_${hash}`;
}

export function columnDefinition(c: ColumnSpec): string {
  const max = maxLengthOf(c);
  return [
    ident(c.name),
    columnTypes[c.type],
    c.required ? 'not null' : '',
    max ? `constraint ${maxLengthConstraint(c.name)} check (char_length(${ident(c.name)}) <= ${max})` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function addMaxLengthSql(schema: string, table: string, column: string, max: number): string {
  const col = ident(column);
  return `alter table ${qualified(schema, table)} add constraint ${maxLengthConstraint(column)} check (char_length(${col}) <= ${max})`;
}

export const dropMaxLengthSql = (schema: string, table: string, column: string) =>
  `alter table ${qualified(schema, table)} drop constraint if exists ${maxLengthConstraint(column)}`;

/** Uniqueness is per site: every declared index starts with site_id. */
export function createIndexSql(schema: string, table: string, ix: IndexSpec): string {
  const columns = ['site_id', ...ix.columns].map(ident).join(', ');
  return `create ${ix.unique ? 'unique ' : ''}index ${ident(indexName(table, ix))} on ${qualified(schema, table)} (${columns})`;
}

export const dropIndexSql = (schema: string, table: string, ix: IndexSpec) =>
  `drop index if exists ${qualified(schema, indexName(table, ix))}`;

/**
 * A table with the implicit columns, its indexes, row-level security keyed on the site (forced,
 * so even the owner obeys it unless it is a superuser) and the module role's grants.
 */
export function createTableSql(schema: string, role: string, t: TableSpec): string[] {
  const table = qualified(schema, t.name);
  const site = `site_id = current_setting('${SITE_SETTING}', true)`;
  const columns = [
    'id uuid primary key default gen_random_uuid()',
    `site_id text not null constraint site_id_not_empty check (site_id <> '')`,
    'created_at timestamptz not null default now()',
    'updated_at timestamptz not null default now()',
    ...t.columns.map(columnDefinition),
  ];
  return [
    `create table ${table} (${columns.join(', ')})`,
    // serves every site-filtered query and the gateway's newest-first cursor pagination
    `create index ${ident(`ix_${t.name}_site`)} on ${table} (site_id, created_at, id)`,
    ...t.indexes.map((ix) => createIndexSql(schema, t.name, ix)),
    `alter table ${table} enable row level security`,
    `alter table ${table} force row level security`,
    `create policy site_isolation on ${table} using (${site}) with check (${site})`,
    `grant select, insert, update, delete on ${table} to ${ident(role)}`,
  ];
}
