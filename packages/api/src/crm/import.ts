// CSV import of contacts and companies. The file is parsed as it streams in (csv-parse), in
// batches of rows, so a 50,000-row file never sits in memory; each batch is one transaction
// behind the site wall, and progress is written after each one for the progress bar. Every row
// is validated whole (the same rules as a form) and either imported whole or reported with its
// line and reason. The dedupe rule says what a row whose email (contacts) or domain (companies)
// already exists does: skip it, update that record, or create a record anyway (then the
// unique email or domain is reported).
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { CrmCustomField, Prisma } from '@dramac/db';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { z } from 'zod';
import { notFound, validationError } from '../errors.ts';
import { parseAmount } from '../lib/money.ts';
import { dateTime } from '../lib/schemas.ts';
import { id } from '../trpc.ts';
import {
  type CompanyPatch,
  companyInput,
  companyPatch,
  companyPayload,
  normaliseDomain,
  toCompany,
  updateCompany,
} from './companies.ts';
import {
  contactInput,
  contactPatch,
  contactPayload,
  normaliseChannels,
  searchTextOf,
  toContact,
  updateContact,
  withChannels,
} from './contacts.ts';
import { parseInput } from './crm.schemas.ts';
import { type Crm, type CrmDeps, type CrmSite, inCrm } from './crm-tx.ts';
import { checkCustomValues, customDefs } from './custom-fields.ts';

export const importEntities = ['contact', 'company'] as const;
export type ImportEntity = (typeof importEntities)[number];
export const dedupeRules = ['skip', 'update', 'create'] as const;

/** What a column can be imported into (plus `custom.<key>` for each custom field). */
export const IMPORT_FIELDS: Record<ImportEntity, Record<string, string[]>> = {
  contact: {
    firstName: ['first name', 'firstname', 'given name', 'vorname', 'prénom'],
    lastName: ['last name', 'lastname', 'surname', 'family name', 'nachname', 'nom'],
    fullName: ['name', 'full name', 'contact name', 'contact'],
    email: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'primary email'],
    email2: ['email 2', 'secondary email', 'other email', 'work email'],
    phone: ['phone', 'phone number', 'telephone', 'telefon', 'mobile', 'cell'],
    phone2: ['phone 2', 'other phone', 'work phone'],
    jobTitle: ['job title', 'title', 'position', 'role'],
    department: ['department', 'abteilung'],
    companyName: ['company', 'company name', 'organisation', 'organization', 'firma', 'account'],
    status: ['status', 'lifecycle stage'],
    leadStatus: ['lead status'],
    source: ['source', 'lead source'],
    sourceDetails: ['source details'],
    website: ['website', 'web', 'url', 'homepage'],
    linkedinUrl: ['linkedin', 'linkedin url'],
    twitterUrl: ['twitter', 'twitter url', 'x'],
    addressLine1: ['address', 'street', 'address line 1', 'straße'],
    addressLine2: ['address line 2'],
    city: ['city', 'town', 'stadt', 'ort'],
    region: ['region', 'state', 'province', 'county'],
    postalCode: ['postal code', 'zip', 'zip code', 'postcode', 'plz'],
    country: ['country', 'country code', 'land'],
    tags: ['tags', 'labels'],
    leadScore: ['lead score', 'score'],
  },
  company: {
    name: ['name', 'company', 'company name', 'organisation', 'organization', 'firma'],
    domain: ['domain', 'company domain'],
    industry: ['industry', 'branche'],
    website: ['website', 'url', 'homepage'],
    phone: ['phone', 'telephone', 'telefon'],
    employeeCount: ['employees', 'employee count', 'number of employees', 'size'],
    annualRevenue: ['annual revenue', 'revenue'],
    accountType: ['type', 'account type'],
    addressLine1: ['address', 'street', 'address line 1'],
    addressLine2: ['address line 2'],
    city: ['city', 'town'],
    region: ['region', 'state'],
    postalCode: ['postal code', 'zip', 'postcode'],
    country: ['country'],
    tags: ['tags', 'labels'],
  },
};

