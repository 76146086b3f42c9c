// Activities on the timelines of contacts, companies and deals: notes, calls, meetings, logged
// emails and tasks. A call, meeting or email with a contact updates its "last contacted".
import type { CrmActivity } from '@dramac/db';
import { z } from 'zod';
import { notFound } from '../errors.ts';
import { dateTime } from '../lib/schemas.ts';
import { id } from '../trpc.ts';
import { throwProblems } from './contacts.ts';
import type { ActivityPayload, TaskPayload } from './crm.events.ts';
import { instantInput, optionalText, parseInput } from './crm.schemas.ts';
import type { Crm } from './crm-tx.ts';

export const activityTypes = ['note', 'call', 'meeting', 'email', 'task'] as const;
export const priorities = ['low', 'medium', 'high', 'urgent'] as const;

const links = {
  contactId: id.nullable().optional(),
  companyId: id.nullable().optional(),
  dealId: id.nullable().optional(),
};
const common = {
  subject: z.string().trim().max(300).default(''),
  body: z.string().max(20_000).default(''),
  occurredAt: instantInput.optional(),
  ...links,
};

export const activityInput = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('note'), ...common }),
    z.object({
      type: z.literal('call'),
      ...common,
      durationSeconds: z.number().int().min(0).max(86_400).nullable().optional(),
      direction: z.enum(['inbound', 'outbound']).nullable().optional(),
      outcome: optionalText(100),
    }),
    z.object({
      type: z.literal('meeting'),
      ...common,
      startsAt: instantInput,
      endsAt: instantInput.nullable().optional(),
      location: optionalText(300),
      attendees: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
    }),
    z.object({ type: z.literal('email'), ...common, direction: z.enum(['inbound', 'outbound']).nullable().optional() }),
    z.object({
      type: z.literal('task'),
      ...common,
      subject: z.string().trim().min(1, 'Say what is to be done').max(300),
      dueAt: instantInput.nullable().optional(),
      priority: z.enum(priorities).default('medium'),
      assigneeId: id.nullable().optional(),
    }),
  ])
  .superRefine((a, ctx) => {
    if (!a.contactId && !a.companyId && !a.dealId)
      ctx.addIssue({ code: 'custom', path: ['contactId'], message: 'Attach the activity to a contact, a company or a deal' });
    if (a.type === 'meeting' && a.endsAt && a.endsAt < a.startsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'A meeting ends after it starts' });
    if (a.type !== 'task' && !a.subject.trim() && !a.body.trim())
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'Write something' });
  });
export type ActivityInput = z.input<typeof activityInput>;

export const activityPatch = z.object({
  subject: z.string().trim().max(300).optional(),
  body: z.string().max(20_000).optional(),
  dueAt: instantInput.nullable().optional(),
  priority: z.enum(priorities).optional(),
  assigneeId: id.nullable().optional(),
  outcome: optionalText(100),
});

export const activityOutput = z.object({
  id: z.string(),
  type: z.enum(activityTypes),
  subject: z.string(),
  body: z.string(),
  contactId: z.string().nullable(),
  companyId: z.string().nullable(),
  dealId: z.string().nullable(),
  createdById: z.string().nullable(),
  occurredAt: dateTime(),
  durationSeconds: z.number().int().nullable(),
  direction: z.string().nullable(),
  outcome: z.string().nullable(),
  startsAt: dateTime().nullable(),
  endsAt: dateTime().nullable(),
  location: z.string().nullable(),
  attendees: z.array(z.string()),
  dueAt: dateTime().nullable(),
  priority: z.enum(priorities).nullable(),
  assigneeId: z.string().nullable(),
  completedAt: dateTime().nullable(),
  overdue: z.boolean(),
});
export type ActivityOutput = z.infer<typeof activityOutput>;

export function toActivity(a: CrmActivity, now = new Date()): ActivityOutput {
  return {
    id: a.id,
    type: a.type,
    subject: a.subject,
    body: a.body,
    contactId: a.contactId,
    companyId: a.companyId,
    dealId: a.dealId,
    createdById: a.createdById,
    occurredAt: a.occurredAt,
    durationSeconds: a.durationSeconds,
    direction: a.direction,
    outcome: a.outcome,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    location: a.location,
    attendees: a.attendees,
    dueAt: a.dueAt,
    priority: a.priority,
    assigneeId: a.assigneeId,
    completedAt: a.completedAt,
    overdue: a.type === 'task' && !a.completedAt && !!a.dueAt && a.dueAt < now,
  };
}

