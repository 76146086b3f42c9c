// Export of any filtered list (contacts, companies, deals) as CSV, streamed page by page with
// the list's own keyset pagination: a large export never sits in memory. Cells are written the
// way the importer reads them (lists joined with "; ", money as "1234.50 EUR").
import { stringify } from 'csv-stringify';
import { minorDigits } from '../lib/money.ts';
import { companyOutput, toCompany } from './companies.ts';
import { contactOutput, toContact, withChannels } from './contacts.ts';
import { type CrmDeps, type CrmSite, inCrm } from './crm-tx.ts';
import { customDefs, type Entity } from './custom-fields.ts';
import { dealOutput, toDeal, withStage } from './deals.ts';
import { inOrder, type ListInput, listIds } from './list-query.ts';

const PAGE = 200;

export function moneyCell(m: { amountMinor: number; currency: string }): string {
  const digits = minorDigits(m.currency);
  const sign = m.amountMinor < 0 ? '-' : '';
  const units = String(Math.abs(m.amountMinor)).padStart(digits + 1, '0');
  return `${sign}${digits ? `${units.slice(0, -digits)}.${units.slice(-digits)}` : units} ${m.currency}`;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(cell).join('; ');
  if (typeof v === 'object' && 'amountMinor' in v && 'currency' in v)
    return moneyCell(v as { amountMinor: number; currency: string });
  if (typeof v === 'object' && 'address' in v) return String((v as { address: string }).address);
  if (typeof v === 'object' && 'number' in v) return String((v as { number: string }).number);
  return String(v);
}

const SKIP = new Set(['customFields', 'name', 'email', 'phone', 'rotting']);
const columnsOf: Record<Entity, string[]> = {
  contact: Object.keys(contactOutput.shape).filter((k) => !SKIP.has(k) || k === 'name'),
  company: Object.keys(companyOutput.shape).filter((k) => !SKIP.has(k) || k === 'name'),
  deal: Object.keys(dealOutput.shape).filter((k) => !SKIP.has(k) || k === 'name'),
};

async function page(deps: CrmDeps, site: CrmSite, actorId: string | null, entity: Entity, list: ListInput) {
  return inCrm(deps, site, actorId, async (crm) => {
    const { ids, nextCursor } = await listIds(crm, entity, { ...list, limit: PAGE }, { count: false });
    const rows =
      entity === 'contact'
        ? inOrder(ids, await crm.tx.crmContact.findMany({ where: { id: { in: ids } }, include: withChannels })).map(toContact)
        : entity === 'company'
          ? inOrder(ids, await crm.tx.crmCompany.findMany({ where: { id: { in: ids } } })).map(toCompany)
          : inOrder(ids, await crm.tx.crmDeal.findMany({ where: { id: { in: ids } }, include: withStage })).map(toDeal);
    return { rows: rows as unknown as Record<string, unknown>[], nextCursor };
  });
}

/** The CSV text of every record of the list, as a stream of chunks. The filter is checked before the first byte. */
export async function exportCsv(
  deps: CrmDeps,
  site: CrmSite,
  actorId: string | null,
  entity: Entity,
  list: ListInput,
): Promise<AsyncIterable<string>> {
  const defs = await inCrm(deps, site, actorId, (crm) => customDefs(crm, entity));
  const columns = [...columnsOf[entity], ...defs.map((d) => `custom.${d.key}`)];
  const first = await page(deps, site, actorId, entity, list);
  const csv = stringify({ header: true, columns });
  (async () => {
    try {
      let current = first;
      for (;;) {
        for (const r of current.rows) {
          const custom = r.customFields as Record<string, unknown>;
          const line = columns.map((c) => cell(c.startsWith('custom.') ? custom[c.slice(7)] : r[c]));
          if (!csv.write(line)) await new Promise((res) => csv.once('drain', res));
        }
        if (!current.nextCursor) break;
        current = await page(deps, site, actorId, entity, { ...list, cursor: current.nextCursor });
      }
      csv.end();
    } catch (err) {
      csv.destroy(err as Error);
    }
  })();
  return csv;
}
