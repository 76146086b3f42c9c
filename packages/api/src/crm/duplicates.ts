// Duplicates and merge. Contacts are alike by email (the same mailbox: case and +tags aside), by
// phone (the same E.164 number) and by name (trigram similarity); companies by name and phone.
// A merge folds two or more records into a survivor, choosing each field's value from any of
// them, moves every deal, activity, segment membership and history entry to the survivor,
// unions emails, phones and tags, and deletes the others: one transaction, one `merged` event.
import type { Prisma } from '@dramac/db';
import { z } from 'zod';
import { conflict, notFound, validationError } from '../errors.ts';
import { id } from '../trpc.ts';
import { type companyOutput, companyPayload, toCompany } from './companies.ts';
import { type contactOutput, contactPayload, displayName, searchTextOf, toContact, withChannels } from './contacts.ts';
import { parseInput } from './crm.schemas.ts';
import type { Crm } from './crm-tx.ts';
import type { Entity } from './custom-fields.ts';
import { recordChanges } from './field-history.ts';

export const duplicateReasons = ['email', 'phone', 'name'] as const;
export const duplicateCandidate = z.object({
  id: z.string(),
  name: z.string(),
  reasons: z.array(z.enum(duplicateReasons)),
});

const NAME_SIMILARITY = 0.6;

/** The mailbox an address reaches: lowercased, without a +tag (ana+news@x.test → ana@x.test). */
const mailbox = (address: string) => address.toLowerCase().replace(/\+[^@]*@/, '@');

/** Records of the site that look like `recordId`, with why. */
export async function duplicatesOf(
  crm: Crm,
  entity: 'contact' | 'company',
  recordId: string,
): Promise<z.infer<typeof duplicateCandidate>[]> {
  const site = crm.site.id;
  const found = new Map<string, { name: string; reasons: Set<(typeof duplicateReasons)[number]> }>();
  const add = (rid: string, name: string, reason: (typeof duplicateReasons)[number]) => {
    if (rid === recordId) return;
    const e = found.get(rid) ?? { name, reasons: new Set() };
    e.reasons.add(reason);
    found.set(rid, e);
  };
  if (entity === 'contact') {
    const c = await crm.tx.crmContact.findFirst({ where: { id: recordId, siteId: site }, include: withChannels });
    if (!c) throw notFound('Contact');
    const boxes = c.emails.map((e) => mailbox(e.address));
    if (boxes.length > 0) {
      const rows = await crm.tx.$queryRaw<{ id: string; firstName: string; lastName: string; email: string | null }[]>`
        select distinct c.id, c."firstName", c."lastName", c.email from crm.contact_emails e join crm.contacts c on c.id = e."contactId"
        where e."siteId" = ${site} and regexp_replace(e.normalized, '\\+[^@]*@', '@') = any(${boxes}::text[])`;
      for (const r of rows) add(r.id, displayName(r), 'email');
    }
    const numbers = c.phones.map((p) => p.number);
    if (numbers.length > 0) {
      const rows = await crm.tx.crmContactPhone.findMany({
        where: { siteId: site, number: { in: numbers } },
        include: { contact: true },
      });
      for (const r of rows) add(r.contactId, displayName(r.contact), 'phone');
    }
    const name = `${c.firstName} ${c.lastName}`.trim().toLowerCase();
    if (name.length >= 3) {
      const rows = await crm.tx.$queryRaw<{ id: string; firstName: string; lastName: string; email: string | null }[]>`
        select id, "firstName", "lastName", email from crm.contacts
        where "siteId" = ${site} and similarity(lower("firstName" || ' ' || "lastName"), ${name}) >= ${NAME_SIMILARITY}
        limit 20`;
      for (const r of rows) add(r.id, displayName(r), 'name');
    }
  } else {
    const co = await crm.tx.crmCompany.findFirst({ where: { id: recordId, siteId: site } });
    if (!co) throw notFound('Company');
    const rows = await crm.tx.$queryRaw<{ id: string; name: string }[]>`
      select id, name from crm.companies where "siteId" = ${site} and similarity(lower(name), ${co.name.toLowerCase()}) >= ${NAME_SIMILARITY} limit 20`;
    for (const r of rows) add(r.id, r.name, 'name');
    if (co.phone) {
      for (const r of await crm.tx.crmCompany.findMany({ where: { siteId: site, phone: co.phone } })) add(r.id, r.name, 'phone');
    }
  }
  return [...found.entries()].map(([rid, e]) => ({ id: rid, name: e.name, reasons: [...e.reasons].sort() }));
}

