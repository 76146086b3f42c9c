'use client';
import { type ReactNode, useState } from 'react';
import { cn } from '@/lib/cn';

/** One stacked part of each bar, bottom to top in the order given. */
export interface HourlySeries<K extends string> {
  key: K;
  label: string;
  /** SVG fill class of the bar segment */
  fill: string;
  /** background class of the legend swatch */
  swatch: string;
}

export interface HourBucket<K extends string> {
  from: Date;
  counts: Record<K, number>;
}

export const HOUR_MS = 3_600_000;
const hourFormat = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const totalOf = <K extends string>(counts: Record<K, number>) => Object.values<number>(counts).reduce((sum, n) => sum + n, 0);

/**
 * Stacked bars per hour (the last day, oldest first), with a legend that becomes the hovered
 * hour's breakdown, and hour ticks under the bars. The webhook deliveries and the API log use it.
 */
export function HourlyBars<K extends string>({
  buckets,
  series,
  label,
  empty,
  emptyHour,
}: {
  buckets: HourBucket<K>[];
  series: HourlySeries<K>[];
  /** the chart as one sentence, for screen readers */
  label: string;
  /** shown over the chart when every hour is empty */
  empty: string;
  /** the caption of an empty hovered hour */
  emptyHour: string;
}) {
  const [hover, setHover] = useState<number | null>(null);
  const hours = buckets.length;
  const max = Math.max(1, ...buckets.map((b) => totalOf(b.counts)));
  const start = buckets[0]?.from.getTime() ?? Date.now();
  const shown = hover === null ? null : buckets[hover];
  const all = buckets.reduce((sum, b) => sum + totalOf(b.counts), 0);

  return (
    <div className="min-w-0">
      <div className="mb-2 flex h-5 flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-500" aria-live="polite">
        {shown ? (
          <>
            <span className="font-medium text-slate-700">
              {hourFormat.format(shown.from)}–{hourFormat.format(new Date(shown.from.getTime() + HOUR_MS))}
            </span>
            {totalOf(shown.counts) === 0
              ? emptyHour
              : series
                  .filter((s) => shown.counts[s.key] > 0)
                  .map((s) => (
                    <ChartLegend key={s.key} swatch={s.swatch}>
                      {shown.counts[s.key].toLocaleString('en')} {s.label.toLowerCase()}
                    </ChartLegend>
                  ))}
          </>
        ) : (
          series.map((s) => (
            <ChartLegend key={s.key} swatch={s.swatch}>
              {s.label}
            </ChartLegend>
          ))
        )}
      </div>
      <div className="relative">
        <svg
          role="img"
          aria-label={label}
          viewBox={`0 0 ${hours * 10} 64`}
          preserveAspectRatio="none"
          className="block h-28 w-full"
          onMouseLeave={() => setHover(null)}
        >
          {[16, 32, 48].map((y) => (
            <line
              key={y}
              x1="0"
              x2={hours * 10}
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
                <rect x={i * 10} y="0" width="10" height="64" className={hover === i ? 'fill-slate-100' : 'fill-transparent'} />
                {totalOf(b.counts) === 0 ? (
                  <rect x={i * 10 + 1.5} y="63" width="7" height="1" className="fill-slate-200" />
                ) : (
                  series.map((s) => {
                    const n = b.counts[s.key];
                    if (n === 0) return null;
                    const h = Math.max(1.5, (n / max) * 60);
                    y -= h;
                    return <rect key={s.key} x={i * 10 + 1.5} y={y} width="7" height={h} className={s.fill} />;
                  })
                )}
              </g>
            );
          })}
        </svg>
        {all === 0 && <p className="absolute inset-0 flex items-center justify-center text-sm text-slate-400">{empty}</p>}
      </div>
      <div className="mt-1.5 flex justify-between text-[0.6875rem] tabular-nums text-slate-400">
        {[0, 0.25, 0.5, 0.75, 1].map((f) => {
          const h = Math.round(f * hours);
          return <span key={f}>{h === hours ? 'now' : hourFormat.format(new Date(start + h * HOUR_MS))}</span>;
        })}
      </div>
    </div>
  );
}

/** A figure beside a chart: "Deliveries 1,204", "Error rate 2.1%". */
export function ChartStat({ label, value, tone }: { label: string; value: string; tone?: 'good' | 'warn' | 'bad' }) {
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

function ChartLegend({ swatch, children }: { swatch: string; children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden className={cn('size-2 rounded-sm', swatch)} />
      {children}
    </span>
  );
}
