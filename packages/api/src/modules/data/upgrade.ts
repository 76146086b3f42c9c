// Upgrading a module's data from one manifest version to the next. Additive changes apply by
// themselves. Changes that lose data, or that existing rows may not satisfy, are refused unless
// the new manifest declares them in data.destructiveChanges.
import { type ColumnSpec, type ColumnType, columnTypes, type DataSpec, type TableSpec } from '@dramac/manifest/data';
import { type ClientBase, escapeIdentifier as ident } from 'pg';
import { fieldError } from '../../errors.ts';
import {
  addMaxLengthSql,
  columnDefinition,
  createIndexSql,
  createTableSql,
  dropIndexSql,
  dropMaxLengthSql,
  type IndexSpec,
  maxLengthOf,
  qualified,
  sameIndex,
} from './ddl.ts';
import { moduleSchemaName } from './module-schema.ts';
import { validDataSpec } from './provision.ts';
import { inTransaction } from './transaction.ts';

export type UpgradeStep =
  | { kind: 'createTable'; table: TableSpec }
  | { kind: 'dropTable'; table: string }
  | { kind: 'addColumn'; table: string; column: ColumnSpec }
  | { kind: 'dropColumn'; table: string; column: string }
  | { kind: 'changeColumnType'; table: string; column: ColumnSpec; from: ColumnType }
  | { kind: 'dropRequired'; table: string; column: string }
  | { kind: 'setRequired'; table: string; column: string }
  | { kind: 'setMaxLength'; table: string; column: string; from?: number; to?: number }
  | { kind: 'createIndex'; table: string; index: IndexSpec }
  | { kind: 'dropIndex'; table: string; index: IndexSpec };

/**
 * The declaration a step needs, or null when it is additive. Tightening a column (required, a
 * lower maxLength) keeps every row but may reject existing ones, so it is declared as well.
 */
function declarationFor(step: UpgradeStep): { kind: string; table: string; column?: string } | null {
  switch (step.kind) {
    case 'dropTable':
      return { kind: 'dropTable', table: step.table };
    case 'dropColumn':
      return { kind: 'dropColumn', table: step.table, column: step.column };
    case 'changeColumnType':
      return { kind: 'changeColumnType', table: step.table, column: step.column.name };
    case 'setRequired':
      return { kind: 'tightenColumn', table: step.table, column: step.column };
    case 'setMaxLength':
      return step.to !== undefined && (step.from === undefined || step.to < step.from)
        ? { kind: 'tightenColumn', table: step.table, column: step.column }
        : null;
    default:
      return null;
  }
}

function describe(step: UpgradeStep): string {
  const column = 'column' in step ? `"${step.table}"."${typeof step.column === 'string' ? step.column : step.column.name}"` : '';
  switch (step.kind) {
    case 'dropTable':
      return `dropping table "${step.table}"`;
    case 'dropColumn':
      return `dropping column ${column}`;
    case 'changeColumnType':
      return `changing the type of ${column} from ${step.from} to ${step.column.type}`;
    case 'setRequired':
      return `making ${column} required`;
    case 'setMaxLength':
      return `limiting ${column} to ${step.to} characters`;
    default:
      return step.kind;
  }
}

function planTable(current: TableSpec, next: TableSpec): UpgradeStep[] {
  const table = next.name;
  const steps: UpgradeStep[] = current.indexes
    .filter((ix) => !next.indexes.some((n) => sameIndex(ix, n)))
    .map((index) => ({ kind: 'dropIndex', table, index }));
  for (const old of current.columns) {
    if (!next.columns.some((c) => c.name === old.name)) steps.push({ kind: 'dropColumn', table, column: old.name });
  }
  for (const column of next.columns) {
    const old = current.columns.find((c) => c.name === column.name);
    if (!old) {
      // added nullable; a required one then needs every existing row to have a value
      steps.push({ kind: 'addColumn', table, column: { ...column, required: false } });
      if (column.required) steps.push({ kind: 'setRequired', table, column: column.name });
      continue;
    }
    if (old.type !== column.type) steps.push({ kind: 'changeColumnType', table, column, from: old.type });
    else if (maxLengthOf(old) !== maxLengthOf(column))
      steps.push({ kind: 'setMaxLength', table, column: column.name, from: maxLengthOf(old), to: maxLengthOf(column) });
    if (old.required && !column.required) steps.push({ kind: 'dropRequired', table, column: column.name });
    if (!old.required && column.required) steps.push({ kind: 'setRequired', table, column: column.name });
  }
  for (const index of next.indexes) {
    if (!current.indexes.some((ix) => sameIndex(ix, index))) steps.push({ kind: 'createIndex', table, index });
  }
  return steps;
}