/** What a merge takes besides its survivor (the procedures name the survivor by the record's own id). */
export const mergeShape = {
  mergeIds: z.array(id).min(1, 'Choose at least one record to merge into the survivor').max(10),
  /** field → the record whose value the survivor takes (the survivor's own when omitted); custom fields as `custom.<key>` */
  fields: z.record(z.string(), id).default({}),
};

export const mergeInput = z
  .object({ survivorId: id, ...mergeShape })
  .refine((m) => !m.mergeIds.includes(m.survivorId) && new Set(m.mergeIds).size === m.mergeIds.length, {
    path: ['mergeIds'],
    message: 'Merge distinct records other than the survivor',
  });
export type MergeInput = z.input<typeof mergeInput>;

const CONTACT_FIELDS = [
  'firstName',
  'lastName',
  'jobTitle',
  'department',
  'companyId',
  'status',
  'leadStatus',
  'source',
  'sourceDetails',
  'website',
  'linkedinUrl',
  'twitterUrl',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'country',
  'ownerId',
  'leadScore',
  'lastContactedAt',
] as const;
const COMPANY_FIELDS = [
  'name',
  'domain',
  'industry',
  'website',
  'phone',
  'employeeCount',
  'annualRevenueMinor',
  'annualRevenueCurrency',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'country',
  'accountType',
  'ownerId',
] as const;

/** Each chosen field's value from its record; custom values key by key; field names checked. */
function chosenValues<R extends { id: string; customFields: Prisma.JsonValue }>(
  records: R[],
  survivor: R,
  fields: Record<string, string>,
  allowed: readonly string[],
): { data: Record<string, unknown>; custom: Record<string, unknown> } {
  const byId = new Map(records.map((r) => [r.id, r]));
  const data: Record<string, unknown> = {};
  const custom = { ...((survivor.customFields ?? {}) as Record<string, unknown>) };
  const problems: { path: PropertyKey[]; message: string }[] = [];
  for (const [field, from] of Object.entries(fields)) {
    const source = byId.get(from);
    if (!source) {
      problems.push({ path: ['fields', field], message: 'Choose one of the records being merged' });
      continue;
    }
    if (field.startsWith('custom.')) {
      const key = field.slice('custom.'.length);
      const v = ((source.customFields ?? {}) as Record<string, unknown>)[key];
      if (v === undefined) delete custom[key];
      else custom[key] = v;
    } else if (allowed.includes(field)) {
      data[field] = (source as Record<string, unknown>)[field];
      // a company's revenue travels as one field: amount and currency together
      if (field === 'annualRevenueMinor') data.annualRevenueCurrency = (source as Record<string, unknown>).annualRevenueCurrency;
    } else problems.push({ path: ['fields', field], message: `"${field}" cannot be chosen in a merge` });
  }
  // custom values the survivor lacks come from the others, first one wins
  for (const r of records) {
    for (const [k, v] of Object.entries((r.customFields ?? {}) as Record<string, unknown>))
      if (!(k in custom) && !(`custom.${k}` in fields)) custom[k] = v;
  }
  if (problems.length > 0) throw validationError('The merge choices have errors', problems);
  return { data, custom };
}

async function moveShared(crm: Crm, entity: Entity, survivorId: string, others: string[]) {
  // segment memberships: the survivor joins each segment once
  const memberships = await crm.tx.crmSegmentMember.findMany({ where: { recordId: { in: others } } });
  if (memberships.length > 0) {
    await crm.tx.crmSegmentMember.createMany({
      data: memberships.map((m) => ({ siteId: m.siteId, segmentId: m.segmentId, recordId: survivorId })),
      skipDuplicates: true,
    });
    await crm.tx.crmSegmentMember.deleteMany({ where: { recordId: { in: others } } });
  }
  await crm.tx.crmFieldChange.updateMany({ where: { entity, recordId: { in: others } }, data: { recordId: survivorId } });
}