const norm = (h: string) =>
  h
    .toLowerCase()
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The field each header most likely means: exact synonyms, then custom field keys and labels. */
export function suggestMapping(
  entity: ImportEntity,
  headers: string[],
  defs: Pick<CrmCustomField, 'key' | 'label'>[],
): Record<string, string | null> {
  const taken = new Set<string>();
  const out: Record<string, string | null> = {};
  for (const header of headers) {
    const h = norm(header);
    let field: string | null = null;
    for (const [key, synonyms] of Object.entries(IMPORT_FIELDS[entity])) {
      if (!taken.has(key) && (norm(key) === h || key.toLowerCase() === h.replace(/ /g, '') || synonyms.includes(h))) {
        field = key;
        break;
      }
    }
    if (!field) {
      const def = defs.find((d) => !taken.has(`custom.${d.key}`) && (norm(d.key) === h || norm(d.label) === h));
      if (def) field = `custom.${def.key}`;
    }
    if (field) taken.add(field);
    out[header] = field;
  }
  return out;
}

export const mappingSchema = z.record(z.string().max(200), z.string().max(60).nullable());

export const importOptions = z.object({
  entity: z.enum(importEntities),
  dedupe: z.enum(dedupeRules),
  /** CSV header → field (null or missing: the column is ignored) */
  mapping: mappingSchema,
  fileName: z.string().trim().min(1).max(200).default('import.csv'),
});
export type ImportOptions = z.input<typeof importOptions>;

export const importOutput = z.object({
  id: z.string(),
  entity: z.enum(importEntities),
  status: z.enum(['pending', 'running', 'completed', 'failed']),
  fileName: z.string(),
  dedupe: z.enum(dedupeRules),
  processedRows: z.number().int(),
  createdRows: z.number().int(),
  updatedRows: z.number().int(),
  skippedRows: z.number().int(),
  rejectedRows: z.number().int(),
  error: z.string().nullable(),
  createdAt: dateTime(),
  finishedAt: dateTime().nullable(),
});
export type ImportOutput = z.infer<typeof importOutput>;

export const rejectOutput = z.object({ line: z.number().int(), reason: z.string(), row: z.record(z.string(), z.string()) });

type ImportRow = Prisma.CrmImportGetPayload<object>;
const toImport = (i: ImportRow): ImportOutput => ({
  id: i.id,
  entity: i.entity as ImportEntity,
  status: i.status,
  fileName: i.fileName,
  dedupe: i.dedupeRule,
  processedRows: i.processedRows,
  createdRows: i.createdRows,
  updatedRows: i.updatedRows,
  skippedRows: i.skippedRows,
  rejectedRows: i.rejectedRows,
  error: i.error,
  createdAt: i.createdAt,
  finishedAt: i.finishedAt,
});

export class ImportTooLarge extends Error {}

const BATCH = 1000;

interface Parsed {
  line: number;
  cells: Record<string, string>;
}
interface Outcome {
  created: number;
  updated: number;
  skipped: number;
  rejects: { line: number; reason: string; row: Record<string, string> }[];
}

