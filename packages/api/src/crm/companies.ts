// Companies: the organisations contacts work for and deals are made with. The domain is unique
// per site, normalised (https://www.Acme.com/about → acme.com).
import type { CrmCompany, Prisma } from '@dramac/db';
import { z } from 'zod';
import { isUniqueViolation, notFound, validationError } from '../errors.ts';
import { currencyCode, minorUnits, toMinorUnits } from '../lib/money.ts';
import { id } from '../trpc.ts';
import { checkLinks, throwProblems } from './contacts.ts';
import type { CompanyPayload } from './crm.events.ts';
import { addressFields, addressOutput, customValues, optionalText, parseInput, tags, timestamps, webUrl } from './crm.schemas.ts';
import type { Crm } from './crm-tx.ts';
import { checkCustomValues, customDefs } from './custom-fields.ts';
import { diffFields, recordChanges } from './field-history.ts';
import { PHONE_HINT, toE164 } from './phone.ts';

export const accountTypes = ['prospect', 'customer', 'partner', 'competitor', 'other'] as const;

/** acme.com from "https://www.Acme.com/about", "ACME.com" or "www.acme.com"; null when it is not a host name. */
export function normaliseDomain(raw: string): string | null {
  const host = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host) ? host : null;
}

const companyShape = {
  name: z.string().trim().min(1, 'Give the company a name').max(200),
  domain: z.string().trim().max(300).nullable().optional(),
  industry: optionalText(100),
  website: webUrl,
  phone: z.string().trim().max(40).nullable().optional(),
  employeeCount: z.number().int('A whole number').min(0).max(10_000_000).nullable().optional(),
  annualRevenue: z
    .object({ amountMinor: minorUnits.min(0, 'Revenue cannot be negative'), currency: currencyCode })
    .nullable()
    .optional(),
  ...addressFields,
  accountType: z.enum(accountTypes),
  ownerId: id.nullable().optional(),
  tags,
  customFields: customValues,
};

export const companyInput = z.object({
  ...companyShape,
  accountType: companyShape.accountType.default('prospect'),
  tags: tags.default([]),
  customFields: customValues.default({}),
});
export type CompanyInput = z.input<typeof companyInput>;
export const companyPatch = z.object(companyShape).partial();
export type CompanyPatch = z.infer<typeof companyPatch>;

export const companyOutput = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  employeeCount: z.number().int().nullable(),
  annualRevenue: z.object({ amountMinor: z.number().int(), currency: z.string() }).nullable(),
  ...addressOutput,
  accountType: z.enum(accountTypes),
  ownerId: z.string().nullable(),
  tags: z.array(z.string()),
  customFields: customValues,
  ...timestamps,
});
export type CompanyOutput = z.infer<typeof companyOutput>;

