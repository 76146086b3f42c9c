// One timeline per contact, company and deal: its activities, every field change (who, when,
// old → new) and, for deals, every stage change. Newest first, paged by a (time, id) cursor.
import { z } from 'zod';
import { badRequest, notFound } from '../errors.ts';
import { dateTime } from '../lib/schemas.ts';
import { activityOutput, toActivity } from './activities.ts';
import type { Crm } from './crm-tx.ts';
import type { Entity } from './custom-fields.ts';

export const timelineItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('activity'), id: z.string(), at: dateTime(), activity: activityOutput }),
  z.object({
    kind: z.literal('change'),
    id: z.string(),
    at: dateTime(),
    field: z.string(),
    old: z.unknown(),
    new: z.unknown(),
    byId: z.string().nullable(),
  }),
]);
export type TimelineItem = z.infer<typeof timelineItem>;
export const timelinePage = z.object({ items: z.array(timelineItem), nextCursor: z.string().nullable() });

const encode = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
function decode(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    const d = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(d.getTime())) throw new Error('bad');
    return { at: d, id };
  } catch {
    throw badRequest('The cursor is not one this list gave out');
  }
}

/** Items strictly older than the cursor in (time desc, id desc) order. */
const olderThan = (field: string, c: { at: Date; id: string } | null) =>
  c ? { OR: [{ [field]: { lt: c.at } }, { [field]: c.at, id: { lt: c.id } }] } : {};

export async function timeline(
  crm: Crm,
  of: Entity,
  recordId: string,
  limit: number,
  cursor?: string,
): Promise<z.infer<typeof timelinePage>> {
  const c = cursor ? decode(cursor) : null;
  const where = { id: recordId, siteId: crm.site.id };
  const exists =
    of === 'contact'
      ? await crm.tx.crmContact.count({ where })
      : of === 'company'
        ? await crm.tx.crmCompany.count({ where })
        : await crm.tx.crmDeal.count({ where });
  if (!exists) throw notFound(of === 'contact' ? 'Contact' : of === 'company' ? 'Company' : 'Deal');
  const link = of === 'contact' ? { contactId: recordId } : of === 'company' ? { companyId: recordId } : { dealId: recordId };
  // one after the other: a transaction is one connection
  const activities = await crm.tx.crmActivity.findMany({
    where: { siteId: crm.site.id, ...link, ...olderThan('occurredAt', c) },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const changes = await crm.tx.crmFieldChange.findMany({
    where: { siteId: crm.site.id, entity: of, recordId, ...olderThan('changedAt', c) },
    orderBy: [{ changedAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const now = new Date();
  const items: TimelineItem[] = [
    ...activities.map((a) => ({ kind: 'activity' as const, id: a.id, at: a.occurredAt, activity: toActivity(a, now) })),
    ...changes.map((ch) => ({
      kind: 'change' as const,
      id: ch.id,
      at: ch.changedAt,
      field: ch.field,
      old: ch.oldValue,
      new: ch.newValue,
      byId: ch.changedById,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1));
  const page = items.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: items.length > limit && last ? encode(last.at, last.id) : null };
}