/**
 * The steps from `current` to `next`, in the order they run. Throws a BAD_REQUEST naming every
 * change that `next.destructiveChanges` does not declare.
 */
export function planUpgrade(current: DataSpec, next: DataSpec): UpgradeStep[] {
  const steps: UpgradeStep[] = [];
  for (const old of current.tables) {
    const kept = next.tables.find((t) => t.name === old.name);
    steps.push(...(kept ? planTable(old, kept) : [{ kind: 'dropTable', table: old.name } as const]));
  }
  for (const table of next.tables) {
    if (!current.tables.some((t) => t.name === table.name)) steps.push({ kind: 'createTable', table });
  }
  const declared: readonly { kind: string; table: string; column?: string }[] = next.destructiveChanges;
  const refused = steps.filter((step) => {
    const needed = declarationFor(step);
    return needed && !declared.some((d) => d.kind === needed.kind && d.table === needed.table && d.column === needed.column);
  });
  if (refused.length) {
    const list = refused.map((s) => `${describe(s)} (declare ${JSON.stringify(declarationFor(s))})`).join('; ');
    throw fieldError(
      'data.destructiveChanges',
      `This version would lose or reject existing data: ${list}. Declare each change in data.destructiveChanges to apply it.`,
    );
  }
  return steps;
}

function stepSql(schema: string, role: string, step: UpgradeStep): string[] {
  if (step.kind === 'createTable') return createTableSql(schema, role, step.table);
  if (step.kind === 'dropTable') return [`drop table ${qualified(schema, step.table)}`];
  if (step.kind === 'createIndex') return [createIndexSql(schema, step.table, step.index)];
  if (step.kind === 'dropIndex') return [dropIndexSql(schema, step.table, step.index)];
  const table = `alter table ${qualified(schema, step.table)}`;
  switch (step.kind) {
    case 'addColumn':
      return [`${table} add column ${columnDefinition(step.column)}`];
    case 'dropColumn':
      return [`${table} drop column ${ident(step.column)}`];
    case 'changeColumnType': {
      const { name, type } = step.column;
      const max = maxLengthOf(step.column);
      return [
        dropMaxLengthSql(schema, step.table, name),
        // existing values are converted; one that does not convert fails the whole upgrade
        `${table} alter column ${ident(name)} type ${columnTypes[type]} using ${ident(name)}::${columnTypes[type]}`,
        ...(max ? [addMaxLengthSql(schema, step.table, name, max)] : []),
      ];
    }
    case 'dropRequired':
      return [`${table} alter column ${ident(step.column)} drop not null`];
    case 'setRequired':
      return [`${table} alter column ${ident(step.column)} set not null`];
    case 'setMaxLength':
      return [
        dropMaxLengthSql(schema, step.table, step.column),
        ...(step.to ? [addMaxLengthSql(schema, step.table, step.column, step.to)] : []),
      ];
  }
}

/** Plans and applies an upgrade in one transaction; returns the steps applied. */
export async function upgradeModuleData(
  client: ClientBase,
  input: { shortId: string; current: DataSpec; next: DataSpec },
): Promise<UpgradeStep[]> {
  const schema = moduleSchemaName(input.shortId);
  const steps = planUpgrade(validDataSpec(input.current), validDataSpec(input.next));
  await inTransaction(client, async () => {
    for (const step of steps) for (const sql of stepSql(schema, schema, step)) await client.query(sql);
  });
  return steps;
}
