// Segments (saved rule filters plus static members; any list takes `segmentId`) and saved views
// (a member's own filters, sort and columns for a list).
import type { CrmSavedView, CrmSegment } from '@dramac/db';
import { z } from 'zod';
import { notFound, validationError } from '../errors.ts';
import { id } from '../trpc.ts';
import { parseInput, recordIds } from './crm.schemas.ts';
import type { Crm } from './crm-tx.ts';
import { type Entity, entity } from './custom-fields.ts';
import { type Condition, condition, filterSql, TABLES } from './list-query.ts';

const name = z.string().trim().min(1, 'Give it a name').max(100);
const filters = z.array(condition).max(20, 'At most 20 conditions');

export const segmentInput = z.object({ entity, name, filters: filters.default([]) });
export const segmentPatch = z.object({ segmentId: id, name: name.optional(), filters: filters.optional() });
export const segmentOutput = z.object({
  id: z.string(),
  entity,
  name: z.string(),
  filters: z.array(condition),
  staticCount: z.number().int(),
});
export type SegmentOutput = z.infer<typeof segmentOutput>;

const toSegment = (s: CrmSegment & { _count: { members: number } }): SegmentOutput => ({
  id: s.id,
  entity: s.entity,
  name: s.name,
  filters: s.filters as Condition[],
  staticCount: s._count.members,
});
const counted = { _count: { select: { members: true } } } as const;

/** Rules are checked against the site's fields now, so a saved segment never fails later. */
async function checkRules(crm: Crm, of: Entity, rules: Condition[]) {
  const problems: { path: PropertyKey[]; message: string }[] = [];
  await filterSql(crm, of, rules, problems);
  if (problems.length > 0)
    throw validationError(
      'The rules have errors',
      problems.map((p) => ({ ...p, path: ['filters', ...p.path.slice(1)] })),
    );
}

export async function listSegments(crm: Crm, of?: Entity): Promise<SegmentOutput[]> {
  const rows = await crm.tx.crmSegment.findMany({
    where: { siteId: crm.site.id, ...(of ? { entity: of } : {}) },
    orderBy: { name: 'asc' },
    include: counted,
  });
  return rows.map(toSegment);
}

export async function createSegment(crm: Crm, raw: z.input<typeof segmentInput>): Promise<SegmentOutput> {
  const input = parseInput(segmentInput, raw);
  await checkRules(crm, input.entity, input.filters);
  const row = await crm.tx.crmSegment.create({
    data: { siteId: crm.site.id, entity: input.entity, name: input.name, filters: input.filters, createdById: crm.actorId },
    include: counted,
  });
  return toSegment(row);
}

async function findSegment(crm: Crm, segmentId: string) {
  const s = await crm.tx.crmSegment.findFirst({ where: { id: segmentId, siteId: crm.site.id } });
  if (!s) throw notFound('Segment');
  return s;
}

export async function updateSegment(crm: Crm, raw: z.input<typeof segmentPatch>): Promise<SegmentOutput> {
  const input = parseInput(segmentPatch, raw);
  const s = await findSegment(crm, input.segmentId);
  if (input.filters) await checkRules(crm, s.entity, input.filters);
  const row = await crm.tx.crmSegment.update({
    where: { id: s.id },
    data: { name: input.name, filters: input.filters },
    include: counted,
  });
  return toSegment(row);
}

export async function deleteSegment(crm: Crm, segmentId: string): Promise<void> {
  await crm.tx.crmSegment.delete({ where: { id: (await findSegment(crm, segmentId)).id } });
}

export const membersInput = z.object({ segmentId: id, recordIds, remove: z.boolean().default(false) });

/** Adds (or removes) static members; ids that are not the segment's kind of record on this site are refused. */
export async function setSegmentMembers(crm: Crm, raw: z.input<typeof membersInput>): Promise<SegmentOutput> {
  const input = parseInput(membersInput, raw);
  const s = await findSegment(crm, input.segmentId);
  if (input.remove) {
    await crm.tx.crmSegmentMember.deleteMany({ where: { segmentId: s.id, recordId: { in: input.recordIds } } });
  } else {
    const found = await crm.tx.$queryRawUnsafe<{ id: string }[]>(
      `select id from ${TABLES[s.entity]} where "siteId" = $1 and id = any($2::text[])`,
      crm.site.id,
      input.recordIds,
    );
    const known = new Set(found.map((f) => f.id));
    const missing = input.recordIds.findIndex((r) => !known.has(r));
    if (missing >= 0)
      throw validationError(`No such ${s.entity} on this site`, [
        { path: ['recordIds', missing], message: `No such ${s.entity} on this site` },
      ]);
    await crm.tx.crmSegmentMember.createMany({
      data: input.recordIds.map((recordId) => ({ siteId: crm.site.id, segmentId: s.id, recordId })),
      skipDuplicates: true,
    });
  }
  return toSegment(await crm.tx.crmSegment.findUniqueOrThrow({ where: { id: s.id }, include: counted }));
}

// ---- saved views ----
export const viewInput = z.object({
  entity,
  name,
  filter: z.string().max(8000).default('[]'),
  sort: z.string().trim().max(300).default(''),
  columns: z.array(z.string().max(60)).max(40).default([]),
});
export const viewOutput = z.object({
  id: z.string(),
  entity,
  name: z.string(),
  filter: z.string(),
  sort: z.string(),
  columns: z.array(z.string()),
});
type ViewOutput = z.infer<typeof viewOutput>;

const toView = (v: CrmSavedView): ViewOutput => ({
  id: v.id,
  entity: v.entity,
  name: v.name,
  filter: JSON.stringify(v.filters),
  sort: (v.sort as string[]).join(','),
  columns: v.columns,
});

/** A member's own views: nobody else sees or changes them. */
export async function listViews(crm: Crm, of: Entity): Promise<ViewOutput[]> {
  if (!crm.actorId) return [];
  const rows = await crm.tx.crmSavedView.findMany({
    where: { siteId: crm.site.id, userId: crm.actorId, entity: of },
    orderBy: { name: 'asc' },
  });
  return rows.map(toView);
}

export async function saveView(crm: Crm, raw: z.input<typeof viewInput> & { viewId?: string }): Promise<ViewOutput> {
  const input = parseInput(viewInput, raw);
  if (!crm.actorId) throw validationError('Views belong to members', [{ path: ['name'], message: 'Sign in to save a view' }]);
  const conditions = parseInput(
    z
      .string()
      .transform((t, ctx) => {
        try {
          return JSON.parse(t) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'The filter is JSON' });
          return z.NEVER;
        }
      })
      .pipe(filters),
    input.filter,
  );
  await checkRules(crm, input.entity, conditions);
  const data = { name: input.name, filters: conditions, sort: input.sort.split(',').filter(Boolean), columns: input.columns };
  if (raw.viewId) {
    const existing = await crm.tx.crmSavedView.findFirst({ where: { id: raw.viewId, siteId: crm.site.id, userId: crm.actorId } });
    if (!existing) throw notFound('View');
    return toView(await crm.tx.crmSavedView.update({ where: { id: existing.id }, data }));
  }
  return toView(
    await crm.tx.crmSavedView.create({ data: { ...data, siteId: crm.site.id, userId: crm.actorId, entity: input.entity } }),
  );
}

export async function deleteView(crm: Crm, viewId: string): Promise<void> {
  const { count } = await crm.tx.crmSavedView.deleteMany({
    where: { id: viewId, siteId: crm.site.id, userId: crm.actorId ?? '' },
  });
  if (count === 0) throw notFound('View');
}
