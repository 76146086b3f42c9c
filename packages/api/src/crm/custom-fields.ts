// Custom fields: defined per site and entity, stored in each record's `customFields` (jsonb) by
// key, validated on every write like the built-in fields, and usable in filters, sorts, import
// and export. Values are stored normalised (E.164 phones, lowercased emails, ISO dates, money
// as { amountMinor, currency }), so filters and sorts compare like with like.
import type { CrmCustomField } from '@dramac/db';
import { z } from 'zod';
import { conflict, isUniqueViolation, notFound, validationError } from '../errors.ts';
import { currencyCode, minorUnits, parseAmount } from '../lib/money.ts';
import { id } from '../trpc.ts';
import { parseInput } from './crm.schemas.ts';
import type { Crm } from './crm-tx.ts';
import { PHONE_HINT, toE164 } from './phone.ts';

export const entities = ['contact', 'company', 'deal'] as const;
export type Entity = (typeof entities)[number];
export const entity = z.enum(entities);

export const fieldTypes = [
  'text',
  'number',
  'money',
  'date',
  'datetime',
  'select',
  'multi_select',
  'checkbox',
  'url',
  'email',
  'phone',
] as const;
export type FieldType = (typeof fieldTypes)[number];

const label = z.string().trim().min(1, 'Give the field a label').max(80);
const options = z.array(z.string().trim().min(1).max(100)).max(200);

export const customFieldInput = z
  .object({
    entity,
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'A key is lowercase letters, digits and _ (starting with a letter), at most 40'),
    label,
    type: z.enum(fieldTypes),
    options: options.default([]),
    required: z.boolean().default(false),
  })
  .superRefine((f, ctx) => {
    const choices = f.type === 'select' || f.type === 'multi_select';
    if (choices && f.options.length === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'List the choices' });
    if (!choices && f.options.length > 0)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only select fields have choices' });
    if (new Set(f.options).size !== f.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Choices must differ' });
  });

export const customFieldUpdate = z.object({
  fieldId: id,
  label: label.optional(),
  options: options.optional(),
  required: z.boolean().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});

export const customFieldOutput = z.object({
  id: z.string(),
  entity,
  key: z.string(),
  label: z.string(),
  type: z.enum(fieldTypes),
  options: z.array(z.string()),
  required: z.boolean(),
  position: z.number().int(),
});
export type CustomFieldOutput = z.infer<typeof customFieldOutput>;

const toOutput = (f: CrmCustomField): CustomFieldOutput => ({
  id: f.id,
  entity: f.entity,
  key: f.key,
  label: f.label,
  type: f.type,
  options: f.options,
  required: f.required,
  position: f.position,
});

