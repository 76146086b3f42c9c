'use client';
import { keepPreviousData } from '@tanstack/react-query';
import { ChevronRight, FunnelX, Inbox, RefreshCw } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { Select } from '@/components/ui/input';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';
import { trpc } from '@/lib/trpc';
import {
  clientKindLabels,
  type LogFilters,
  type LoggedRequest,
  type LogSummary,
  noFilters,
  type TimeRange,
  timeRanges,
} from './types';

const PAGE = 50;
const statusOptions = [
  { value: '2xx', label: '2xx Succeeded' },
  { value: '4xx', label: '4xx Client errors' },
  { value: '429', label: '429 Rate limited' },
  { value: '5xx', label: '5xx Server errors' },
] as const;
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The start of a time range, fixed when it is chosen (or refreshed) so the query stays put. */
const startOf = (range: TimeRange, now: number) => {
  const ms = timeRanges.find((r) => r.value === range)?.ms;
  return ms ? new Date(now - ms) : undefined;
};

export function RequestLog({
  siteId,
  summary,
  filters,
  onFiltersChange,
  onRefresh,
}: {
  siteId: string;
  summary: LogSummary | undefined;
  filters: LogFilters;
  onFiltersChange: (filters: LogFilters) => void;
  onRefresh: () => void;
}) {
  const [now, setNow] = useState(() => Date.now());
  const from = useMemo(() => startOf(filters.range, now), [filters.range, now]);
  const log = trpc.requestLog.list.useInfiniteQuery(
    {
      siteId,
      limit: PAGE,
      status: filters.status || undefined,
      method: filters.method || undefined,
      route: filters.route || undefined,
      client: filters.client || undefined,
      from,
    },
    { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
  );
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = JSON.stringify(filters) !== JSON.stringify(noFilters);
  const set = (patch: Partial<LogFilters>) => {
    if (patch.range) setNow(Date.now());
    onFiltersChange({ ...filters, ...patch });
  };
  const refresh = () => {
    setNow(Date.now());
    onRefresh();
    void log.refetch();
  };
  const routes = summary?.routes.map((r) => r.route) ?? [];
  if (filters.route && !routes.includes(filters.route)) routes.unshift(filters.route);
  const clients = summary?.clients ?? [];
  const refreshing = log.isRefetching && !log.isFetchingNextPage;

  return (
    <Card id="requests" aria-label="Request log">
      <CardHeader
        title="Requests"
        description={`Every call to the REST API and to embedded modules, newest first. Kept for ${summary?.retentionDays ?? 30} days.`}
        actions={
          <Button variant="secondary" size="sm" onClick={refresh} loading={refreshing}>
            {!refreshing && <RefreshCw aria-hidden className="size-3.5" />}
            Refresh
          </Button>
        }
      />
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-5 py-3">
        <Select
          aria-label="Status"
          className="h-8 w-auto min-w-32 text-[0.8125rem]"
          value={filters.status}
          onChange={(e) => set({ status: e.target.value as LogFilters['status'] })}
        >
          <option value="">All statuses</option>
          {statusOptions.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Method"
          className="h-8 w-auto min-w-28 text-[0.8125rem]"
          value={filters.method}
          onChange={(e) => set({ method: e.target.value as LogFilters['method'] })}
        >
          <option value="">All methods</option>
          {methods.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Route"
          className="h-8 w-auto max-w-[17rem] min-w-40 font-mono text-xs"
          value={filters.route}
          onChange={(e) => set({ route: e.target.value })}
        >
          <option value="">All routes</option>
          {routes.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Client"
          className="h-8 w-auto max-w-[12rem] min-w-32 text-[0.8125rem]"
          value={filters.client}
          onChange={(e) => set({ client: e.target.value })}
        >
          <option value="">All clients</option>
          {(['api_token', 'oauth_app', 'embed'] as const).map((kind) => {
            const ofKind = clients.filter((c) => c.kind === kind);
            return ofKind.length === 0 ? null : (
              <optgroup key={kind} label={`${clientKindLabels[kind]}s`}>
                {ofKind.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </Select>
        <Select
          aria-label="Time range"
          className="h-8 w-auto min-w-32 text-[0.8125rem]"
          value={filters.range}
          onChange={(e) => set({ range: e.target.value as TimeRange })}
        >
          {timeRanges.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </Select>
        {filtered && (
          <Button variant="ghost" size="sm" onClick={() => onFiltersChange(noFilters)}>
            <FunnelX aria-hidden className="size-3.5" />
            Clear filters
          </Button>
        )}
      </div>

      {log.isPending ? (
        <Loading label="Loading requests" className="divide-y divide-slate-100">
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i} className="flex items-center gap-4 px-5 py-3.5">
              <Skeleton className="h-4 w-10" />
              <Skeleton className="h-4 w-64" />
              <Skeleton className="hidden h-4 w-32 sm:block" />
              <Skeleton className="ml-auto h-4 w-16" />
            </div>
          ))}
        </Loading>
      ) : log.isError ? (
        <div className="p-5">
          <QueryError error={log.error} retry={log.refetch} what="the request log" />
        </div>
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={FunnelX}
            title="No requests match these filters"
            action={
              <Button variant="secondary" size="sm" onClick={() => onFiltersChange(noFilters)}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState icon={Inbox} title="No API requests yet">
            Calls made with this site’s API tokens, by connected OAuth apps and by embedded modules show up here with their status
            and how long they took.
          </EmptyState>
        )
      ) : (
        <>
          <div className={cn('overflow-x-auto transition-opacity', log.isPlaceholderData && 'opacity-60')}>
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
                  <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    Request
                  </th>
                  <th scope="col" className="hidden px-3 py-2.5 font-medium md:table-cell">
                    Client
                  </th>
                  <th scope="col" className="px-3 py-2.5 text-right font-medium">
                    Latency
                  </th>
                  <th scope="col" className="hidden px-3 py-2.5 font-medium lg:table-cell">
                    IP address
                  </th>
                  <th scope="col" className="py-2.5 pr-5 pl-3 text-right font-medium">
                    Time
                  </th>
                </tr>
              </thead>
              {rows.map((r) => (
                <RequestRow key={r.id} request={r} />
              ))}
            </table>
          </div>
          <div className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
            <span>
              {rows.length.toLocaleString('en')} {rows.length === 1 ? 'request' : 'requests'}
              {log.hasNextPage ? ' shown' : ''}
            </span>
            {log.hasNextPage && (
              <Button variant="secondary" size="sm" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
                Load more
              </Button>
            )}
          </div>
        </>
      )}
    </Card>
  );
}

const statusTones = {
  ok: { text: 'text-emerald-700', dot: 'bg-emerald-500' },
  client: { text: 'text-amber-700', dot: 'bg-amber-400' },
  limited: { text: 'text-violet-700', dot: 'bg-violet-400' },
  server: { text: 'text-red-700', dot: 'bg-red-500' },
};

/** An HTTP status, coloured as in the chart: 2xx/3xx, 4xx, 429 (our rate limiter), 5xx. */
function Status({ code }: { code: number }) {
  const tone = statusTones[code === 429 ? 'limited' : code >= 500 ? 'server' : code >= 400 ? 'client' : 'ok'];
  return (
    <span className={cn('inline-flex items-center gap-1.5 font-mono text-xs font-medium', tone.text)}>
      <span aria-hidden className={cn('size-1.5 rounded-full', tone.dot)} />
      {code}
    </span>
  );
}

function Latency({ ms }: { ms: number }) {
  return (
    <span className={cn('tabular-nums whitespace-nowrap', ms >= 1000 ? 'font-medium text-amber-700' : 'text-slate-700')}>
      {ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`}
    </span>
  );
}

function Client({ request: r }: { request: LoggedRequest }) {
  if (r.clientKind === 'anonymous') return <span className="text-slate-400">{clientKindLabels.anonymous}</span>;
  return (
    <span className="block min-w-0">
      <span className="block truncate text-slate-800">{r.clientName ?? 'Deleted'}</span>
      <span className="block text-[0.6875rem] text-slate-400">{clientKindLabels[r.clientKind]}</span>
    </span>
  );
}

function RequestRow({ request: r }: { request: LoggedRequest }) {
  const [open, setOpen] = useState(false);
  const detailId = `request-${r.id}`;
  return (
    <tbody className="border-b border-slate-100 last:border-b-0">
      <tr
        className={cn('cursor-pointer transition-colors hover:bg-slate-50', open && 'bg-slate-50')}
        onClick={() => setOpen(!open)}
      >
        <td className="py-2.5 pr-3 pl-5">
          <div className="flex items-center gap-2">
            <button
              type="button"
              aria-expanded={open}
              aria-controls={detailId}
              aria-label={`${open ? 'Hide' : 'Show'} details of ${r.method} ${r.route}`}
              onClick={(e) => {
                e.stopPropagation();
                setOpen(!open);
              }}
              className="-ml-1 rounded p-0.5 text-slate-400 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <ChevronRight aria-hidden className={cn('size-4 transition-transform', open && 'rotate-90')} />
            </button>
            <Status code={r.status} />
          </div>
        </td>
        <td className="max-w-[28rem] px-3 py-2.5">
          <span className="flex min-w-0 items-baseline gap-2 font-mono text-[0.8125rem]">
            <span className="w-12 shrink-0 text-xs font-semibold text-slate-500">{r.method}</span>
            <span className="truncate text-slate-900" title={r.route}>
              {r.route}
            </span>
          </span>
        </td>
        <td className="hidden max-w-[14rem] px-3 py-2.5 md:table-cell">
          <Client request={r} />
        </td>
        <td className="px-3 py-2.5 text-right">
          <Latency ms={r.latencyMs} />
        </td>
        <td className="hidden px-3 py-2.5 font-mono text-xs text-slate-600 lg:table-cell">{r.ip}</td>
        <td className="py-2.5 pr-5 pl-3 text-right text-xs whitespace-nowrap text-slate-500">
          <RelativeTime value={r.createdAt} />
        </td>
      </tr>
      {open && (
        <tr id={detailId}>
          <td colSpan={6} className="bg-slate-50 px-5 pt-1 pb-4">
            <dl className="grid grid-cols-[auto_1fr] gap-x-5 gap-y-1 pl-7 text-xs">
              <dt className="text-slate-500">Time</dt>
              <dd className="text-slate-800">{formatDateTime(r.createdAt)}</dd>
              <dt className="text-slate-500">Client</dt>
              <dd className="flex items-center gap-2 text-slate-800">
                {clientKindLabels[r.clientKind]}
                {r.clientName ? ` · ${r.clientName}` : ''}
                {r.clientId && (
                  <>
                    <span className="font-mono text-slate-500">{r.clientId}</span>
                    <CopyButton value={r.clientId} label="Copy client ID" />
                  </>
                )}
              </dd>
              <dt className="text-slate-500">IP address</dt>
              <dd className="font-mono text-slate-800">{r.ip}</dd>
              {r.origin && (
                <>
                  <dt className="text-slate-500">Origin</dt>
                  <dd className="font-mono break-all text-slate-800">{r.origin}</dd>
                </>
              )}
              <dt className="text-slate-500">User agent</dt>
              <dd className="font-mono break-all text-slate-800">{r.userAgent ?? '—'}</dd>
            </dl>
          </td>
        </tr>
      )}
    </tbody>
  );
}