/** The mapped values of one row: the form input it stands for, or the reason it cannot. */
function rowInput(entity: ImportEntity, cells: Record<string, string>, mapping: Record<string, string | null>, site: CrmSite) {
  const v: Record<string, string> = {};
  for (const [header, field] of Object.entries(mapping)) {
    const cell = cells[header]?.trim();
    if (field && cell) v[field] = cell;
  }
  const custom: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (k.startsWith('custom.')) custom[k.slice(7)] = x;
  const list = (s?: string) => (s ? s.split(/\s*[;,|]\s*/).filter(Boolean) : undefined);
  const int = (s?: string) => (s === undefined ? undefined : /^-?\d+$/.test(s) ? Number(s) : Number.NaN);
  if (entity === 'contact') {
    let { firstName, lastName } = v;
    if (!firstName && !lastName && v.fullName) {
      const parts = v.fullName.split(/\s+/);
      lastName = parts.length > 1 ? (parts.pop() as string) : '';
      firstName = parts.join(' ');
    }
    return {
      firstName,
      lastName,
      emails: [v.email, v.email2].filter((e): e is string => !!e),
      phones: [v.phone, v.phone2].filter((p): p is string => !!p).map((number) => ({ number })),
      jobTitle: v.jobTitle,
      department: v.department,
      status: v.status?.toLowerCase(),
      leadStatus: v.leadStatus?.toLowerCase(),
      source: v.source,
      sourceDetails: v.sourceDetails,
      website: v.website,
      linkedinUrl: v.linkedinUrl,
      twitterUrl: v.twitterUrl,
      addressLine1: v.addressLine1,
      addressLine2: v.addressLine2,
      city: v.city,
      region: v.region,
      postalCode: v.postalCode,
      country: v.country,
      tags: list(v.tags),
      leadScore: int(v.leadScore),
      customFields: custom,
      companyName: v.companyName,
    };
  }
  const revenue = v.annualRevenue;
  return {
    name: v.name,
    domain: v.domain,
    industry: v.industry,
    website: v.website,
    phone: v.phone,
    employeeCount: int(v.employeeCount),
    annualRevenue: revenue ? { cell: revenue, currency: site.currency } : undefined,
    accountType: v.accountType?.toLowerCase(),
    addressLine1: v.addressLine1,
    addressLine2: v.addressLine2,
    city: v.city,
    region: v.region,
    postalCode: v.postalCode,
    country: v.country,
    tags: list(v.tags),
    customFields: custom,
  };
}

const reasonOf = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');

/** Drops undefined keys, so a patch only names the cells the row filled. */
const defined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Partial<T>;