export async function listCustomFields(crm: Crm, of: Entity): Promise<CustomFieldOutput[]> {
  const rows = await crm.tx.crmCustomField.findMany({
    where: { siteId: crm.site.id, entity: of },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map(toOutput);
}

export async function createCustomField(crm: Crm, raw: z.input<typeof customFieldInput>): Promise<CustomFieldOutput> {
  const input = parseInput(customFieldInput, raw);
  const count = await crm.tx.crmCustomField.count({ where: { siteId: crm.site.id, entity: input.entity } });
  if (count >= 100) throw conflict('A record type has at most 100 custom fields');
  try {
    const row = await crm.tx.crmCustomField.create({ data: { siteId: crm.site.id, ...input, position: count } });
    return toOutput(row);
  } catch (err) {
    if (isUniqueViolation(err))
      throw validationError('Key taken', [
        { path: ['key'], message: `A ${input.entity} field with the key "${input.key}" exists already` },
      ]);
    throw err;
  }
}

/** Label, choices, required and position change; key and type never do (stored values depend on them). */
export async function updateCustomField(crm: Crm, raw: z.input<typeof customFieldUpdate>): Promise<CustomFieldOutput> {
  const input = parseInput(customFieldUpdate, raw);
  const field = await crm.tx.crmCustomField.findFirst({ where: { id: input.fieldId, siteId: crm.site.id } });
  if (!field) throw notFound('Custom field');
  if (input.options && field.type !== 'select' && field.type !== 'multi_select') {
    throw validationError('Only select fields have choices', [{ path: ['options'], message: 'Only select fields have choices' }]);
  }
  const { fieldId, ...data } = input;
  return toOutput(await crm.tx.crmCustomField.update({ where: { id: fieldId }, data }));
}

const TABLE = { contact: 'contacts', company: 'companies', deal: 'deals' } as const;

/** Deletes the definition and its value on every record of the site. */
export async function deleteCustomField(crm: Crm, fieldId: string): Promise<void> {
  const field = await crm.tx.crmCustomField.findFirst({ where: { id: fieldId, siteId: crm.site.id } });
  if (!field) throw notFound('Custom field');
  await crm.tx.crmCustomField.delete({ where: { id: field.id } });
  // the table name comes from our own map, the key is a bound parameter
  await crm.tx.$executeRawUnsafe(
    `update crm.${TABLE[field.entity]} set "customFields" = "customFields" - $1 where "siteId" = $2 and "customFields" ? $1`,
    field.key,
    crm.site.id,
  );
}

// ---- values ----
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One value of `field`, normalised; or an error message. Strings are accepted for every type (CSV). */
export function normaliseValue(
  field: Pick<CrmCustomField, 'type' | 'options'>,
  value: unknown,
  locale: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const str = typeof value === 'string' ? value.trim() : null;
  const fail = (message: string) => ({ ok: false as const, message });
  switch (field.type) {
    case 'text':
      return str !== null && str.length <= 2000 ? { ok: true, value: str } : fail('Enter text (at most 2,000 characters)');
    case 'number': {
      const n = typeof value === 'number' ? value : str !== null && str !== '' ? Number(str) : Number.NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : fail('Enter a number');
    }
    case 'money': {
      const m = z.object({ amountMinor: minorUnits, currency: currencyCode }).safeParse(value);
      if (m.success) return { ok: true, value: m.data };
      // "1250.00 EUR" from a CSV cell
      const parts = str?.match(/^(.*?)\s*([A-Za-z]{3})$/);
      const currency = parts ? currencyCode.safeParse(parts[2]) : null;
      const amount = parts && currency?.success ? parseAmount(parts[1] ?? '', currency.data) : null;
      return amount !== null && currency?.success
        ? { ok: true, value: { amountMinor: amount, currency: currency.data } }
        : fail('Enter an amount in minor units with its currency ({ amountMinor: 1250, currency: "EUR" } or "12.50 EUR")');
    }
    case 'date':
      return str !== null && DATE.test(str) && !Number.isNaN(Date.parse(`${str}T00:00:00Z`))
        ? { ok: true, value: str }
        : fail('Enter a date as YYYY-MM-DD');
    case 'datetime': {
      const d = str !== null ? new Date(str) : value instanceof Date ? value : null;
      return d && !Number.isNaN(d.getTime()) && (str === null || /^\d{4}-\d{2}-\d{2}T/.test(str))
        ? { ok: true, value: d.toISOString() }
        : fail('Enter a date and time in ISO 8601 (2026-11-23T09:30:00Z)');
    }
    case 'select':
      return str !== null && field.options.includes(str)
        ? { ok: true, value: str }
        : fail(`Choose one of: ${field.options.join(', ')}`);
    case 'multi_select': {
      const list = Array.isArray(value) ? value : str !== null ? str.split(/\s*[;|]\s*/).filter(Boolean) : null;
      return list?.every((v) => typeof v === 'string' && field.options.includes(v))
        ? { ok: true, value: [...new Set(list as string[])] }
        : fail(`Choose from: ${field.options.join(', ')}`);
    }
    case 'checkbox': {
      if (typeof value === 'boolean') return { ok: true, value };
      const t = str?.toLowerCase();
      if (t && ['true', 'yes', '1', 'x'].includes(t)) return { ok: true, value: true };
      if (t !== undefined && ['false', 'no', '0', ''].includes(t)) return { ok: true, value: false };
      return fail('Enter true or false');
    }
    case 'url':
      return str !== null &&
        z
          .url({ protocol: /^https?$/ })
          .max(2000)
          .safeParse(str).success
        ? { ok: true, value: str }
        : fail('Enter a web address starting with http:// or https://');
    case 'email':
      return str !== null && z.email().safeParse(str).success
        ? { ok: true, value: str.toLowerCase() }
        : fail('Enter an email address');
    case 'phone': {
      const e164 = str !== null ? toE164(str, locale) : null;
      return e164 ? { ok: true, value: e164 } : fail(PHONE_HINT);
    }
  }
}

/**
 * Checks `input` (a record's custom values, or the ones an update changes) against the site's
 * definitions: unknown keys and bad values are field errors at `customFields.<key>`; null clears
 * a value. `current` is the record's stored values (for updates), against which required fields
 * are checked. Returns the complete new set.
 */
export function checkCustomValues(
  defs: Pick<CrmCustomField, 'key' | 'label' | 'type' | 'options' | 'required'>[],
  input: Record<string, unknown> | undefined,
  current: Record<string, unknown>,
  locale: string,
  path: PropertyKey[] = ['customFields'],
): { values: Record<string, unknown>; problems: { path: PropertyKey[]; message: string }[] } {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const values: Record<string, unknown> = { ...current };
  const problems: { path: PropertyKey[]; message: string }[] = [];
  for (const [key, raw] of Object.entries(input ?? {})) {
    const def = byKey.get(key);
    if (!def) {
      problems.push({ path: [...path, key], message: `There is no custom field "${key}"` });
      continue;
    }
    if (raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) {
      delete values[key];
      continue;
    }
    const r = normaliseValue(def, raw, locale);
    if (r.ok) values[key] = r.value;
    else problems.push({ path: [...path, key], message: r.message });
  }
  for (const def of defs) {
    if (def.required && values[def.key] === undefined && !problems.some((p) => p.path[path.length] === def.key)) {
      problems.push({ path: [...path, def.key], message: `${def.label} is required` });
    }
  }
  return { values, problems };
}

export async function customDefs(crm: Crm, of: Entity) {
  return crm.tx.crmCustomField.findMany({ where: { siteId: crm.site.id, entity: of }, orderBy: { position: 'asc' } });
}
