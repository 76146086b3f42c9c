// Contacts: people the site sells to. Several emails (one primary; unique per site whatever
// their case) and phones (E.164), a company, an owner from the agency, custom fields. Every
// change is kept in the field history and announced as an event.
import type { CrmContact, CrmContactEmail, CrmContactPhone, Prisma } from '@dramac/db';
import { z } from 'zod';
import { notFound, validationError } from '../errors.ts';
import { dateTime } from '../lib/schemas.ts';
import { id } from '../trpc.ts';
import type { ContactPayload } from './crm.events.ts';
import {
  addressFields,
  addressOutput,
  customValues,
  instantInput,
  optionalText,
  parseInput,
  tags,
  timestamps,
  webUrl,
} from './crm.schemas.ts';
import type { Crm } from './crm-tx.ts';
import { checkCustomValues, customDefs } from './custom-fields.ts';
import { diffFields, recordChanges } from './field-history.ts';
import { PHONE_HINT, toE164 } from './phone.ts';

export const contactStatuses = ['lead', 'customer', 'churned', 'archived'] as const;
export const leadStatuses = ['new', 'contacted', 'qualified', 'unqualified', 'converted'] as const;

const phoneInput = z.object({ number: z.string().trim().min(1, 'Enter a number').max(40), label: optionalText(40) });

const contactFieldsShape = {
  firstName: z.string().trim().max(100, 'At most 100 characters'),
  lastName: z.string().trim().max(100, 'At most 100 characters'),
  /** the first is the primary address */
  emails: z.array(z.email('Enter an email address').trim().max(320)).max(10, 'At most 10 addresses'),
  /** the first is the primary number; stored in E.164 */
  phones: z.array(phoneInput).max(10, 'At most 10 numbers'),
  jobTitle: optionalText(200),
  department: optionalText(200),
  companyId: id.nullable().optional(),
  status: z.enum(contactStatuses),
  leadStatus: z.enum(leadStatuses),
  source: optionalText(100),
  sourceDetails: optionalText(500),
  website: webUrl,
  linkedinUrl: webUrl,
  twitterUrl: webUrl,
  ...addressFields,
  tags,
  ownerId: id.nullable().optional(),
  leadScore: z.number().int('A whole number').min(0).max(100, 'From 0 to 100'),
  lastContactedAt: instantInput.nullable().optional(),
  customFields: customValues,
};

export const contactInput = z.object({
  ...contactFieldsShape,
  firstName: contactFieldsShape.firstName.default(''),
  lastName: contactFieldsShape.lastName.default(''),
  emails: contactFieldsShape.emails.default([]),
  phones: contactFieldsShape.phones.default([]),
  status: contactFieldsShape.status.default('lead'),
  leadStatus: contactFieldsShape.leadStatus.default('new'),
  tags: tags.default([]),
  leadScore: contactFieldsShape.leadScore.default(0),
  customFields: customValues.default({}),
});
export type ContactInput = z.input<typeof contactInput>;

export const contactPatch = z.object(contactFieldsShape).partial();
export type ContactPatch = z.infer<typeof contactPatch>;

export const contactOutput = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  emails: z.array(z.object({ address: z.string(), isPrimary: z.boolean() })),
  phones: z.array(z.object({ number: z.string(), label: z.string().nullable(), isPrimary: z.boolean() })),
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
  companyId: z.string().nullable(),
  status: z.enum(contactStatuses),
  leadStatus: z.enum(leadStatuses),
  source: z.string().nullable(),
  sourceDetails: z.string().nullable(),
  website: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  twitterUrl: z.string().nullable(),
  ...addressOutput,
  tags: z.array(z.string()),
  ownerId: z.string().nullable(),
  leadScore: z.number().int(),
  lastContactedAt: dateTime().nullable(),
  customFields: customValues,
  ...timestamps,
});
export type ContactOutput = z.infer<typeof contactOutput>;

export type ContactRow = CrmContact & { emails: CrmContactEmail[]; phones: CrmContactPhone[] };
export const withChannels = {
  emails: { orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }] },
  phones: { orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }] },
} satisfies Prisma.CrmContactInclude;