async function importContacts(
  crm: Crm,
  rows: Parsed[],
  opts: z.infer<typeof importOptions>,
  defs: CrmCustomField[],
  companies: Map<string, string>,
): Promise<Outcome> {
  const out: Outcome = { created: 0, updated: 0, skipped: 0, rejects: [] };
  const site = crm.site.id;
  type Ready = {
    line: number;
    cells: Record<string, string>;
    data: z.infer<typeof contactInput>;
    channels: ReturnType<typeof normaliseChannels>;
    custom: Record<string, unknown>;
    companyName?: string;
  };
  const ready: Ready[] = [];
  for (const r of rows) {
    const { companyName, ...raw } = rowInput('contact', r.cells, opts.mapping, crm.site) as Record<string, unknown> & {
      companyName?: string;
    };
    const parsed = contactInput.safeParse(defined(raw));
    if (!parsed.success) {
      out.rejects.push({ line: r.line, reason: reasonOf(parsed.error.issues), row: r.cells });
      continue;
    }
    const problems: { path: PropertyKey[]; message: string }[] = [];
    const channels = normaliseChannels(parsed.data, crm.site.locale, problems);
    const custom = checkCustomValues(defs, parsed.data.customFields, {}, crm.site.locale);
    problems.push(...custom.problems);
    if (!parsed.data.firstName && !parsed.data.lastName && channels.emails.length === 0)
      problems.push({ path: [], message: 'A row needs a name or an email address' });
    if (problems.length) {
      out.rejects.push({ line: r.line, reason: reasonOf(problems), row: r.cells });
      continue;
    }
    ready.push({ line: r.line, cells: r.cells, data: parsed.data, channels, custom: custom.values, companyName });
  }
  // existing owners of the batch's addresses, in one query
  const addresses = ready.flatMap((r) => r.channels.emails.map((e) => e.normalized));
  const owners = new Map(
    (
      await crm.tx.crmContactEmail.findMany({
        where: { siteId: site, normalized: { in: addresses } },
        select: { normalized: true, contactId: true },
      })
    ).map((e) => [e.normalized, e.contactId]),
  );
  const seen = new Map<string, number>();
  const creates: (Ready & { id: string })[] = [];
  for (const r of ready) {
    const existing = r.channels.emails.map((e) => owners.get(e.normalized)).find(Boolean);
    const repeated = r.channels.emails.map((e) => seen.get(e.normalized)).find((x) => x !== undefined);
    if (existing || repeated !== undefined) {
      if (opts.dedupe === 'skip') out.skipped++;
      else if (opts.dedupe === 'update' && existing) {
        // only the cells the row filled change; emails are added, never replaced
        const patch = defined(
          contactPatch.parse(defined(rowInput('contact', r.cells, opts.mapping, crm.site) as Record<string, unknown>)),
        );
        const current = await crm.tx.crmContact.findUniqueOrThrow({ where: { id: existing }, include: withChannels });
        const emails = [...current.emails.map((e) => e.address), ...r.channels.emails.map((e) => e.address)].filter(
          (e, i, l) => l.findIndex((x) => x.toLowerCase() === e.toLowerCase()) === i,
        );
        await updateContact(crm, existing, {
          ...patch,
          emails,
          customFields: r.data.customFields,
          phones:
            patch.phones &&
            [...current.phones, ...patch.phones].filter((p, i, l) => l.findIndex((x) => x.number === p.number) === i),
        });
        out.updated++;
      } else {
        const why =
          repeated !== undefined ? `the same email is on line ${repeated} of this file` : 'another contact has this email';
        out.rejects.push({ line: r.line, reason: `emails: ${why}`, row: r.cells });
      }
      continue;
    }
    for (const e of r.channels.emails) seen.set(e.normalized, r.line);
    creates.push({ ...r, id: randomUUID() });
  }
  // companies by name: linked when the site has one, created once per import otherwise
  for (const r of creates) {
    if (!r.companyName) continue;
    const key = r.companyName.toLowerCase();
    if (!companies.has(key)) {
      const found = await crm.tx.crmCompany.findFirst({
        where: { siteId: site, name: { equals: r.companyName, mode: 'insensitive' } },
        select: { id: true },
      });
      const company =
        found ??
        (await crm.tx.crmCompany.create({
          data: { siteId: site, name: r.companyName, searchText: r.companyName.toLowerCase() },
        }));
      if (!found)
        crm.emit('crm.company.created', {
          company: companyPayload(toCompany(await crm.tx.crmCompany.findUniqueOrThrow({ where: { id: company.id } }))),
        });
      companies.set(key, company.id);
    }
    r.data.companyId = companies.get(key) ?? null;
  }
  if (creates.length > 0) {
    await crm.tx.crmContact.createMany({
      data: creates.map((r) => {
        const { emails: _e, phones: _p, customFields: _c, ...fields } = r.data;
        return {
          ...fields,
          id: r.id,
          siteId: site,
          email: r.channels.emails[0]?.address ?? null,
          phone: r.channels.phones[0]?.number ?? null,
          customFields: r.custom as Prisma.InputJsonObject,
          searchText: searchTextOf(
            fields,
            r.channels.emails.map((e) => e.normalized),
            r.channels.phones.map((p) => p.number),
          ),
        };
      }),
    });
    await crm.tx.crmContactEmail.createMany({
      data: creates.flatMap((r) =>
        r.channels.emails.map((e, i) => ({ siteId: site, contactId: r.id, ...e, isPrimary: i === 0 })),
      ),
    });
    await crm.tx.crmContactPhone.createMany({
      data: creates.flatMap((r) =>
        r.channels.phones.map((p, i) => ({ siteId: site, contactId: r.id, ...p, isPrimary: i === 0 })),
      ),
    });
    const made = await crm.tx.crmContact.findMany({ where: { id: { in: creates.map((r) => r.id) } }, include: withChannels });
    for (const c of made) crm.emit('crm.contact.created', { contact: contactPayload(toContact(c)) });
    out.created += creates.length;
  }
  return out;
}

