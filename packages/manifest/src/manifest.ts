// `dramac.module.json`: the one contract for a module. The dashboard, the upload check, the CLI
// and the published JSON Schema (dramac.module.schema.json) all come from this schema.
import semver from 'semver';
import { z } from 'zod';
import { dataSpec } from './data.ts';
import { permissions } from './permissions.ts';
import { settings } from './settings.ts';

export const MANIFEST_FILE = 'dramac.module.json';

/** Ids starting with these belong to the platform: only `system` modules may use them. */
export const RESERVED_ID_PREFIXES = ['dramac-', 'system-', 'admin-'] as const;

export const MODULE_TYPES = ['widget', 'app', 'integration', 'system'] as const;

export const CATEGORIES = [
  'analytics',
  'booking',
  'commerce',
  'communication',
  'content',
  'crm',
  'developer-tools',
  'finance',
  'forms',
  'marketing',
  'productivity',
  'social',
  'utilities',
  'other',
] as const;

export const moduleId = z
  .string()
  .min(3, 'Use at least 3 characters')
  .max(48, 'Use at most 48 characters')
  .regex(/^[a-z][a-z0-9-]*$/, 'Use lowercase letters, digits and hyphens, starting with a letter');

/** Strict: semver.valid also accepts "v1.2.0" and " 1.2.0" (and drops build metadata), so compare the round trip. */
function isExactSemver(v: string): boolean {
  const parsed = semver.parse(v);
  return parsed !== null && `${parsed.version}${parsed.build.length > 0 ? `+${parsed.build.join('.')}` : ''}` === v;
}

const semverVersion = z.string().refine(isExactSemver, 'Use a semantic version like 1.2.0 (no leading "v", no spaces)');

const semverRange = z
  .string()
  .min(1)
  .refine((r) => semver.validRange(r) !== null, 'Use a semver range like ^1.0.0 or >=1.2 <3');

// Segments of safe characters separated by "/": no leading "/", no "." or ".." segments, no
// backslashes, so a path means the same thing on every system and cannot leave the package.
const packagePath = (extensions: readonly string[], example: string) =>
  z
    .string()
    .max(256)
    .regex(
      /^(?!\.{1,2}(?:\/|$))(?!.*\/\.{1,2}(?:\/|$))[A-Za-z0-9_@.-]+(?:\/[A-Za-z0-9_@.-]+)*$/,
      `Use a relative path inside the package, like ${example} (no leading "/", no "." or ".." segments, no backslashes)`,
    )
    .refine((p) => extensions.some((ext) => p.toLowerCase().endsWith(`.${ext}`)), `Use a .${extensions.join(', .')} file`);

const height = z.number().int().min(40).max(4000);

const entryPoints = z.strictObject({
  widget: z.strictObject({ path: packagePath(['html'], 'dist/widget.html'), defaultHeight: height.optional() }).optional(),
  dashboardPage: z
    .strictObject({ path: packagePath(['html'], 'dist/page.html'), title: z.string().trim().min(1).max(60) })
    .optional(),
});

const payloadProperty = z.strictObject({
  type: z.enum(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']),
  description: z.string().max(500).optional(),
  format: z.enum(['date-time', 'date', 'email', 'uri', 'uuid']).optional(),
  enum: z.array(z.string()).min(1).max(100).optional(),
});

/** A JSON-Schema subset: one object level, which webhook consumers and docs can render. */
const eventPayload = z
  .strictObject({
    type: z.literal('object'),
    properties: z.record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/), payloadProperty),
    required: z.array(z.string()).optional(),
  })
  .superRefine((p, ctx) => {
    p.required?.forEach((name, i) => {
      if (!(name in p.properties))
        ctx.addIssue({ code: 'custom', path: ['required', i], message: `No property "${name}" in properties` });
    });
  });

const event = z.strictObject({
  name: z
    .string()
    .max(64)
    .regex(/^[a-z][a-z0-9_.]*$/, 'Use lowercase letters, digits, "_" and ".", starting with a letter, like form.submitted'),
  description: z.string().trim().min(1).max(500),
  payload: eventPayload,
});

const embed = z
  .strictObject({ allowed: z.boolean(), minHeight: height.optional(), maxHeight: height.optional() })
  .refine((e) => e.minHeight === undefined || e.maxHeight === undefined || e.minHeight <= e.maxHeight, {
    path: ['maxHeight'],
    message: 'maxHeight must not be less than minHeight',
  });

const changelogEntry = z.strictObject({
  version: semverVersion,
  date: z.iso.date('Use a date like 2025-01-31'),
  notes: z.string().trim().min(1).max(5000),
});

