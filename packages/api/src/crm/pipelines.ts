// Pipelines and their ordered stages. Every site with the CRM has a default pipeline (made on
// install); a stage has a colour, a win probability and a type (open, won, lost), and a
// pipeline's rotting days mark open deals that have sat in one stage too long.
import type { CrmPipeline, CrmStage } from '@dramac/db';
import { z } from 'zod';
import { conflict, notFound, validationError } from '../errors.ts';
import { id } from '../trpc.ts';
import { parseInput } from './crm.schemas.ts';
import type { Crm } from './crm-tx.ts';

export const stageTypes = ['open', 'won', 'lost'] as const;

const stageInput = z.object({
  /** an existing stage keeps its deals; without an id a stage is new */
  id: id.optional(),
  name: z.string().trim().min(1, 'Name the stage').max(80),
  color: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #22c55e')
    .default('#64748b'),
  probability: z.number().int('A whole percentage').min(0).max(100, 'From 0 to 100'),
  type: z.enum(stageTypes).default('open'),
});

const stagesInput = z
  .array(stageInput)
  .min(2, 'A pipeline needs at least two stages')
  .max(30, 'At most 30 stages')
  .superRefine((stages, ctx) => {
    if (!stages.some((s) => s.type === 'open')) ctx.addIssue({ code: 'custom', message: 'A pipeline needs an open stage' });
    const names = stages.map((s) => s.name.toLowerCase());
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'Stage names must differ' });
    });
  });

export const pipelineInput = z.object({
  name: z.string().trim().min(1, 'Name the pipeline').max(100),
  rottingDays: z.number().int().min(1).max(365).nullable().default(null),
  stages: stagesInput,
});
export const pipelinePatch = z.object({
  pipelineId: id,
  name: z.string().trim().min(1, 'Name the pipeline').max(100).optional(),
  rottingDays: z.number().int().min(1).max(365).nullable().optional(),
  isDefault: z.literal(true).optional(),
  stages: stagesInput.optional(),
  /** where the deals of removed stages go */
  moveDealsTo: z.record(z.string(), id).default({}),
});

export const stageOutput = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  color: z.string(),
  probability: z.number().int(),
  type: z.enum(stageTypes),
});
export const pipelineOutput = z.object({
  id: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  rottingDays: z.number().int().nullable(),
  stages: z.array(stageOutput),
});
export type PipelineOutput = z.infer<typeof pipelineOutput>;

export const toStage = (s: CrmStage) => ({
  id: s.id,
  name: s.name,
  position: s.position,
  color: s.color,
  probability: s.probability,
  type: s.type,
});
const toPipeline = (p: CrmPipeline & { stages: CrmStage[] }): PipelineOutput => ({
  id: p.id,
  name: p.name,
  isDefault: p.isDefault,
  rottingDays: p.rottingDays,
  stages: p.stages.map(toStage),
});
const withStages = { stages: { orderBy: { position: 'asc' as const } } };

export const DEFAULT_STAGES: z.input<typeof stageInput>[] = [
  { name: 'New lead', probability: 10, color: '#94a3b8' },
  { name: 'Qualified', probability: 25, color: '#38bdf8' },
  { name: 'Proposal sent', probability: 50, color: '#818cf8' },
  { name: 'Negotiation', probability: 75, color: '#f59e0b' },
  { name: 'Won', probability: 100, type: 'won', color: '#22c55e' },
  { name: 'Lost', probability: 0, type: 'lost', color: '#ef4444' },
];

