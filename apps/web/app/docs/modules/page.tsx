// The module manifest reference: the fields of dramac.module.json (listed from the committed JSON
// Schema, so a new field shows up here by itself), what each permission allows, setting and
// column types, package rules, and the review lifecycle.
import {
  CATEGORIES,
  type ColumnType,
  columnTypes,
  describePermission,
  RESERVED_ID_PREFIXES,
  SCOPES,
  type SettingField,
} from '@dramac/manifest';
import schema from '@dramac/manifest/dramac.module.schema.json';
import { ALLOWED_EXTENSIONS, DEFAULT_PACKAGE_LIMITS } from '@dramac/manifest/package';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { versionStatuses } from '@/components/modules/version-status';

export const metadata: Metadata = { title: 'Module manifest' };

interface SchemaProperty {
  type?: string;
  enum?: string[];
  description?: string;
  default?: unknown;
}

/** What each top-level field is for; fields missing here still appear, with the schema's own text. */
const fieldNotes: Record<string, ReactNode> = {
  $schema: 'The JSON Schema URL below, so your editor completes and checks the file.',
  id: (
    <>
      Lowercase letters, digits and hyphens, 3–48 characters, starting with a letter. The same as the module id you register in
      the dashboard, and it never changes. Ids starting with {RESERVED_ID_PREFIXES.map((p) => `“${p}”`).join(', ')} belong to the
      platform.
    </>
  ),
  name: 'The name agencies see in the marketplace, up to 64 characters.',
  version: 'A semantic version such as 1.2.0. Every upload must be higher than the last; a version number is never reused.',
  type: (
    <>
      <code>widget</code> (a block on a site’s dashboard and, if allowed, the client’s website), <code>app</code> (a whole
      dashboard page), <code>integration</code> (mostly background work). <code>system</code> is for the platform’s own modules.
    </>
  ),
  description: 'One or two sentences for the marketplace, up to 500 characters.',
  category: <>One of {CATEGORIES.join(', ')}.</>,
  tags: 'Up to 10 lowercase tags that help agencies find the module.',
  icon: 'A path inside the package to an svg, png, jpg, webp or gif.',
  publisher: (
    <>
      <code>{'{ "name", "email"?, "url"? }'}</code>: who supports the module.
    </>
  ),
  license: 'An SPDX expression such as MIT or (MIT OR Apache-2.0), UNLICENSED, or SEE LICENSE IN <file>.',
  compatibility: (
    <>
      <code>{'{ "platform": "^1.0.0" }'}</code>: the platform versions it runs on, as a semver range.
    </>
  ),
  permissions: 'What the module may reach. Sites grant these when they install it: see Permissions below.',
  settings: 'Typed fields from which the dashboard builds the module’s settings form: see Settings below.',
  data: 'Tables the module keeps in its own database schema, one row per site: see Data below.',
  entryPoints: (
    <>
      <code>widget</code> <code>{'{ "path", "defaultHeight"? }'}</code> and <code>dashboardPage</code>{' '}
      <code>{'{ "path", "title" }'}</code>: HTML files inside the package. A widget needs the first, an app the second.
    </>
  ),
  events: (
    <>
      Events the module emits, each <code>{'{ "name", "description", "payload" }'}</code> with a one-level JSON Schema payload.
      Webhooks can subscribe to them.
    </>
  ),
  embed: (
    <>
      <code>{'{ "allowed", "minHeight"?, "maxHeight"? }'}</code>: whether the widget may be embedded on the client’s own website.
    </>
  ),
  changelog: (
    <>
      <code>{'[{ "version", "date", "notes" }]'}</code>, with an entry for the manifest’s own version. Shown to sites before they
      upgrade.
    </>
  ),
};

const settingTypes: Record<SettingField['type'], string> = {
  text: 'One line of text; maxLength up to 1,000',
  textarea: 'Several lines of text; maxLength up to 20,000',
  number: 'A number, with optional min, max and step',
  boolean: 'On or off',
  select: 'One of the listed options ({ value, label })',
  color: 'A hex colour like #1a2b3c',
  url: 'An http(s) URL',
  email: 'An email address',
  secret: 'Entered per site, encrypted at rest, never sent back to the dashboard or the module’s pages; no default',
};

const columnTypeNotes: Record<ColumnType, string> = {
  text: 'Text, with an optional maxLength',
  integer: 'A whole number',
  decimal: 'An exact decimal number, for money',
  boolean: 'True or false',
  timestamp: 'A date and time, with time zone',
  date: 'A calendar date',
  json: 'Any JSON value',
  uuid: 'A UUID',
};

const example = {
  id: 'hello-widget',
  name: 'Hello widget',
  version: '1.0.0',
  type: 'widget',
  description: 'Greets visitors.',
  category: 'content',
  publisher: { name: 'Acme Studio' },
  license: 'MIT',
  compatibility: { platform: '^1.0.0' },
  permissions: ['site:read'],
  settings: [{ key: 'greeting', label: 'Greeting', type: 'text', default: 'Hello!' }],
  entryPoints: { widget: { path: 'dist/widget.html' } },
  changelog: [{ version: '1.0.0', date: '2026-01-10', notes: 'First release' }],
};

function typeOf(p: SchemaProperty): string {
  if (p.enum) return 'string (one of)';
  return p.type ?? 'value';
}

const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`;

/** The public URL of this deployment, for the "$schema" line. */
async function origin(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.replace(/\/$/, '');
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost:3000'}`;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="mt-6 scroll-mt-6 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="mt-2 space-y-3 text-sm text-slate-600 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.8125rem]">
        {children}
      </div>
    </section>
  );
}

