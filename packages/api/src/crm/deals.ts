// Deals: an amount of exact money moving through a pipeline's stages. The probability comes
// from the stage unless the deal overrides it; the weighted value is amount × probability,
// rounded half away from zero to the minor unit. Every stage change is recorded with its time
// and who made it; a won or lost stage closes the deal.
import type { CrmDeal, CrmPipeline, CrmStage, Prisma } from '@dramac/db';
import { z } from 'zod';
import { notFound, validationError } from '../errors.ts';
import { currencyCode, minorUnits, share, toMinorUnits } from '../lib/money.ts';
import { dateTime } from '../lib/schemas.ts';
import { id } from '../trpc.ts';
import { throwProblems } from './contacts.ts';
import type { DealPayload } from './crm.events.ts';
import { customValues, dayInput, optionalText, parseInput, tags, timestamps } from './crm.schemas.ts';
import type { Crm } from './crm-tx.ts';
import { checkCustomValues, customDefs } from './custom-fields.ts';
import { diffFields, recordChanges } from './field-history.ts';
import { ensureDefaultPipeline } from './pipelines.ts';

const dealShape = {
  name: z.string().trim().min(1, 'Name the deal').max(200),
  pipelineId: id,
  stageId: id,
  amount: z.object({ amountMinor: minorUnits.min(0, 'An amount cannot be negative'), currency: currencyCode }),
  probabilityOverride: z.number().int('A whole percentage').min(0).max(100).nullable(),
  closeReason: optionalText(500),
  expectedCloseDate: dayInput.nullable(),
  ownerId: id.nullable(),
  contactId: id.nullable(),
  companyId: id.nullable(),
  tags,
  customFields: customValues,
};

export const dealInput = z.object({
  ...dealShape,
  /** the default pipeline when omitted */
  pipelineId: id.optional(),
  /** the pipeline's first stage when omitted */
  stageId: id.optional(),
  /** 0 in the site's currency when omitted */
  amount: dealShape.amount.optional(),
  probabilityOverride: dealShape.probabilityOverride.optional(),
  expectedCloseDate: dealShape.expectedCloseDate.optional(),
  ownerId: dealShape.ownerId.optional(),
  contactId: dealShape.contactId.optional(),
  companyId: dealShape.companyId.optional(),
  tags: tags.default([]),
  customFields: customValues.default({}),
});
export type DealInput = z.input<typeof dealInput>;
export const dealPatch = z.object(dealShape).omit({ pipelineId: true }).partial();
export type DealPatch = z.infer<typeof dealPatch>;

export const dealStatuses = ['open', 'won', 'lost'] as const;
const moneyOut = z.object({ amountMinor: z.number().int(), currency: z.string() });

export const dealOutput = z.object({
  id: z.string(),
  name: z.string(),
  pipelineId: z.string(),
  stageId: z.string(),
  stageName: z.string(),
  amount: moneyOut,
  probability: z.number().int(),
  probabilityOverride: z.number().int().nullable(),
  weightedAmount: moneyOut,
  status: z.enum(dealStatuses),
  closeReason: z.string().nullable(),
  expectedCloseDate: z.string().nullable(),
  actualCloseDate: z.string().nullable(),
  ownerId: z.string().nullable(),
  contactId: z.string().nullable(),
  companyId: z.string().nullable(),
  tags: z.array(z.string()),
  customFields: customValues,
  stageChangedAt: dateTime(),
  /** open, and in its stage longer than the pipeline's rotting days */
  rotting: z.boolean(),
  ...timestamps,
});
export type DealOutput = z.infer<typeof dealOutput>;

export type DealRow = CrmDeal & { stage: CrmStage; pipeline: CrmPipeline };
export const withStage = { stage: true, pipeline: true } satisfies Prisma.CrmDealInclude;

const DAY = 86_400_000;
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function isRotting(d: { status: string; stageChangedAt: Date }, rottingDays: number | null, now = Date.now()) {
  return d.status === 'open' && rottingDays !== null && now - d.stageChangedAt.getTime() > rottingDays * DAY;
}

