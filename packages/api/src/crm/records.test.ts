// Contacts, companies and custom fields: what is stored, what is refused (field errors beside the
// field, nothing stored half), the field history and the events each committed change sends.
import { describe, expect, it } from 'vitest';
import { createCompany, getCompany, updateCompany } from './companies.ts';
import { createContact, deleteContact, getContact, updateContact } from './contacts.ts';
import { createCustomField, deleteCustomField } from './custom-fields.ts';
import { crmScenario } from './testing/crm-scenario.ts';
import { timeline } from './timeline.ts';

const c = await crmScenario();

/** The field errors of a refused call, keyed by dotted path. */
async function fieldErrors(p: Promise<unknown>): Promise<Record<string, string[]>> {
  const err = await p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  expect(err).toMatchObject({ code: 'BAD_REQUEST' });
  const cause = (err as { cause?: { issues?: { path: PropertyKey[]; message: string }[] } }).cause;
  const out: Record<string, string[]> = {};
  for (const i of cause?.issues ?? []) out[i.path.join('.')] = [...(out[i.path.join('.')] ?? []), i.message];
  return out;
}

describe('contacts', () => {
  it('store several emails (the first primary) and phones in E.164, read in the site’s country', async () => {
    const ada = await c.contact({
      firstName: 'Ada',
      lastName: 'Lovelace',
      emails: ['Ada@Example.test', 'ada.l@work.test'],
      phones: [{ number: '030 901820', label: 'office' }, { number: '+44 20 7946 0958' }],
    });
    expect(ada).toMatchObject({
      name: 'Ada Lovelace',
      email: 'Ada@Example.test',
      phone: '+4930901820',
      emails: [
        { address: 'Ada@Example.test', isPrimary: true },
        { address: 'ada.l@work.test', isPrimary: false },
      ],
      phones: [
        { number: '+4930901820', label: 'office', isPrimary: true },
        { number: '+442079460958', label: null, isPrimary: false },
      ],
      status: 'lead',
      leadStatus: 'new',
    });
  });

  it('keep an email unique per site whatever its case, but not across sites', async () => {
    await c.contact({ firstName: 'Grace', emails: ['grace@navy.test'] });
    expect(await fieldErrors(c.contact({ firstName: 'Imposter', emails: ['GRACE@navy.test'] }))).toEqual({
      'emails.0': ['grace@navy.test belongs to another contact'],
    });
    const other = await c.otherSite();
    await expect(other.contact({ firstName: 'Grace', emails: ['grace@navy.test'] })).resolves.toMatchObject({
      email: 'grace@navy.test',
    });
  });

  it('refuse bad input with every problem beside its field, and store nothing', async () => {
    const before = await c.s.services.db.crmContact.count({ where: { siteId: c.site.id } });
    const errors = await fieldErrors(
      c.contact({
        emails: ['not-an-email'],
        phones: [{ number: '12' }],
        leadScore: 101,
        website: 'not a url',
      }),
    );
    // the shape is checked first, every field at once; the phone number's meaning after that
    expect(Object.keys(errors).sort()).toEqual(['emails.0', 'leadScore', 'website']);
    expect(await fieldErrors(c.contact({ phones: [{ number: '12' }] }))).toMatchObject({
      'phones.0.number': [expect.stringContaining('valid phone number')],
      firstName: ['Give the contact a name or an email address'],
    });
    expect(await fieldErrors(c.contact({ firstName: 'X', companyId: 'nope', ownerId: 'nobody' }))).toEqual({
      companyId: ['No such company on this site'],
      ownerId: ['The owner must be a member of the agency'],
    });
    expect(await c.s.services.db.crmContact.count({ where: { siteId: c.site.id } })).toBe(before);
  });

  it('keep every change on the timeline (who, old → new) and announce it once', async () => {
    const lin = await c.contact({ firstName: 'Lin', emails: ['lin@example.test'] });
    await c.run((crm) => updateContact(crm, lin.id, { leadStatus: 'qualified', jobTitle: 'CTO', firstName: 'Lin' }));
    const page = await c.run((crm) => timeline(crm, 'contact', lin.id, 20));
    expect(page.items.map((i) => (i.kind === 'change' ? [i.field, i.old, i.new, i.byId] : i.kind)).sort()).toEqual([
      ['jobTitle', null, 'CTO', c.owner.id],
      ['leadStatus', 'new', 'qualified', c.owner.id],
    ]);
    const updated = await c.events('crm.contact.updated');
    expect(updated.filter((e) => (e.payload as { contact: { id: string } }).contact.id === lin.id)).toHaveLength(1);
    // a write that changes nothing records and announces nothing
    await c.run((crm) => updateContact(crm, lin.id, { jobTitle: 'CTO' }));
    expect((await c.events('crm.contact.updated')).length).toBe(updated.length);
  });

  it('send created and deleted events only for committed changes', async () => {
    const before = (await c.events('crm.contact.created')).length;
    await expect(
      c.run(async (crm) => {
        await createContact(crm, { firstName: 'Ghost' });
        throw new Error('the caller fails after the write');
      }),
    ).rejects.toThrow('the caller fails');
    expect((await c.events('crm.contact.created')).length).toBe(before);
    const kim = await c.contact({ firstName: 'Kim' });
    await c.run((crm) => deleteContact(crm, kim.id));
    expect((await c.events('crm.contact.created')).length).toBe(before + 1);
    expect(await c.events('crm.contact.deleted')).toContainEqual({
      type: 'crm.contact.deleted',
      payload: { contact: expect.objectContaining({ id: kim.id }) },
    });
    await expect(c.run((crm) => getContact(crm, kim.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('cannot read or change another site’s contact by id', async () => {
    const other = await c.otherSite();
    const theirs = await other.contact({ firstName: 'Theirs' });
    await expect(c.run((crm) => getContact(crm, theirs.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(c.run((crm) => updateContact(crm, theirs.id, { firstName: 'Mine' }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(c.run((crm) => deleteContact(crm, theirs.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await other.run((crm) => getContact(crm, theirs.id))).firstName).toBe('Theirs');
  });
});

describe('companies', () => {
  it('normalise the domain, keep it unique per site, and hold revenue as exact money', async () => {
    const acme = await c.company({
      name: 'Acme',
      domain: 'https://www.ACME.test/about',
      annualRevenue: { amountMinor: 123456789, currency: 'eur' },
    });
    expect(acme).toMatchObject({ domain: 'acme.test', annualRevenue: { amountMinor: 123456789, currency: 'EUR' } });
    expect(await fieldErrors(c.company({ name: 'Acme 2', domain: 'acme.test' }))).toEqual({
      domain: ['Another company of this site has this domain'],
    });
    expect(await fieldErrors(c.company({ name: 'Floaty', annualRevenue: { amountMinor: 12.5, currency: 'EUR' } }))).toMatchObject(
      {
        'annualRevenue.amountMinor': [expect.stringContaining('whole number of minor units')],
      },
    );
    expect(await fieldErrors(c.company({ name: 'Where', annualRevenue: { amountMinor: 1, currency: 'XYZ' } }))).toMatchObject({
      'annualRevenue.currency': [expect.stringContaining('ISO 4217')],
    });
    const renamed = await c.run((crm) => updateCompany(crm, acme.id, { name: 'Acme Corp', accountType: 'customer' }));
    expect(renamed).toMatchObject({ name: 'Acme Corp', accountType: 'customer', domain: 'acme.test' });
    const history = await c.run((crm) => timeline(crm, 'company', acme.id, 10));
    expect(history.items.map((i) => i.kind === 'change' && i.field).sort()).toEqual(['accountType', 'name']);
  });
});

describe('custom fields', () => {
  it('validate values by type on every write and appear in the history as custom.<key>', async () => {
    await c.run((crm) =>
      createCustomField(crm, { entity: 'contact', key: 'tier', label: 'Tier', type: 'select', options: ['gold', 'silver'] }),
    );
    await c.run((crm) => createCustomField(crm, { entity: 'contact', key: 'seats', label: 'Seats', type: 'number' }));
    await c.run((crm) => createCustomField(crm, { entity: 'contact', key: 'renewal', label: 'Renewal', type: 'date' }));
    await c.run((crm) => createCustomField(crm, { entity: 'contact', key: 'budget', label: 'Budget', type: 'money' }));
    await c.run((crm) => createCustomField(crm, { entity: 'contact', key: 'mobile', label: 'Mobile', type: 'phone' }));

    expect(
      await fieldErrors(
        c.contact({
          firstName: 'Val',
          customFields: { tier: 'bronze', seats: 'many', renewal: '2026-13-45', budget: 9.99, nope: 1 },
        }),
      ),
    ).toEqual({
      'customFields.tier': ['Choose one of: gold, silver'],
      'customFields.seats': ['Enter a number'],
      'customFields.renewal': ['Enter a date as YYYY-MM-DD'],
      'customFields.budget': [expect.stringContaining('minor units')],
      'customFields.nope': ['There is no custom field "nope"'],
    });
    const val = await c.contact({
      firstName: 'Val',
      customFields: { tier: 'gold', seats: '12', renewal: '2027-01-31', budget: '1.234,50 EUR', mobile: '0151 23456789' },
    });
    expect(val.customFields).toEqual({
      tier: 'gold',
      seats: 12,
      renewal: '2027-01-31',
      budget: { amountMinor: 123450, currency: 'EUR' },
      mobile: '+4915123456789',
    });
    const after = await c.run((crm) => updateContact(crm, val.id, { customFields: { tier: 'silver', seats: null } }));
    expect(after.customFields).toEqual({
      tier: 'silver',
      renewal: '2027-01-31',
      budget: { amountMinor: 123450, currency: 'EUR' },
      mobile: '+4915123456789',
    });
    const changes = (await c.run((crm) => timeline(crm, 'contact', val.id, 10))).items.flatMap((i) =>
      i.kind === 'change' ? [[i.field, i.old, i.new]] : [],
    );
    expect(changes.sort()).toEqual([
      ['custom.seats', 12, null],
      ['custom.tier', 'gold', 'silver'],
    ]);
  });

  it('make a required field required, and take a deleted field’s values with it', async () => {
    const field = await c.run((crm) =>
      createCustomField(crm, { entity: 'company', key: 'region_code', label: 'Region code', type: 'text', required: true }),
    );
    expect(await fieldErrors(c.company({ name: 'No region' }))).toEqual({
      'customFields.region_code': ['Region code is required'],
    });
    const co = await c.company({ name: 'Has region', customFields: { region_code: 'EMEA' } });
    await c.run((crm) => deleteCustomField(crm, field.id));
    expect((await c.run((crm) => getCompany(crm, co.id))).customFields).toEqual({});
    await expect(c.company({ name: 'Fine again' })).resolves.toBeTruthy();
  });

  it('refuse a key used twice and choices on a non-select field', async () => {
    await c.run((crm) => createCustomField(crm, { entity: 'deal', key: 'source_campaign', label: 'Campaign', type: 'text' }));
    expect(
      await fieldErrors(
        c.run((crm) => createCustomField(crm, { entity: 'deal', key: 'source_campaign', label: 'Again', type: 'text' })),
      ),
    ).toEqual({ key: ['A deal field with the key "source_campaign" exists already'] });
  });
});

it('creates a company and a contact of it in one go', async () => {
  const { contact, company } = await c.run(async (crm) => {
    const company = await createCompany(crm, { name: 'Linked GmbH' });
    return { company, contact: await createContact(crm, { firstName: 'Lia', companyId: company.id }) };
  });
  expect(contact.companyId).toBe(company.id);
});
