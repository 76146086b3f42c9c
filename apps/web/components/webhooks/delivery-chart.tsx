'use client';
import { useMemo } from 'react';
import { Card, CardHeader } from '@/components/ui/card';
import { ChartStat, HOUR_MS, HourlyBars, type HourlySeries } from '@/components/ui/hourly-chart';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { trpc } from '@/lib/trpc';
import type { Delivery, DeliveryStatus } from './types';

const HOURS = 24;
/** the most the API returns at once; the chart says so when the window holds more */
const SAMPLE = 100;
// bottom to top in each bar
const series: HourlySeries<DeliveryStatus>[] = [
  { key: 'succeeded', label: 'Succeeded', fill: 'fill-emerald-500', swatch: 'bg-emerald-500' },
  { key: 'failed', label: 'Failed', fill: 'fill-red-500', swatch: 'bg-red-500' },
  { key: 'pending', label: 'Pending', fill: 'fill-sky-400', swatch: 'bg-sky-400' },
  { key: 'abandoned', label: 'Abandoned', fill: 'fill-slate-300', swatch: 'bg-slate-300' },
];

type Counts = Record<DeliveryStatus, number>;
const zero = (): Counts => ({ succeeded: 0, failed: 0, pending: 0, abandoned: 0 });
const total = (c: Counts) => c.succeeded + c.failed + c.pending + c.abandoned;

function bucketize(deliveries: Delivery[], now: number) {
  const end = Math.ceil(now / HOUR_MS) * HOUR_MS;
  const start = end - HOURS * HOUR_MS;
  const buckets = Array.from({ length: HOURS }, (_, i) => ({ from: new Date(start + i * HOUR_MS), counts: zero() }));
  const sum = zero();
  for (const d of deliveries) {
    const i = Math.floor((d.createdAt.getTime() - start) / HOUR_MS);
    const bucket = buckets[i];
    if (!bucket) continue;
    bucket.counts[d.status]++;
    sum[d.status]++;
  }
  return { buckets, sum, start };
}

/** Deliveries per hour and status over the last day: a glance at an integration's health. */
export function DeliveryChart({ siteId }: { siteId: string }) {
  const recent = trpc.webhooks.deliveries.useQuery(
    { siteId, limit: SAMPLE },
    { refetchInterval: (query) => (query.state.data?.items.some((d) => d.status === 'pending') ? 3000 : false) },
  );
  const chart = useMemo(() => (recent.data ? bucketize(recent.data.items, Date.now()) : null), [recent.data]);

  if (recent.isPending) {
    return (
      <Card>
        <Loading label="Loading delivery activity" className="space-y-4 p-5">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-24 w-full" />
        </Loading>
      </Card>
    );
  }
  if (recent.isError || !chart) {
    return recent.error ? <QueryError error={recent.error} retry={recent.refetch} what="the delivery activity" /> : null;
  }

  const { buckets, sum, start } = chart;
  const all = total(sum);
  const settled = sum.succeeded + sum.failed;
  const rate = settled > 0 ? Math.round((sum.succeeded / settled) * 1000) / 10 : null;
  const oldest = recent.data.items.at(-1);
  const sampled = recent.data.nextCursor !== undefined && oldest !== undefined && oldest.createdAt.getTime() > start;

  return (
    <Card aria-label="Delivery activity">
      <CardHeader
        title="Last 24 hours"
        description={sampled ? `Based on the latest ${SAMPLE} deliveries.` : 'Deliveries per hour, by outcome.'}
      />
      <div className="grid gap-6 px-5 py-4 md:grid-cols-[12rem_1fr]">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 self-start">
          <ChartStat label="Deliveries" value={all.toLocaleString('en')} />
          <ChartStat
            label="Success rate"
            value={rate === null ? '—' : `${rate}%`}
            tone={rate === null ? undefined : rate >= 99 ? 'good' : rate >= 90 ? 'warn' : 'bad'}
          />
          <ChartStat label="Failed" value={sum.failed.toLocaleString('en')} tone={sum.failed > 0 ? 'bad' : undefined} />
          <ChartStat label="Pending" value={sum.pending.toLocaleString('en')} />
        </dl>
        <HourlyBars
          buckets={buckets}
          series={series}
          label={`${all} deliveries in the last 24 hours: ${sum.succeeded} succeeded, ${sum.failed} failed, ${sum.pending} pending`}
          empty="No deliveries in the last 24 hours"
          emptyHour="No deliveries"
        />
      </div>
    </Card>
  );
}