async function importCompanies(
  crm: Crm,
  rows: Parsed[],
  opts: z.infer<typeof importOptions>,
  defs: CrmCustomField[],
): Promise<Outcome> {
  const out: Outcome = { created: 0, updated: 0, skipped: 0, rejects: [] };
  const site = crm.site.id;
  const seen = new Map<string, number>();
  for (const r of rows) {
    const { annualRevenue, ...raw } = rowInput('company', r.cells, opts.mapping, crm.site) as Record<string, unknown> & {
      annualRevenue?: { cell: string; currency: string };
    };
    const amount = annualRevenue ? parseAmount(annualRevenue.cell, annualRevenue.currency) : undefined;
    if (amount === null) {
      out.rejects.push({
        line: r.line,
        reason: `annualRevenue: "${annualRevenue?.cell}" is not an amount in ${crm.site.currency}`,
        row: r.cells,
      });
      continue;
    }
    const input = defined({
      ...raw,
      annualRevenue: amount === undefined ? undefined : { amountMinor: amount, currency: crm.site.currency },
    });
    const parsed = companyInput.safeParse(input);
    const domain = typeof raw.domain === 'string' ? normaliseDomain(raw.domain) : null;
    const problems: { path: PropertyKey[]; message: string }[] = parsed.success ? [] : parsed.error.issues;
    if (raw.domain && !domain) problems.push({ path: ['domain'], message: 'Enter a domain such as acme.com' });
    const custom = checkCustomValues(defs, (raw.customFields ?? {}) as Record<string, unknown>, {}, crm.site.locale);
    problems.push(...custom.problems);
    if (problems.length || !parsed.success) {
      out.rejects.push({ line: r.line, reason: reasonOf(problems), row: r.cells });
      continue;
    }
    const existing = domain ? await crm.tx.crmCompany.findFirst({ where: { siteId: site, domain }, select: { id: true } }) : null;
    const repeated = domain ? seen.get(domain) : undefined;
    if (existing || repeated !== undefined) {
      if (opts.dedupe === 'skip') out.skipped++;
      else if (opts.dedupe === 'update' && existing) {
        const { domain: _d, ...patch } = defined(companyPatch.parse(input)) as CompanyPatch;
        await updateCompany(crm, existing.id, patch);
        out.updated++;
      } else
        out.rejects.push({
          line: r.line,
          reason:
            repeated !== undefined
              ? `domain: the same domain is on line ${repeated} of this file`
              : 'domain: another company has this domain',
          row: r.cells,
        });
      continue;
    }
    if (domain) seen.set(domain, r.line);
    const { customFields: _c, annualRevenue: rev, domain: _d, phone, ...fields } = parsed.data;
    const row = await crm.tx.crmCompany.create({
      data: {
        ...fields,
        siteId: site,
        domain,
        phone: phone ?? null,
        annualRevenueMinor: rev ? BigInt(rev.amountMinor) : null,
        annualRevenueCurrency: rev?.currency ?? null,
        customFields: custom.values as Prisma.InputJsonObject,
        searchText: `${fields.name} ${domain ?? ''}`.toLowerCase().trim(),
      },
    });
    crm.emit('crm.company.created', { company: companyPayload(toCompany(row)) });
    out.created++;
  }
  return out;
}

/** Counts the bytes going through and stops the stream past `max`. */
async function* capped(source: AsyncIterable<Buffer | string>, max: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += b.length;
    if (total > max) throw new ImportTooLarge(`The file is larger than ${Math.round(max / 1_000_000)} MB`);
    yield b;
  }
}

export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
}

export async function startImport(crm: Crm, raw: ImportOptions): Promise<ImportOutput> {
  const opts = parseInput(importOptions, raw);
  const row = await crm.tx.crmImport.create({
    data: {
      siteId: crm.site.id,
      entity: opts.entity,
      status: 'running',
      fileName: opts.fileName,
      mapping: opts.mapping,
      dedupeRule: opts.dedupe,
      createdById: crm.actorId,
    },
  });
  return toImport(row);
}

