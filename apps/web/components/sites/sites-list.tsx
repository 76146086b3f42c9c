'use client';
import { Clock, Globe, LayoutGrid, Plus, Search } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { useAgency, useSyncCount } from '@/components/shell/agency-context';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { trpc } from '@/lib/trpc';

export function SitesList() {
  const agency = useAgency();
  const sites = trpc.sites.list.useQuery({ agencyId: agency.id });
  const [filter, setFilter] = useState('');
  useSyncCount('sites', sites.data?.length);
  const newSite = `/a/${agency.id}/sites/new`;
  const shown = (sites.data ?? []).filter((s) => `${s.name} ${s.slug}`.toLowerCase().includes(filter.trim().toLowerCase()));

  return (
    <>
      <PageHeader
        title="Sites"
        description={`The client sites ${agency.name} runs.`}
        actions={
          agency.isAdmin &&
          sites.data?.length !== 0 && (
            <ButtonLink href={newSite}>
              <Plus aria-hidden className="size-4" />
              New site
            </ButtonLink>
          )
        }
      />
      {sites.isPending ? (
        <Loading label="Loading sites" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-36" />
          ))}
        </Loading>
      ) : sites.isError ? (
        <QueryError error={sites.error} retry={sites.refetch} what="the sites" />
      ) : sites.data.length === 0 ? (
        <Card>
          <EmptyState
            icon={LayoutGrid}
            title="No sites yet"
            action={
              agency.isAdmin && (
                <ButtonLink href={newSite}>
                  <Plus aria-hidden className="size-4" />
                  Create your first site
                </ButtonLink>
              )
            }
          >
            {agency.isAdmin
              ? 'A site is one client business: its time zone, currency and language, and later the modules installed on it.'
              : 'An admin of this agency has not created any sites yet.'}
          </EmptyState>
        </Card>
      ) : (
        <>
          {sites.data.length > 3 && (
            <div className="relative mb-4 max-w-xs">
              <Search aria-hidden className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" />
              <Input
                aria-label="Filter sites"
                placeholder="Filter sites…"
                className="pl-9"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
              />
            </div>
          )}
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {shown.map((site) => (
              <li key={site.id}>
                <Link
                  href={`/a/${agency.id}/sites/${site.id}`}
                  className="group block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-xs transition hover:border-slate-300 hover:shadow-md focus-visible:outline-2 focus-visible:outline-brand-600"
                >
                  <div className="flex items-center gap-3">
                    <Avatar name={site.name} square className="size-9" />
                    <div className="min-w-0">
                      <p className="truncate font-medium text-slate-900 group-hover:text-brand-700">{site.name}</p>
                      <p className="truncate font-mono text-xs text-slate-500">{site.slug}</p>
                    </div>
                  </div>
                  <dl className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-2 text-xs text-slate-600">
                    <div className="flex items-center gap-1.5">
                      <dt className="sr-only">Time zone</dt>
                      <Clock aria-hidden className="size-3.5 text-slate-400" />
                      <dd>{site.timeZone.replaceAll('_', ' ')}</dd>
                    </div>
                    <div className="flex items-center gap-1.5">
                      <dt className="sr-only">Locale</dt>
                      <Globe aria-hidden className="size-3.5 text-slate-400" />
                      <dd>{site.locale}</dd>
                    </div>
                    <div>
                      <dt className="sr-only">Currency</dt>
                      <dd>
                        <Badge>{site.currency}</Badge>
                      </dd>
                    </div>
                  </dl>
                  <p className="mt-4 border-t border-slate-100 pt-3 text-xs text-slate-400">
                    Created <RelativeTime value={site.createdAt} />
                  </p>
                </Link>
              </li>
            ))}
          </ul>
          {shown.length === 0 && <p className="py-8 text-center text-sm text-slate-500">No site matches “{filter}”.</p>}
        </>
      )}
    </>
  );
}