export async function mergeContacts(crm: Crm, raw: MergeInput): Promise<z.infer<typeof contactOutput>> {
  const input = parseInput(mergeInput, raw);
  const all = [input.survivorId, ...input.mergeIds];
  const records = await crm.tx.crmContact.findMany({ where: { id: { in: all }, siteId: crm.site.id }, include: withChannels });
  if (records.length !== all.length) throw notFound('Contact');
  const survivor = records.find((r) => r.id === input.survivorId) as (typeof records)[number];
  const others = records.filter((r) => r.id !== survivor.id);
  const { data, custom } = chosenValues(records, survivor, input.fields, CONTACT_FIELDS);

  // channels: the survivor's first, then the others'; the primary email can be chosen as `email`
  const primaryFrom = input.fields.email ? records.find((r) => r.id === input.fields.email) : survivor;
  if (!primaryFrom)
    throw validationError('The merge choices have errors', [
      { path: ['fields', 'email'], message: 'Choose one of the records being merged' },
    ]);
  const emails = [...primaryFrom.emails, ...survivor.emails, ...others.flatMap((o) => o.emails)].filter(
    (e, i, list) => list.findIndex((x) => x.normalized === e.normalized) === i,
  );
  const phones = [...survivor.phones, ...others.flatMap((o) => o.phones)].filter(
    (p, i, list) => list.findIndex((x) => x.number === p.number) === i,
  );
  const tags = [...new Set(records.flatMap((r) => r.tags))];
  const otherIds = others.map((o) => o.id);

  await crm.tx.crmDeal.updateMany({ where: { contactId: { in: otherIds } }, data: { contactId: survivor.id } });
  await crm.tx.crmActivity.updateMany({ where: { contactId: { in: otherIds } }, data: { contactId: survivor.id } });
  await moveShared(crm, 'contact', survivor.id, otherIds);
  // the others go first: their email addresses are unique per site and move to the survivor
  await crm.tx.crmContact.deleteMany({ where: { id: { in: otherIds } } });
  await crm.tx.crmContactEmail.deleteMany({ where: { contactId: survivor.id } });
  await crm.tx.crmContactPhone.deleteMany({ where: { contactId: survivor.id } });
  const merged = { ...survivor, ...data } as typeof survivor;
  const row = await crm.tx.crmContact.update({
    where: { id: survivor.id },
    data: {
      ...data,
      tags,
      customFields: custom as Prisma.InputJsonObject,
      email: emails[0]?.address ?? null,
      phone: phones[0]?.number ?? null,
      searchText: searchTextOf(
        merged,
        emails.map((e) => e.normalized),
        phones.map((p) => p.number),
      ),
      emails: {
        create: emails.map((e, i) => ({ siteId: crm.site.id, address: e.address, normalized: e.normalized, isPrimary: i === 0 })),
      },
      phones: { create: phones.map((p, i) => ({ siteId: crm.site.id, number: p.number, label: p.label, isPrimary: i === 0 })) },
    },
    include: withChannels,
  });
  const contact = toContact(row);
  await recordChanges(crm, 'contact', survivor.id, [
    { field: 'merged', old: others.map((o) => displayName(o)), new: contact.name },
  ]);
  crm.emit('crm.contact.merged', { contact: contactPayload(contact), mergedIds: otherIds });
  return contact;
}

export async function mergeCompanies(crm: Crm, raw: MergeInput): Promise<z.infer<typeof companyOutput>> {
  const input = parseInput(mergeInput, raw);
  const all = [input.survivorId, ...input.mergeIds];
  const records = await crm.tx.crmCompany.findMany({ where: { id: { in: all }, siteId: crm.site.id } });
  if (records.length !== all.length) throw notFound('Company');
  const survivor = records.find((r) => r.id === input.survivorId) as (typeof records)[number];
  const otherIds = records.filter((r) => r.id !== survivor.id).map((r) => r.id);
  const { data, custom } = chosenValues(records, survivor, input.fields, COMPANY_FIELDS);
  if (
    records.some(
      (r) =>
        r.annualRevenueCurrency && survivor.annualRevenueCurrency && r.annualRevenueCurrency !== survivor.annualRevenueCurrency,
    ) &&
    !input.fields.annualRevenueMinor
  ) {
    throw conflict('These companies state revenue in different currencies: choose whose revenue to keep');
  }
  await crm.tx.crmContact.updateMany({ where: { companyId: { in: otherIds } }, data: { companyId: survivor.id } });
  await crm.tx.crmDeal.updateMany({ where: { companyId: { in: otherIds } }, data: { companyId: survivor.id } });
  await crm.tx.crmActivity.updateMany({ where: { companyId: { in: otherIds } }, data: { companyId: survivor.id } });
  await moveShared(crm, 'company', survivor.id, otherIds);
  await crm.tx.crmCompany.deleteMany({ where: { id: { in: otherIds } } });
  const name = (data.name as string | undefined) ?? survivor.name;
  const domain = data.domain === undefined ? survivor.domain : (data.domain as string | null);
  const row = await crm.tx.crmCompany.update({
    where: { id: survivor.id },
    data: {
      ...(data as Prisma.CrmCompanyUncheckedUpdateInput),
      tags: [...new Set(records.flatMap((r) => r.tags))],
      customFields: custom as Prisma.InputJsonObject,
      searchText: `${name} ${domain ?? ''}`.toLowerCase().trim(),
    },
  });
  const company = toCompany(row);
  await recordChanges(crm, 'company', survivor.id, [
    { field: 'merged', old: records.filter((r) => r.id !== survivor.id).map((r) => r.name), new: company.name },
  ]);
  crm.emit('crm.company.merged', { company: companyPayload(company), mergedIds: otherIds });
  return company;
}
