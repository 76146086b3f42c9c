'use client';
import { CATEGORIES, MODULE_TYPES } from '@dramac/manifest';
import { Blocks, Search } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { SiteTabs } from '@/components/sites/site-tabs';
import { BackLink } from '@/components/ui/back-link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Input, Select } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { capitalize } from '@/lib/format';
import { trpc } from '@/lib/trpc';
import { ModuleIcon } from './module-icon';
import { type CatalogEntry, type Installation, manifestOf, modulesPath } from './types';

export const categoryLabel = (category: string) => (category === 'crm' ? 'CRM' : capitalize(category.replaceAll('-', ' ')));

const typeLabels: Record<(typeof MODULE_TYPES)[number], string> = {
  widget: 'Widget',
  app: 'App',
  integration: 'Integration',
  system: 'Built-in',
};
export const typeLabel = (type: string) => typeLabels[type as keyof typeof typeLabels] ?? type;

interface Filters {
  query: string;
  category: string;
  type: string;
}
const noFilters: Filters = { query: '', category: '', type: '' };

function matches(entry: CatalogEntry, { query, category, type }: Filters) {
  const manifest = manifestOf(entry);
  if (category && manifest.category !== category) return false;
  if (type && entry.type !== type) return false;
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const tags = manifest.tags ?? [];
  return (
    entry.name.toLowerCase().includes(q) ||
    entry.slug.includes(q) ||
    tags.some((t) => t.includes(q.replace(/^#/, ''))) ||
    manifest.description.toLowerCase().includes(q)
  );
}

/** The published modules a site can install: search by name or tag, narrow by category and type. */
export function ModuleCatalog({ site }: { site: { id: string; name: string } }) {
  const agency = useAgency();
  const catalog = trpc.modules.catalog.useQuery();
  const installations = trpc.installations.list.useQuery({ siteId: site.id });
  const [filters, setFilters] = useState<Filters>(noFilters);
  const base = modulesPath(agency.id, site.id);
  const entries = catalog.data ?? [];
  const shown = entries.filter((e) => matches(e, filters));
  // the filters offer only what the catalogue has
  const categories = CATEGORIES.filter((c) => entries.some((e) => manifestOf(e).category === c));
  const types = MODULE_TYPES.filter((t) => entries.some((e) => e.type === t));
  const installedBy = new Map((installations.data ?? []).map((i) => [i.moduleId, i]));
  const filtered = filters.query !== '' || filters.category !== '' || filters.type !== '';

  return (
    <>
      <PageHeader
        back={<BackLink href={base} label="Modules" />}
        title="Add a module"
        description={`Widgets, apps and integrations published for Dramac sites. Pick one to see what it needs before installing it on ${site.name}.`}
      />
      <SiteTabs agencyId={agency.id} siteId={site.id} />
      {catalog.isPending ? (
        <Loading label="Loading the catalogue" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-48" />
          ))}
        </Loading>
      ) : catalog.isError ? (
        <QueryError error={catalog.error} retry={catalog.refetch} what="the module catalogue" />
      ) : entries.length === 0 ? (
        <Card>
          <EmptyState icon={Blocks} title="No modules published yet">
            Modules appear here once their publisher has had a version reviewed and published.
          </EmptyState>
        </Card>
      ) : (
        <>
          <search className="mb-5 flex flex-wrap gap-3">
            <div className="relative min-w-56 flex-1 sm:max-w-xs">
              <Search aria-hidden className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" />
              <Input
                type="search"
                aria-label="Search modules"
                placeholder="Search by name or tag…"
                className="pl-9"
                value={filters.query}
                onChange={(e) => setFilters({ ...filters, query: e.target.value })}
              />
            </div>
            <Select
              aria-label="Category"
              value={filters.category}
              onChange={(e) => setFilters({ ...filters, category: e.target.value })}
              className="w-auto"
            >
              <option value="">All categories</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {categoryLabel(c)}
                </option>
              ))}
            </Select>
            <Select
              aria-label="Type"
              value={filters.type}
              onChange={(e) => setFilters({ ...filters, type: e.target.value })}
              className="w-auto"
            >
              <option value="">All types</option>
              {types.map((t) => (
                <option key={t} value={t}>
                  {typeLabel(t)}
                </option>
              ))}
            </Select>
          </search>
          {shown.length === 0 ? (
            <Card>
              <EmptyState
                icon={Search}
                title="No modules match"
                action={
                  filtered && (
                    <Button variant="secondary" onClick={() => setFilters(noFilters)}>
                      Clear the filters
                    </Button>
                  )
                }
              >
                Try another name or tag, or a different category.
              </EmptyState>
            </Card>
          ) : (
            <ul aria-label="Modules" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {shown.map((entry) => (
                <li key={entry.id}>
                  <CatalogCard entry={entry} href={`${base}/add/${entry.id}`} installation={installedBy.get(entry.id)} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

function CatalogCard({ entry, href, installation }: { entry: CatalogEntry; href: string; installation?: Installation }) {
  const manifest = manifestOf(entry);
  const installed = installation && installation.status !== 'uninstalled';
  return (
    <Link
      href={href}
      aria-label={entry.name}
      className="group flex h-full flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-xs transition hover:border-brand-200 hover:shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      <div className="flex items-start gap-3">
        <ModuleIcon name={entry.name} packageHash={entry.latest.packageHash} icon={manifest.icon} />
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium text-slate-900 group-hover:text-brand-700">{entry.name}</p>
          <p className="truncate text-xs text-slate-500">by {manifest.publisher.name}</p>
        </div>
        {installed && <Badge tone="success">Installed</Badge>}
      </div>
      <p className="mt-3 line-clamp-3 flex-1 text-sm text-slate-600">{manifest.description}</p>
      <div className="mt-4 flex flex-wrap items-center gap-1.5 text-xs">
        <Badge tone="brand">{typeLabel(entry.type)}</Badge>
        <Badge>{categoryLabel(manifest.category)}</Badge>
        {(manifest.tags ?? []).slice(0, 3).map((t) => (
          <span key={t} className="text-slate-400">
            #{t}
          </span>
        ))}
        <span className="ml-auto font-mono text-slate-500">v{entry.latest.version}</span>
      </div>
    </Link>
  );
}
