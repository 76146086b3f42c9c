// Lists (search, filters on built-in and custom fields, multi-column sort, keyset pages,
// segments), duplicates and merge, CSV import and export.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createActivity } from './activities.ts';
import { getContact } from './contacts.ts';
import { createCustomField } from './custom-fields.ts';
import { duplicatesOf, mergeCompanies, mergeContacts } from './duplicates.ts';
import { exportCsv } from './export.ts';
import { getImport, importRejects, previewImport, runImport, startImport } from './import.ts';
import { listContacts, listDeals } from './lists.ts';
import { createSegment, setSegmentMembers } from './segments.ts';
import { crmScenario } from './testing/crm-scenario.ts';
import { timeline } from './timeline.ts';

const c = await crmScenario();
const names = (page: { items: { firstName: string }[] }) => page.items.map((i) => i.firstName);

describe('lists', async () => {
  const site = await c.otherSite();
  await site.run((crm) =>
    createCustomField(crm, { entity: 'contact', key: 'tier', label: 'Tier', type: 'select', options: ['gold', 'silver'] }),
  );
  await site.run((crm) => createCustomField(crm, { entity: 'contact', key: 'seats', label: 'Seats', type: 'number' }));
  const people: [string, string, string, number, string | null, number | null][] = [
    ['Ada', 'Lovelace', 'customer', 80, 'gold', 10],
    ['Alan', 'Turing', 'lead', 60, 'silver', 2],
    ['Grace', 'Hopper', 'customer', 90, 'gold', 25],
    ['Edsger', 'Dijkstra', 'churned', 40, null, null],
    ['Barbara', 'Liskov', 'lead', 60, 'gold', 7],
  ];
  for (const [firstName, lastName, status, leadScore, tier, seats] of people) {
    await site.contact({
      firstName,
      lastName,
      status: status as 'lead',
      leadScore,
      emails: [`${firstName.toLowerCase()}@computing.test`],
      customFields: { ...(tier ? { tier } : {}), ...(seats !== null ? { seats } : {}) },
    });
  }
  // another site's contacts never show up
  await c.contact({ firstName: 'Ada', lastName: 'Elsewhere', status: 'customer' });
  const list = (input: Parameters<typeof listContacts>[1]) => site.run((crm) => listContacts(crm, input));

  it('search names and emails, and filter on built-in and custom fields', async () => {
    expect(names(await list({ q: 'ada' }))).toEqual(['Ada']);
    expect(names(await list({ q: 'COMPUTING.test', sort: 'firstName' }))).toEqual(['Ada', 'Alan', 'Barbara', 'Edsger', 'Grace']);
    expect(
      names(await list({ filter: JSON.stringify([{ field: 'status', op: 'eq', value: 'customer' }]), sort: 'firstName' })),
    ).toEqual(['Ada', 'Grace']);
    expect(
      names(await list({ filter: JSON.stringify([{ field: 'custom.tier', op: 'eq', value: 'gold' }]), sort: 'firstName' })),
    ).toEqual(['Ada', 'Barbara', 'Grace']);
    expect(
      names(await list({ filter: JSON.stringify([{ field: 'custom.seats', op: 'gte', value: 7 }]), sort: '-custom.seats' })),
    ).toEqual(['Grace', 'Ada', 'Barbara']);
    expect(names(await list({ filter: JSON.stringify([{ field: 'custom.tier', op: 'empty' }]) }))).toEqual(['Edsger']);
    const page = await list({
      filter: JSON.stringify([{ field: 'leadScore', op: 'in', value: ['60', '90'] }]),
      sort: 'firstName',
    });
    expect([names(page), page.total]).toEqual([['Alan', 'Barbara', 'Grace'], 3]);
  });

  it('sort by several columns and page with a keyset cursor, nothing lost or repeated', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ sort: '-leadScore,custom.tier,lastName', limit: 2, cursor });
      seen.push(...names(page));
      expect(page.total).toBe(5);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // 90 Grace; 80 Ada; 60 gold Barbara before 60 silver Alan; 40 Edsger
    expect(seen).toEqual(['Grace', 'Ada', 'Barbara', 'Alan', 'Edsger']);
    const nullsLast: string[] = [];
    cursor = undefined;
    do {
      const page = await list({ sort: 'custom.seats', limit: 2, cursor });
      nullsLast.push(...names(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(nullsLast).toEqual(['Alan', 'Barbara', 'Ada', 'Grace', 'Edsger']);
  });

  it('refuse a filter or sort it cannot apply, naming the problem', async () => {
    await expect(list({ filter: '[{"field":"nope","op":"eq","value":1}]' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'There is no field "nope"',
    });
    await expect(list({ filter: '[{"field":"firstName","op":"gt","value":"A"}]' })).rejects.toMatchObject({
      message: 'gt compares numbers and dates',
    });
    await expect(list({ filter: 'status=lead' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(list({ sort: 'tags' })).rejects.toMatchObject({ message: 'Cannot sort by "tags"' });
    await expect(list({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('treat a segment (rules plus static members) as a list', async () => {
    const segment = await site.run((crm) =>
      createSegment(crm, { entity: 'contact', name: 'Gold', filters: [{ field: 'custom.tier', op: 'eq', value: 'gold' }] }),
    );
    const alan = (await list({ q: 'alan' })).items[0];
    await site.run((crm) => setSegmentMembers(crm, { segmentId: segment.id, recordIds: [alan?.id as string] }));
    expect(names(await list({ segmentId: segment.id, sort: 'firstName' }))).toEqual(['Ada', 'Alan', 'Barbara', 'Grace']);
    await expect(
      site.run((crm) =>
        createSegment(crm, { entity: 'contact', name: 'Bad', filters: [{ field: 'custom.nope', op: 'eq', value: 1 }] }),
      ),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('export a filtered list as CSV with custom fields, as the importer reads it', async () => {
    const csv = await exportCsv(site.s.services, site.site, site.owner.id, 'contact', {
      filter: JSON.stringify([{ field: 'status', op: 'eq', value: 'customer' }]),
      sort: 'firstName',
    });
    let text = '';
    for await (const chunk of csv) text += chunk;
    const lines = text.trim().split('\n');
    expect(lines[0]).toContain('firstName,lastName');
    expect(lines[0]).toContain('custom.tier,custom.seats');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^[^,]+,Ada,Lovelace,.*ada@computing\.test.*,gold,10$/);
  });

  it('list deals with filters on money', async () => {
    await site.deal({ name: 'Small', amount: { amountMinor: 500, currency: 'EUR' } });
    await site.deal({ name: 'Large', amount: { amountMinor: 500_000, currency: 'EUR' } });
    const page = await site.run((crm) =>
      listDeals(crm, { filter: JSON.stringify([{ field: 'amount', op: 'gt', value: 1000 }]) }),
    );
    expect(page.items.map((d) => d.name)).toEqual(['Large']);
  });
});

describe('duplicates and merge', () => {
  it('find contacts alike by mailbox, phone and name', async () => {
    const a = await c.contact({
      firstName: 'Maria',
      lastName: 'Schmidt',
      emails: ['maria@shop.test'],
      phones: [{ number: '030 1234567' }],
    });
    await c.contact({ firstName: 'M.', lastName: 'S.', emails: ['Maria+news@shop.test'] });
    await c.contact({ firstName: 'Someone', lastName: 'Else', phones: [{ number: '+49 30 1234567' }] });
    await c.contact({ firstName: 'Maria', lastName: 'Schmitt' });
    const dupes = await c.run((crm) => duplicatesOf(crm, 'contact', a.id));
    expect(dupes.map((d) => [d.name, d.reasons]).sort()).toEqual([
      ['M. S.', ['email']],
      ['Maria Schmitt', ['name']],
      ['Someone Else', ['phone']],
    ]);
  });

  it('merge contacts in one transaction: chosen fields, all channels, deals, activities, segments and history move', async () => {
    const keep = await c.contact({ firstName: 'Jo', lastName: 'Doe', emails: ['jo@a.test'], jobTitle: 'Buyer', tags: ['vip'] });
    const drop = await c.contact({
      firstName: 'Johanna',
      lastName: 'Doe',
      emails: ['johanna@b.test'],
      phones: [{ number: '+4930555' }],
      jobTitle: 'Head of purchasing',
      tags: ['newsletter'],
    });
    const deal = await c.deal({ name: 'Jo’s deal', contactId: drop.id });
    await c.run((crm) => createActivity(crm, { type: 'note', body: 'Met Johanna', contactId: drop.id }));
    const seg = await c.run((crm) => createSegment(crm, { entity: 'contact', name: 'Static' }));
    await c.run((crm) => setSegmentMembers(crm, { segmentId: seg.id, recordIds: [drop.id] }));

    const merged = await c.run((crm) =>
      mergeContacts(crm, { survivorId: keep.id, mergeIds: [drop.id], fields: { firstName: drop.id, jobTitle: drop.id } }),
    );
    expect(merged).toMatchObject({
      id: keep.id,
      firstName: 'Johanna',
      lastName: 'Doe',
      jobTitle: 'Head of purchasing',
      email: 'jo@a.test',
    });
    expect(merged.emails.map((e) => e.address)).toEqual(['jo@a.test', 'johanna@b.test']);
    expect(merged.phones.map((p) => p.number)).toEqual(['+4930555']);
    expect(merged.tags.sort()).toEqual(['newsletter', 'vip']);
    const db = c.s.services.db;
    expect((await db.crmDeal.findUniqueOrThrow({ where: { id: deal.id } })).contactId).toBe(keep.id);
    expect(await db.crmActivity.count({ where: { contactId: keep.id } })).toBe(1);
    expect(await db.crmSegmentMember.findMany({ where: { segmentId: seg.id } })).toMatchObject([{ recordId: keep.id }]);
    await expect(c.run((crm) => getContact(crm, drop.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const events = await c.events('crm.contact.merged');
    expect(events.at(-1)?.payload).toMatchObject({ contact: { id: keep.id }, mergedIds: [drop.id] });
    const history = await c.run((crm) => timeline(crm, 'contact', keep.id, 20));
    expect(history.items.some((i) => i.kind === 'change' && i.field === 'merged')).toBe(true);
  });

  it('merge nothing when a choice is wrong', async () => {
    const a = await c.contact({ firstName: 'Keep' });
    const b = await c.contact({ firstName: 'Gone' });
    await expect(
      c.run((crm) => mergeContacts(crm, { survivorId: a.id, mergeIds: [b.id], fields: { firstName: 'stranger' } })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(c.run((crm) => mergeContacts(crm, { survivorId: a.id, mergeIds: [a.id] }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const other = await c.otherSite();
    const theirs = await other.contact({ firstName: 'Theirs' });
    await expect(c.run((crm) => mergeContacts(crm, { survivorId: a.id, mergeIds: [theirs.id] }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await c.run((crm) => getContact(crm, b.id))).firstName).toBe('Gone');
  });

  it('merge companies, moving their contacts and deals', async () => {
    const a = await c.company({ name: 'Acme', domain: 'acme-merge.test' });
    const b = await c.company({ name: 'ACME Inc', domain: 'acme-inc.test' });
    const person = await c.contact({ firstName: 'Works', companyId: b.id });
    const merged = await c.run((crm) => mergeCompanies(crm, { survivorId: a.id, mergeIds: [b.id], fields: { domain: b.id } }));
    expect(merged).toMatchObject({ id: a.id, name: 'Acme', domain: 'acme-inc.test' });
    expect((await c.run((crm) => getContact(crm, person.id))).companyId).toBe(a.id);
  });
});

describe('CSV import', () => {
  const csvOf = (lines: string[]) => Readable.from([`${lines.join('\n')}\n`]);
  const limits = { maxBytes: 1_000_000, maxRows: 1000 };

  it('suggests a mapping and previews rows with their problems', async () => {
    const preview = await c.run((crm) =>
      previewImport(crm, {
        entity: 'contact',
        sample:
          'First Name,Last Name,E-mail,Telefon,Company\nAna,Ruiz,ana@ruiz.test,030 555 12,Ruiz SL\nBad,Row,not-mail,1,\nCut,Off,cut@',
      }),
    );
    expect(preview.mapping).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'E-mail': 'email',
      Telefon: 'phone',
      Company: 'companyName',
    });
    expect(preview.rows.map((r) => [r.line, r.problems.length > 0])).toEqual([
      [2, false],
      [3, true],
    ]);
  });

  it('imports each row whole or reports it, applies the dedupe rule, and counts progress', async () => {
    await c.contact({ firstName: 'Existing', emails: ['existing@import.test'], jobTitle: 'Old title' });
    const mapping = {
      Name: 'fullName',
      Email: 'email',
      Phone: 'phone',
      Title: 'jobTitle',
      Company: 'companyName',
      Score: 'leadScore',
    };
    const run = async (dedupe: 'skip' | 'update' | 'create', lines: string[]) => {
      const job = await c.run((crm) =>
        startImport(crm, {
          entity: 'contact',
          dedupe,
          mapping,
          fileName: 'people.csv',
        }),
      );
      return runImport(
        c.s.services,
        c.site,
        c.owner.id,
        job.id,
        csvOf(['Name,Email,Phone,Title,Company,Score', ...lines]),
        limits,
      );
    };
    const result = await run('skip', [
      'Nina Kraus,nina@import.test,030 1111111,CEO,Kraus AG,50',
      'Oscar Weiss,not-an-email,,,,',
      'Existing Person,existing@import.test,,New title,,',
      'Paul Berg,paul@import.test,12,,,',
      'Quinn Adler,quinn@import.test,,,Kraus AG,200',
      'Rita Voss,nina@import.test,,,,',
      'Sven Lind,sven@import.test,,,,',
    ]);
    expect(result).toMatchObject({
      status: 'completed',
      processedRows: 7,
      createdRows: 2,
      skippedRows: 2,
      rejectedRows: 3,
      updatedRows: 0,
    });
    const rejects = await c.run((crm) => importRejects(crm, result.id, 10));
    expect(rejects.map((r) => [r.line, r.reason.split(':')[0]])).toEqual([
      [3, 'emails.0'],
      [5, 'phones.0.number'],
      [6, 'leadScore'],
    ]);
    const nina = (await c.run((crm) => listContacts(crm, { q: 'nina@import.test' }))).items[0];
    expect(nina).toMatchObject({
      firstName: 'Nina',
      lastName: 'Kraus',
      phone: '+49301111111',
      jobTitle: 'CEO',
      companyId: expect.any(String),
    });
    expect((await c.run((crm) => listContacts(crm, { q: 'sven@import.test' }))).total).toBe(1);

    const update = await run('update', ['Existing Person,EXISTING@import.test,,New title,,']);
    expect(update).toMatchObject({ updatedRows: 1, createdRows: 0 });
    expect((await c.run((crm) => listContacts(crm, { q: 'existing@import.test' }))).items[0]).toMatchObject({
      jobTitle: 'New title',
      firstName: 'Existing',
    });

    const create = await run('create', ['Another Existing,existing@import.test,,,,']);
    expect(create).toMatchObject({ createdRows: 0, rejectedRows: 1 });
  });

  it('stops a file over the limits, keeping what was imported and saying why', async () => {
    const job = await c.run((crm) =>
      startImport(crm, {
        entity: 'contact',
        dedupe: 'skip',
        mapping: { Email: 'email' },
      }),
    );
    const big = ['Email', ...Array.from({ length: 50 }, (_, i) => `big${i}@import.test`)];
    const done = await runImport(c.s.services, c.site, c.owner.id, job.id, csvOf(big), { maxBytes: 300, maxRows: 1000 });
    expect(done).toMatchObject({ status: 'failed', error: expect.stringContaining('larger than') });
    const rows = await runImport(
      c.s.services,
      c.site,
      c.owner.id,
      (await c.run((crm) => startImport(crm, { entity: 'contact', dedupe: 'skip', mapping: { Email: 'email' } }))).id,
      csvOf(big),
      {
        maxBytes: 1_000_000,
        maxRows: 10,
      },
    );
    expect(rows).toMatchObject({ status: 'failed', error: 'The file has more than 10 rows', processedRows: 0 });
    const missing = await runImport(
      c.s.services,
      c.site,
      c.owner.id,
      (await c.run((crm) => startImport(crm, { entity: 'contact', dedupe: 'skip', mapping: { Mail: 'email' } }))).id,
      csvOf(big),
      limits,
    );
    expect(missing).toMatchObject({ status: 'failed', error: 'The file has no column "Mail"' });
    expect((await c.run((crm) => getImport(crm, missing.id))).status).toBe('failed');
  });

  it('imports companies with revenue in the site’s currency', async () => {
    const job = await c.run((crm) =>
      startImport(crm, {
        entity: 'company',
        dedupe: 'skip',
        mapping: { Company: 'name', Domain: 'domain', Revenue: 'annualRevenue' },
      }),
    );
    const done = await runImport(
      c.s.services,
      c.site,
      c.owner.id,
      job.id,
      csvOf(['Company,Domain,Revenue', 'Blau GmbH,www.blau.test,"1.250.000,50"', 'Rot AG,rot.test,lots']),
      limits,
    );
    expect(done).toMatchObject({ createdRows: 1, rejectedRows: 1 });
    const [blau] = await c.s.services.db.crmCompany.findMany({ where: { siteId: c.site.id, domain: 'blau.test' } });
    expect([blau?.annualRevenueMinor, blau?.annualRevenueCurrency]).toEqual([125_000_050n, 'EUR']);
  });
});
