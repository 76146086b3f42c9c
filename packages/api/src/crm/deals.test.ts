// Pipelines, deals and the board: exact money, probability from the stage, stage history,
// won/lost by stage type, rotting, totals that add up to the cent, and the reports.
import { describe, expect, it } from 'vitest';
import { createActivity, openTasks, setTaskDone } from './activities.ts';
import { board } from './board.ts';
import { createDeal, moveDeal, updateDeal } from './deals.ts';
import { createPipeline, updatePipeline } from './pipelines.ts';
import { reports } from './reports.ts';
import { crmScenario } from './testing/crm-scenario.ts';
import { timeline } from './timeline.ts';

const c = await crmScenario();
const stages = async () => {
  const p = await c.pipeline();
  const by = (name: string) => p.stages.find((s) => s.name === name)?.id as string;
  return {
    pipeline: p,
    lead: by('New lead'),
    qualified: by('Qualified'),
    proposal: by('Proposal sent'),
    won: by('Won'),
    lost: by('Lost'),
  };
};

describe('pipelines', () => {
  it('start with a default pipeline of ordered stages, made once', async () => {
    const p = await c.pipeline();
    expect(p).toMatchObject({ name: 'Sales pipeline', isDefault: true, rottingDays: 30 });
    expect(p.stages.map((s) => [s.name, s.probability, s.type])).toEqual([
      ['New lead', 10, 'open'],
      ['Qualified', 25, 'open'],
      ['Proposal sent', 50, 'open'],
      ['Negotiation', 75, 'open'],
      ['Won', 100, 'won'],
      ['Lost', 0, 'lost'],
    ]);
    expect((await c.pipeline()).id).toBe(p.id);
  });

  it('refuse to drop a stage that still has deals unless they are moved', async () => {
    const p = await c.run((crm) =>
      createPipeline(crm, {
        name: 'Renewals',
        stages: [
          { name: 'Due', probability: 50 },
          { name: 'Renewed', probability: 100, type: 'won' },
        ],
      }),
    );
    const [due, renewed] = p.stages;
    const deal = await c.deal({ name: 'Renewal 2027', pipelineId: p.id, amount: { amountMinor: 100, currency: 'EUR' } });
    const without = p.stages.filter((s) => s.id !== due?.id).map((s) => ({ ...s }));
    await expect(
      c.run((crm) => updatePipeline(crm, { pipelineId: p.id, stages: [{ name: 'Upcoming', probability: 20 }, ...without] })),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('"Due" still has 1 deal'),
    });
    const after = await c.run((crm) =>
      updatePipeline(crm, {
        pipelineId: p.id,
        stages: [{ name: 'Upcoming', probability: 20 }, ...without],
        moveDealsTo: { [due?.id as string]: renewed?.id as string },
      }),
    );
    expect(after.stages.map((s) => s.name)).toEqual(['Upcoming', 'Renewed']);
    expect((await c.run((crm) => board(crm, p.id, 10))).stages[1]?.deals.map((d) => d.id)).toEqual([deal.id]);
  });
});

