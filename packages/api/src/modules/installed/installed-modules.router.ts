// REST for integrations: /api/v1/sites/{siteId}/modules… — the site's installed modules (as an
// integration sees them: no manifest internals, never a secret) and the rows of their own tables. The data routes call the module gateway's services (modules/gateway/module-data.ts), so
// the same rules hold as for the dashboard and embeds: the installation must be enabled and granted
// "data:own", the table one it declares, every value checked against the manifest, and the SQL
// run under the module's role with the token's site bound.
import { z } from 'zod';
import { router, tokenProcedure } from '../../trpc.ts';
import { integrationCaller } from '../gateway/caller.ts';
import { changeRow, createRow, listTable, readRow, removeRow } from '../gateway/module-data.ts';
import {
  installationPath,
  installedModuleOutput,
  listRowsInput,
  moduleRow,
  rowChangesInput,
  rowInput,
  rowPage,
  rowPath,
  sitePath,
} from './installed-modules.schemas.ts';
import { getInstalledModule, listInstalledModules } from './installed-modules.service.ts';

const modulesRead = tokenProcedure.meta({ scope: 'modules:read' });
const dataRead = tokenProcedure.meta({ scope: 'modules.data:read' });
const dataWrite = tokenProcedure.meta({ scope: 'modules.data:write' });

const base = '/sites/{siteId}/modules';
const table = `${base}/{installationId}/data/{tableName}`;
const tags = ['modules'];

const rowsAreDynamic =
  "Rows are JSON objects whose columns the module's manifest declares (see `tables` on the installation); " +
  'they are typed as open objects here because each module has its own. ';

/** A list request from the typed input: every key past the declared ones is a column filter. */
function listRequest({
  siteId: _s,
  installationId: _i,
  tableName: _t,
  order,
  limit,
  cursor,
  ...filters
}: z.infer<typeof listRowsInput>) {
  return {
    filters: Object.entries(filters).flatMap(([column, values]) =>
      [values].flat().map((value) => [column, value] as [string, string]),
    ),
    order: order ?? null,
    limit: limit ?? null,
    cursor: cursor ?? null,
  };
}

/** The body's columns: the input without the path's parameters. */
const columnsOf = ({ siteId: _s, installationId: _i, tableName: _t, rowId: _r, ...columns }: Record<string, unknown>) => columns;

export const installedModulesRouter = router({
  list: modulesRead
    .meta({ openapi: { method: 'GET', path: base, protect: true, tags, summary: 'List the installed modules' } })
    .input(sitePath)
    .output(z.array(installedModuleOutput))
    .query(({ ctx }) => listInstalledModules(ctx.db, ctx.token.siteId)),
  get: modulesRead
    .meta({
      openapi: { method: 'GET', path: `${base}/{installationId}`, protect: true, tags, summary: 'Get an installed module' },
    })
    .input(installationPath)
    .output(installedModuleOutput)
    .query(({ ctx, input }) => getInstalledModule(ctx.db, ctx.token.siteId, input.installationId)),
  listRows: dataRead
    .meta({
      openapi: {
        method: 'GET',
        path: table,
        protect: true,
        tags,
        summary: "List rows of a module's table",
        description:
          rowsAreDynamic +
          'Filter with one query parameter per column, PostgREST-style: `?email=eq.ann@example.com`, `?qty=gte.5`, ' +
          '`?status=in.(new,open)`, `?note=like.urgent` (contains, any case), `?sent_at=is.null`; ops are eq, neq, lt, ' +
          'lte, gt, gte, like, in and is. Repeat a column to combine conditions (`?qty=gte.1&qty=lte.9`). Pages follow ' +
          '`nextCursor`.',
      },
    })
    .input(listRowsInput)
    .output(rowPage)
    .query(async ({ ctx, input }) => {
      const caller = await integrationCaller(ctx.db, ctx.token.siteId, input.installationId);
      return listTable(ctx, caller, input.tableName, listRequest(input));
    }),
  createRow: dataWrite
    .meta({
      openapi: {
        method: 'POST',
        path: table,
        protect: true,
        tags,
        summary: "Add a row to a module's table",
        description: `${rowsAreDynamic}Send the row's columns as a JSON object; the platform sets id, created_at and updated_at.`,
      },
    })
    .input(rowInput)
    .output(moduleRow)
    .mutation(async ({ ctx, input }) => {
      const caller = await integrationCaller(ctx.db, ctx.token.siteId, input.installationId);
      return createRow(ctx, caller, input.tableName, columnsOf(input));
    }),
  getRow: dataRead
    .meta({
      openapi: {
        method: 'GET',
        path: `${table}/{rowId}`,
        protect: true,
        tags,
        summary: "Get a row of a module's table",
        description: rowsAreDynamic,
      },
    })
    .input(rowPath)
    .output(moduleRow)
    .query(async ({ ctx, input }) => {
      const caller = await integrationCaller(ctx.db, ctx.token.siteId, input.installationId);
      return readRow(ctx, caller, input.tableName, input.rowId);
    }),
  updateRow: dataWrite
    .meta({
      openapi: {
        method: 'PATCH',
        path: `${table}/{rowId}`,
        protect: true,
        tags,
        summary: "Change a row of a module's table",
        description: `${rowsAreDynamic}Send only the columns to change; null clears an optional column.`,
      },
    })
    .input(rowChangesInput)
    .output(moduleRow)
    .mutation(async ({ ctx, input }) => {
      const caller = await integrationCaller(ctx.db, ctx.token.siteId, input.installationId);
      return changeRow(ctx, caller, input.tableName, input.rowId, columnsOf(input));
    }),
  deleteRow: dataWrite
    .meta({
      openapi: {
        method: 'DELETE',
        path: `${table}/{rowId}`,
        protect: true,
        tags,
        summary: "Delete a row of a module's table",
      },
    })
    .input(rowPath)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const caller = await integrationCaller(ctx.db, ctx.token.siteId, input.installationId);
      return removeRow(ctx, caller, input.tableName, input.rowId);
    }),
});
