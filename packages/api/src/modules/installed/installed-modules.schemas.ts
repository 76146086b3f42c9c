// The REST contract of a site's installed modules and their data. Rows differ per module (each
// declares its tables in its manifest), so a row is an open JSON object here; `tables` on an
// installation says which columns it has.
import { type ColumnType, columnTypes, MODULE_TYPES } from '@dramac/manifest';
import { z } from 'zod';
import { dateTime } from '../../lib/schemas.ts';
import { id } from '../../trpc.ts';

export const sitePath = z.object({ siteId: id });
export const installationPath = sitePath.extend({ installationId: id });

// `tableName`, not `table`: a module may call a column "table", and path parameters share the
// input with the body's columns and the query's filters (column names are lowercase snake_case)
const tablePath = installationPath.extend({
  tableName: z.string().min(1).max(64).meta({ description: 'A table the module declares in its manifest' }),
});

export const rowPath = tablePath.extend({ rowId: id.meta({ description: "The row's `id` (a UUID)" }) });

/** `?email=eq.a@b.c`: one value per filter, or several to combine (`?qty=gte.1&qty=lte.9`). */
const filterValue = z.union([z.string().max(2_000), z.array(z.string().max(2_000)).max(20)]).meta({
  description:
    'Filters, one query parameter per column (`?email=eq.ann@example.com&qty=gte.5`); a column given twice ' +
    'must meet both conditions',
});

// the gateway's own words for a bad limit
const pageSize = 'Use a whole number from 1 to 100';

export const listRowsInput = tablePath
  .extend({
    // descriptions inside .optional(): the bridge unwraps optional query parameters
    order: z
      .string()
      .max(500)
      .meta({ description: 'Sort keys as column.asc or column.desc, comma-separated; the default is created_at.desc' })
      .optional(),
    limit: z
      .number({ error: pageSize })
      .int(pageSize)
      .min(1, pageSize)
      .max(100, pageSize)
      .meta({ description: 'Rows per page, 1 to 100; the default is 25' })
      .optional(),
    cursor: z
      .string()
      .max(2_000)
      .meta({ description: "The previous page's nextCursor, sent with the same order and filters" })
      .optional(),
  })
  .catchall(filterValue);

/** A new row or the changes to one: the table's declared columns, checked against its manifest. */
const columnValue = z.unknown().meta({ description: "The row's columns, by name, as the module's manifest declares them" });
export const rowInput = tablePath.catchall(columnValue);
export const rowChangesInput = rowPath.catchall(columnValue);

export const moduleRow = z.record(z.string(), z.unknown()).meta({
  id: 'ModuleRow',
  description:
    "A row of a module's table: `id`, `created_at`, `updated_at` and the columns its manifest declares. " +
    'Values by column type: text, uuid and date as strings, integer as a number, decimal as a string ("12.50"), ' +
    'boolean, timestamp as an ISO 8601 string in UTC, json as any JSON value; an optional column without a value is null.',
});

export const rowPage = z.object({
  rows: z.array(moduleRow),
  nextCursor: z.string().nullable().meta({ description: 'Send it as `cursor` for the next page; null on the last page' }),
});

const columnOutput = z.object({
  name: z.string(),
  type: z.enum(Object.keys(columnTypes) as [ColumnType, ...ColumnType[]]),
  /** false for id, created_at and updated_at, which the platform sets */
  writable: z.boolean(),
  /** a new row must have it */
  required: z.boolean(),
});

export const installedModuleOutput = z.object({
  id: z.string().meta({ description: 'The installation id, used in the data routes' }),
  module: z.object({ id: z.string(), slug: z.string(), name: z.string(), type: z.enum(MODULE_TYPES) }),
  version: z.string().meta({ description: 'The installed version (semver)' }),
  status: z.enum(['enabled', 'disabled']).meta({ description: 'A disabled module keeps its data, but it cannot be reached' }),
  settings: z
    .record(z.string(), z.unknown())
    .meta({ description: 'The settings as the site saved them, with defaults filled in; secret settings are never shown' }),
  permissions: z.array(z.string()).meta({ description: 'What the site granted the module; its data routes need "data:own"' }),
  tables: z.array(z.object({ name: z.string(), columns: z.array(columnOutput) })).meta({
    description: "The module's own tables and their columns, reachable under /data/{tableName}",
  }),
  installedAt: dateTime(),
  updatedAt: dateTime(),
});
