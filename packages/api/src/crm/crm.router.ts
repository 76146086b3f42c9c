// The CRM's procedures: one per operation, for a member in the dashboard and for a bearer token
// with the scope in its meta alike (REST under /api/v1/sites/{siteId}/crm/…), behind the install
// gate (systemModuleProcedure). Each is thin: it runs its service behind the site wall (inCrm).
// Record fields travel nested (`contact`, `changes`) so the ids a procedure is about are the
// only ids at the top of its input.
import type { Site } from '@dramac/db';
import { z } from 'zod';
import { systemModuleProcedure } from '../modules/system/procedure.ts';
import { SYSTEM_MODULES } from '../modules/system/system-modules.ts';
import { id, router, type SiteCaller } from '../trpc.ts';
import {
  activityInput,
  activityOutput,
  activityPatch,
  createActivity,
  deleteActivity,
  openTasks,
  setTaskDone,
  updateActivity,
} from './activities.ts';
import { board, boardOutput } from './board.ts';
import {
  bulkUpdateCompanies,
  companyBulkChange,
  companyInput,
  companyOutput,
  companyPatch,
  createCompany,
  deleteCompanies,
  deleteCompany,
  getCompany,
  updateCompany,
} from './companies.ts';
import {
  bulkUpdateContacts,
  contactBulkChange,
  contactInput,
  contactOutput,
  contactPatch,
  createContact,
  deleteContact,
  deleteContacts,
  getContact,
  updateContact,
} from './contacts.ts';
import { recordIds } from './crm.schemas.ts';
import { type Crm, type CrmDeps, inCrm } from './crm-tx.ts';
import {
  createCustomField,
  customFieldInput,
  customFieldOutput,
  customFieldUpdate,
  deleteCustomField,
  entity,
  listCustomFields,
  updateCustomField,
} from './custom-fields.ts';
import {
  bulkUpdateDeals,
  createDeal,
  dealBulkChange,
  dealInput,
  dealOutput,
  dealPatch,
  deleteDeal,
  deleteDeals,
  getDeal,
  moveDeal,
  updateDeal,
} from './deals.ts';
import { duplicateCandidate, duplicatesOf, mergeCompanies, mergeContacts, mergeShape } from './duplicates.ts';
import {
  getImport,
  importOptions,
  importOutput,
  importRejects,
  listImports,
  previewImport,
  previewInput,
  previewOutput,
  rejectOutput,
  startImport,
} from './import.ts';
import { listInput } from './list-query.ts';
import { companyPage, contactPage, dealPage, listCompanies, listContacts, listDeals } from './lists.ts';
import {
  createPipeline,
  deletePipeline,
  ensureDefaultPipeline,
  listPipelines,
  pipelineInput,
  pipelineOutput,
  pipelinePatch,
  updatePipeline,
} from './pipelines.ts';
import { reportInput, reports, reportsOutput } from './reports.ts';
import {
  createSegment,
  deleteSegment,
  deleteView,
  listSegments,
  listViews,
  membersInput,
  saveView,
  segmentInput,
  segmentOutput,
  segmentPatch,
  setSegmentMembers,
  updateSegment,
  viewInput,
  viewOutput,
} from './segments.ts';
import { timeline, timelinePage } from './timeline.ts';

export const crmModule = SYSTEM_MODULES.crm;

/** The site and the acting member of a call, as the CRM's services take them. */
function crmCall<T>(ctx: CrmDeps & { site: Site; caller: SiteCaller }, fn: (crm: Crm) => Promise<T>): Promise<T> {
  const { id: siteId, agencyId, currency, timeZone, locale } = ctx.site;
  return inCrm(
    ctx,
    { id: siteId, agencyId, currency, timeZone, locale },
    ctx.caller.kind === 'member' ? ctx.caller.userId : null,
    fn,
  );
}

type Area = 'contacts' | 'companies' | 'deals' | 'activities';
const reader = (area: Area) => systemModuleProcedure(crmModule).meta({ scope: `crm.${area}:read` });
const writer = (area: Area) => systemModuleProcedure(crmModule).meta({ scope: `crm.${area}:write` });
/** A dashboard-only procedure (a member's own saved views): no scope, so tokens are refused. */
const member = systemModuleProcedure(crmModule);

const rest = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: `/${string}`, summary: string) => ({
  openapi: { method, path: `/sites/{siteId}/crm${path}` as const, protect: true, tags: ['crm'], summary },
});