const activityPayload = (a: ActivityOutput): ActivityPayload => ({
  id: a.id,
  type: a.type,
  subject: a.subject,
  contactId: a.contactId,
  companyId: a.companyId,
  dealId: a.dealId,
  occurredAt: a.occurredAt.toISOString(),
  createdById: a.createdById,
});
const taskPayload = (a: ActivityOutput): TaskPayload => ({
  ...activityPayload(a),
  assigneeId: a.assigneeId,
  dueAt: a.dueAt?.toISOString() ?? null,
  completedAt: a.completedAt?.toISOString() ?? null,
});

type Problem = { path: PropertyKey[]; message: string };

export async function createActivity(crm: Crm, raw: ActivityInput): Promise<ActivityOutput> {
  const input = parseInput(activityInput, raw);
  const problems: Problem[] = [];
  const site = crm.site.id;
  if (input.contactId && !(await crm.tx.crmContact.count({ where: { id: input.contactId, siteId: site } })))
    problems.push({ path: ['contactId'], message: 'No such contact on this site' });
  if (input.companyId && !(await crm.tx.crmCompany.count({ where: { id: input.companyId, siteId: site } })))
    problems.push({ path: ['companyId'], message: 'No such company on this site' });
  if (input.dealId && !(await crm.tx.crmDeal.count({ where: { id: input.dealId, siteId: site } })))
    problems.push({ path: ['dealId'], message: 'No such deal on this site' });
  if (input.type === 'task' && input.assigneeId && !(await crm.isMember(input.assigneeId)))
    problems.push({ path: ['assigneeId'], message: 'The assignee must be a member of the agency' });
  throwProblems(problems, 'activity');
  const occurredAt = input.occurredAt ?? (input.type === 'meeting' ? input.startsAt : new Date());
  const row = await crm.tx.crmActivity.create({
    data: {
      ...input,
      siteId: site,
      occurredAt,
      createdById: crm.actorId,
      ...(input.type === 'task' ? { assigneeId: input.assigneeId ?? crm.actorId } : {}),
    },
  });
  if (input.contactId && (input.type === 'call' || input.type === 'meeting' || input.type === 'email')) {
    await crm.tx.crmContact.updateMany({
      where: { id: input.contactId, OR: [{ lastContactedAt: null }, { lastContactedAt: { lt: occurredAt } }] },
      data: { lastContactedAt: occurredAt },
    });
  }
  const activity = toActivity(row);
  crm.emit('crm.activity.created', { activity: activityPayload(activity) });
  return activity;
}

async function findActivity(crm: Crm, activityId: string) {
  const a = await crm.tx.crmActivity.findFirst({ where: { id: activityId, siteId: crm.site.id } });
  if (!a) throw notFound('Activity');
  return a;
}

export async function updateActivity(crm: Crm, activityId: string, raw: z.input<typeof activityPatch>): Promise<ActivityOutput> {
  const patch = parseInput(activityPatch, raw);
  const a = await findActivity(crm, activityId);
  if (a.type !== 'task' && (patch.dueAt !== undefined || patch.priority || patch.assigneeId !== undefined)) {
    throwProblems([{ path: ['dueAt'], message: 'Only tasks have a due date, a priority and an assignee' }], 'activity');
  }
  if (patch.assigneeId && !(await crm.isMember(patch.assigneeId)))
    throwProblems([{ path: ['assigneeId'], message: 'The assignee must be a member of the agency' }], 'task');
  return toActivity(await crm.tx.crmActivity.update({ where: { id: a.id }, data: patch }));
}

/** Marks a task done (announced once, when it becomes done) or not done again. */
export async function setTaskDone(crm: Crm, activityId: string, done: boolean): Promise<ActivityOutput> {
  const a = await findActivity(crm, activityId);
  if (a.type !== 'task') throwProblems([{ path: ['activityId'], message: 'Only tasks can be done' }], 'activity');
  if (done === !!a.completedAt) return toActivity(a);
  const row = await crm.tx.crmActivity.update({ where: { id: a.id }, data: { completedAt: done ? new Date() : null } });
  const task = toActivity(row);
  if (done) crm.emit('crm.task.completed', { task: taskPayload(task) });
  return task;
}

export async function deleteActivity(crm: Crm, activityId: string): Promise<void> {
  const a = await findActivity(crm, activityId);
  await crm.tx.crmActivity.delete({ where: { id: a.id } });
}

/** Open tasks of a member: overdue first (oldest due first), then upcoming, then undated. */
export async function openTasks(crm: Crm, assigneeId: string, onlyOverdue: boolean, limit: number): Promise<ActivityOutput[]> {
  const now = new Date();
  const rows = await crm.tx.crmActivity.findMany({
    where: { siteId: crm.site.id, type: 'task', assigneeId, completedAt: null, ...(onlyOverdue ? { dueAt: { lt: now } } : {}) },
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    take: limit,
  });
  return rows.map((r) => toActivity(r, now));
}