describe('deals', () => {
  it('hold exact money, take the stage’s probability unless overridden, and weight it half up', async () => {
    const { qualified } = await stages();
    const d = await c.deal({ name: 'Odd cents', stageId: qualified, amount: { amountMinor: 1002, currency: 'EUR' } });
    // 1002 × 25% = 250.5 → 251
    expect(d).toMatchObject({ probability: 25, weightedAmount: { amountMinor: 251, currency: 'EUR' }, status: 'open' });
    const o = await c.run((crm) => updateDeal(crm, d.id, { probabilityOverride: 33 }));
    // 1002 × 33% = 330.66 → 331
    expect(o).toMatchObject({ probability: 33, weightedAmount: { amountMinor: 331 } });
    await expect(c.deal({ name: 'Float', amount: { amountMinor: 10.5, currency: 'EUR' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(c.deal({ name: 'Site currency' })).resolves.toMatchObject({
      amount: { amountMinor: 0, currency: c.site.currency },
    });
  });

  it('record every stage change with who and when, close on won/lost stages, and announce each once', async () => {
    const { lead, proposal, won, lost } = await stages();
    const contact = await c.contact({ firstName: 'Buyer' });
    const d = await c.deal({
      name: 'Shop relaunch',
      contactId: contact.id,
      stageId: lead,
      amount: { amountMinor: 500000, currency: 'EUR' },
    });
    await c.run((crm) => moveDeal(crm, d.id, proposal));
    const wonDeal = await c.run((crm) => moveDeal(crm, d.id, won));
    expect(wonDeal).toMatchObject({
      status: 'won',
      probability: 100,
      stageName: 'Won',
      actualCloseDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const changes = await c.s.services.db.crmDealStageChange.findMany({ where: { dealId: d.id }, orderBy: { changedAt: 'asc' } });
    expect(changes.map((x) => [x.fromStageId, x.toStageId, x.changedById])).toEqual([
      [null, lead, c.owner.id],
      [lead, proposal, c.owner.id],
      [proposal, won, c.owner.id],
    ]);
    const events = (await c.events())
      .filter((e) => (e.payload as { deal?: { id: string } }).deal?.id === d.id)
      .map((e) => e.type);
    expect(events.sort()).toEqual(['crm.deal.created', 'crm.deal.stage_changed', 'crm.deal.stage_changed', 'crm.deal.won']);
    const history = await c.run((crm) => timeline(crm, 'deal', d.id, 10));
    expect(history.items.flatMap((i) => (i.kind === 'change' ? [`${i.old} → ${i.new}`] : []))).toEqual([
      'Proposal sent → Won',
      'New lead → Proposal sent',
    ]);

    const nope = await c.deal({ name: 'Nope', stageId: lead });
    const lostDeal = await c.run((crm) => moveDeal(crm, nope.id, lost, 'Budget cut'));
    expect(lostDeal).toMatchObject({ status: 'lost', closeReason: 'Budget cut', probability: 0 });
  });

  it('refuse a move the rules forbid, and change nothing', async () => {
    const { lead, won } = await stages();
    const free = await c.deal({ name: 'No amount yet', stageId: lead });
    await expect(c.run((crm) => moveDeal(crm, free.id, won))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('needs an amount'),
    });
    const other = await c.run((crm) =>
      createPipeline(crm, {
        name: 'Other',
        stages: [
          { name: 'A', probability: 1 },
          { name: 'B', probability: 2 },
        ],
      }),
    );
    await expect(c.run((crm) => moveDeal(crm, free.id, other.stages[0]?.id as string))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await c.s.services.db.crmDeal.findUniqueOrThrow({ where: { id: free.id } })).stageId).toBe(lead);
  });

  it('are rotting when open and untouched longer than the pipeline allows', async () => {
    const { qualified } = await stages();
    const d = await c.deal({ name: 'Forgotten', stageId: qualified, amount: { amountMinor: 100, currency: 'EUR' } });
    expect(d.rotting).toBe(false);
    await c.s.services.db.crmDeal.update({
      where: { id: d.id },
      data: { stageChangedAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    const col = (await c.run((crm) => board(crm, undefined, 200))).stages.find((s) => s.stage.id === qualified);
    expect(col?.deals.find((x) => x.id === d.id)?.rotting).toBe(true);
  });
});

describe('the board and reports', () => {
  it('total each stage exactly per currency, and reports agree with the board', async () => {
    const site = await c.otherSite();
    const p = await site.pipeline();
    const [first, second] = p.stages;
    // three amounts whose float sum is not exact: 0.1 + 0.2 + 0.7 EUR … as cents they add up
    for (const cents of [10, 20, 70])
      await site.deal({ name: `Small ${cents}`, stageId: first?.id, amount: { amountMinor: cents, currency: 'EUR' } });
    await site.deal({ name: 'Big', stageId: first?.id, amount: { amountMinor: 900_719_925_474_099, currency: 'EUR' } });
    await site.deal({ name: 'Dollars', stageId: second?.id, amount: { amountMinor: 12_345, currency: 'USD' } });
    const b = await site.run((crm) => board(crm, p.id, 2));
    const col = b.stages[0];
    expect(col).toMatchObject({ count: 4, total: [{ currency: 'EUR', amountMinor: 900_719_925_474_199 }] });
    // weighted at 10%, each deal rounded half up: 1 + 2 + 7 + 90_071_992_547_410 (…409.9 → …410)
    expect(col?.weighted).toEqual([{ currency: 'EUR', amountMinor: 90_071_992_547_420 }]);
    expect(col?.deals).toHaveLength(2); // a page per stage; the count covers them all
    expect(b.stages[1]).toMatchObject({
      count: 1,
      total: [{ currency: 'USD', amountMinor: 12_345 }],
      weighted: [{ currency: 'USD', amountMinor: 3086 }],
    });

    const r = await site.run((crm) => reports(crm, {}));
    expect(r.pipelineValue.stages[0]).toMatchObject({ count: 4, total: col?.total, weighted: col?.weighted });
  });

  it('count wins and losses, deals won per month and activities per member', async () => {
    const site = await c.otherSite();
    const p = await site.pipeline();
    const won = p.stages.find((s) => s.type === 'won')?.id as string;
    const lost = p.stages.find((s) => s.type === 'lost')?.id as string;
    const a = await site.deal({ name: 'A', amount: { amountMinor: 1000, currency: 'EUR' } });
    const b = await site.deal({ name: 'B', amount: { amountMinor: 2500, currency: 'EUR' } });
    const l = await site.deal({ name: 'L', amount: { amountMinor: 99, currency: 'EUR' } });
    await site.run((crm) => moveDeal(crm, a.id, won));
    await site.run((crm) => moveDeal(crm, b.id, won));
    await site.run((crm) => moveDeal(crm, l.id, lost));
    await site.activity({ type: 'call', subject: 'Intro', dealId: a.id });
    await site.activity({ type: 'note', body: 'Met at the fair', dealId: a.id });
    const r = await site.run((crm) => reports(crm, {}));
    expect(r.winRate).toEqual({ won: 2, lost: 1, rate: 2 / 3, wonValue: [{ currency: 'EUR', amountMinor: 3500 }] });
    expect(r.wonPerMonth.at(-1)).toEqual({
      month: r.period.to.slice(0, 7),
      count: 2,
      total: [{ currency: 'EUR', amountMinor: 3500 }],
    });
    expect(r.wonPerMonth).toHaveLength(12);
    expect(r.activitiesPerMember).toEqual([{ memberId: site.owner.id, total: 2, byType: { call: 1, note: 1 } }]);
    await expect(site.run((crm) => reports(crm, { pipelineId: 'nope' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('tasks', () => {
  it('list a member’s overdue tasks and announce completion once', async () => {
    const contact = await c.contact({ firstName: 'Tess' });
    const late = await c.run((crm) =>
      createActivity(crm, {
        type: 'task',
        subject: 'Send offer',
        contactId: contact.id,
        dueAt: new Date(Date.now() - 3_600_000).toISOString(),
        priority: 'urgent',
      }),
    );
    await c.run((crm) =>
      createActivity(crm, {
        type: 'task',
        subject: 'Later',
        contactId: contact.id,
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    );
    const overdue = await c.run((crm) => openTasks(crm, c.owner.id, true, 50));
    expect(overdue.map((t) => [t.subject, t.overdue, t.priority])).toEqual([['Send offer', true, 'urgent']]);
    await c.run((crm) => setTaskDone(crm, late.id, true));
    await c.run((crm) => setTaskDone(crm, late.id, true));
    expect(
      (await c.events('crm.task.completed')).filter((e) => (e.payload as { task: { id: string } }).task.id === late.id),
    ).toHaveLength(1);
    expect(await c.run((crm) => openTasks(crm, c.owner.id, true, 50))).toEqual([]);
  });

  it('mark a contact contacted when a call is logged', async () => {
    const contact = await c.contact({ firstName: 'Callee' });
    const at = '2026-11-20T10:00:00.000Z';
    await c.activity({
      type: 'call',
      subject: 'Follow-up',
      contactId: contact.id,
      occurredAt: at,
      durationSeconds: 300,
      direction: 'outbound',
    });
    expect(
      (await c.s.services.db.crmContact.findUniqueOrThrow({ where: { id: contact.id } })).lastContactedAt?.toISOString(),
    ).toBe(at);
    await expect(c.activity({ type: 'note', body: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

it('creates a deal in the default pipeline’s first stage when none is named', async () => {
  const d = await c.run((crm) => createDeal(crm, { name: 'Defaults' }));
  const { lead, pipeline } = await stages();
  expect(d).toMatchObject({ pipelineId: pipeline.id, stageId: lead });
});