/** The site's default pipeline, made with the usual stages when the site has none (install). */
export async function ensureDefaultPipeline(crm: Crm): Promise<PipelineOutput> {
  // two first calls at once make one pipeline: the second waits here, then finds it
  await crm.tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`crm.default-pipeline:${crm.site.id}`}))`;
  const existing = await crm.tx.crmPipeline.findFirst({ where: { siteId: crm.site.id, isDefault: true }, include: withStages });
  if (existing) return toPipeline(existing);
  const any = await crm.tx.crmPipeline.findFirst({
    where: { siteId: crm.site.id },
    orderBy: { position: 'asc' },
    include: withStages,
  });
  if (any)
    return toPipeline(await crm.tx.crmPipeline.update({ where: { id: any.id }, data: { isDefault: true }, include: withStages }));
  return createPipeline(crm, { name: 'Sales pipeline', rottingDays: 30, stages: DEFAULT_STAGES }, true);
}

export async function listPipelines(crm: Crm): Promise<PipelineOutput[]> {
  const rows = await crm.tx.crmPipeline.findMany({
    where: { siteId: crm.site.id },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    include: withStages,
  });
  return rows.map(toPipeline);
}

export async function findPipeline(crm: Crm, pipelineId: string) {
  const p = await crm.tx.crmPipeline.findFirst({ where: { id: pipelineId, siteId: crm.site.id }, include: withStages });
  if (!p) throw notFound('Pipeline');
  return p;
}

export async function createPipeline(crm: Crm, raw: z.input<typeof pipelineInput>, isDefault = false): Promise<PipelineOutput> {
  const input = parseInput(pipelineInput, raw);
  const count = await crm.tx.crmPipeline.count({ where: { siteId: crm.site.id } });
  if (count >= 20) throw conflict('A site has at most 20 pipelines');
  const p = await crm.tx.crmPipeline.create({
    data: {
      siteId: crm.site.id,
      name: input.name,
      rottingDays: input.rottingDays,
      isDefault,
      position: count,
      stages: {
        create: input.stages.map((s, position) => ({
          siteId: crm.site.id,
          name: s.name,
          color: s.color,
          probability: s.probability,
          type: s.type,
          position,
        })),
      },
    },
    include: withStages,
  });
  return toPipeline(p);
}

/**
 * Renames, sets rotting days, makes default, and replaces the stage list: stages keep their ids
 * (and deals) by id, new ones are added, and a removed stage's deals move where `moveDealsTo`
 * says (a stage of the same pipeline) or the change is refused.
 */
export async function updatePipeline(crm: Crm, raw: z.input<typeof pipelinePatch>): Promise<PipelineOutput> {
  const input = parseInput(pipelinePatch, raw);
  const pipeline = await findPipeline(crm, input.pipelineId);
  if (input.isDefault)
    await crm.tx.crmPipeline.updateMany({ where: { siteId: crm.site.id, isDefault: true }, data: { isDefault: false } });
  await crm.tx.crmPipeline.update({
    where: { id: pipeline.id },
    data: { name: input.name, rottingDays: input.rottingDays, ...(input.isDefault ? { isDefault: true } : {}) },
  });
  if (input.stages) {
    const known = new Set(pipeline.stages.map((s) => s.id));
    input.stages.forEach((s, i) => {
      if (s.id && !known.has(s.id))
        throw validationError('Unknown stage', [
          { path: ['stages', i, 'id'], message: 'This stage is not part of the pipeline' },
        ]);
    });
    const kept = new Set(input.stages.flatMap((s) => (s.id ? [s.id] : [])));
    const removed = pipeline.stages.filter((s) => !kept.has(s.id));
    // positions first moved out of the way, so the new order never collides mid-update
    await crm.tx.crmStage.updateMany({ where: { pipelineId: pipeline.id }, data: { position: { increment: 1000 } } });
    const ids: string[] = [];
    for (const [position, s] of input.stages.entries()) {
      const data = { name: s.name, color: s.color, probability: s.probability, type: s.type, position };
      const row = s.id
        ? await crm.tx.crmStage.update({ where: { id: s.id }, data })
        : await crm.tx.crmStage.create({ data: { ...data, siteId: crm.site.id, pipelineId: pipeline.id } });
      ids.push(row.id);
    }
    for (const stage of removed) {
      const deals = await crm.tx.crmDeal.count({ where: { stageId: stage.id } });
      if (deals > 0) {
        const target = input.moveDealsTo[stage.id];
        const to = target && input.stages.findIndex((s) => s.id === target);
        if (to === undefined || to === -1 || !target) {
          throw conflict(
            `The stage "${stage.name}" still has ${deals} deal${deals === 1 ? '' : 's'}: choose a stage to move them to`,
          );
        }
        await crm.tx.crmDeal.updateMany({ where: { stageId: stage.id }, data: { stageId: target, stageChangedAt: new Date() } });
      }
      await crm.tx.crmStage.delete({ where: { id: stage.id } });
    }
  }
  return toPipeline(await findPipeline(crm, pipeline.id));
}

export async function deletePipeline(crm: Crm, pipelineId: string): Promise<void> {
  const pipeline = await findPipeline(crm, pipelineId);
  if (pipeline.isDefault) throw conflict('Make another pipeline the default before deleting this one');
  const deals = await crm.tx.crmDeal.count({ where: { pipelineId } });
  if (deals > 0) throw conflict(`This pipeline still has ${deals} deal${deals === 1 ? '' : 's'}: move or delete them first`);
  await crm.tx.crmPipeline.delete({ where: { id: pipelineId } });
}