function uniqueBy<T>(key: (item: T) => string, what: string, field: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i, field], message: `${what} "${k}" is listed twice` });
      seen.add(k);
    });
  };
}

export const manifestSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema editors use to check this file'),
    id: moduleId.describe('Stable identifier, never changes between versions'),
    name: z.string().trim().min(1).max(64),
    version: semverVersion,
    type: z.enum(MODULE_TYPES),
    description: z.string().trim().min(1).max(500),
    category: z.enum(CATEGORIES),
    tags: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,23}$/, 'Use lowercase letters, digits and hyphens (max 24)'))
      .max(10)
      .refine((t) => new Set(t).size === t.length, 'A tag is listed twice')
      .default([]),
    icon: packagePath(['svg', 'png', 'jpg', 'jpeg', 'webp', 'gif'], 'assets/icon.svg').optional(),
    publisher: z.strictObject({
      name: z.string().trim().min(1).max(100),
      email: z.email().optional(),
      url: z.url({ protocol: /^https?$/ }).optional(),
    }),
    license: z
      .string()
      .regex(
        /^(?:UNLICENSED|SEE LICENSE IN \S+|[A-Za-z0-9.+()-]+(?: (?:AND|OR|WITH) [A-Za-z0-9.+()-]+)*)$/,
        'Use an SPDX license expression like MIT or (MIT OR Apache-2.0), UNLICENSED, or SEE LICENSE IN <file>',
      ),
    compatibility: z.strictObject({ platform: semverRange.describe('Platform versions this module runs on') }),
    permissions: permissions.default([]),
    settings: settings.default([]),
    data: dataSpec.optional(),
    entryPoints: entryPoints.default({}),
    events: z
      .array(event)
      .max(100)
      .superRefine(uniqueBy((e) => e.name, 'Event', 'name'))
      .default([]),
    embed: embed.default({ allowed: false }),
    changelog: z
      .array(changelogEntry)
      .min(1)
      .max(500)
      .superRefine(uniqueBy((c) => c.version, 'Version', 'version')),
  })
  .superRefine((m, ctx) => {
    const reserved = RESERVED_ID_PREFIXES.find((p) => m.id.startsWith(p));
    if (reserved && m.type !== 'system')
      ctx.addIssue({ code: 'custom', path: ['id'], message: `Ids starting with "${reserved}" are reserved for the platform` });
    if (!m.changelog.some((c) => c.version === m.version))
      ctx.addIssue({ code: 'custom', path: ['changelog'], message: `Add a changelog entry for version ${m.version}` });
    if (m.type === 'widget' && !m.entryPoints.widget)
      ctx.addIssue({ code: 'custom', path: ['entryPoints', 'widget'], message: 'A widget needs entryPoints.widget' });
    if (m.type === 'app' && !m.entryPoints.dashboardPage)
      ctx.addIssue({ code: 'custom', path: ['entryPoints', 'dashboardPage'], message: 'An app needs entryPoints.dashboardPage' });
    if (m.embed.allowed && !m.entryPoints.widget)
      ctx.addIssue({ code: 'custom', path: ['embed', 'allowed'], message: 'Embedding renders entryPoints.widget: declare one' });
    if (m.data && m.data.tables.length > 0 && !m.permissions.includes('data:own'))
      ctx.addIssue({ code: 'custom', path: ['permissions'], message: 'This module declares data tables: request "data:own"' });
  });

export type Manifest = z.infer<typeof manifestSchema>;
/** What a developer writes: fields with defaults may be left out. */
export type ManifestInput = z.input<typeof manifestSchema>;

export interface ManifestError {
  /** JSON path of the offending value, like `$.settings[2].default` */
  path: string;
  message: string;
}

export type ParseManifestResult = { ok: true; manifest: Manifest } | { ok: false; errors: ManifestError[] };

function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${out}.${name}` : `${out}[${JSON.stringify(name)}]`;
  }, '$');
}

/** Accepts the parsed JSON value or the file's text. */
export function parseManifest(json: unknown): ParseManifestResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return { ok: false, errors: [{ path: '$', message: `Not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const result = manifestSchema.safeParse(value);
  if (result.success) return { ok: true, manifest: result.data };
  const errors = result.error.issues.flatMap((issue): ManifestError[] =>
    // One error per unknown key, on the key itself, so an editor can point at it.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: jsonPath([...issue.path, key]), message: `Unknown field "${key}"` }))
      : [{ path: jsonPath(issue.path), message: issue.message }],
  );
  return { ok: false, errors };
}
