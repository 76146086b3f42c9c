'use client';
import { Blocks, BookOpen, ChevronRight, Plus } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { trpc } from '@/lib/trpc';
import { CreateModuleDialog } from './create-module-dialog';
import { latestVersion, moduleTypeLabel, VersionStatusBadge } from './version-status';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The modules the agency publishes: each with its latest version and where it runs. */
export function ModulesPage() {
  const agency = useAgency();
  const modules = trpc.modules.list.useQuery({ agencyId: agency.id });
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Modules"
        description={`Widgets, apps and integrations ${agency.name} publishes to the Dramac marketplace.`}
        actions={
          <>
            <a
              href="/docs/modules"
              target="_blank"
              rel="noreferrer"
              className="inline-flex h-9 items-center gap-2 rounded-md px-3 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              <BookOpen aria-hidden className="size-4" />
              Manifest reference
            </a>
            {agency.isAdmin && (modules.data?.length ?? 0) > 0 && (
              <Button onClick={() => setCreating(true)}>
                <Plus aria-hidden className="size-4" />
                New module
              </Button>
            )}
          </>
        }
      />
      {modules.isPending ? (
        <Loading label="Loading modules">
          <Skeleton className="h-56 w-full" />
        </Loading>
      ) : modules.isError ? (
        <QueryError error={modules.error} retry={modules.refetch} what="the modules" />
      ) : modules.data.length === 0 ? (
        <Card>
          <EmptyState
            icon={Blocks}
            title="No modules yet"
            action={
              <div className="flex flex-wrap items-center justify-center gap-2">
                {agency.isAdmin && (
                  <Button onClick={() => setCreating(true)}>
                    <Plus aria-hidden className="size-4" />
                    New module
                  </Button>
                )}
                <a href="/docs/modules" target="_blank" rel="noreferrer" className={buttonClasses({ variant: 'secondary' })}>
                  <BookOpen aria-hidden className="size-4" />
                  Read the manifest reference
                </a>
              </div>
            }
          >
            A module adds something to the sites agencies run: a widget, a whole app such as a booking calendar, or an integration
            with another service. You describe it in a <code className="font-mono">dramac.module.json</code> manifest, pack its
            folder as a .tgz and upload it here. A Dramac reviewer checks each version before you publish it to the marketplace.
            {!agency.isAdmin && ' Owners and admins of this agency can create modules.'}
          </EmptyState>
        </Card>
      ) : (
        <Card className="overflow-hidden">
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
                  <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
                    Module
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    Type
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    Latest version
                  </th>
                  <th scope="col" className="hidden px-3 py-2.5 font-medium md:table-cell">
                    Versions
                  </th>
                  <th scope="col" className="hidden px-3 py-2.5 font-medium sm:table-cell">
                    Installed on
                  </th>
                  <th scope="col" className="py-2.5 pr-5 pl-3">
                    <span className="sr-only">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {modules.data.map((m) => {
                  const latest = latestVersion(m.versions);
                  const href = `/a/${agency.id}/modules/${m.id}`;
                  return (
                    <tr key={m.id} className="group relative hover:bg-slate-50">
                      <td className="py-3 pr-3 pl-5">
                        <Link href={href} className="font-medium text-slate-900 group-hover:text-brand-700">
                          {/* the whole row is the link's target area */}
                          <span aria-hidden className="absolute inset-0" />
                          {m.name}
                        </Link>
                        <span className="block font-mono text-xs text-slate-500">{m.slug}</span>
                      </td>
                      <td className="px-3 py-3">
                        <Badge>{moduleTypeLabel(m.type)}</Badge>
                      </td>
                      <td className="px-3 py-3">
                        {latest ? (
                          <span className="flex flex-wrap items-center gap-2">
                            <span className="font-mono text-[0.8125rem] text-slate-800">{latest.version}</span>
                            <VersionStatusBadge status={latest.status} />
                          </span>
                        ) : (
                          <span className="text-slate-400">Nothing uploaded</span>
                        )}
                        {latest && (
                          <span className="block text-xs text-slate-400">
                            Uploaded <RelativeTime value={latest.createdAt} />
                          </span>
                        )}
                      </td>
                      <td className="hidden px-3 py-3 text-slate-600 tabular-nums md:table-cell">
                        {plural(m.versions.length, 'version', 'versions')}
                        {m.versions.some((v) => v.status === 'published') && (
                          <span className="block text-xs text-slate-400">
                            {plural(m.versions.filter((v) => v.status === 'published').length, 'published', 'published')}
                          </span>
                        )}
                      </td>
                      <td className="hidden px-3 py-3 text-slate-600 tabular-nums sm:table-cell">
                        {plural(m.activeInstallations, 'site', 'sites')}
                      </td>
                      <td className="py-3 pr-5 pl-3 text-right">
                        <ChevronRight aria-hidden className="ml-auto size-4 text-slate-300 group-hover:text-slate-500" />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      {agency.isAdmin && <CreateModuleDialog agencyId={agency.id} open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