/**
 * Streams `source` (CSV with a header line) into the import `importId`. Returns the finished
 * import; a file over the limits or unreadable CSV ends it as failed with the reason (the rows
 * of batches already committed stay, and are counted).
 */
export async function runImport(
  deps: CrmDeps,
  site: CrmSite,
  actorId: string | null,
  importId: string,
  source: AsyncIterable<Buffer | string> | Readable,
  limits: ImportLimits,
): Promise<ImportOutput> {
  const job = await inCrm(deps, site, actorId, (crm) => crm.tx.crmImport.findFirst({ where: { id: importId, siteId: site.id } }));
  if (!job) throw notFound('Import');
  const opts = importOptions.parse({ entity: job.entity, dedupe: job.dedupeRule, mapping: job.mapping, fileName: job.fileName });
  const defs = await inCrm(deps, site, actorId, (crm) => customDefs(crm, opts.entity));
  const companies = new Map<string, string>();
  const totals = { processed: 0, created: 0, updated: 0, skipped: 0, rejected: 0 };

  const flush = async (batch: Parsed[]) => {
    const run = (crm: Crm) =>
      opts.entity === 'contact' ? importContacts(crm, batch, opts, defs, companies) : importCompanies(crm, batch, opts, defs);
    let outcome: Outcome;
    try {
      outcome = await inCrm(deps, site, actorId, run, { timeout: 120_000 });
    } catch {
      // a batch that fails as a whole (another writer took an email meanwhile) goes again row by row
      outcome = { created: 0, updated: 0, skipped: 0, rejects: [] };
      for (const row of batch) {
        try {
          const one = await inCrm(deps, site, actorId, (crm) =>
            opts.entity === 'contact'
              ? importContacts(crm, [row], opts, defs, companies)
              : importCompanies(crm, [row], opts, defs),
          );
          outcome.created += one.created;
          outcome.updated += one.updated;
          outcome.skipped += one.skipped;
          outcome.rejects.push(...one.rejects);
        } catch (err) {
          outcome.rejects.push({
            line: row.line,
            reason: err instanceof Error ? err.message : 'could not be imported',
            row: row.cells,
          });
        }
      }
    }
    totals.processed += batch.length;
    totals.created += outcome.created;
    totals.updated += outcome.updated;
    totals.skipped += outcome.skipped;
    totals.rejected += outcome.rejects.length;
    await inCrm(deps, site, actorId, async (crm) => {
      if (outcome.rejects.length)
        await crm.tx.crmImportReject.createMany({ data: outcome.rejects.map((r) => ({ siteId: site.id, importId, ...r })) });
      await crm.tx.crmImport.update({
        where: { id: importId },
        data: {
          processedRows: totals.processed,
          createdRows: totals.created,
          updatedRows: totals.updated,
          skippedRows: totals.skipped,
          rejectedRows: totals.rejected,
        },
      });
    });
  };

  let error: string | null = null;
  try {
    const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true });
    const input = capped(source, limits.maxBytes);
    const feeding = (async () => {
      try {
        for await (const chunk of input) if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
        parser.end();
      } catch (err) {
        parser.destroy(err as Error);
      }
    })();
    let headers: string[] | null = null;
    let batch: Parsed[] = [];
    let rows = 0;
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!headers) {
        headers = record.map((h) => h.trim());
        const unknown = Object.keys(opts.mapping).filter((h) => opts.mapping[h] && !headers?.includes(h));
        if (unknown.length) throw new Error(`The file has no column ${unknown.map((u) => `"${u}"`).join(', ')}`);
        continue;
      }
      if (++rows > limits.maxRows) throw new ImportTooLarge(`The file has more than ${limits.maxRows.toLocaleString('en')} rows`);
      const cells: Record<string, string> = {};
      headers.forEach((h, i) => {
        cells[h] = record[i] ?? '';
      });
      batch.push({ line: info.lines, cells });
      if (batch.length >= BATCH) {
        await flush(batch);
        batch = [];
      }
    }
    await feeding;
    if (batch.length) await flush(batch);
    if (!headers) throw new Error('The file is empty: it needs a header line and rows');
  } catch (err) {
    error = err instanceof Error ? err.message : 'The file could not be read';
  }
  return inCrm(deps, site, actorId, async (crm) =>
    toImport(
      await crm.tx.crmImport.update({
        where: { id: importId },
        data: { status: error ? 'failed' : 'completed', error, finishedAt: new Date() },
      }),
    ),
  );
}

