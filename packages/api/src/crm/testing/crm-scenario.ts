// The CRM's scenario builder: a site with its CRM, an owner acting in it, and builders that read
// like the situation under test (`await c.contact({ firstName: 'Ada', emails: ['ada@x.test'] })`).

import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';
import { type ActivityInput, createActivity } from '../activities.ts';
import { type CompanyInput, createCompany } from '../companies.ts';
import { type ContactInput, createContact } from '../contacts.ts';
import { type Crm, type CrmSite, inCrm } from '../crm-tx.ts';
import { createDeal, type DealInput } from '../deals.ts';
import { ensureDefaultPipeline } from '../pipelines.ts';

export interface CrmScenario {
  s: Scenario;
  owner: TestUser;
  site: CrmSite;
  /** runs `fn` behind the site wall as `actorId` (the owner by default) */
  run<T>(fn: (crm: Crm) => Promise<T>, actorId?: string | null): Promise<T>;
  contact(input?: ContactInput): ReturnType<typeof createContact>;
  company(input?: Partial<CompanyInput>): ReturnType<typeof createCompany>;
  deal(input?: DealInput): ReturnType<typeof createDeal>;
  activity(input: ActivityInput): ReturnType<typeof createActivity>;
  pipeline(): ReturnType<typeof ensureDefaultPipeline>;
  /** the events written for this site, oldest first */
  events(type?: string): Promise<{ type: string; payload: unknown }[]>;
  /** another site (same agency unless `owner` is given) with its own CRM scenario */
  otherSite(owner?: TestUser): Promise<CrmScenario>;
}

async function onSite(s: Scenario, owner: TestUser): Promise<CrmScenario> {
  const row = await s.site(owner);
  const siteRow = await s.services.db.site.findUniqueOrThrow({ where: { id: row.id } });
  const site: CrmSite = {
    id: siteRow.id,
    agencyId: siteRow.agencyId,
    currency: siteRow.currency,
    timeZone: siteRow.timeZone,
    locale: siteRow.locale,
  };
  const run = <T>(fn: (crm: Crm) => Promise<T>, actorId: string | null = owner.id) => inCrm(s.services, site, actorId, fn);
  let n = 0;
  return {
    s,
    owner,
    site,
    run,
    contact: (input = { firstName: `Person ${++n}` }) => run((crm) => createContact(crm, input)),
    company: (input = {}) => run((crm) => createCompany(crm, { name: `Company ${++n}`, ...input })),
    deal: (input = { name: `Deal ${++n}` }) => run((crm) => createDeal(crm, input)),
    activity: (input) => run((crm) => createActivity(crm, input)),
    pipeline: () => run((crm) => ensureDefaultPipeline(crm)),
    async events(type) {
      const rows = await s.services.db.event.findMany({
        where: { siteId: site.id, ...(type ? { type } : {}) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map((r) => ({ type: r.type, payload: r.payload }));
    },
    otherSite: (other = owner) => onSite(s, other),
  };
}

export async function crmScenario(): Promise<CrmScenario> {
  const s = await scenario();
  return onSite(s, await s.user('Olivia'));
}
