import { beforeAll, describe, expect, it } from 'vitest';
import { validationDetails } from '../../errors.ts';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';

let s: Scenario;
let owner: TestUser;
beforeAll(async () => {
  s = await scenario();
  owner = await s.user('Olivia');
});

describe('agencies', () => {
  it('creates a second agency owned by the caller', async () => {
    const second = await owner.api.agencies.create({ name: '  Second Brand ' });
    expect(second.name).toBe('Second Brand');
    expect(await owner.api.agencies.get({ agencyId: second.id })).toEqual({
      id: second.id,
      name: 'Second Brand',
      role: 'owner',
      counts: { sites: 0, members: 1 },
    });
    expect((await owner.api.auth.me()).agencies.map((a) => a.name)).toEqual(["Olivia's Agency", 'Second Brand']);
  });

  it('counts sites and members', async () => {
    const agency = await owner.api.agencies.create({ name: 'Counted' });
    const colleague = await s.user('Cleo');
    await s.services.db.membership.create({ data: { agencyId: agency.id, userId: colleague.id, role: 'member' } });
    await owner.api.sites.create({
      agencyId: agency.id,
      name: 'One',
      slug: 'one',
      timeZone: 'UTC',
      currency: 'USD',
      locale: 'en-US',
    });
    expect((await colleague.api.agencies.get({ agencyId: agency.id })).counts).toEqual({ sites: 1, members: 2 });
  });

  it('is renamed by an admin', async () => {
    const admin = await s.user('Ada');
    await s.join(owner, admin, 'admin');
    expect(await admin.api.agencies.update({ agencyId: owner.agencyId, name: 'Renamed Agency' })).toEqual({
      id: owner.agencyId,
      name: 'Renamed Agency',
    });
    expect((await owner.api.agencies.get({ agencyId: owner.agencyId })).name).toBe('Renamed Agency');
  });

  it('is not renamed by a member', async () => {
    const member = await s.user('Milo');
    await s.join(owner, member, 'member');
    const before = (await owner.api.agencies.get({ agencyId: owner.agencyId })).name;
    await expect(member.api.agencies.update({ agencyId: owner.agencyId, name: 'Milo Rules' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'This needs the admin role or higher',
    });
    expect((await owner.api.agencies.get({ agencyId: owner.agencyId })).name).toBe(before);
  });

  it('rejects a name too short or too long', async () => {
    for (const name of ['x', ' y ', 'z'.repeat(101)]) {
      const err = await owner.api.agencies.update({ agencyId: owner.agencyId, name }).catch((e) => e);
      expect(err.code).toBe('BAD_REQUEST');
      expect(Object.keys(validationDetails(err.cause)?.fieldErrors ?? {})).toEqual(['name']);
    }
    const err = await owner.api.agencies.create({ name: '' }).catch((e) => e);
    expect(validationDetails(err.cause)?.fieldErrors).toEqual({ name: ['Use at least 2 characters'] });
  });
});
