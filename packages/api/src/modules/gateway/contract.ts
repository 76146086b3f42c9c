// What an installed version lets the gateway do, compiled once from its manifest: each table's
// columns with the zod schemas rows are checked against, each declared event's payload schema,
// its settings fields and permissions. Versions never change once uploaded, so the compiled
// contract is cached by version id.
import type { Db } from '@dramac/db';
import {
  type ColumnType,
  columnTypes,
  dataSpec,
  type EmbedAccess,
  type Manifest,
  type SettingField,
  settings as settingsSchema,
  type TableSpec,
} from '@dramac/manifest';
import { z } from 'zod';

/** A column the gateway reads and writes: the implicit ones (id, created_at, updated_at) and the declared. */
export interface ColumnInfo {
  name: string;
  type: ColumnType;
  /** declared by the manifest, so a caller may write it; the implicit ones are the gateway's */
  writable: boolean;
}

export interface TableContract {
  spec: TableSpec;
  /** every readable column, in the order rows show them */
  columns: Map<string, ColumnInfo>;
  embed: EmbedAccess;
  /** a whole new row: declared columns only, required ones present */
  insert: z.ZodType<Record<string, unknown>>;
  /** a partial row: declared columns only, required ones never null */
  patch: z.ZodType<Record<string, unknown>>;
}

export interface VersionContract {
  tables: Map<string, TableContract>;
  events: Map<string, z.ZodType<Record<string, unknown>>>;
  settings: SettingField[];
  permissions: string[];
  entryPoints: ('widget' | 'dashboardPage')[];
  embedAllowed: boolean;
}

/** Integers leave as JSON numbers, so they must stay exact in one. */
const safeInteger = z
  .number({ error: 'Use a whole number' })
  .int('Use a whole number')
  .min(Number.MIN_SAFE_INTEGER, 'Too small')
  .max(Number.MAX_SAFE_INTEGER, 'Too large');

export const DECIMAL = /^-?\d{1,100}(\.\d{1,100})?$/;

/** Exact decimals travel as strings ("12.50"); a JSON number is accepted when it prints as one. */
const decimal = z
  .union([z.string(), z.number()], { error: 'Use a decimal as a string like "12.50", or a number' })
  .transform((v) => String(v))
  .refine((v) => DECIMAL.test(v), 'Use a decimal as a string like "12.50", or a number');

const valueSchemas: Record<ColumnType, z.ZodType> = {
  text: z.string({ error: 'Use text' }),
  integer: safeInteger,
  decimal,
  boolean: z.boolean({ error: 'Use true or false' }),
  timestamp: z.iso.datetime({ offset: true, error: 'Use an ISO 8601 date-time with a time zone, like 2025-01-31T09:30:00Z' }),
  date: z.iso.date({ error: 'Use a date like 2025-01-31' }),
  json: z.json({ error: 'Use a JSON value' }),
  uuid: z.guid({ error: 'Use a UUID' }),
};

function columnSchema(c: TableSpec['columns'][number]): z.ZodType {
  const max = c.type === 'text' ? c.maxLength : undefined;
  return max ? z.string({ error: 'Use text' }).max(max, `Use at most ${max} characters`) : valueSchemas[c.type];
}

function compileTable(spec: TableSpec): TableContract {
  const columns = new Map<string, ColumnInfo>([['id', { name: 'id', type: 'uuid', writable: false }]]);
  for (const c of spec.columns) columns.set(c.name, { name: c.name, type: c.type, writable: true });
  columns.set('created_at', { name: 'created_at', type: 'timestamp', writable: false });
  columns.set('updated_at', { name: 'updated_at', type: 'timestamp', writable: false });
  // null and absent mean the same to an optional column: no value
  const insert = Object.fromEntries(
    spec.columns.map((c) => [c.name, c.required ? columnSchema(c) : columnSchema(c).nullable().optional()]),
  );
  const patch = Object.fromEntries(
    spec.columns.map((c) => [c.name, c.required ? columnSchema(c).optional() : columnSchema(c).nullable().optional()]),
  );
  return {
    spec,
    columns,
    embed: spec.embed ?? 'none',
    insert: z.strictObject(insert, { error: 'Send the row as a JSON object' }) as z.ZodType<Record<string, unknown>>,
    patch: z.strictObject(patch, { error: 'Send the changes as a JSON object' }) as z.ZodType<Record<string, unknown>>,
  };
}

type EventSpec = Manifest['events'][number];
type PayloadProperty = EventSpec['payload']['properties'][string];

function propertySchema(p: PayloadProperty): z.ZodType {
  switch (p.type) {
    case 'string': {
      if (p.enum) return z.enum(p.enum as [string, ...string[]]);
      switch (p.format) {
        case 'date-time':
          return z.iso.datetime({ offset: true });
        case 'date':
          return z.iso.date();
        case 'email':
          return z.email();
        case 'uri':
          return z.url();
        case 'uuid':
          return z.guid();
        default:
          return z.string();
      }
    }
    case 'number':
      return z.number();
    case 'integer':
      return z.number().int();
    case 'boolean':
      return z.boolean();
    case 'object':
      return z.record(z.string(), z.json());
    case 'array':
      return z.array(z.json());
    case 'null':
      return z.null();
  }
}

/** The declared payload: its properties only, the required ones present, each of its type. */
function compilePayload(event: EventSpec): z.ZodType<Record<string, unknown>> {
  const required = new Set(event.payload.required ?? []);
  const shape = Object.fromEntries(
    Object.entries(event.payload.properties).map(([name, p]) => [
      name,
      required.has(name) ? propertySchema(p) : propertySchema(p).optional(),
    ]),
  );
  return z.strictObject(shape, { error: 'Send the payload as a JSON object' }) as z.ZodType<Record<string, unknown>>;
}

/** The manifest stored with a version was validated on upload; defaults added since are filled in here. */
function compile(manifest: Manifest): VersionContract {
  const data = dataSpec.parse(manifest.data ?? {});
  return {
    tables: new Map(data.tables.map((t) => [t.name, compileTable(t)])),
    events: new Map((manifest.events ?? []).map((e) => [e.name, compilePayload(e)])),
    settings: settingsSchema.parse(manifest.settings ?? []),
    permissions: manifest.permissions ?? [],
    entryPoints: (['widget', 'dashboardPage'] as const).filter((e) => manifest.entryPoints?.[e]),
    embedAllowed: manifest.embed?.allowed === true,
  };
}

const MAX_CACHED = 500;
const cache = new Map<string, Promise<VersionContract>>();

/** The contract of a module version, compiled on first use. */
export function versionContract(db: Pick<Db, 'moduleVersion'>, versionId: string): Promise<VersionContract> {
  const cached = cache.get(versionId);
  if (cached) return cached;
  const compiled = db.moduleVersion
    .findUniqueOrThrow({ where: { id: versionId }, select: { manifest: true } })
    .then((v) => compile(v.manifest as Manifest));
  compiled.catch(() => cache.delete(versionId));
  // oldest first: Map keeps insertion order
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(versionId, compiled);
  return compiled;
}

/** The PostgreSQL type a parameter for this column is cast to. */
export const sqlType = (type: ColumnType) => columnTypes[type];