export function toDeal(d: DealRow): DealOutput {
  const probability = d.probabilityOverride ?? d.stage.probability;
  return {
    id: d.id,
    name: d.name,
    pipelineId: d.pipelineId,
    stageId: d.stageId,
    stageName: d.stage.name,
    amount: { amountMinor: toMinorUnits(d.amountMinor), currency: d.currency },
    probability,
    probabilityOverride: d.probabilityOverride,
    weightedAmount: { amountMinor: toMinorUnits(share(d.amountMinor, probability, 100)), currency: d.currency },
    status: d.status,
    closeReason: d.closeReason,
    expectedCloseDate: isoDay(d.expectedCloseDate),
    actualCloseDate: isoDay(d.actualCloseDate),
    ownerId: d.ownerId,
    contactId: d.contactId,
    companyId: d.companyId,
    tags: d.tags,
    customFields: (d.customFields ?? {}) as Record<string, unknown>,
    stageChangedAt: d.stageChangedAt,
    rotting: isRotting(d, d.pipeline.rottingDays),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export const dealPayload = (d: DealOutput): DealPayload => ({
  id: d.id,
  name: d.name,
  pipelineId: d.pipelineId,
  stageId: d.stageId,
  amount: d.amount,
  probability: d.probability,
  status: d.status,
  closeReason: d.closeReason,
  expectedCloseDate: d.expectedCloseDate,
  ownerId: d.ownerId,
  contactId: d.contactId,
  companyId: d.companyId,
});

type Problem = { path: PropertyKey[]; message: string };

/** Today in the site's time zone, as the date a deal closed. */
export function siteToday(timeZone: string, now = new Date()): Date {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return new Date(`${day}T00:00:00Z`);
}

/** What a stage's type does to a deal's status and close date. */
function closing(stage: CrmStage, timeZone: string) {
  if (stage.type === 'open') return { status: 'open' as const, actualCloseDate: null };
  return { status: stage.type, actualCloseDate: siteToday(timeZone) };
}

async function checkDealLinks(
  crm: Crm,
  input: { contactId?: string | null; companyId?: string | null; ownerId?: string | null },
  problems: Problem[],
) {
  if (input.contactId && !(await crm.tx.crmContact.count({ where: { id: input.contactId, siteId: crm.site.id } }))) {
    problems.push({ path: ['contactId'], message: 'No such contact on this site' });
  }
  if (input.companyId && !(await crm.tx.crmCompany.count({ where: { id: input.companyId, siteId: crm.site.id } }))) {
    problems.push({ path: ['companyId'], message: 'No such company on this site' });
  }
  if (input.ownerId && !(await crm.isMember(input.ownerId))) {
    problems.push({ path: ['ownerId'], message: 'The owner must be a member of the agency' });
  }
}

function wonNeedsAmount(stage: CrmStage, amountMinor: bigint | number, problems: Problem[]) {
  if (stage.type === 'won' && BigInt(amountMinor) === 0n) {
    problems.push({ path: ['amount', 'amountMinor'], message: 'A deal needs an amount before it can be won' });
  }
}

export async function findDeal(crm: Crm, dealId: string): Promise<DealRow> {
  const d = await crm.tx.crmDeal.findFirst({ where: { id: dealId, siteId: crm.site.id }, include: withStage });
  if (!d) throw notFound('Deal');
  return d;
}
export const getDeal = async (crm: Crm, dealId: string) => toDeal(await findDeal(crm, dealId));

export const searchTextOf = (name: string) => name.toLowerCase();

export async function createDeal(crm: Crm, raw: DealInput): Promise<DealOutput> {
  const input = parseInput(dealInput, raw);
  const problems: Problem[] = [];
  const pipelineId = input.pipelineId ?? (await ensureDefaultPipeline(crm)).id;
  const stages = await crm.tx.crmStage.findMany({ where: { pipelineId, siteId: crm.site.id }, orderBy: { position: 'asc' } });
  if (stages.length === 0)
    throw validationError('No such pipeline', [{ path: ['pipelineId'], message: 'No such pipeline on this site' }]);
  const stage = input.stageId ? stages.find((s) => s.id === input.stageId) : stages[0];
  if (!stage) throw validationError('No such stage', [{ path: ['stageId'], message: 'This stage is not part of the pipeline' }]);
  const amount = input.amount ?? { amountMinor: 0, currency: crm.site.currency };
  wonNeedsAmount(stage, amount.amountMinor, problems);
  await checkDealLinks(crm, input, problems);
  const custom = checkCustomValues(await customDefs(crm, 'deal'), input.customFields, {}, crm.site.locale);
  problems.push(...custom.problems);
  throwProblems(problems, 'deal');
  const { amount: _a, customFields: _c, expectedCloseDate, pipelineId: _p, stageId: _s, ...fields } = input;
  const row = await crm.tx.crmDeal.create({
    data: {
      ...fields,
      siteId: crm.site.id,
      pipelineId,
      stageId: stage.id,
      amountMinor: BigInt(amount.amountMinor),
      currency: amount.currency,
      expectedCloseDate: expectedCloseDate ? new Date(`${expectedCloseDate}T00:00:00Z`) : null,
      customFields: custom.values as Prisma.InputJsonObject,
      searchText: searchTextOf(input.name),
      ...closing(stage, crm.site.timeZone),
      stageChanges: { create: { siteId: crm.site.id, toStageId: stage.id, changedById: crm.actorId } },
    },
    include: withStage,
  });
  const deal = toDeal(row);
  crm.emit('crm.deal.created', { deal: dealPayload(deal) });
  if (deal.status === 'won') crm.emit('crm.deal.won', { deal: dealPayload(deal) });
  if (deal.status === 'lost') crm.emit('crm.deal.lost', { deal: dealPayload(deal) });
  return deal;
}

/**
 * Moves a deal to another stage of its pipeline (the board's drag and drop): records who moved
 * it when, opens or closes it by the stage's type, and announces stage_changed (+ won or lost).
 */
export async function moveDeal(crm: Crm, dealId: string, stageId: string, closeReason?: string | null): Promise<DealOutput> {
  const before = await findDeal(crm, dealId);
  if (before.stageId === stageId) return toDeal(before);
  const stage = await crm.tx.crmStage.findFirst({ where: { id: stageId, siteId: crm.site.id } });
  if (!stage) throw notFound('Stage');
  if (stage.pipelineId !== before.pipelineId) {
    throw validationError('No such stage', [{ path: ['stageId'], message: 'This stage is not part of the deal’s pipeline' }]);
  }
  const problems: Problem[] = [];
  wonNeedsAmount(stage, before.amountMinor, problems);
  throwProblems(problems, 'deal');
  const close = closing(stage, crm.site.timeZone);
  const row = await crm.tx.crmDeal.update({
    where: { id: dealId },
    data: {
      stageId,
      stageChangedAt: new Date(),
      ...close,
      closeReason: stage.type === 'open' ? null : (closeReason ?? before.closeReason),
      stageChanges: {
        create: { siteId: crm.site.id, fromStageId: before.stageId, toStageId: stageId, changedById: crm.actorId },
      },
    },
    include: withStage,
  });
  const deal = toDeal(row);
  await recordChanges(crm, 'deal', dealId, [{ field: 'stage', old: before.stage.name, new: stage.name }]);
  crm.emit('crm.deal.stage_changed', { deal: dealPayload(deal), fromStageId: before.stageId, toStageId: stageId });
  if (close.status !== before.status && close.status === 'won') crm.emit('crm.deal.won', { deal: dealPayload(deal) });
  if (close.status !== before.status && close.status === 'lost') crm.emit('crm.deal.lost', { deal: dealPayload(deal) });
  return deal;
}

export async function updateDeal(crm: Crm, dealId: string, raw: DealPatch): Promise<DealOutput> {
  const patch = parseInput(dealPatch, raw);
  const { stageId, ...rest } = patch;
  if (stageId) await moveDeal(crm, dealId, stageId, patch.closeReason);
  const beforeRow = await findDeal(crm, dealId);
  const before = toDeal(beforeRow);
  const problems: Problem[] = [];
  if (rest.amount) wonNeedsAmount(beforeRow.stage, rest.amount.amountMinor, problems);
  await checkDealLinks(crm, rest, problems);
  const custom = checkCustomValues(await customDefs(crm, 'deal'), rest.customFields, before.customFields, crm.site.locale);
  problems.push(...custom.problems);
  throwProblems(problems, 'deal');
  const { amount, customFields: _c, expectedCloseDate, ...fields } = rest;
  const row = await crm.tx.crmDeal.update({
    where: { id: dealId },
    data: {
      ...fields,
      ...(amount ? { amountMinor: BigInt(amount.amountMinor), currency: amount.currency } : {}),
      ...(expectedCloseDate !== undefined
        ? { expectedCloseDate: expectedCloseDate ? new Date(`${expectedCloseDate}T00:00:00Z`) : null }
        : {}),
      ...(fields.name ? { searchText: searchTextOf(fields.name) } : {}),
      customFields: custom.values as Prisma.InputJsonObject,
    },
    include: withStage,
  });
  const after = toDeal(row);
  const keys = Object.keys(rest) as (keyof DealOutput)[];
  const changes = diffFields(before, Object.fromEntries(keys.map((k) => [k, after[k]])));
  await recordChanges(crm, 'deal', dealId, changes);
  if (changes.length > 0) crm.emit('crm.deal.updated', { deal: dealPayload(after), changes });
  return after;
}

export async function deleteDeals(crm: Crm, ids: string[]): Promise<number> {
  const rows = await crm.tx.crmDeal.findMany({ where: { id: { in: ids }, siteId: crm.site.id }, include: withStage });
  if (rows.length === 0) return 0;
  const found = rows.map((r) => r.id);
  await crm.tx.crmSegmentMember.deleteMany({ where: { recordId: { in: found } } });
  await crm.tx.crmFieldChange.deleteMany({ where: { entity: 'deal', recordId: { in: found } } });
  await crm.tx.crmDeal.deleteMany({ where: { id: { in: found } } });
  for (const r of rows) crm.emit('crm.deal.deleted', { deal: dealPayload(toDeal(r)) });
  return rows.length;
}

export async function deleteDeal(crm: Crm, dealId: string): Promise<void> {
  if ((await deleteDeals(crm, [dealId])) === 0) throw notFound('Deal');
}

export const dealBulkChange = z
  .object({ ownerId: id.nullable().optional(), addTags: tags.optional(), removeTags: tags.optional() })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'Choose a change to make');

export async function bulkUpdateDeals(crm: Crm, ids: string[], change: z.infer<typeof dealBulkChange>): Promise<number> {
  const rows = await crm.tx.crmDeal.findMany({
    where: { id: { in: ids }, siteId: crm.site.id },
    select: { id: true, tags: true },
  });
  for (const r of rows) {
    const patch: DealPatch = {};
    if (change.ownerId !== undefined) patch.ownerId = change.ownerId;
    if (change.addTags || change.removeTags) {
      patch.tags = [...new Set([...r.tags, ...(change.addTags ?? [])])].filter((t) => !change.removeTags?.includes(t));
    }
    await updateDeal(crm, r.id, patch);
  }
  return rows.length;
}