const deleted = z.object({ deleted: z.number().int() });
const updated = z.object({ updated: z.number().int() });
const bulk = <C extends z.ZodType>(change: C) => z.object({ ids: recordIds, change });

const contactsRouter = router({
  list: reader('contacts')
    .meta(rest('GET', '/contacts', 'List contacts (search, filter, sort, keyset pages)'))
    .input(listInput)
    .output(contactPage)
    .query(({ ctx, input }) => crmCall(ctx, (crm) => listContacts(crm, input))),
  get: reader('contacts')
    .meta(rest('GET', '/contacts/{contactId}', 'Get a contact'))
    .input(z.object({ contactId: id }))
    .output(contactOutput)
    .query(({ ctx, input }) => crmCall(ctx, (crm) => getContact(crm, input.contactId))),
  create: writer('contacts')
    .meta(rest('POST', '/contacts', 'Create a contact'))
    .input(z.object({ contact: contactInput }))
    .output(contactOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => createContact(crm, input.contact))),
  update: writer('contacts')
    .meta(rest('PATCH', '/contacts/{contactId}', "Change a contact's fields (only those given)"))
    .input(z.object({ contactId: id, changes: contactPatch }))
    .output(contactOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => updateContact(crm, input.contactId, input.changes))),
  delete: writer('contacts')
    .meta(rest('DELETE', '/contacts/{contactId}', 'Delete a contact'))
    .input(z.object({ contactId: id }))
    .output(deleted)
    .mutation(async ({ ctx, input }) => {
      await crmCall(ctx, (crm) => deleteContact(crm, input.contactId));
      return { deleted: 1 };
    }),
  bulkUpdate: writer('contacts')
    .meta(rest('POST', '/contacts/bulk-update', 'Change owner, status or tags of up to 500 contacts'))
    .input(bulk(contactBulkChange))
    .output(updated)
    .mutation(async ({ ctx, input }) => ({
      updated: await crmCall(ctx, (crm) => bulkUpdateContacts(crm, input.ids, input.change)),
    })),
  bulkDelete: writer('contacts')
    .meta(rest('POST', '/contacts/bulk-delete', 'Delete up to 500 contacts'))
    .input(z.object({ ids: recordIds }))
    .output(deleted)
    .mutation(async ({ ctx, input }) => ({ deleted: await crmCall(ctx, (crm) => deleteContacts(crm, input.ids)) })),
  duplicates: reader('contacts')
    .meta(rest('GET', '/contacts/{contactId}/duplicates', 'Contacts alike by email, phone or name'))
    .input(z.object({ contactId: id }))
    .output(z.array(duplicateCandidate))
    .query(({ ctx, input }) => crmCall(ctx, (crm) => duplicatesOf(crm, 'contact', input.contactId))),
  merge: writer('contacts')
    .meta(rest('POST', '/contacts/{contactId}/merge', 'Merge other contacts into this one'))
    .input(z.object({ contactId: id, ...mergeShape }))
    .output(contactOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => mergeContacts(crm, { ...input, survivorId: input.contactId }))),
});

