'use client';
import { ChevronRight, ClipboardCheck } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { RelativeTime } from '@/components/ui/time';
import { type RouterOutputs, trpc } from '@/lib/trpc';
import { moduleTypeLabel } from '../version-status';

type Entry = RouterOutputs['modules']['reviewQueue'][number];

/** Every agency's submitted versions, oldest first: the platform reviewers' inbox. */
export function ReviewQueue({ initial }: { initial: Entry[] }) {
  const queue = trpc.modules.reviewQueue.useQuery(undefined, { initialData: initial });
  const entries = queue.data ?? initial;
  return (
    <>
      <PageHeader
        title="Module reviews"
        description={
          entries.length > 0
            ? `${entries.length} ${entries.length === 1 ? 'version waits' : 'versions wait'} for review, oldest first.`
            : 'Versions publishers submit from every agency, oldest first.'
        }
      />
      {queue.isError && <QueryError error={queue.error} retry={queue.refetch} what="the review queue" />}
      {entries.length === 0 ? (
        <Card>
          <EmptyState icon={ClipboardCheck} title="Nothing to review">
            When a publisher submits a version of a module, it appears here. Approve it, or reject it with notes that tell the
            publisher what to change.
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
                    Version
                  </th>
                  <th scope="col" className="hidden px-3 py-2.5 font-medium md:table-cell">
                    Publisher
                  </th>
                  <th scope="col" className="hidden px-3 py-2.5 font-medium sm:table-cell">
                    Permissions
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    Submitted
                  </th>
                  <th scope="col" className="py-2.5 pr-5 pl-3">
                    <span className="sr-only">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {entries.map((e) => (
                  <tr key={e.versionId} className="group relative hover:bg-slate-50">
                    <td className="py-3 pr-3 pl-5">
                      <Link
                        href={`/admin/reviews/${e.versionId}`}
                        className="font-medium text-slate-900 group-hover:text-brand-700"
                      >
                        {/* the whole row is the link's target area */}
                        <span aria-hidden className="absolute inset-0" />
                        {e.module.name}
                      </Link>
                      <span className="block font-mono text-xs text-slate-500">
                        {e.module.slug} · {moduleTypeLabel(e.module.type)}
                      </span>
                    </td>
                    <td className="px-3 py-3">
                      <span className="font-mono text-[0.8125rem] text-slate-900">{e.version}</span>
                      <span className="block text-xs text-slate-500">
                        {e.previousVersion ? `Update from ${e.previousVersion}` : 'First release'}
                      </span>
                    </td>
                    <td className="hidden px-3 py-3 text-slate-700 md:table-cell">{e.publisher?.name ?? 'Dramac'}</td>
                    <td className="hidden px-3 py-3 sm:table-cell">
                      <span className="text-slate-700 tabular-nums">{e.permissions.length}</span>
                      {e.previousVersion && e.addedPermissions.length > 0 && (
                        <Badge tone="warning" className="ml-2">
                          {e.addedPermissions.length} new
                        </Badge>
                      )}
                    </td>
                    <td className="px-3 py-3 text-xs whitespace-nowrap text-slate-500">
                      <RelativeTime value={e.submittedAt} />
                    </td>
                    <td className="py-3 pr-5 pl-3 text-right">
                      <ChevronRight aria-hidden className="ml-auto size-4 text-slate-300 group-hover:text-slate-500" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  );
}
