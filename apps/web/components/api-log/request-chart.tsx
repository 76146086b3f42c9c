'use client';
import { Card, CardHeader } from '@/components/ui/card';
import { ChartStat, HourlyBars, type HourlySeries } from '@/components/ui/hourly-chart';
import type { LogSummary } from './types';

type Outcome = 'ok' | 'clientErrors' | 'rateLimited' | 'serverErrors';

// bottom to top in each bar
const series: HourlySeries<Outcome>[] = [
  { key: 'ok', label: 'Succeeded', fill: 'fill-emerald-500', swatch: 'bg-emerald-500' },
  { key: 'clientErrors', label: 'Client errors', fill: 'fill-amber-400', swatch: 'bg-amber-400' },
  { key: 'rateLimited', label: 'Rate limited', fill: 'fill-violet-400', swatch: 'bg-violet-400' },
  { key: 'serverErrors', label: 'Server errors', fill: 'fill-red-500', swatch: 'bg-red-500' },
];

/** Requests per hour over the last day, by outcome: is an integration healthy, or being throttled? */
export function RequestChart({ summary }: { summary: LogSummary }) {
  const buckets = summary.hours.map(({ from, ...counts }) => ({ from, counts }));
  const sum = summary.hours.reduce(
    (s, h) => ({
      ok: s.ok + h.ok,
      clientErrors: s.clientErrors + h.clientErrors,
      rateLimited: s.rateLimited + h.rateLimited,
      serverErrors: s.serverErrors + h.serverErrors,
    }),
    { ok: 0, clientErrors: 0, rateLimited: 0, serverErrors: 0 },
  );
  const all = sum.ok + sum.clientErrors + sum.rateLimited + sum.serverErrors;
  const errors = all - sum.ok;
  const errorRate = all > 0 ? Math.round((errors / all) * 1000) / 10 : null;

  return (
    <Card aria-label="Request activity">
      <CardHeader title="Last 24 hours" description="Requests per hour, by outcome." />
      <div className="grid gap-6 px-5 py-4 md:grid-cols-[12rem_1fr]">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 self-start">
          <ChartStat label="Requests" value={all.toLocaleString('en')} />
          <ChartStat
            label="Error rate"
            value={errorRate === null ? '—' : `${errorRate}%`}
            tone={errorRate === null ? undefined : errorRate <= 1 ? 'good' : errorRate <= 10 ? 'warn' : 'bad'}
          />
          <ChartStat
            label="Rate limited"
            value={sum.rateLimited.toLocaleString('en')}
            tone={sum.rateLimited > 0 ? 'warn' : undefined}
          />
          <ChartStat
            label="Server errors"
            value={sum.serverErrors.toLocaleString('en')}
            tone={sum.serverErrors > 0 ? 'bad' : undefined}
          />
        </dl>
        <HourlyBars
          buckets={buckets}
          series={series}
          label={`${all} requests in the last 24 hours: ${sum.ok} succeeded, ${sum.clientErrors} client errors, ${sum.rateLimited} rate limited, ${sum.serverErrors} server errors`}
          empty="No API requests in the last 24 hours"
          emptyHour="No requests"
        />
      </div>
    </Card>
  );
}
