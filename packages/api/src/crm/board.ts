// The pipeline board: a pipeline's stages with their deals (most recently moved first, a page per
// stage), each stage's count, total and weighted total per currency, exact. Weighted values round
// each deal half up to the minor unit before summing, as a deal's own weighted value does.
import { Prisma } from '@dramac/db';
import { z } from 'zod';
import { toMinorUnits } from '../lib/money.ts';
import type { Crm } from './crm-tx.ts';
import { type DealOutput, dealOutput, toDeal, withStage } from './deals.ts';
import { inOrder } from './list-query.ts';
import { ensureDefaultPipeline, findPipeline, pipelineOutput, stageOutput, toStage } from './pipelines.ts';

const moneySum = z.object({ currency: z.string(), amountMinor: z.number().int() });
export const stageTotals = z.object({ count: z.number().int(), total: z.array(moneySum), weighted: z.array(moneySum) });
export const boardOutput = z.object({
  pipeline: pipelineOutput,
  stages: z.array(stageTotals.extend({ stage: stageOutput, deals: z.array(dealOutput) })),
});
export type BoardOutput = z.infer<typeof boardOutput>;
type Totals = z.infer<typeof stageTotals>;

/** Count, total and weighted total per stage (and currency) of a pipeline's deals matching `where`. */
export async function stageSums(crm: Crm, pipelineId: string, where: Prisma.Sql = Prisma.empty): Promise<Map<string, Totals>> {
  const rows = await crm.tx.$queryRaw<{ stageId: string; currency: string; count: bigint; total: string; weighted: string }[]>`
    select d."stageId", d.currency, count(*) as count, sum(d."amountMinor")::text as total,
           sum((d."amountMinor" * coalesce(d."probabilityOverride", s.probability) + 50) / 100)::text as weighted
    from crm.deals d join crm.stages s on s.id = d."stageId"
    where d."siteId" = ${crm.site.id} and d."pipelineId" = ${pipelineId} ${where}
    group by d."stageId", d.currency
    order by d.currency`;
  const byStage = new Map<string, Totals>();
  for (const r of rows) {
    const t = byStage.get(r.stageId) ?? { count: 0, total: [], weighted: [] };
    t.count += Number(r.count);
    t.total.push({ currency: r.currency, amountMinor: toMinorUnits(BigInt(r.total)) });
    t.weighted.push({ currency: r.currency, amountMinor: toMinorUnits(BigInt(r.weighted)) });
    byStage.set(r.stageId, t);
  }
  return byStage;
}

export async function board(crm: Crm, pipelineId: string | undefined, perStage: number): Promise<BoardOutput> {
  const pipeline = pipelineId
    ? await findPipeline(crm, pipelineId)
    : await findPipeline(crm, (await ensureDefaultPipeline(crm)).id);
  const sums = await stageSums(crm, pipeline.id);
  const top = await crm.tx.$queryRaw<{ id: string }[]>`
      select id from (
        select id, row_number() over (partition by "stageId" order by "stageChangedAt" desc, id) as n
        from crm.deals where "siteId" = ${crm.site.id} and "pipelineId" = ${pipeline.id}
      ) ranked where n <= ${perStage}`;
  const ids = top.map((r) => r.id);
  const deals = inOrder(
    ids,
    await crm.tx.crmDeal.findMany({
      where: { id: { in: ids } },
      include: withStage,
      orderBy: [{ stageChangedAt: 'desc' }, { id: 'asc' }],
    }),
  )
    .map(toDeal)
    .sort((a, b) => b.stageChangedAt.getTime() - a.stageChangedAt.getTime() || (a.id < b.id ? -1 : 1));
  const byStage = new Map<string, DealOutput[]>();
  for (const d of deals) byStage.set(d.stageId, [...(byStage.get(d.stageId) ?? []), d]);
  return {
    pipeline: {
      id: pipeline.id,
      name: pipeline.name,
      isDefault: pipeline.isDefault,
      rottingDays: pipeline.rottingDays,
      stages: pipeline.stages.map(toStage),
    },
    stages: pipeline.stages.map((s) => ({
      stage: toStage(s),
      ...(sums.get(s.id) ?? { count: 0, total: [], weighted: [] }),
      deals: byStage.get(s.id) ?? [],
    })),
  };
}
