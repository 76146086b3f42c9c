// The data endpoints' rules, for the gateway and the REST API alike: the installed version must
// have been granted data:own, the table must be one it declares, and who may do what: members of
// the site's agency and integrations (REST tokens, whose scopes tokenProcedure checked) read and
// write, embedded visitors only what the table's `embed` allows.
import { TRPCError } from '@trpc/server';
import type { Services } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import type { GatewayCaller } from './caller.ts';
import { type ListRequest, parseListQuery } from './list-query.ts';
import { grantedPermissions } from './module-context.ts';
import { parseBody } from './request.ts';
import { deleteRow, getRow, insertRow, isRowId, listRows, type ModuleSession, updateRow } from './rows.ts';

type Operation = 'read' | 'insert' | 'update' | 'delete';

const visitorMay: Record<string, Operation[]> = {
  none: [],
  insert: ['insert'],
  read: ['read'],
  'read-insert': ['read', 'insert'],
};

const unknownColumn = (key: string) => `No column "${key}" in this table, or not one a caller may set`;

function tableFor(caller: GatewayCaller, name: string, operation: Operation) {
  if (!grantedPermissions(caller).includes('data:own')) {
    throw forbidden('This module was not granted "data:own", so it has no data to reach');
  }
  const table = caller.contract.tables.get(name);
  if (!table) throw new TRPCError({ code: 'NOT_FOUND', message: `This module declares no table "${name}"` });
  if (caller.role === 'visitor' && !visitorMay[table.embed]!.includes(operation)) {
    throw forbidden(`Embedded pages cannot ${operation} rows of "${name}" (the table allows embed: "${table.embed}")`);
  }
  return table;
}

const sessionOf = (services: Services, caller: GatewayCaller): ModuleSession => ({
  pool: services.modulePool,
  shortId: caller.module.shortId,
  siteId: caller.site.id,
});

/** A row id that is not a UUID names no row. */
function rowIdOf(rowId: string) {
  if (!isRowId(rowId)) throw new TRPCError({ code: 'NOT_FOUND', message: 'Row not found' });
  return rowId;
}

export function listTable(services: Services, caller: GatewayCaller, name: string, request: ListRequest) {
  const table = tableFor(caller, name, 'read');
  return listRows(sessionOf(services, caller), table, parseListQuery(table, request));
}

export function readRow(services: Services, caller: GatewayCaller, name: string, rowId: string) {
  const table = tableFor(caller, name, 'read');
  return getRow(sessionOf(services, caller), table, rowIdOf(rowId));
}

export function createRow(services: Services, caller: GatewayCaller, name: string, body: unknown) {
  const table = tableFor(caller, name, 'insert');
  const values = parseBody(table.insert, body, 'Some columns are not valid', unknownColumn);
  return insertRow(sessionOf(services, caller), table, values);
}

export function changeRow(services: Services, caller: GatewayCaller, name: string, rowId: string, body: unknown) {
  const table = tableFor(caller, name, 'update');
  const id = rowIdOf(rowId);
  const changes = parseBody(table.patch, body, 'Some columns are not valid', unknownColumn);
  return updateRow(sessionOf(services, caller), table, id, changes);
}

export function removeRow(services: Services, caller: GatewayCaller, name: string, rowId: string) {
  const table = tableFor(caller, name, 'delete');
  return deleteRow(sessionOf(services, caller), table, rowIdOf(rowId));
}