export function toCompany(c: CrmCompany): CompanyOutput {
  return {
    id: c.id,
    name: c.name,
    domain: c.domain,
    industry: c.industry,
    website: c.website,
    phone: c.phone,
    employeeCount: c.employeeCount,
    annualRevenue:
      c.annualRevenueMinor !== null && c.annualRevenueCurrency
        ? { amountMinor: toMinorUnits(c.annualRevenueMinor), currency: c.annualRevenueCurrency }
        : null,
    addressLine1: c.addressLine1,
    addressLine2: c.addressLine2,
    city: c.city,
    region: c.region,
    postalCode: c.postalCode,
    country: c.country,
    accountType: c.accountType,
    ownerId: c.ownerId,
    tags: c.tags,
    customFields: (c.customFields ?? {}) as Record<string, unknown>,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export const companyPayload = (c: CompanyOutput): CompanyPayload => ({
  id: c.id,
  name: c.name,
  domain: c.domain,
  accountType: c.accountType,
  ownerId: c.ownerId,
  tags: c.tags,
  customFields: c.customFields,
});

type Problem = { path: PropertyKey[]; message: string };

/** The row's columns for a validated input (domain and phone normalised, revenue split). */
function columns(crm: Crm, input: CompanyPatch, problems: Problem[]) {
  const { annualRevenue, customFields: _c, domain, phone, ...rest } = input;
  const data: Prisma.CrmCompanyUncheckedUpdateInput = { ...rest };
  if (domain !== undefined) {
    const d = domain ? normaliseDomain(domain) : null;
    if (domain && !d) problems.push({ path: ['domain'], message: 'Enter a domain such as acme.com' });
    data.domain = d;
  }
  if (phone !== undefined) {
    const p = phone ? toE164(phone, crm.site.locale) : null;
    if (phone && !p) problems.push({ path: ['phone'], message: PHONE_HINT });
    data.phone = p;
  }
  if (annualRevenue !== undefined) {
    data.annualRevenueMinor = annualRevenue ? BigInt(annualRevenue.amountMinor) : null;
    data.annualRevenueCurrency = annualRevenue?.currency ?? null;
  }
  return data;
}

const searchTextOf = (c: { name: string; domain: string | null }) => `${c.name} ${c.domain ?? ''}`.toLowerCase().trim();

function domainTaken(err: unknown): never {
  if (isUniqueViolation(err))
    throw validationError('Domain taken', [{ path: ['domain'], message: 'Another company of this site has this domain' }]);
  throw err;
}

export async function createCompany(crm: Crm, raw: CompanyInput): Promise<CompanyOutput> {
  const input = parseInput(companyInput, raw);
  const problems: Problem[] = [];
  const data = columns(crm, input, problems);
  await checkLinks(crm, input, problems);
  const custom = checkCustomValues(await customDefs(crm, 'company'), input.customFields, {}, crm.site.locale);
  problems.push(...custom.problems);
  throwProblems(problems, 'company');
  const row = await crm.tx.crmCompany
    .create({
      data: {
        ...(data as Prisma.CrmCompanyUncheckedCreateInput),
        name: input.name,
        siteId: crm.site.id,
        customFields: custom.values as Prisma.InputJsonObject,
        searchText: searchTextOf({ name: input.name, domain: (data.domain as string | null) ?? null }),
      },
    })
    .catch(domainTaken);
  const company = toCompany(row);
  crm.emit('crm.company.created', { company: companyPayload(company) });
  return company;
}

export async function findCompany(crm: Crm, companyId: string): Promise<CrmCompany> {
  const c = await crm.tx.crmCompany.findFirst({ where: { id: companyId, siteId: crm.site.id } });
  if (!c) throw notFound('Company');
  return c;
}

export const getCompany = async (crm: Crm, companyId: string) => toCompany(await findCompany(crm, companyId));

export async function updateCompany(crm: Crm, companyId: string, raw: CompanyPatch): Promise<CompanyOutput> {
  const patch = parseInput(companyPatch, raw);
  const before = toCompany(await findCompany(crm, companyId));
  const problems: Problem[] = [];
  const data = columns(crm, patch, problems);
  await checkLinks(crm, patch, problems);
  const custom = checkCustomValues(await customDefs(crm, 'company'), patch.customFields, before.customFields, crm.site.locale);
  problems.push(...custom.problems);
  throwProblems(problems, 'company');
  const name = patch.name ?? before.name;
  const domain = data.domain === undefined ? before.domain : (data.domain as string | null);
  const row = await crm.tx.crmCompany
    .update({
      where: { id: companyId },
      data: { ...data, customFields: custom.values as Prisma.InputJsonObject, searchText: searchTextOf({ name, domain }) },
    })
    .catch(domainTaken);
  const after = toCompany(row);
  const keys = Object.keys(patch) as (keyof CompanyOutput)[];
  const changes = diffFields(before, Object.fromEntries(keys.map((k) => [k, after[k]])));
  await recordChanges(crm, 'company', companyId, changes);
  if (changes.length > 0) crm.emit('crm.company.updated', { company: companyPayload(after), changes });
  return after;
}

/** Deleting a company keeps its contacts and deals (their company becomes empty). */
export async function deleteCompanies(crm: Crm, ids: string[]): Promise<number> {
  const rows = await crm.tx.crmCompany.findMany({ where: { id: { in: ids }, siteId: crm.site.id } });
  if (rows.length === 0) return 0;
  const found = rows.map((r) => r.id);
  await crm.tx.crmSegmentMember.deleteMany({ where: { recordId: { in: found } } });
  await crm.tx.crmFieldChange.deleteMany({ where: { entity: 'company', recordId: { in: found } } });
  await crm.tx.crmCompany.deleteMany({ where: { id: { in: found } } });
  for (const r of rows) crm.emit('crm.company.deleted', { company: companyPayload(toCompany(r)) });
  return rows.length;
}

export async function deleteCompany(crm: Crm, companyId: string): Promise<void> {
  if ((await deleteCompanies(crm, [companyId])) === 0) throw notFound('Company');
}

export const companyBulkChange = z
  .object({
    ownerId: id.nullable().optional(),
    accountType: z.enum(accountTypes).optional(),
    addTags: tags.optional(),
    removeTags: tags.optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'Choose a change to make');

export async function bulkUpdateCompanies(crm: Crm, ids: string[], change: z.infer<typeof companyBulkChange>): Promise<number> {
  const rows = await crm.tx.crmCompany.findMany({
    where: { id: { in: ids }, siteId: crm.site.id },
    select: { id: true, tags: true },
  });
  for (const r of rows) {
    const patch: CompanyPatch = {};
    if (change.ownerId !== undefined) patch.ownerId = change.ownerId;
    if (change.accountType) patch.accountType = change.accountType;
    if (change.addTags || change.removeTags) {
      patch.tags = [...new Set([...r.tags, ...(change.addTags ?? [])])].filter((t) => !change.removeTags?.includes(t));
    }
    await updateCompany(crm, r.id, patch);
  }
  return rows.length;
}