const companiesRouter = router({
  list: reader('companies')
    .meta(rest('GET', '/companies', 'List companies'))
    .input(listInput)
    .output(companyPage)
    .query(({ ctx, input }) => crmCall(ctx, (crm) => listCompanies(crm, input))),
  get: reader('companies')
    .meta(rest('GET', '/companies/{companyId}', 'Get a company'))
    .input(z.object({ companyId: id }))
    .output(companyOutput)
    .query(({ ctx, input }) => crmCall(ctx, (crm) => getCompany(crm, input.companyId))),
  create: writer('companies')
    .meta(rest('POST', '/companies', 'Create a company'))
    .input(z.object({ company: companyInput }))
    .output(companyOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => createCompany(crm, input.company))),
  update: writer('companies')
    .meta(rest('PATCH', '/companies/{companyId}', "Change a company's fields"))
    .input(z.object({ companyId: id, changes: companyPatch }))
    .output(companyOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => updateCompany(crm, input.companyId, input.changes))),
  delete: writer('companies')
    .meta(rest('DELETE', '/companies/{companyId}', 'Delete a company (its contacts and deals stay)'))
    .input(z.object({ companyId: id }))
    .output(deleted)
    .mutation(async ({ ctx, input }) => {
      await crmCall(ctx, (crm) => deleteCompany(crm, input.companyId));
      return { deleted: 1 };
    }),
  bulkUpdate: writer('companies')
    .meta(rest('POST', '/companies/bulk-update', 'Change owner, account type or tags of up to 500 companies'))
    .input(bulk(companyBulkChange))
    .output(updated)
    .mutation(async ({ ctx, input }) => ({
      updated: await crmCall(ctx, (crm) => bulkUpdateCompanies(crm, input.ids, input.change)),
    })),
  bulkDelete: writer('companies')
    .meta(rest('POST', '/companies/bulk-delete', 'Delete up to 500 companies'))
    .input(z.object({ ids: recordIds }))
    .output(deleted)
    .mutation(async ({ ctx, input }) => ({ deleted: await crmCall(ctx, (crm) => deleteCompanies(crm, input.ids)) })),
  duplicates: reader('companies')
    .meta(rest('GET', '/companies/{companyId}/duplicates', 'Companies alike by name or phone'))
    .input(z.object({ companyId: id }))
    .output(z.array(duplicateCandidate))
    .query(({ ctx, input }) => crmCall(ctx, (crm) => duplicatesOf(crm, 'company', input.companyId))),
  merge: writer('companies')
    .meta(rest('POST', '/companies/{companyId}/merge', 'Merge other companies into this one'))
    .input(z.object({ companyId: id, ...mergeShape }))
    .output(companyOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => mergeCompanies(crm, { ...input, survivorId: input.companyId }))),
});

const dealsRouter = router({
  list: reader('deals')
    .meta(rest('GET', '/deals', 'List deals'))
    .input(listInput)
    .output(dealPage)
    .query(({ ctx, input }) => crmCall(ctx, (crm) => listDeals(crm, input))),
  get: reader('deals')
    .meta(rest('GET', '/deals/{dealId}', 'Get a deal'))
    .input(z.object({ dealId: id }))
    .output(dealOutput)
    .query(({ ctx, input }) => crmCall(ctx, (crm) => getDeal(crm, input.dealId))),
  create: writer('deals')
    .meta(rest('POST', '/deals', 'Create a deal'))
    .input(z.object({ deal: dealInput }))
    .output(dealOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => createDeal(crm, input.deal))),
  update: writer('deals')
    .meta(rest('PATCH', '/deals/{dealId}', "Change a deal's fields"))
    .input(z.object({ dealId: id, changes: dealPatch }))
    .output(dealOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => updateDeal(crm, input.dealId, input.changes))),
  move: writer('deals')
    .meta(rest('POST', '/deals/{dealId}/move', 'Move a deal to another stage of its pipeline'))
    .input(z.object({ dealId: id, stageId: id, closeReason: z.string().trim().max(500).nullable().optional() }))
    .output(dealOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => moveDeal(crm, input.dealId, input.stageId, input.closeReason))),
  delete: writer('deals')
    .meta(rest('DELETE', '/deals/{dealId}', 'Delete a deal'))
    .input(z.object({ dealId: id }))
    .output(deleted)
    .mutation(async ({ ctx, input }) => {
      await crmCall(ctx, (crm) => deleteDeal(crm, input.dealId));
      return { deleted: 1 };
    }),
  bulkUpdate: writer('deals')
    .meta(rest('POST', '/deals/bulk-update', 'Change owner or tags of up to 500 deals'))
    .input(bulk(dealBulkChange))
    .output(updated)
    .mutation(async ({ ctx, input }) => ({
      updated: await crmCall(ctx, (crm) => bulkUpdateDeals(crm, input.ids, input.change)),
    })),
  bulkDelete: writer('deals')
    .meta(rest('POST', '/deals/bulk-delete', 'Delete up to 500 deals'))
    .input(z.object({ ids: recordIds }))
    .output(deleted)
    .mutation(async ({ ctx, input }) => ({ deleted: await crmCall(ctx, (crm) => deleteDeals(crm, input.ids)) })),
  board: reader('deals')
    .meta(rest('GET', '/board', "A pipeline's stages with their deals and totals (the default pipeline when none is named)"))
    .input(z.object({ pipelineId: id.optional(), perStage: z.number().int().min(1).max(200).default(50) }))
    .output(boardOutput)
    .query(({ ctx, input }) => crmCall(ctx, (crm) => board(crm, input.pipelineId, input.perStage))),
  reports: reader('deals')
    .meta(rest('GET', '/reports', 'Pipeline value, forecast, win rate, deals won per month, activities per member'))
    .input(reportInput)
    .output(reportsOutput)
    .query(({ ctx, input }) => crmCall(ctx, (crm) => reports(crm, input))),
});

