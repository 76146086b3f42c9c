'use client';
// What a module version declares, in words a site owner or a reviewer can check: the permissions
// it asks for, the data it keeps, its settings, events, entry points and changelog. The publisher's
// version page, the review queue and the install consent screen all show a manifest this way.
import { type ColumnType, describePermission, type Manifest, type SettingField, type TableSpec } from '@dramac/manifest';
import { Database, Eye, Globe, KeyRound, type LucideIcon, Pencil, ShieldQuestion } from 'lucide-react';
import { type ReactNode, useId } from 'react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/cn';

/** What kind of access a scope is, for its icon: reading, writing, own data or the network. */
function permissionIcon(scope: string): LucideIcon {
  if (scope === 'data:own') return Database;
  if (scope.startsWith('network:')) return Globe;
  if (scope.endsWith(':write')) return Pencil;
  if (scope.endsWith(':read')) return Eye;
  return ShieldQuestion;
}

/**
 * The permissions, each in plain words with its scope underneath. `added` marks the ones a
 * previous version did not have (a review diff, an upgrade); `removed` lists dropped ones.
 */
export function PermissionList({
  permissions,
  added = [],
  removed = [],
  empty = 'No permissions: it only shows what it is given.',
}: {
  permissions: readonly string[];
  added?: readonly string[];
  removed?: readonly string[];
  empty?: ReactNode;
}) {
  if (permissions.length === 0 && removed.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul aria-label="Permissions" className="space-y-2">
      {permissions.map((scope) => {
        const Icon = permissionIcon(scope);
        const isNew = added.includes(scope);
        return (
          <li
            key={scope}
            className={cn('flex gap-3 rounded-md px-3 py-2', isNew ? 'bg-amber-50 ring-1 ring-amber-200' : 'bg-slate-50')}
          >
            <Icon aria-hidden className={cn('mt-0.5 size-4 shrink-0', isNew ? 'text-amber-600' : 'text-slate-400')} />
            <div className="min-w-0 flex-1">
              <p className="text-sm text-slate-800">{describePermission(scope)}</p>
              <p className="font-mono text-xs text-slate-500">{scope}</p>
            </div>
            {isNew && (
              <span className="self-start">
                <Badge tone="warning">New</Badge>
              </span>
            )}
          </li>
        );
      })}
      {removed.map((scope) => (
        <li key={scope} className="flex gap-3 rounded-md px-3 py-2 text-slate-400">
          <span aria-hidden className="mt-0.5 size-4 shrink-0 text-center leading-4">
            −
          </span>
          <div className="min-w-0 flex-1">
            <p className="text-sm line-through">{describePermission(scope)}</p>
            <p className="font-mono text-xs">{scope}</p>
          </div>
          <span className="self-start">
            <Badge>No longer asked</Badge>
          </span>
        </li>
      ))}
    </ul>
  );
}

const columnTypeLabels: Record<ColumnType, string> = {
  text: 'Text',
  integer: 'Whole number',
  decimal: 'Decimal number',
  boolean: 'Yes / no',
  timestamp: 'Date and time',
  date: 'Date',
  json: 'JSON',
  uuid: 'UUID',
};

const settingTypeLabels: Record<SettingField['type'], string> = {
  text: 'Text',
  textarea: 'Long text',
  number: 'Number',
  boolean: 'On / off',
  select: 'Choice',
  color: 'Colour',
  url: 'URL',
  email: 'Email',
  secret: 'Secret',
};

