'use client';
import { useMemo, useState } from 'react';
import { Card, CardHeader } from '@/components/ui/card';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { cn } from '@/lib/cn';
import { trpc } from '@/lib/trpc';
import type { Delivery, DeliveryStatus } from './types';

const HOURS = 24;
const HOUR_MS = 3_600_000;
/** the most the API returns at once; the chart says so when the window holds more */
const SAMPLE = 100;
// bottom to top in each bar
const series: { status: DeliveryStatus; label: string; fill: string; swatch: string }[] = [
  { status: 'succeeded', label: 'Succeeded', fill: 'fill-emerald-500', swatch: 'bg-emerald-500' },
  { status: 'failed', label: 'Failed', fill: 'fill-red-500', swatch: 'bg-red-500' },
  { status: 'pending', label: 'Pending', fill: 'fill-sky-400', swatch: 'bg-sky-400' },
  { status: 'abandoned', label: 'Abandoned', fill: 'fill-slate-300', swatch: 'bg-slate-300' },
];
const hourFormat = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

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
  const [hover, setHover] = useState<number | null>(null);
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
  const max = Math.max(1, ...buckets.map((b) => total(b.counts)));
  const oldest = recent.data.items.at(-1);
  const sampled = recent.data.nextCursor !== undefined && oldest !== undefined && oldest.createdAt.getTime() > start;
  const shown = hover === null ? null : buckets[hover];

  return (
    <Card aria-label="Delivery activity">
      <CardHeader
        title="Last 24 hours"
        description={sampled ? `Based on the latest ${SAMPLE} deliveries.` : 'Deliveries per hour, by outcome.'}
      />
      <div className="grid gap-6 px-5 py-4 md:grid-cols-[12rem_1fr]">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 self-start">
          <Stat label="Deliveries" value={all.toLocaleString('en')} />
          <Stat
            label="Success rate"
            value={rate === null ? '—' : `${rate}%`}
            tone={rate === null ? undefined : rate >= 99 ? 'good' : rate >= 90 ? 'warn' : 'bad'}
          />
          <Stat label="Failed" value={sum.failed.toLocaleString('en')} tone={sum.failed > 0 ? 'bad' : undefined} />
          <Stat label="Pending" value={sum.pending.toLocaleString('en')} />
        </dl>
        <div className="min-w-0">
          <div className="mb-2 flex h-5 flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-500" aria-live="polite">
            {shown ? (
              <>
                <span className="font-medium text-slate-700">
                  {hourFormat.format(shown.from)}–{hourFormat.format(new Date(shown.from.getTime() + HOUR_MS))}
                </span>
                {total(shown.counts) === 0
                  ? 'No deliveries'
                  : series
                      .filter((s) => shown.counts[s.status] > 0)
                      .map((s) => (
                        <Legend key={s.status} swatch={s.swatch}>
                          {shown.counts[s.status]} {s.label.toLowerCase()}
                        </Legend>
                      ))}
              </>
            ) : (
              series.map((s) => (
                <Legend key={s.status} swatch={s.swatch}>
                  {s.label}
                </Legend>
              ))
            )}
          </div>
          <div className="relative">
            <svg
              role="img"
              aria-label={`${all} deliveries in the last 24 hours: ${sum.succeeded} succeeded, ${sum.failed} failed, ${sum.pending} pending`}
              viewBox={`0 0 ${HOURS * 10} 64`}
              preserveAspectRatio="none"
              className="block h-28 w-full"
              onMouseLeave={() => setHover(null)}
            >
              {[16, 32, 48].map((y) => (
                <line
                  key={y}
                  x1="0"
                  x2={HOURS * 10}
                  y1={y}
                  y2={y}
                  className="stroke-slate-100"
                  strokeWidth="0.5"
                  vectorEffect="non-scaling-stroke"
                />
              ))}
              {buckets.map((b, i) => {
                let y = 64;
                return (
                  // biome-ignore lint/a11y/noStaticElementInteractions: the hover only previews what the caption above states
                  <g key={b.from.getTime()} onMouseEnter={() => setHover(i)}>
                    <rect
                      x={i * 10}
                      y="0"
                      width="10"
                      height="64"
                      className={hover === i ? 'fill-slate-100' : 'fill-transparent'}
                    />
                    {total(b.counts) === 0 ? (
                      <rect x={i * 10 + 1.5} y="63" width="7" height="1" className="fill-slate-200" />
                    ) : (
                      series.map((s) => {
                        const n = b.counts[s.status];
                        if (n === 0) return null;
                        const h = Math.max(1.5, (n / max) * 60);
                        y -= h;
                        return <rect key={s.status} x={i * 10 + 1.5} y={y} width="7" height={h} className={s.fill} />;
                      })
                    )}
                  </g>
                );
              })}
            </svg>
            {all === 0 && (
              <p className="absolute inset-0 flex items-center justify-center text-sm text-slate-400">
                No deliveries in the last 24 hours
              </p>
            )}
          </div>
          <div className="mt-1.5 flex justify-between text-[0.6875rem] tabular-nums text-slate-400">
            {[0, 6, 12, 18, 24].map((h) => (
              <span key={h}>{h === HOURS ? 'now' : hourFormat.format(new Date(start + h * HOUR_MS))}</span>
            ))}
          </div>
        </div>
      </div>
    </Card>
  );
}

function Stat({ label, value, tone }: { label: string; value: string; tone?: 'good' | 'warn' | 'bad' }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd
        className={cn(
          'mt-0.5 text-xl font-semibold tabular-nums tracking-tight text-slate-900',
          tone === 'good' && 'text-emerald-700',
          tone === 'warn' && 'text-amber-700',
          tone === 'bad' && 'text-red-700',
        )}
      >
        {value}
      </dd>
    </div>
  );
}

function Legend({ swatch, children }: { swatch: string; children: React.ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden className={cn('size-2 rounded-sm', swatch)} />
      {children}
    </span>
  );
}