export async function getImport(crm: Crm, importId: string): Promise<ImportOutput> {
  const i = await crm.tx.crmImport.findFirst({ where: { id: importId, siteId: crm.site.id } });
  if (!i) throw notFound('Import');
  return toImport(i);
}

export async function listImports(crm: Crm): Promise<ImportOutput[]> {
  return (await crm.tx.crmImport.findMany({ where: { siteId: crm.site.id }, orderBy: { createdAt: 'desc' }, take: 20 })).map(
    toImport,
  );
}

export async function importRejects(crm: Crm, importId: string, limit: number): Promise<z.infer<typeof rejectOutput>[]> {
  await getImport(crm, importId);
  const rows = await crm.tx.crmImportReject.findMany({
    where: { importId, siteId: crm.site.id },
    orderBy: { line: 'asc' },
    take: limit,
  });
  return rows.map((r) => ({ line: r.line, reason: r.reason, row: r.row as Record<string, string> }));
}

export const previewInput = z.object({
  entity: z.enum(importEntities),
  /** the first part of the file (the dashboard sends up to 64 KB); a cut-off last line is ignored */
  sample: z.string().max(100_000),
  mapping: mappingSchema.optional(),
});
export const previewOutput = z.object({
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()),
  fields: z.array(z.string()),
  rows: z.array(z.object({ line: z.number().int(), cells: z.record(z.string(), z.string()), problems: z.array(z.string()) })),
});

/** Headers, suggested mapping and the first rows checked as they would be imported. */
export async function previewImport(crm: Crm, input: z.infer<typeof previewInput>): Promise<z.infer<typeof previewOutput>> {
  const text = input.sample.includes('\n') ? input.sample.slice(0, input.sample.lastIndexOf('\n') + 1) : input.sample;
  let records: string[][];
  try {
    records = parseSync(text, { bom: true, skip_empty_lines: true, relax_column_count: true, to: 21 }) as string[][];
  } catch (err) {
    throw validationError('The file is not CSV', [{ path: ['sample'], message: err instanceof Error ? err.message : 'Not CSV' }]);
  }
  const [head = [], ...rows] = records;
  const headers = head.map((h) => h.trim());
  const defs = await customDefs(crm, input.entity);
  const mapping = input.mapping ?? suggestMapping(input.entity, headers, defs);
  const fields = [...Object.keys(IMPORT_FIELDS[input.entity]), ...defs.map((d) => `custom.${d.key}`)];
  return {
    headers,
    mapping,
    fields,
    rows: rows.map((r, i) => {
      const cells = Object.fromEntries(headers.map((h, j) => [h, r[j] ?? '']));
      const { companyName: _c, ...mapped } = rowInput(input.entity, cells, mapping, crm.site) as Record<string, unknown> & {
        companyName?: string;
      };
      const problems: string[] = [];
      if (input.entity === 'contact') {
        const p = contactInput.safeParse(defined(mapped));
        if (!p.success) problems.push(...p.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`));
        else {
          const issues: { path: PropertyKey[]; message: string }[] = [];
          normaliseChannels(p.data, crm.site.locale, issues);
          issues.push(...checkCustomValues(defs, p.data.customFields, {}, crm.site.locale).problems);
          problems.push(...issues.map((x) => `${x.path.join('.')}: ${x.message}`));
        }
      } else {
        const { annualRevenue: _r, ...rest } = mapped;
        const p = companyInput.safeParse(defined(rest));
        if (!p.success) problems.push(...p.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`));
      }
      return { line: i + 2, cells, problems };
    }),
  };
}

export const importIdInput = z.object({ importId: id });