/** A table the module keeps: its columns, and which are required or indexed. */
export function DataTable({ table }: { table: TableSpec }) {
  const indexed = new Set(table.indexes.flatMap((ix) => ix.columns));
  return (
    <div className="overflow-hidden rounded-md border border-slate-200">
      <div className="flex items-baseline gap-2 border-b border-slate-100 bg-slate-50 px-3 py-2">
        <Database aria-hidden className="size-3.5 self-center text-slate-400" />
        <span className="font-mono text-sm font-medium text-slate-900">{table.name}</span>
        {table.description && <span className="truncate text-xs text-slate-500">{table.description}</span>}
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">Columns of {table.name}</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className="px-3 py-1.5 font-medium">
              Column
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Type
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              <span className="sr-only">Constraints</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {table.columns.map((c) => (
            <tr key={c.name} className="border-t border-slate-100">
              <td className="px-3 py-1.5 align-top">
                <span className="font-mono text-[0.8125rem] text-slate-800">{c.name}</span>
                {c.description && <span className="block text-xs text-slate-500">{c.description}</span>}
              </td>
              <td className="px-3 py-1.5 align-top text-slate-600">
                {columnTypeLabels[c.type] ?? c.type}
                {c.maxLength !== undefined && <span className="text-slate-400"> · up to {c.maxLength} characters</span>}
              </td>
              <td className="px-3 py-1.5 text-right align-top">
                <span className="inline-flex gap-1">
                  {c.required && <Badge>Required</Badge>}
                  {indexed.has(c.name) && <Badge tone="info">Indexed</Badge>}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A setting's default as a site owner would read it. */
function defaultOf(field: SettingField): string | null {
  if (field.type === 'secret' || field.default === undefined) return null;
  if (field.type === 'boolean') return field.default ? 'On' : 'Off';
  if (field.type === 'select') return field.options.find((o) => o.value === field.default)?.label ?? field.default;
  return String(field.default);
}

function SettingRow({ field }: { field: SettingField }) {
  const fallback = defaultOf(field);
  const range =
    field.type === 'number' && (field.min !== undefined || field.max !== undefined)
      ? `${field.min ?? '…'} to ${field.max ?? '…'}`
      : null;
  return (
    <li className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2">
      <div className="min-w-0 flex-1">
        <p className="text-sm text-slate-800">
          {field.label} <span className="font-mono text-xs text-slate-400">{field.key}</span>
        </p>
        {field.description && <p className="text-xs text-slate-500">{field.description}</p>}
        <p className="text-xs text-slate-500">
          {field.type === 'select' && `One of: ${field.options.map((o) => o.label).join(', ')}. `}
          {range && `From ${range}. `}
          {fallback !== null && (
            <>
              Default: <span className="text-slate-700">{fallback}</span>
            </>
          )}
          {field.type === 'secret' && 'Entered per site, stored encrypted, never shown again.'}
        </p>
      </div>
      <span className="flex shrink-0 gap-1">
        <Badge tone={field.type === 'secret' ? 'warning' : 'neutral'}>
          {field.type === 'secret' && <KeyRound aria-hidden className="size-3" />}
          {settingTypeLabels[field.type] ?? field.type}
        </Badge>
        {field.required && <Badge tone="brand">Required</Badge>}
      </span>
    </li>
  );
}

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="min-w-0">
      <h3 id={id} className="mb-2 flex items-center gap-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title}
        {count !== undefined && <span className="font-normal text-slate-400 tabular-nums">{count}</span>}
      </h3>
      {children}
    </section>
  );
}

const none = (text: string) => <p className="text-sm text-slate-500">{text}</p>;

/**
 * The whole manifest of one version. `permissionChanges` marks what differs from an earlier
 * version (a reviewer's diff); `sections` limits what is shown.
 */
export function ManifestSummary({
  manifest,
  permissionChanges,
  sections = ['about', 'permissions', 'data', 'settings', 'events', 'entryPoints', 'changelog'],
}: {
  manifest: Manifest;
  permissionChanges?: { added: readonly string[]; removed: readonly string[] };
  sections?: ('about' | 'permissions' | 'data' | 'settings' | 'events' | 'entryPoints' | 'changelog')[];
}) {
  const show = new Set(sections);
  const tables = manifest.data?.tables ?? [];
  const settings = manifest.settings ?? [];
  const events = manifest.events ?? [];
  const { widget, dashboardPage } = manifest.entryPoints ?? {};
  const changelog = [...(manifest.changelog ?? [])].reverse();

  return (
    <div className="space-y-6">
      {show.has('about') && (
        <Section title="About">
          <p className="text-sm text-slate-700">{manifest.description}</p>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-5 gap-y-1 text-xs sm:grid-cols-[auto_1fr_auto_1fr]">
            <dt className="text-slate-500">Publisher</dt>
            <dd className="text-slate-800">
              {manifest.publisher.url ? (
                <a href={manifest.publisher.url} target="_blank" rel="noreferrer" className="text-brand-600 hover:underline">
                  {manifest.publisher.name}
                </a>
              ) : (
                manifest.publisher.name
              )}
              {manifest.publisher.email && <span className="text-slate-500"> · {manifest.publisher.email}</span>}
            </dd>
            <dt className="text-slate-500">Category</dt>
            <dd className="text-slate-800">{manifest.category}</dd>
            <dt className="text-slate-500">License</dt>
            <dd className="font-mono text-slate-800">{manifest.license}</dd>
            <dt className="text-slate-500">Platform</dt>
            <dd className="font-mono text-slate-800">{manifest.compatibility.platform}</dd>
            {(manifest.tags ?? []).length > 0 && (
              <>
                <dt className="text-slate-500">Tags</dt>
                <dd className="flex flex-wrap gap-1 sm:col-span-3">
                  {manifest.tags.map((t) => (
                    <Badge key={t}>{t}</Badge>
                  ))}
                </dd>
              </>
            )}
          </dl>
        </Section>
      )}

      {show.has('permissions') && (
        <Section title="Permissions" count={manifest.permissions.length}>
          <PermissionList
            permissions={manifest.permissions}
            added={permissionChanges?.added}
            removed={permissionChanges?.removed}
          />
        </Section>
      )}

      {show.has('data') && (
        <Section title="Data" count={tables.length}>
          {tables.length === 0 ? (
            none('Keeps no data of its own.')
          ) : (
            <div className="space-y-3">
              <p className="text-xs text-slate-500">
                Tables in the module&apos;s own database schema. Each row belongs to one site; other sites never see it.
              </p>
              {tables.map((t) => (
                <DataTable key={t.name} table={t} />
              ))}
              {(manifest.data?.destructiveChanges ?? []).length > 0 && (
                <p className="text-xs text-amber-800">
                  Declares {manifest.data?.destructiveChanges.length} change(s) that remove or rewrite data on upgrade:{' '}
                  {manifest.data?.destructiveChanges
                    .map((c) => ('column' in c ? `${c.kind} ${c.table}.${c.column}` : `${c.kind} ${c.table}`))
                    .join(', ')}
                  .
                </p>
              )}
            </div>
          )}
        </Section>
      )}

      {show.has('settings') && (
        <Section title="Settings" count={settings.length}>
          {settings.length === 0 ? (
            none('Nothing to configure.')
          ) : (
            <ul aria-label="Settings" className="divide-y divide-slate-100">
              {settings.map((f) => (
                <SettingRow key={f.key} field={f} />
              ))}
            </ul>
          )}
        </Section>
      )}

      {show.has('events') && (
        <Section title="Events" count={events.length}>
          {events.length === 0 ? (
            none('Emits no events.')
          ) : (
            <ul aria-label="Events" className="space-y-2">
              {events.map((e) => (
                <li key={e.name} className="text-sm">
                  <span className="font-mono text-[0.8125rem] text-slate-900">{e.name}</span>
                  <span className="text-slate-600"> — {e.description}</span>
                  <span className="block font-mono text-xs text-slate-500">
                    {Object.entries(e.payload.properties)
                      .map(([name, p]) => `${name}${e.payload.required?.includes(name) ? '' : '?'}: ${p.format ?? p.type}`)
                      .join(', ') || 'no payload'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}

      {show.has('entryPoints') && (
        <Section title="Entry points">
          {!widget && !dashboardPage ? (
            none('Runs in the background: nothing to show in the dashboard.')
          ) : (
            <dl className="grid grid-cols-[auto_1fr] gap-x-5 gap-y-1 text-sm">
              {widget && (
                <>
                  <dt className="text-slate-500">Widget</dt>
                  <dd className="text-slate-800">
                    <span className="font-mono text-[0.8125rem]">{widget.path}</span>
                    {widget.defaultHeight !== undefined && (
                      <span className="text-slate-500"> · {widget.defaultHeight}px high</span>
                    )}
                  </dd>
                </>
              )}
              {dashboardPage && (
                <>
                  <dt className="text-slate-500">Dashboard page</dt>
                  <dd className="text-slate-800">
                    “{dashboardPage.title}” <span className="font-mono text-[0.8125rem]">{dashboardPage.path}</span>
                  </dd>
                </>
              )}
              <dt className="text-slate-500">Embedding</dt>
              <dd className="text-slate-800">
                {manifest.embed?.allowed ? 'May be embedded on the client’s own website' : 'Dashboard only'}
              </dd>
            </dl>
          )}
        </Section>
      )}

      {show.has('changelog') && (
        <Section title="Changelog">
          <ol aria-label="Changelog" className="space-y-2">
            {changelog.map((c) => (
              <li key={c.version} className="text-sm">
                <span className="font-mono text-[0.8125rem] font-medium text-slate-900">{c.version}</span>
                <span className="text-xs text-slate-400"> · {c.date}</span>
                <p className="whitespace-pre-line text-slate-600">{c.notes}</p>
              </li>
            ))}
          </ol>
        </Section>
      )}
    </div>
  );
}
