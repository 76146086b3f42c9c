// Reports: pipeline value by stage, weighted forecast by month, win rate, deals won per month,
// activities per member. Money is summed exactly per currency (never converted); months are
// the site's calendar months (deal dates are site-local days; activity times are read in the
// site's time zone).
import { Prisma } from '@dramac/db';
import { z } from 'zod';
import { toMinorUnits } from '../lib/money.ts';
import { id } from '../trpc.ts';
import { stageSums, stageTotals } from './board.ts';
import { dayInput } from './crm.schemas.ts';
import type { Crm } from './crm-tx.ts';
import { siteToday } from './deals.ts';
import { ensureDefaultPipeline, findPipeline, stageOutput, toStage } from './pipelines.ts';

const moneySum = z.object({ currency: z.string(), amountMinor: z.number().int() });

export const reportInput = z
  .object({ pipelineId: id.optional(), from: dayInput.optional(), to: dayInput.optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], message: 'The period ends after it starts' });

export const reportsOutput = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  pipelineValue: z.object({ pipelineId: z.string(), stages: z.array(stageTotals.extend({ stage: stageOutput })) }),
  forecast: z.array(
    z.object({ month: z.string(), count: z.number().int(), total: z.array(moneySum), weighted: z.array(moneySum) }),
  ),
  winRate: z.object({ won: z.number().int(), lost: z.number().int(), rate: z.number().nullable(), wonValue: z.array(moneySum) }),
  wonPerMonth: z.array(z.object({ month: z.string(), count: z.number().int(), total: z.array(moneySum) })),
  activitiesPerMember: z.array(
    z.object({ memberId: z.string().nullable(), total: z.number().int(), byType: z.record(z.string(), z.number().int()) }),
  ),
});
export type ReportsOutput = z.infer<typeof reportsOutput>;

/** Rows of (key, currency, count, sum) folded into one entry per key with money per currency. */
function fold<K extends string>(rows: { key: K; currency: string; count: bigint; total: string; weighted?: string }[]) {
  const out = new Map<K, { count: number; total: z.infer<typeof moneySum>[]; weighted: z.infer<typeof moneySum>[] }>();
  for (const r of rows) {
    const e = out.get(r.key) ?? { count: 0, total: [], weighted: [] };
    e.count += Number(r.count);
    e.total.push({ currency: r.currency, amountMinor: toMinorUnits(BigInt(r.total)) });
    if (r.weighted !== undefined) e.weighted.push({ currency: r.currency, amountMinor: toMinorUnits(BigInt(r.weighted)) });
    out.set(r.key, e);
  }
  return out;
}

const addMonths = (day: string, n: number) => {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};

export async function reports(crm: Crm, input: { pipelineId?: string; from?: string; to?: string }): Promise<ReportsOutput> {
  const today = siteToday(crm.site.timeZone).toISOString().slice(0, 10);
  const to = input.to ?? today;
  const from = input.from ?? addMonths(to, -11);
  const site = crm.site.id;
  const pipeline = await findPipeline(crm, input.pipelineId ?? (await ensureDefaultPipeline(crm)).id);

  const sums = await stageSums(crm, pipeline.id, Prisma.sql`and d.status = 'open'`);
  const forecastRows = await crm.tx.$queryRaw<
    { key: string; currency: string; count: bigint; total: string; weighted: string }[]
  >`
    select to_char(d."expectedCloseDate", 'YYYY-MM') as key, d.currency, count(*) as count, sum(d."amountMinor")::text as total,
           sum((d."amountMinor" * coalesce(d."probabilityOverride", s.probability) + 50) / 100)::text as weighted
    from crm.deals d join crm.stages s on s.id = d."stageId"
    where d."siteId" = ${site} and d.status = 'open' and d."expectedCloseDate" >= ${today}::date
      and d."expectedCloseDate" < ${addMonths(today, 6)}::date
    group by 1, 2 order by 1, 2`;
  const closed = await crm.tx.$queryRaw<{ key: string; currency: string; count: bigint; total: string }[]>`
    select d.status::text as key, d.currency, count(*) as count, sum(d."amountMinor")::text as total
    from crm.deals d
    where d."siteId" = ${site} and d.status <> 'open' and d."actualCloseDate" between ${from}::date and ${to}::date
    group by 1, 2 order by 1, 2`;
  const wonMonths = await crm.tx.$queryRaw<{ key: string; currency: string; count: bigint; total: string }[]>`
    select to_char(d."actualCloseDate", 'YYYY-MM') as key, d.currency, count(*) as count, sum(d."amountMinor")::text as total
    from crm.deals d
    where d."siteId" = ${site} and d.status = 'won' and d."actualCloseDate" between ${from}::date and ${to}::date
    group by 1, 2 order by 1, 2`;
  const activityRows = await crm.tx.$queryRaw<{ member: string | null; type: string; count: bigint }[]>`
    select a."createdById" as member, a.type::text as type, count(*) as count
    from crm.activities a
    where a."siteId" = ${site} and (a."occurredAt" at time zone ${crm.site.timeZone})::date between ${from}::date and ${to}::date
    group by 1, 2 order by 1, 2`;

  const closedBy = fold(closed);
  const won = closedBy.get('won')?.count ?? 0;
  const lost = closedBy.get('lost')?.count ?? 0;
  const members = new Map<string | null, { total: number; byType: Record<string, number> }>();
  for (const r of activityRows) {
    const m = members.get(r.member) ?? { total: 0, byType: {} };
    m.total += Number(r.count);
    m.byType[r.type] = Number(r.count);
    members.set(r.member, m);
  }
  const months = (start: string, count: number) => Array.from({ length: count }, (_, i) => addMonths(start, i).slice(0, 7));
  const forecast = fold(forecastRows);
  const wonBy = fold(wonMonths);
  const span = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  return {
    period: { from, to },
    pipelineValue: {
      pipelineId: pipeline.id,
      stages: pipeline.stages.map((s) => ({ stage: toStage(s), ...(sums.get(s.id) ?? { count: 0, total: [], weighted: [] }) })),
    },
    forecast: months(today, 6).map((month) => ({ month, ...(forecast.get(month) ?? { count: 0, total: [], weighted: [] }) })),
    winRate: { won, lost, rate: won + lost > 0 ? won / (won + lost) : null, wonValue: closedBy.get('won')?.total ?? [] },
    wonPerMonth: months(from, Math.min(span, 36)).map((month) => {
      const e = wonBy.get(month);
      return { month, count: e?.count ?? 0, total: e?.total ?? [] };
    }),
    activitiesPerMember: [...members.entries()].map(([memberId, m]) => ({ memberId, ...m })).sort((a, b) => b.total - a.total),
  };
}