export const displayName = (c: { firstName: string; lastName: string; email?: string | null }) =>
  `${c.firstName} ${c.lastName}`.trim() || c.email || 'Unnamed contact';

export function toContact(c: ContactRow): ContactOutput {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    name: displayName(c),
    email: c.email,
    phone: c.phone,
    emails: c.emails.map((e) => ({ address: e.address, isPrimary: e.isPrimary })),
    phones: c.phones.map((p) => ({ number: p.number, label: p.label, isPrimary: p.isPrimary })),
    jobTitle: c.jobTitle,
    department: c.department,
    companyId: c.companyId,
    status: c.status,
    leadStatus: c.leadStatus,
    source: c.source,
    sourceDetails: c.sourceDetails,
    website: c.website,
    linkedinUrl: c.linkedinUrl,
    twitterUrl: c.twitterUrl,
    addressLine1: c.addressLine1,
    addressLine2: c.addressLine2,
    city: c.city,
    region: c.region,
    postalCode: c.postalCode,
    country: c.country,
    tags: c.tags,
    ownerId: c.ownerId,
    leadScore: c.leadScore,
    lastContactedAt: c.lastContactedAt,
    customFields: (c.customFields ?? {}) as Record<string, unknown>,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export const contactPayload = (c: ContactOutput): ContactPayload => ({
  id: c.id,
  firstName: c.firstName,
  lastName: c.lastName,
  email: c.email,
  phone: c.phone,
  companyId: c.companyId,
  status: c.status,
  leadStatus: c.leadStatus,
  ownerId: c.ownerId,
  tags: c.tags,
  customFields: c.customFields,
});

export const searchTextOf = (
  c: { firstName: string; lastName: string; jobTitle?: string | null },
  emails: string[],
  phones: string[],
) => [c.firstName, c.lastName, c.jobTitle ?? '', ...emails, ...phones].join(' ').toLowerCase().replace(/\s+/g, ' ').trim();

type Problem = { path: PropertyKey[]; message: string };

/** Normalised channels of an input: lowercased unique emails, E.164 phones; problems beside each entry. */
export function normaliseChannels(
  input: { emails?: string[]; phones?: { number: string; label?: string | null }[] },
  locale: string,
  problems: Problem[],
) {
  const emails: { address: string; normalized: string }[] = [];
  input.emails?.forEach((address, i) => {
    const normalized = address.toLowerCase();
    if (emails.some((e) => e.normalized === normalized))
      problems.push({ path: ['emails', i], message: 'This address is listed twice' });
    else emails.push({ address, normalized });
  });
  const phones: { number: string; label: string | null }[] = [];
  input.phones?.forEach((p, i) => {
    const number = toE164(p.number, locale);
    if (!number) problems.push({ path: ['phones', i, 'number'], message: PHONE_HINT });
    else if (!phones.some((x) => x.number === number)) phones.push({ number, label: p.label ?? null });
  });
  return { emails, phones };
}

/** Emails already held by another contact of the site, as field errors. */
async function emailsTaken(crm: Crm, emails: { normalized: string }[], exceptContactId: string | null, problems: Problem[]) {
  if (emails.length === 0) return;
  const taken = await crm.tx.crmContactEmail.findMany({
    where: {
      siteId: crm.site.id,
      normalized: { in: emails.map((e) => e.normalized) },
      ...(exceptContactId ? { NOT: { contactId: exceptContactId } } : {}),
    },
    select: { normalized: true },
  });
  for (const t of taken) {
    problems.push({
      path: ['emails', emails.findIndex((e) => e.normalized === t.normalized)],
      message: `${t.normalized} belongs to another contact`,
    });
  }
}

/** Company of the site, and owner from the agency: both checked, both field errors. */
export async function checkLinks(crm: Crm, input: { companyId?: string | null; ownerId?: string | null }, problems: Problem[]) {
  if (input.companyId && !(await crm.tx.crmCompany.count({ where: { id: input.companyId, siteId: crm.site.id } }))) {
    problems.push({ path: ['companyId'], message: 'No such company on this site' });
  }
  if (input.ownerId && !(await crm.isMember(input.ownerId))) {
    problems.push({ path: ['ownerId'], message: 'The owner must be a member of the agency' });
  }
}

export function throwProblems(problems: Problem[], what: string) {
  if (problems.length > 0)
    throw validationError(`The ${what} has ${problems.length === 1 ? 'an error' : 'errors'}: ${problems[0]?.message}`, problems);
}

/** Writes a contact that has been validated: the row and its channels, no events or history. */
export async function insertContact(
  crm: Crm,
  data: z.infer<typeof contactInput>,
  channels: ReturnType<typeof normaliseChannels>,
  customFields: Record<string, unknown>,
): Promise<ContactRow> {
  const { emails: _e, phones: _p, customFields: _c, ...fields } = data;
  return crm.tx.crmContact.create({
    data: {
      ...fields,
      siteId: crm.site.id,
      email: channels.emails[0]?.address ?? null,
      phone: channels.phones[0]?.number ?? null,
      customFields: customFields as Prisma.InputJsonObject,
      searchText: searchTextOf(
        fields,
        channels.emails.map((e) => e.normalized),
        channels.phones.map((p) => p.number),
      ),
      emails: { create: channels.emails.map((e, i) => ({ siteId: crm.site.id, ...e, isPrimary: i === 0 })) },
      phones: { create: channels.phones.map((p, i) => ({ siteId: crm.site.id, ...p, isPrimary: i === 0 })) },
    },
    include: withChannels,
  });
}

export async function createContact(crm: Crm, raw: ContactInput): Promise<ContactOutput> {
  const data = parseInput(contactInput, raw);
  const problems: Problem[] = [];
  const channels = normaliseChannels(data, crm.site.locale, problems);
  if (!data.firstName && !data.lastName && channels.emails.length === 0) {
    problems.push({ path: ['firstName'], message: 'Give the contact a name or an email address' });
  }
  await emailsTaken(crm, channels.emails, null, problems);
  await checkLinks(crm, data, problems);
  const custom = checkCustomValues(await customDefs(crm, 'contact'), data.customFields, {}, crm.site.locale);
  problems.push(...custom.problems);
  throwProblems(problems, 'contact');
  const contact = toContact(await insertContact(crm, data, channels, custom.values));
  crm.emit('crm.contact.created', { contact: contactPayload(contact) });
  return contact;
}

export async function findContact(crm: Crm, contactId: string): Promise<ContactRow> {
  const c = await crm.tx.crmContact.findFirst({ where: { id: contactId, siteId: crm.site.id }, include: withChannels });
  if (!c) throw notFound('Contact');
  return c;
}

export async function getContact(crm: Crm, contactId: string): Promise<ContactOutput> {
  return toContact(await findContact(crm, contactId));
}

/** Comparable view of a contact for the field history: channels as lists, custom values by key. */
const historyView = (c: ContactOutput) => ({
  ...c,
  emails: c.emails.map((e) => e.address),
  phones: c.phones.map((p) => p.number),
});

export async function updateContact(crm: Crm, contactId: string, raw: ContactPatch): Promise<ContactOutput> {
  const patch = parseInput(contactPatch, raw);
  const before = toContact(await findContact(crm, contactId));
  const problems: Problem[] = [];
  const channels = normaliseChannels(patch, crm.site.locale, problems);
  const name = { firstName: patch.firstName ?? before.firstName, lastName: patch.lastName ?? before.lastName };
  const emailCount = patch.emails ? channels.emails.length : before.emails.length;
  if (!name.firstName && !name.lastName && emailCount === 0)
    problems.push({ path: ['firstName'], message: 'Give the contact a name or an email address' });
  if (patch.emails) await emailsTaken(crm, channels.emails, contactId, problems);
  await checkLinks(crm, patch, problems);
  const custom = checkCustomValues(await customDefs(crm, 'contact'), patch.customFields, before.customFields, crm.site.locale);
  problems.push(...custom.problems);
  throwProblems(problems, 'contact');

  const { emails: _e, phones: _p, customFields: _c, ...fields } = patch;
  const emails = patch.emails
    ? channels.emails
    : before.emails.map((e) => ({ address: e.address, normalized: e.address.toLowerCase() }));
  const phones = patch.phones ? channels.phones : before.phones;
  await crm.tx.crmContact.update({
    where: { id: contactId },
    data: {
      ...fields,
      customFields: custom.values as Prisma.InputJsonObject,
      email: emails[0]?.address ?? null,
      phone: phones[0]?.number ?? null,
      searchText: searchTextOf(
        { ...name, jobTitle: fields.jobTitle === undefined ? before.jobTitle : fields.jobTitle },
        emails.map((e) => e.normalized),
        phones.map((p) => p.number),
      ),
    },
  });
  if (patch.emails) {
    await crm.tx.crmContactEmail.deleteMany({ where: { contactId } });
    await crm.tx.crmContactEmail.createMany({
      data: emails.map((e, i) => ({ siteId: crm.site.id, contactId, ...e, isPrimary: i === 0 })),
    });
  }
  if (patch.phones) {
    await crm.tx.crmContactPhone.deleteMany({ where: { contactId } });
    await crm.tx.crmContactPhone.createMany({
      data: phones.map((p, i) => ({ siteId: crm.site.id, contactId, number: p.number, label: p.label, isPrimary: i === 0 })),
    });
  }
  const after = toContact(await findContact(crm, contactId));
  const keys = Object.keys(patch) as (keyof ContactOutput)[];
  const changes = diffFields(historyView(before), Object.fromEntries(keys.map((k) => [k, historyView(after)[k]])));
  await recordChanges(crm, 'contact', contactId, changes);
  if (changes.length > 0) crm.emit('crm.contact.updated', { contact: contactPayload(after), changes });
  return after;
}

export async function deleteContacts(crm: Crm, ids: string[]): Promise<number> {
  const rows = await crm.tx.crmContact.findMany({ where: { id: { in: ids }, siteId: crm.site.id }, include: withChannels });
  if (rows.length === 0) return 0;
  const found = rows.map((r) => r.id);
  await crm.tx.crmSegmentMember.deleteMany({ where: { recordId: { in: found } } });
  await crm.tx.crmFieldChange.deleteMany({ where: { entity: 'contact', recordId: { in: found } } });
  await crm.tx.crmContact.deleteMany({ where: { id: { in: found } } });
  for (const r of rows) crm.emit('crm.contact.deleted', { contact: contactPayload(toContact(r)) });
  return rows.length;
}

export async function deleteContact(crm: Crm, contactId: string): Promise<void> {
  if ((await deleteContacts(crm, [contactId])) === 0) throw notFound('Contact');
}

/** Bulk changes from a list: owner, status and tags on up to 500 contacts, each change in the history. */
export const contactBulkChange = z
  .object({
    ownerId: id.nullable().optional(),
    status: z.enum(contactStatuses).optional(),
    addTags: tags.optional(),
    removeTags: tags.optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'Choose a change to make');

export async function bulkUpdateContacts(crm: Crm, ids: string[], change: z.infer<typeof contactBulkChange>): Promise<number> {
  const rows = await crm.tx.crmContact.findMany({
    where: { id: { in: ids }, siteId: crm.site.id },
    select: { id: true, tags: true },
  });
  if (change.ownerId && !(await crm.isMember(change.ownerId))) {
    throw validationError('The owner must be a member of the agency', [
      { path: ['change', 'ownerId'], message: 'The owner must be a member of the agency' },
    ]);
  }
  for (const r of rows) {
    const patch: ContactPatch = {};
    if (change.ownerId !== undefined) patch.ownerId = change.ownerId;
    if (change.status) patch.status = change.status;
    if (change.addTags || change.removeTags) {
      patch.tags = [...new Set([...r.tags, ...(change.addTags ?? [])])].filter((t) => !change.removeTags?.includes(t));
    }
    await updateContact(crm, r.id, patch);
  }
  return rows.length;
}
