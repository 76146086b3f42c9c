import { beforeAll, describe, expect, it } from 'vitest';
import { validationDetails } from '../../errors.ts';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';

let s: Scenario;
let owner: TestUser;
beforeAll(async () => {
  s = await scenario();
  owner = await s.user('Olivia');
});

const valid = { name: 'Bloom Florists', slug: 'bloom', timeZone: 'Europe/Berlin', currency: 'eur', locale: 'de-DE' };

describe('sites', () => {
  it('creates, lists, updates and deletes a site', async () => {
    const site = await owner.api.sites.create({ agencyId: owner.agencyId, ...valid });
    expect(site).toMatchObject({ slug: 'bloom', currency: 'EUR', agencyId: owner.agencyId });
    expect((await owner.api.sites.list({ agencyId: owner.agencyId })).map((x) => x.slug)).toEqual(['bloom']);
    const updated = await owner.api.sites.update({ siteId: site.id, name: 'Bloom & Co' });
    expect(updated.name).toBe('Bloom & Co');
    await expect(owner.api.sites.delete({ siteId: site.id, confirmSlug: 'nope' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await owner.api.sites.delete({ siteId: site.id, confirmSlug: 'bloom' });
    expect(await owner.api.sites.list({ agencyId: owner.agencyId })).toEqual([]);
  });

  it('answers CONFLICT for a slug the agency already uses', async () => {
    await owner.api.sites.create({ agencyId: owner.agencyId, ...valid, slug: 'twice' });
    await expect(owner.api.sites.create({ agencyId: owner.agencyId, ...valid, slug: 'twice' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('rejects bad fields with one message per field', async () => {
    const err = await owner.api.sites
      .create({ agencyId: owner.agencyId, name: 'x', slug: 'Bad Slug', timeZone: 'Mars/Olympus', currency: 'XYZW', locale: '??' })
      .catch((e) => e);
    expect(err.code).toBe('BAD_REQUEST');
    const fieldErrors = validationDetails(err.cause)?.fieldErrors ?? {};
    expect(Object.keys(fieldErrors).sort()).toEqual(['currency', 'locale', 'name', 'slug', 'timeZone']);
    expect(fieldErrors.slug?.[0]).toMatch(/lowercase/);
  });

  it('lets members read but not change sites', async () => {
    const member = await s.user('Milo');
    await s.join(owner, member, 'member');
    const site = await s.site(owner);
    expect((await member.api.sites.get({ siteId: site.id })).id).toBe(site.id);
    await expect(member.api.sites.update({ siteId: site.id, name: 'Mine now' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
