// The CRM as a registered domain (registry/domains.ts): the dramac-crm system module, its
// router, scopes with consent wording, crm.* events, the crm schema and the rows the tenancy
// sweep seeds on a site that installed it.
import { defineDomain } from '../registry/define-domain.ts';
import { createActivity } from './activities.ts';
import { createCompany } from './companies.ts';
import { createContact } from './contacts.ts';
import { crmEvents } from './crm.events.ts';
import { crmModule, crmRouter } from './crm.router.ts';
import { inCrm } from './crm-tx.ts';
import { createCustomField } from './custom-fields.ts';
import { createDeal } from './deals.ts';
import { createPipeline, ensureDefaultPipeline } from './pipelines.ts';
import { createSegment, saveView } from './segments.ts';

export const crmDomain = defineDomain({
  key: 'crm',
  name: 'CRM',
  router: crmRouter,
  module: crmModule,
  schema: 'crm',
  scopes: {
    'crm.contacts:read': {
      description: 'Read CRM contacts, their custom fields, segments and imports',
      consent: 'See the site’s contacts: names, email addresses, phone numbers and what is known about them',
    },
    'crm.contacts:write': {
      description: 'Create, change, merge, import and delete CRM contacts; define custom fields and segments',
      consent: 'Add, change and delete the site’s contacts, and import contact lists',
    },
    'crm.companies:read': { description: 'Read CRM companies', consent: 'See the companies the site does business with' },
    'crm.companies:write': {
      description: 'Create, change, merge and delete CRM companies',
      consent: 'Add, change and delete the companies the site does business with',
    },
    'crm.deals:read': {
      description: 'Read deals, pipelines, the board and the sales reports',
      consent: 'See the site’s deals, their amounts and the sales reports',
    },
    'crm.deals:write': {
      description: 'Create, change, move and delete deals; manage pipelines and stages',
      consent: 'Add, change, move and delete the site’s deals and sales pipelines',
    },
    'crm.activities:read': {
      description: 'Read the timelines: notes, calls, meetings, emails, tasks and field history',
      consent: 'See the notes, calls, meetings and tasks recorded about contacts, companies and deals',
    },
    'crm.activities:write': {
      description: 'Log notes, calls, meetings and emails; add and complete tasks',
      consent: 'Record notes, calls, meetings and tasks about contacts, companies and deals',
    },
  },
  events: crmEvents,
  tenancy: {
    async rows({ services, userId, siteId }) {
      const site = await services.db.site.findUniqueOrThrow({ where: { id: siteId } });
      return inCrm(services, site, userId, async (crm) => {
        const pipeline = await ensureDefaultPipeline(crm);
        const spare = await createPipeline(crm, {
          name: 'Spare',
          stages: [
            { name: 'Open', probability: 10 },
            { name: 'Done', probability: 100, type: 'won' },
          ],
        });
        const company = await createCompany(crm, { name: 'Tenant GmbH' });
        const otherCompany = await createCompany(crm, { name: 'Tenant AG' });
        const contact = await createContact(crm, { firstName: 'Tenant', lastName: 'Contact', companyId: company.id });
        const otherContact = await createContact(crm, { firstName: 'Other', lastName: 'Contact' });
        const deal = await createDeal(crm, {
          name: 'Tenant deal',
          contactId: contact.id,
          amount: { amountMinor: 1000, currency: site.currency },
        });
        const task = await createActivity(crm, { type: 'task', subject: 'Call back', contactId: contact.id });
        const field = await createCustomField(crm, { entity: 'contact', key: 'tenant_tier', label: 'Tier', type: 'text' });
        const segment = await createSegment(crm, { entity: 'contact', name: 'Tenants' });
        const view = await saveView(crm, { entity: 'contact', name: 'Mine' });
        const job = await crm.tx.crmImport.create({
          data: {
            siteId,
            entity: 'contact',
            status: 'completed',
            fileName: 'seed.csv',
            mapping: {},
            dedupeRule: 'skip',
            createdById: userId,
          },
        });
        return {
          contactId: contact.id,
          otherContactId: otherContact.id,
          recordId: contact.id,
          companyId: company.id,
          otherCompanyId: otherCompany.id,
          dealId: deal.id,
          stageId: pipeline.stages[1]?.id as string,
          pipelineId: spare.id,
          activityId: task.id,
          fieldId: field.id,
          segmentId: segment.id,
          viewId: view.id,
          importId: job.id,
        };
      });
    },
    calls: {
      'crm.contacts.list': (r) => ({ siteId: r.siteId, segmentId: r.segmentId }),
      'crm.contacts.get': (r) => ({ siteId: r.siteId, contactId: r.contactId }),
      'crm.contacts.create': (r) => ({ siteId: r.siteId, contact: { firstName: 'Swept' } }),
      'crm.contacts.update': (r) => ({ siteId: r.siteId, contactId: r.contactId, changes: { jobTitle: 'Swept' } }),
      'crm.contacts.delete': (r) => ({ siteId: r.siteId, contactId: r.contactId }),
      'crm.contacts.bulkUpdate': (r) => ({ siteId: r.siteId, ids: [r.contactId], change: { addTags: ['swept'] } }),
      'crm.contacts.bulkDelete': (r) => ({ siteId: r.siteId, ids: [r.contactId] }),
      'crm.contacts.duplicates': (r) => ({ siteId: r.siteId, contactId: r.contactId }),
      'crm.contacts.merge': (r) => ({ siteId: r.siteId, contactId: r.contactId, mergeIds: [r.otherContactId] }),
      'crm.companies.list': (r) => ({ siteId: r.siteId, segmentId: r.segmentId }),
      'crm.companies.get': (r) => ({ siteId: r.siteId, companyId: r.companyId }),
      'crm.companies.create': (r) => ({ siteId: r.siteId, company: { name: 'Swept Ltd' } }),
      'crm.companies.update': (r) => ({ siteId: r.siteId, companyId: r.companyId, changes: { industry: 'Sweeping' } }),
      'crm.companies.delete': (r) => ({ siteId: r.siteId, companyId: r.companyId }),
      'crm.companies.bulkUpdate': (r) => ({ siteId: r.siteId, ids: [r.companyId], change: { accountType: 'partner' } }),
      'crm.companies.bulkDelete': (r) => ({ siteId: r.siteId, ids: [r.companyId] }),
      'crm.companies.duplicates': (r) => ({ siteId: r.siteId, companyId: r.companyId }),
      'crm.companies.merge': (r) => ({ siteId: r.siteId, companyId: r.companyId, mergeIds: [r.otherCompanyId] }),
      'crm.deals.list': (r) => ({ siteId: r.siteId, segmentId: r.segmentId }),
      'crm.deals.get': (r) => ({ siteId: r.siteId, dealId: r.dealId }),
      'crm.deals.create': (r) => ({ siteId: r.siteId, deal: { name: 'Swept deal' } }),
      'crm.deals.update': (r) => ({ siteId: r.siteId, dealId: r.dealId, changes: { name: 'Swept' } }),
      'crm.deals.move': (r) => ({ siteId: r.siteId, dealId: r.dealId, stageId: r.stageId }),
      'crm.deals.delete': (r) => ({ siteId: r.siteId, dealId: r.dealId }),
      'crm.deals.bulkUpdate': (r) => ({ siteId: r.siteId, ids: [r.dealId], change: { addTags: ['swept'] } }),
      'crm.deals.bulkDelete': (r) => ({ siteId: r.siteId, ids: [r.dealId] }),
      'crm.deals.board': (r) => ({ siteId: r.siteId, pipelineId: r.pipelineId }),
      'crm.deals.reports': (r) => ({ siteId: r.siteId, pipelineId: r.pipelineId }),
      'crm.pipelines.list': (r) => ({ siteId: r.siteId }),
      'crm.pipelines.create': (r) => ({
        siteId: r.siteId,
        pipeline: {
          name: 'Swept',
          stages: [
            { name: 'A', probability: 10 },
            { name: 'B', probability: 100, type: 'won' },
          ],
        },
      }),
      'crm.pipelines.update': (r) => ({ siteId: r.siteId, pipelineId: r.pipelineId, name: 'Swept' }),
      'crm.pipelines.delete': (r) => ({ siteId: r.siteId, pipelineId: r.pipelineId }),
      'crm.activities.timeline': (r) => ({ siteId: r.siteId, entity: 'contact', recordId: r.recordId }),
      'crm.activities.create': (r) => ({ siteId: r.siteId, activity: { type: 'note', body: 'Swept', contactId: r.contactId } }),
      'crm.activities.update': (r) => ({ siteId: r.siteId, activityId: r.activityId, changes: { subject: 'Swept' } }),
      'crm.activities.complete': (r) => ({ siteId: r.siteId, activityId: r.activityId, done: true }),
      'crm.activities.delete': (r) => ({ siteId: r.siteId, activityId: r.activityId }),
      'crm.activities.myTasks': (r) => ({ siteId: r.siteId }),
      'crm.fields.list': (r) => ({ siteId: r.siteId, entity: 'contact' }),
      'crm.fields.create': (r) => ({
        siteId: r.siteId,
        field: { entity: 'contact', key: 'swept', label: 'Swept', type: 'text' },
      }),
      'crm.fields.update': (r) => ({ siteId: r.siteId, fieldId: r.fieldId, label: 'Swept' }),
      'crm.fields.delete': (r) => ({ siteId: r.siteId, fieldId: r.fieldId }),
      'crm.segments.list': (r) => ({ siteId: r.siteId }),
      'crm.segments.create': (r) => ({ siteId: r.siteId, segment: { entity: 'contact', name: 'Swept' } }),
      'crm.segments.update': (r) => ({ siteId: r.siteId, segmentId: r.segmentId, name: 'Swept' }),
      'crm.segments.delete': (r) => ({ siteId: r.siteId, segmentId: r.segmentId }),
      'crm.segments.members': (r) => ({ siteId: r.siteId, segmentId: r.segmentId, recordIds: [r.contactId] }),
      'crm.views.list': (r) => ({ siteId: r.siteId, entity: 'contact' }),
      'crm.views.save': (r) => ({ siteId: r.siteId, viewId: r.viewId, view: { entity: 'contact', name: 'Swept' } }),
      'crm.views.delete': (r) => ({ siteId: r.siteId, viewId: r.viewId }),
      'crm.imports.list': (r) => ({ siteId: r.siteId }),
      'crm.imports.get': (r) => ({ siteId: r.siteId, importId: r.importId }),
      'crm.imports.rejects': (r) => ({ siteId: r.siteId, importId: r.importId }),
      'crm.imports.create': (r) => ({ siteId: r.siteId, entity: 'contact', dedupe: 'skip', mapping: { Email: 'email' } }),
      'crm.imports.preview': (r) => ({ siteId: r.siteId, entity: 'contact', sample: 'Email,Name\nswept@example.test,Swept\n' }),
    },
  },
  navigation: { label: 'CRM', segment: 'crm' },
});