const th = 'py-1.5 pr-4 font-medium';
const td = 'border-t border-slate-100 py-1.5 pr-4 align-top';

export default async function ModulesDocsPage() {
  const schemaUrl = `${await origin()}/docs/modules/dramac.module.schema.json`;
  const properties = schema.properties as Record<string, SchemaProperty>;
  const required = new Set<string>(schema.required);

  return (
    <main className="mx-auto max-w-4xl px-6 py-10">
      <p className="text-sm font-medium text-brand-600">Dramac modules</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight">The module manifest</h1>
      <p className="mt-3 text-slate-600">
        A module is a folder: built assets (HTML, JavaScript, CSS, images) and a{' '}
        <code className="rounded bg-slate-100 px-1">dramac.module.json</code> at its root that says what the module is, what it
        may reach and what it needs. Pack the folder as a .tgz, upload it in the dashboard under <strong>Modules</strong>, submit
        it for review, and publish it once a Dramac reviewer approves it.
      </p>

      <Section id="editor-support" title="Editor support">
        <p>
          Name the JSON Schema in your manifest and VS Code (or any JSON Schema–aware editor) completes fields and marks mistakes
          as you type:
        </p>
        <pre className="overflow-x-auto rounded bg-slate-900 p-4 text-xs text-slate-100">
          {JSON.stringify({ $schema: schemaUrl, ...example }, null, 2)}
        </pre>
        <p>
          Schema URL:{' '}
          <a className="break-all text-brand-600 underline" href="/docs/modules/dramac.module.schema.json">
            {schemaUrl}
          </a>
        </p>
      </Section>

      <Section id="fields" title="Fields">
        <table className="w-full text-left">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className={th}>Field</th>
              <th className={th}>Type</th>
              <th className={th}>What it is</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(properties).map(([name, p]) => (
              <tr key={name} id={`field-${name}`}>
                <td className={td}>
                  <code>{name}</code>
                  {required.has(name) && <span className="block text-xs text-red-700">required</span>}
                </td>
                <td className={`${td} whitespace-nowrap text-xs`}>{typeOf(p)}</td>
                <td className={td}>{fieldNotes[name] ?? p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="permissions" title="Permissions">
        <p>Sites see each permission in these words before they install the module, and grant all of them or none.</p>
        <table className="w-full text-left">
          <tbody>
            {[...SCOPES, 'network:api.example.com', 'network:*.example.com'].map((scope) => (
              <tr key={scope}>
                <td className={`${td} whitespace-nowrap`}>
                  <code>{scope}</code>
                </td>
                <td className={td}>{describePermission(scope)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <code>network:&lt;host&gt;</code> takes a lowercase host without scheme, port or path; <code>*.</code> allows one level
          of subdomains. A module that declares data tables must request <code>data:own</code>.
        </p>
      </Section>

      <Section id="settings" title="Settings">
        <p>
          Each setting is <code>{'{ "key", "label", "type", "description"?, "required"?, "default"? }'}</code> plus what its type
          takes. Saved values are checked on the server against these declarations.
        </p>
        <table className="w-full text-left">
          <tbody>
            {Object.entries(settingTypes).map(([type, note]) => (
              <tr key={type}>
                <td className={td}>
                  <code>{type}</code>
                </td>
                <td className={td}>{note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="data" title="Data">
        <p>
          <code>{'{ "tables": [{ "name", "columns": [{ "name", "type", "required"?, "maxLength"? }], "indexes"? }] }'}</code>.
          Every table also gets <code>id</code>, <code>site_id</code>, <code>created_at</code> and <code>updated_at</code>. Rows
          belong to one site: PostgreSQL row-level security hides other sites’ rows from the module. Upgrades add tables and
          columns by themselves; changes that lose data must be declared in <code>destructiveChanges</code>.
        </p>
        <table className="w-full text-left">
          <tbody>
            {(Object.keys(columnTypes) as ColumnType[]).map((type) => (
              <tr key={type}>
                <td className={td}>
                  <code>{type}</code>
                </td>
                <td className={td}>{columnTypeNotes[type]}</td>
                <td className={`${td} font-mono text-xs text-slate-400`}>{columnTypes[type]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="package" title="The package">
        <p>
          A gzip-compressed tar (.tgz) of the module folder; a single top folder (as <code>npm pack</code> makes) is fine. It is
          checked entirely before anything is stored: at most {mb(DEFAULT_PACKAGE_LIMITS.maxCompressedBytes)} compressed,{' '}
          {mb(DEFAULT_PACKAGE_LIMITS.maxUncompressedBytes)} extracted, {DEFAULT_PACKAGE_LIMITS.maxFiles} files and{' '}
          {mb(DEFAULT_PACKAGE_LIMITS.maxFileBytes)} per file; only regular files (no links), no absolute paths or <code>..</code>,
          and only these file types: {ALLOWED_EXTENSIONS.join(', ')}. The icon and entry points the manifest names must be in it.
          Problems are reported with their JSON path in the manifest, like <code>$.settings[2].default</code>, or the file they
          concern.
        </p>
      </Section>

      <Section id="lifecycle" title="Review and publishing">
        <table className="w-full text-left">
          <tbody>
            {Object.entries(versionStatuses).map(([status, s]) => (
              <tr key={status}>
                <td className={`${td} whitespace-nowrap`}>{s.label}</td>
                <td className={td}>{s.help}.</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </main>
  );
}
