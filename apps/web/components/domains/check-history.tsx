'use client';
import { History } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { trpc } from '@/lib/trpc';
import { methodLabels, outcomes } from './status';
import type { DomainCheck } from './types';

const LIMIT = 20;

/** The latest checks of one domain, newest first. */
export function CheckHistory({ siteId, domainId }: { siteId: string; domainId: string }) {
  const history = trpc.domains.history.useQuery({ siteId, domainId, limit: LIMIT });
  if (history.isPending) {
    return (
      <Loading label="Loading the history" className="space-y-2">
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-9 w-full" />
      </Loading>
    );
  }
  if (history.isError) return <QueryError error={history.error} retry={history.refetch} what="the history" />;
  if (history.data.length === 0) {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-500">
        <History aria-hidden className="size-4" />
        Not checked yet. The first automatic check comes a few minutes after the domain was added.
      </p>
    );
  }
  return (
    <ol aria-label="Checks, newest first" className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {history.data.map((check, i) => (
        <li key={check.id} className="grid gap-x-4 gap-y-1 px-3 py-2.5 text-sm sm:grid-cols-[9rem_1fr]">
          <div className="text-xs text-slate-500">
            <RelativeTime value={check.checkedAt} />
            <div className="text-slate-400">{check.manual ? 'Verify now' : 'Scheduled'}</div>
          </div>
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={outcomes[check.outcome].tone}>{outcomes[check.outcome].label}</Badge>
              <span className="text-xs text-slate-500">
                {methodLabels[check.method]} · {check.durationMs} ms
              </span>
              <StatusChange
                status={check.statusAfter}
                // the first check of all starts from pending; past the limit, the one before is unknown
                before={history.data[i + 1]?.statusAfter ?? (history.data.length < LIMIT ? 'pending' : check.statusAfter)}
              />
            </div>
            <p className="mt-1 break-words text-slate-700">{check.detail}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}

const statusWords: Record<DomainCheck['statusAfter'], string> = {
  pending: 'pending again',
  verified: 'domain verified',
  failed: 'domain failed',
  expired: 'domain expired',
};

/** Marks the check that changed the domain's status. */
function StatusChange({ status, before }: { status: DomainCheck['statusAfter']; before: DomainCheck['statusAfter'] }) {
  if (status === before) return null;
  return (
    <span className={status === 'verified' ? 'text-xs font-medium text-emerald-700' : 'text-xs font-medium text-red-700'}>
      → {statusWords[status]}
    </span>
  );
}
