// One page of a contact, company or deal list: the ids from list-query.ts, hydrated in order.
import { z } from 'zod';
import { type CompanyOutput, companyOutput, toCompany } from './companies.ts';
import { type ContactOutput, contactOutput, toContact, withChannels } from './contacts.ts';
import type { Crm } from './crm-tx.ts';
import { type DealOutput, dealOutput, toDeal, withStage } from './deals.ts';
import { inOrder, type ListInput, listIds } from './list-query.ts';

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int() });
export const contactPage = page(contactOutput);
export const companyPage = page(companyOutput);
export const dealPage = page(dealOutput);

interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export async function listContacts(crm: Crm, input: ListInput): Promise<Page<ContactOutput>> {
  const { ids, ...rest } = await listIds(crm, 'contact', input);
  const rows = await crm.tx.crmContact.findMany({ where: { id: { in: ids } }, include: withChannels });
  return { items: inOrder(ids, rows).map(toContact), ...rest };
}

export async function listCompanies(crm: Crm, input: ListInput): Promise<Page<CompanyOutput>> {
  const { ids, ...rest } = await listIds(crm, 'company', input);
  const rows = await crm.tx.crmCompany.findMany({ where: { id: { in: ids } } });
  return { items: inOrder(ids, rows).map(toCompany), ...rest };
}

export async function listDeals(crm: Crm, input: ListInput): Promise<Page<DealOutput>> {
  const { ids, ...rest } = await listIds(crm, 'deal', input);
  const rows = await crm.tx.crmDeal.findMany({ where: { id: { in: ids } }, include: withStage });
  return { items: inOrder(ids, rows).map(toDeal), ...rest };
}