const pipelinesRouter = router({
  list: reader('deals')
    .meta(rest('GET', '/pipelines', 'List pipelines and their stages (the default one is made on first use)'))
    .output(z.array(pipelineOutput))
    .query(({ ctx }) =>
      crmCall(ctx, async (crm) => {
        await ensureDefaultPipeline(crm);
        return listPipelines(crm);
      }),
    ),
  create: writer('deals')
    .meta(rest('POST', '/pipelines', 'Create a pipeline with its stages'))
    .input(z.object({ pipeline: pipelineInput }))
    .output(pipelineOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => createPipeline(crm, input.pipeline))),
  update: writer('deals')
    .meta(rest('PATCH', '/pipelines/{pipelineId}', 'Rename, set rotting days, make default, or change the stages'))
    .input(pipelinePatch)
    .output(pipelineOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => updatePipeline(crm, input))),
  delete: writer('deals')
    .meta(rest('DELETE', '/pipelines/{pipelineId}', 'Delete a pipeline without deals'))
    .input(z.object({ pipelineId: id }))
    .output(deleted)
    .mutation(async ({ ctx, input }) => {
      await crmCall(ctx, (crm) => deletePipeline(crm, input.pipelineId));
      return { deleted: 1 };
    }),
});

const activitiesRouter = router({
  timeline: reader('activities')
    .meta(rest('GET', '/timeline', "A contact's, company's or deal's activities and field changes, newest first"))
    .input(
      z.object({
        entity,
        recordId: id,
        limit: z.number().int().min(1).max(100).default(30),
        cursor: z.string().max(500).optional(),
      }),
    )
    .output(timelinePage)
    .query(({ ctx, input }) => crmCall(ctx, (crm) => timeline(crm, input.entity, input.recordId, input.limit, input.cursor))),
  create: writer('activities')
    .meta(rest('POST', '/activities', 'Log a note, call, meeting or email, or add a task'))
    .input(z.object({ activity: activityInput }))
    .output(activityOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => createActivity(crm, input.activity))),
  update: writer('activities')
    .meta(rest('PATCH', '/activities/{activityId}', 'Change an activity'))
    .input(z.object({ activityId: id, changes: activityPatch }))
    .output(activityOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => updateActivity(crm, input.activityId, input.changes))),
  complete: writer('activities')
    .meta(rest('POST', '/activities/{activityId}/complete', 'Mark a task done (or not done)'))
    .input(z.object({ activityId: id, done: z.boolean().default(true) }))
    .output(activityOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => setTaskDone(crm, input.activityId, input.done))),
  delete: writer('activities')
    .meta(rest('DELETE', '/activities/{activityId}', 'Delete an activity'))
    .input(z.object({ activityId: id }))
    .output(deleted)
    .mutation(async ({ ctx, input }) => {
      await crmCall(ctx, (crm) => deleteActivity(crm, input.activityId));
      return { deleted: 1 };
    }),
  /** The signed-in member's open tasks (overdue first); tokens have no "me" and are refused. */
  myTasks: member
    .input(z.object({ onlyOverdue: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) }))
    .output(z.array(activityOutput))
    .query(({ ctx, input }) =>
      crmCall(ctx, (crm) =>
        openTasks(crm, ctx.caller.kind === 'member' ? ctx.caller.userId : '', input.onlyOverdue, input.limit),
      ),
    ),
});

const fieldsRouter = router({
  list: reader('contacts')
    .meta(rest('GET', '/custom-fields', 'The custom fields of contacts, companies or deals'))
    .input(z.object({ entity }))
    .output(z.array(customFieldOutput))
    .query(({ ctx, input }) => crmCall(ctx, (crm) => listCustomFields(crm, input.entity))),
  create: systemModuleProcedure(crmModule, 'admin')
    .meta({ scope: 'crm.contacts:write', ...rest('POST', '/custom-fields', 'Define a custom field') })
    .input(z.object({ field: customFieldInput }))
    .output(customFieldOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => createCustomField(crm, input.field))),
  update: systemModuleProcedure(crmModule, 'admin')
    .meta({
      scope: 'crm.contacts:write',
      ...rest('PATCH', '/custom-fields/{fieldId}', "Change a custom field's label, choices, required or position"),
    })
    .input(customFieldUpdate)
    .output(customFieldOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => updateCustomField(crm, input))),
  delete: systemModuleProcedure(crmModule, 'admin')
    .meta({ scope: 'crm.contacts:write', ...rest('DELETE', '/custom-fields/{fieldId}', 'Delete a custom field and its values') })
    .input(z.object({ fieldId: id }))
    .output(deleted)
    .mutation(async ({ ctx, input }) => {
      await crmCall(ctx, (crm) => deleteCustomField(crm, input.fieldId));
      return { deleted: 1 };
    }),
});

