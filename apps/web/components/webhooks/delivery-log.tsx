'use client';
import { keepPreviousData } from '@tanstack/react-query';
import { ChevronRight, FunnelX, Hand, Inbox, RefreshCw, RotateCcw } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { Select } from '@/components/ui/input';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton, Spinner } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { useToast } from '@/components/ui/toast';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';
import { formError, trpc } from '@/lib/trpc';
import { DeliveryStatusBadge, deliveryStatuses, StatusCode } from './status';
import type { Delivery, DeliveryFilters, Endpoint } from './types';

/** How often the log looks again while a delivery is pending. */
const LIVE_INTERVAL_MS = 2000;
export const noFilters: DeliveryFilters = { endpointId: '', status: '', eventType: '' };

interface DeliveryLogProps {
  siteId: string;
  endpoints: Endpoint[];
  eventTypes: string[];
  /** 1 + the scheduled retries: how many automatic attempts a delivery gets */
  maxAttempts: number;
  filters: DeliveryFilters;
  onFiltersChange: (filters: DeliveryFilters) => void;
}

export function DeliveryLog({ siteId, endpoints, eventTypes, maxAttempts, filters, onFiltersChange }: DeliveryLogProps) {
  const utils = trpc.useUtils();
  const log = trpc.webhooks.deliveries.useInfiniteQuery(
    {
      siteId,
      limit: 25,
      endpointId: filters.endpointId || undefined,
      status: filters.status || undefined,
      eventType: filters.eventType || undefined,
    },
    {
      getNextPageParam: (page) => page.nextCursor,
      // a new filter keeps the current rows (dimmed) until its results arrive
      placeholderData: keepPreviousData,
      // watch pending deliveries (first attempts, retries, redeliveries) settle
      refetchInterval: (query) =>
        query.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? LIVE_INTERVAL_MS : false,
    },
  );
  const deliveries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const pending = deliveries.some((d) => d.status === 'pending');
  const filtered = filters.endpointId !== '' || filters.status !== '' || filters.eventType !== '';

  // a delivery that settles can change its endpoint's health (failing since, disabled)
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !pending) void utils.webhooks.list.invalidate({ siteId });
    wasPending.current = pending;
  }, [pending, siteId, utils]);

  const set = (patch: Partial<DeliveryFilters>) => onFiltersChange({ ...filters, ...patch });
  const endpointsById = new Map(endpoints.map((e) => [e.id, e]));

  return (
    <Card id="deliveries" aria-label="Delivery log">
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            Delivery log
            {pending && (
              <span
                className="inline-flex items-center gap-1.5 text-xs font-normal text-sky-700"
                title="Refreshing while deliveries are pending"
              >
                <span className="relative flex size-2">
                  <span className="absolute inline-flex size-full animate-ping rounded-full bg-sky-400 opacity-75" />
                  <span className="relative inline-flex size-2 rounded-full bg-sky-500" />
                </span>
                Live
              </span>
            )}
          </span>
        }
        description="Every event sent to your endpoints, newest first. Expand a delivery to see each attempt."
        actions={
          <Button
            variant="secondary"
            size="sm"
            onClick={() => log.refetch()}
            loading={log.isRefetching && !log.isFetchingNextPage && !pending}
          >
            {!(log.isRefetching && !log.isFetchingNextPage && !pending) && <RefreshCw aria-hidden className="size-3.5" />}
            Refresh
          </Button>
        }
      />
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-5 py-3">
        <Select
          aria-label="Endpoint"
          className="h-8 w-auto max-w-[18rem] min-w-40 text-[0.8125rem]"
          value={filters.endpointId}
          onChange={(e) => set({ endpointId: e.target.value })}
        >
          <option value="">All endpoints</option>
          {endpoints.map((e) => (
            <option key={e.id} value={e.id}>
              {e.url}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Status"
          className="h-8 w-auto min-w-32 text-[0.8125rem]"
          value={filters.status}
          onChange={(e) => set({ status: e.target.value as DeliveryFilters['status'] })}
        >
          <option value="">All statuses</option>
          {deliveryStatuses.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Event type"
          className="h-8 w-auto min-w-40 text-[0.8125rem]"
          value={filters.eventType}
          onChange={(e) => set({ eventType: e.target.value })}
        >
          <option value="">All event types</option>
          {eventTypes.map((t) => (
            <option key={t} value={t}>
              {t}
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
        <Loading label="Loading deliveries" className="divide-y divide-slate-100">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="flex items-center gap-4 px-5 py-3.5">
              <Skeleton className="h-5 w-24 rounded-full" />
              <Skeleton className="h-4 w-32" />
              <Skeleton className="hidden h-4 w-48 sm:block" />
              <Skeleton className="ml-auto h-4 w-16" />
            </div>
          ))}
        </Loading>
      ) : log.isError ? (
        <div className="p-5">
          <QueryError error={log.error} retry={log.refetch} what="the delivery log" />
        </div>
      ) : deliveries.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={FunnelX}
            title="No deliveries match these filters"
            action={
              <Button variant="secondary" size="sm" onClick={() => onFiltersChange(noFilters)}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState icon={Inbox} title="No deliveries yet">
            {endpoints.length === 0
              ? 'Once you add an endpoint, every event sent to it shows up here with the response it got.'
              : 'Events sent to your endpoints show up here with every attempt and response. Use “Send test” on an endpoint to try it now.'}
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
                    Event
                  </th>
                  <th scope="col" className="hidden px-3 py-2.5 font-medium md:table-cell">
                    Endpoint
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    HTTP
                  </th>
                  <th scope="col" className="px-3 py-2.5 text-right font-medium">
                    Attempts
                  </th>
                  <th scope="col" className="py-2.5 pr-5 pl-3 text-right font-medium">
                    Time
                  </th>
                </tr>
              </thead>
              {deliveries.map((d) => (
                <DeliveryRow
                  key={d.id}
                  siteId={siteId}
                  delivery={d}
                  endpoint={endpointsById.get(d.endpointId)}
                  maxAttempts={maxAttempts}
                />
              ))}
            </table>
          </div>
          <div className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
            <span>
              {deliveries.length} {deliveries.length === 1 ? 'delivery' : 'deliveries'}
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

function DeliveryRow({
  siteId,
  delivery: d,
  endpoint,
  maxAttempts,
}: {
  siteId: string;
  delivery: Delivery;
  endpoint: Endpoint | undefined;
  maxAttempts: number;
}) {
  const [open, setOpen] = useState(false);
  const detailId = `delivery-${d.id}`;
  return (
    <tbody className="border-b border-slate-100 last:border-b-0">
      <tr
        className={cn('cursor-pointer transition-colors hover:bg-slate-50', open && 'bg-slate-50')}
        onClick={() => setOpen(!open)}
      >
        <td className="py-3 pr-3 pl-5">
          <div className="flex items-center gap-2">
            <button
              type="button"
              aria-expanded={open}
              aria-controls={detailId}
              aria-label={`${open ? 'Hide' : 'Show'} attempts of ${d.eventType} ${d.id}`}
              onClick={(e) => {
                e.stopPropagation();
                setOpen(!open);
              }}
              className="-ml-1 rounded p-0.5 text-slate-400 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <ChevronRight aria-hidden className={cn('size-4 transition-transform', open && 'rotate-90')} />
            </button>
            <DeliveryStatusBadge status={d.status} />
          </div>
        </td>
        <td className="px-3 py-3">
          <span className="font-mono text-[0.8125rem] text-slate-900">{d.eventType}</span>
          <span className="block font-mono text-[0.6875rem] text-slate-400">{d.eventId}</span>
        </td>
        <td className="hidden max-w-[16rem] px-3 py-3 md:table-cell">
          <span className="block truncate font-mono text-xs text-slate-600" title={d.endpointUrl}>
            {d.endpointUrl}
          </span>
        </td>
        <td className="px-3 py-3">
          <StatusCode code={d.lastStatusCode} failed={d.attemptCount > 0} />
        </td>
        <td className="px-3 py-3 text-right tabular-nums text-slate-700">{d.attemptCount}</td>
        <td className="py-3 pr-5 pl-3 text-right text-xs whitespace-nowrap text-slate-500">
          <RelativeTime value={d.createdAt} />
        </td>
      </tr>
      {open && (
        <tr id={detailId}>
          <td colSpan={6} className="bg-slate-50 px-5 pt-1 pb-5">
            <DeliveryDetail siteId={siteId} delivery={d} endpoint={endpoint} maxAttempts={maxAttempts} />
          </td>
        </tr>
      )}
    </tbody>
  );
}

function DeliveryDetail({
  siteId,
  delivery: d,
  endpoint,
  maxAttempts,
}: {
  siteId: string;
  delivery: Delivery;
  endpoint: Endpoint | undefined;
  maxAttempts: number;
}) {
  const toast = useToast();
  const utils = trpc.useUtils();
  const redeliver = trpc.webhooks.redeliver.useMutation({
    onSuccess: async () => {
      toast({ title: 'Redelivery queued', description: `${d.eventType} is sent to ${d.endpointUrl} again now.` });
      await utils.webhooks.deliveries.invalidate({ siteId });
    },
    onError: (error) => toast({ tone: 'error', title: 'Could not redeliver', description: formError(error) }),
  });
  const endpointOff = endpoint ? !endpoint.enabled : false;
  const redeliverHint =
    d.status === 'pending'
      ? 'This delivery is still being attempted'
      : endpointOff
        ? 'Enable the endpoint to redeliver'
        : 'Send the same payload again, with the same webhook-id';

  return (
    <div className="space-y-4 pl-7">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <dl className="grid grid-cols-[auto_1fr] gap-x-5 gap-y-1 text-xs">
          <dt className="text-slate-500">webhook-id</dt>
          <dd className="font-mono text-slate-800">{d.id}</dd>
          <dt className="text-slate-500">Endpoint</dt>
          <dd className="font-mono break-all text-slate-800">{d.endpointUrl}</dd>
          <dt className="text-slate-500">Created</dt>
          <dd className="text-slate-800">{formatDateTime(d.createdAt)}</dd>
          {d.completedAt && (
            <>
              <dt className="text-slate-500">Completed</dt>
              <dd className="text-slate-800">{formatDateTime(d.completedAt)}</dd>
            </>
          )}
        </dl>
        <div className="flex items-center gap-2">
          <CopyButton value={d.id} label="Copy ID" />
          <Button
            variant="secondary"
            size="sm"
            title={redeliverHint}
            disabled={d.status === 'pending' || endpointOff}
            loading={redeliver.isPending}
            onClick={() => redeliver.mutate({ siteId, deliveryId: d.id })}
          >
            {!redeliver.isPending && <RotateCcw aria-hidden className="size-3.5" />}
            Redeliver
          </Button>
        </div>
      </div>

      {d.attempts.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-slate-500">
          {d.status === 'pending' ? (
            <>
              <Spinner className="size-3.5" /> Waiting for the first attempt…
            </>
          ) : (
            'No attempt was made: the endpoint was disabled before it could be sent.'
          )}
        </p>
      ) : (
        <ol aria-label="Attempts" className="space-y-2">
          {d.attempts.map((a) => (
            <li key={a.id} className="rounded-md border border-slate-200 bg-white">
              <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3.5 py-2.5 text-xs">
                <span className="font-medium text-slate-900">Attempt {a.attempt}</span>
                <StatusCode code={a.statusCode} failed />
                <span className="tabular-nums text-slate-500">{a.durationMs} ms</span>
                {a.manual && (
                  <Badge tone="brand" className="text-[0.6875rem]">
                    <Hand aria-hidden className="size-3" />
                    Manual
                  </Badge>
                )}
                <span className="ml-auto text-slate-400" title={formatDateTime(a.startedAt)}>
                  {formatDateTime(a.startedAt)}
                </span>
              </div>
              {a.error && <p className="border-t border-slate-100 px-3.5 py-2 font-mono text-xs text-red-700">{a.error}</p>}
              {a.responseBody && <ResponseBody body={a.responseBody} />}
            </li>
          ))}
        </ol>
      )}
      {d.status === 'pending' && d.attempts.length > 0 && (
        <p className="text-xs text-slate-500">
          {d.attemptCount < maxAttempts
            ? `Attempt ${d.attemptCount + 1} of ${maxAttempts} is scheduled; failures are retried with backoff for about a day.`
            : 'Another attempt is queued.'}
        </p>
      )}
    </div>
  );
}

const PREVIEW_CHARS = 400;

/** JSON indented for reading; anything else (or JSON cut off at 2 KB) as it came. */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** The receiver's answer as stored (its first 2 KB), folded when long. */
function ResponseBody({ body }: { body: string }) {
  const [all, setAll] = useState(false);
  const text = readable(body);
  const long = text.length > PREVIEW_CHARS;
  return (
    <div className="border-t border-slate-100 px-3.5 py-2">
      <p className="mb-1 text-[0.6875rem] font-medium tracking-wide text-slate-400 uppercase">Response body</p>
      <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap wrap-anywhere text-slate-700">
        {all || !long ? text : `${text.slice(0, PREVIEW_CHARS)}…`}
      </pre>
      {long && (
        <button
          type="button"
          onClick={() => setAll(!all)}
          className="mt-1 text-xs font-medium text-brand-600 hover:text-brand-700"
        >
          {all ? 'Show less' : `Show all ${body.length.toLocaleString('en')} characters`}
        </button>
      )}
    </div>
  );
}
