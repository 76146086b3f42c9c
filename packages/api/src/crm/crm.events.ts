// The CRM's events (crm.*), as they appear in the catalogue, on /docs/events and in webhook
// payloads. Payloads are compact snapshots of the record after the change; dates are ISO strings.
import { z } from 'zod';
import { event } from '../webhooks/events.ts';

const moneyPayload = z.object({ amountMinor: z.number().int(), currency: z.string() });
const customFields = z.record(z.string(), z.unknown());

const contact = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  companyId: z.string().nullable(),
  status: z.string(),
  leadStatus: z.string(),
  ownerId: z.string().nullable(),
  tags: z.array(z.string()),
  customFields,
});
const company = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  accountType: z.string(),
  ownerId: z.string().nullable(),
  tags: z.array(z.string()),
  customFields,
});
const deal = z.object({
  id: z.string(),
  name: z.string(),
  pipelineId: z.string(),
  stageId: z.string(),
  amount: moneyPayload,
  probability: z.number().int(),
  status: z.enum(['open', 'won', 'lost']),
  closeReason: z.string().nullable(),
  expectedCloseDate: z.string().nullable(),
  ownerId: z.string().nullable(),
  contactId: z.string().nullable(),
  companyId: z.string().nullable(),
});
const activity = z.object({
  id: z.string(),
  type: z.enum(['note', 'call', 'meeting', 'email', 'task']),
  subject: z.string(),
  contactId: z.string().nullable(),
  companyId: z.string().nullable(),
  dealId: z.string().nullable(),
  occurredAt: z.string(),
  createdById: z.string().nullable(),
});
const task = activity.extend({
  assigneeId: z.string().nullable(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
const change = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });

const exampleContact: z.infer<typeof contact> = {
  id: 'cm3con0000example',
  firstName: 'Lena',
  lastName: 'Vogel',
  email: 'lena@vogel-design.de',
  phone: '+4930901820',
  companyId: 'cm3com0000example',
  status: 'lead',
  leadStatus: 'qualified',
  ownerId: 'cm3user0000example',
  tags: ['newsletter'],
  customFields: { tier: 'gold' },
};
const exampleCompany: z.infer<typeof company> = {
  id: 'cm3com0000example',
  name: 'Vogel Design',
  domain: 'vogel-design.de',
  accountType: 'customer',
  ownerId: 'cm3user0000example',
  tags: [],
  customFields: {},
};
const exampleDeal: z.infer<typeof deal> = {
  id: 'cm3deal000example',
  name: 'Website relaunch',
  pipelineId: 'cm3pipe000example',
  stageId: 'cm3stage00example',
  amount: { amountMinor: 1250000, currency: 'EUR' },
  probability: 60,
  status: 'open',
  closeReason: null,
  expectedCloseDate: '2026-12-15',
  ownerId: 'cm3user0000example',
  contactId: exampleContact.id,
  companyId: exampleCompany.id,
};
const exampleActivity: z.infer<typeof activity> = {
  id: 'cm3act0000example',
  type: 'call',
  subject: 'Discovery call',
  contactId: exampleContact.id,
  companyId: null,
  dealId: exampleDeal.id,
  occurredAt: '2026-11-23T09:30:00.000Z',
  createdById: 'cm3user0000example',
};

export const crmEvents = {
  'crm.contact.created': event(
    'A CRM contact was created (in the dashboard, by API, by import or by a form).',
    z.object({ contact }),
    {
      contact: exampleContact,
    },
  ),
  'crm.contact.updated': event(
    "A CRM contact's fields changed; `changes` lists each field with its old and new value.",
    z.object({ contact, changes: z.array(change) }),
    { contact: exampleContact, changes: [{ field: 'leadStatus', old: 'contacted', new: 'qualified' }] },
  ),
  'crm.contact.deleted': event('A CRM contact was deleted.', z.object({ contact }), { contact: exampleContact }),
  'crm.contact.merged': event(
    'Contacts were merged into one: `contact` survived, the contacts in `mergedIds` were folded into it and deleted.',
    z.object({ contact, mergedIds: z.array(z.string()) }),
    { contact: exampleContact, mergedIds: ['cm3con0000other1'] },
  ),
  'crm.company.created': event('A CRM company was created.', z.object({ company }), { company: exampleCompany }),
  'crm.company.updated': event(
    "A CRM company's fields changed; `changes` lists each field with its old and new value.",
    z.object({ company, changes: z.array(change) }),
    { company: exampleCompany, changes: [{ field: 'accountType', old: 'prospect', new: 'customer' }] },
  ),
  'crm.company.deleted': event('A CRM company was deleted.', z.object({ company }), { company: exampleCompany }),
  'crm.company.merged': event(
    'Companies were merged into one: `company` survived, those in `mergedIds` were folded into it and deleted.',
    z.object({ company, mergedIds: z.array(z.string()) }),
    { company: exampleCompany, mergedIds: ['cm3com0000other1'] },
  ),
  'crm.deal.created': event('A deal was created.', z.object({ deal }), { deal: exampleDeal }),
  'crm.deal.updated': event(
    "A deal's fields changed (other than its stage, which is crm.deal.stage_changed).",
    z.object({ deal, changes: z.array(change) }),
    {
      deal: exampleDeal,
      changes: [{ field: 'amount', old: { amountMinor: 1000000, currency: 'EUR' }, new: exampleDeal.amount }],
    },
  ),
  'crm.deal.stage_changed': event(
    'A deal moved to another stage of its pipeline.',
    z.object({ deal, fromStageId: z.string(), toStageId: z.string() }),
    { deal: exampleDeal, fromStageId: 'cm3stage00before', toStageId: exampleDeal.stageId },
  ),
  'crm.deal.won': event('A deal was won (moved to a won stage).', z.object({ deal }), {
    deal: { ...exampleDeal, status: 'won', probability: 100 },
  }),
  'crm.deal.lost': event('A deal was lost (moved to a lost stage); `deal.closeReason` says why when given.', z.object({ deal }), {
    deal: { ...exampleDeal, status: 'lost', probability: 0, closeReason: 'Budget cut' },
  }),
  'crm.deal.deleted': event('A deal was deleted.', z.object({ deal }), { deal: exampleDeal }),
  'crm.activity.created': event('A note, call, meeting, logged email or task was added to a timeline.', z.object({ activity }), {
    activity: exampleActivity,
  }),
  'crm.task.completed': event('A task was marked done.', z.object({ task }), {
    task: {
      ...exampleActivity,
      type: 'task',
      subject: 'Send the proposal',
      assigneeId: 'cm3user0000example',
      dueAt: '2026-11-25T16:00:00.000Z',
      completedAt: '2026-11-25T11:12:00.000Z',
    },
  }),
} as const;

export type CrmEventType = keyof typeof crmEvents;
export type ContactPayload = z.infer<typeof contact>;
export type CompanyPayload = z.infer<typeof company>;
export type DealPayload = z.infer<typeof deal>;
export type ActivityPayload = z.infer<typeof activity>;
export type TaskPayload = z.infer<typeof task>;