const segmentsRouter = router({
  list: reader('contacts')
    .meta(rest('GET', '/segments', 'List segments'))
    .input(z.object({ entity: entity.optional() }))
    .output(z.array(segmentOutput))
    .query(({ ctx, input }) => crmCall(ctx, (crm) => listSegments(crm, input.entity))),
  create: writer('contacts')
    .meta(rest('POST', '/segments', 'Save a segment: rules and (later) static members'))
    .input(z.object({ segment: segmentInput }))
    .output(segmentOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => createSegment(crm, input.segment))),
  update: writer('contacts')
    .meta(rest('PATCH', '/segments/{segmentId}', 'Rename a segment or change its rules'))
    .input(segmentPatch)
    .output(segmentOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => updateSegment(crm, input))),
  delete: writer('contacts')
    .meta(rest('DELETE', '/segments/{segmentId}', 'Delete a segment (its records stay)'))
    .input(z.object({ segmentId: id }))
    .output(deleted)
    .mutation(async ({ ctx, input }) => {
      await crmCall(ctx, (crm) => deleteSegment(crm, input.segmentId));
      return { deleted: 1 };
    }),
  members: writer('contacts')
    .meta(rest('POST', '/segments/{segmentId}/members', 'Add (or remove) static members'))
    .input(membersInput)
    .output(segmentOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => setSegmentMembers(crm, input))),
});

const viewsRouter = router({
  list: member
    .input(z.object({ entity }))
    .output(z.array(viewOutput))
    .query(({ ctx, input }) => crmCall(ctx, (crm) => listViews(crm, input.entity))),
  save: member
    .input(z.object({ view: viewInput, viewId: id.optional() }))
    .output(viewOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => saveView(crm, { ...input.view, viewId: input.viewId }))),
  delete: member
    .input(z.object({ viewId: id }))
    .output(deleted)
    .mutation(async ({ ctx, input }) => {
      await crmCall(ctx, (crm) => deleteView(crm, input.viewId));
      return { deleted: 1 };
    }),
});

const importsRouter = router({
  list: reader('contacts')
    .meta(rest('GET', '/imports', 'The last 20 imports and their progress'))
    .output(z.array(importOutput))
    .query(({ ctx }) => crmCall(ctx, (crm) => listImports(crm))),
  get: reader('contacts')
    .meta(rest('GET', '/imports/{importId}', "An import's progress and counts"))
    .input(z.object({ importId: id }))
    .output(importOutput)
    .query(({ ctx, input }) => crmCall(ctx, (crm) => getImport(crm, input.importId))),
  rejects: reader('contacts')
    .meta(rest('GET', '/imports/{importId}/rejects', "An import's rejected rows with their line and reason"))
    .input(z.object({ importId: id, limit: z.number().int().min(1).max(1000).default(200) }))
    .output(z.array(rejectOutput))
    .query(({ ctx, input }) => crmCall(ctx, (crm) => importRejects(crm, input.importId, input.limit))),
  /** Starts an import; its file goes to POST /api/crm/sites/{siteId}/imports (http/crm-files.ts), which calls this first. */
  create: systemModuleProcedure(crmModule)
    .meta({ scope: 'crm.contacts:write' })
    .input(importOptions)
    .output(importOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => startImport(crm, input))),
  preview: writer('contacts')
    .meta(rest('POST', '/imports/preview', 'Headers, a suggested column mapping and the first rows checked'))
    .input(previewInput)
    .output(previewOutput)
    .mutation(({ ctx, input }) => crmCall(ctx, (crm) => previewImport(crm, input))),
});

export const crmRouter = router({
  contacts: contactsRouter,
  companies: companiesRouter,
  deals: dealsRouter,
  pipelines: pipelinesRouter,
  activities: activitiesRouter,
  fields: fieldsRouter,
  segments: segmentsRouter,
  views: viewsRouter,
  imports: importsRouter,
});
