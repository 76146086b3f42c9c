// The `data` section of a module manifest: the tables a module keeps in its own schema
// (mod_<shortid>). Every table also gets, implicitly, `id` (uuid primary key), `site_id`,
// `created_at` and `updated_at`; row-level security keys on `site_id`.
import { z } from 'zod';

/** snake_case identifiers PostgreSQL never needs quoted, and that cannot collide with ours. */
const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,47}$/, 'Use lowercase letters, digits and underscores, starting with a letter (max 48)')
  .refine((n) => !RESERVED_COLUMNS.includes(n) && !n.startsWith('pg_'), 'This name is reserved');

export const RESERVED_COLUMNS = ['id', 'site_id', 'created_at', 'updated_at', 'tableoid', 'ctid', 'xmin', 'xmax', 'cmin', 'cmax'];

/** Column types a module may declare, and the PostgreSQL type each becomes. */
export const columnTypes = {
  text: 'text',
  integer: 'bigint',
  decimal: 'numeric',
  boolean: 'boolean',
  timestamp: 'timestamptz',
  date: 'date',
  json: 'jsonb',
  uuid: 'uuid',
} as const;
export type ColumnType = keyof typeof columnTypes;

export const column = z.object({
  name: identifier,
  type: z.enum(Object.keys(columnTypes) as [ColumnType, ...ColumnType[]]),
  required: z.boolean().default(false),
  /** text columns: longest accepted value, enforced by the gateway and a CHECK constraint */
  maxLength: z.number().int().min(1).max(100_000).optional(),
  description: z.string().max(500).optional(),
});

export const index = z.object({
  columns: z.array(identifier).min(1).max(8),
  unique: z.boolean().default(false),
});

/**
 * What a visitor of a site that embeds the module (an embed token, no dashboard session) may do
 * with a table through the gateway. Dashboard members may always read and write.
 */
export const EMBED_ACCESS = ['none', 'insert', 'read', 'read-insert'] as const;
export type EmbedAccess = (typeof EMBED_ACCESS)[number];

export const table = z
  .object({
    name: identifier,
    description: z.string().max(500).optional(),
    columns: z.array(column).min(1).max(100),
    indexes: z.array(index).max(20).default([]),
    // optional rather than defaulted, so specs written by hand need not spell it: absent means 'none'
    embed: z
      .enum(EMBED_ACCESS)
      .optional()
      .describe('What embedded visitors may do: none (the default), insert (a contact form), read (a list), or read-insert'),
  })
  .superRefine((t, ctx) => {
    const names = new Set<string>();
    t.columns.forEach((c, i) => {
      if (names.has(c.name))
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'name'], message: `Column "${c.name}" is declared twice` });
      names.add(c.name);
    });
    t.indexes.forEach((ix, i) => {
      ix.columns.forEach((c, j) => {
        if (!names.has(c))
          ctx.addIssue({ code: 'custom', path: ['indexes', i, 'columns', j], message: `No column "${c}" in this table` });
      });
    });
  });

/**
 * Changes a new version may make that lose data (dropping a column or table, changing a type)
 * are refused unless the manifest declares them here, one entry per change.
 */
export const destructiveChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dropTable'), table: identifier }),
  z.object({ kind: z.literal('dropColumn'), table: identifier, column: identifier }),
  z.object({ kind: z.literal('changeColumnType'), table: identifier, column: identifier }),
  // optional → required, or a lower maxLength: rows that no longer fit make the upgrade fail whole
  z.object({ kind: z.literal('tightenColumn'), table: identifier, column: identifier }),
]);

export const dataSpec = z
  .object({
    tables: z.array(table).max(50).default([]),
    destructiveChanges: z.array(destructiveChange).max(100).default([]),
  })
  .superRefine((d, ctx) => {
    const names = new Set<string>();
    d.tables.forEach((t, i) => {
      if (names.has(t.name))
        ctx.addIssue({ code: 'custom', path: ['tables', i, 'name'], message: `Table "${t.name}" is declared twice` });
      names.add(t.name);
    });
  });

export type DataSpec = z.infer<typeof dataSpec>;
export type TableSpec = z.infer<typeof table>;
export type ColumnSpec = z.infer<typeof column>;
