// Field history: every change of a record's fields is kept (who, when, old → new) and shown on
// the record's timeline. Custom fields appear as `custom.<key>`.
import { Prisma } from '@dramac/db';
import type { Crm } from './crm-tx.ts';
import type { Entity } from './custom-fields.ts';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** JSON-comparable: dates as ISO strings, bigints as numbers, undefined as null. */
export function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return Number(v);
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(plain(a)) === JSON.stringify(plain(b));

/** The fields of `after` whose value differs from `before` (custom values compared key by key). */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(after)) {
    if (field === 'customFields') {
      const b = (before.customFields ?? {}) as Record<string, unknown>;
      const a = (value ?? {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
        if (!same(b[key], a[key])) changes.push({ field: `custom.${key}`, old: plain(b[key]), new: plain(a[key]) });
      }
    } else if (!same(before[field], value)) {
      changes.push({ field, old: plain(before[field]), new: plain(value) });
    }
  }
  return changes;
}

export async function recordChanges(crm: Crm, entity: Entity, recordId: string, changes: FieldChange[]): Promise<void> {
  if (changes.length === 0) return;
  await crm.tx.crmFieldChange.createMany({
    data: changes.map((c) => ({
      siteId: crm.site.id,
      entity,
      recordId,
      field: c.field,
      oldValue: c.old === null ? Prisma.DbNull : (c.old as Prisma.InputJsonValue),
      newValue: c.new === null ? Prisma.DbNull : (c.new as Prisma.InputJsonValue),
      changedById: crm.actorId,
    })),
  });
}
