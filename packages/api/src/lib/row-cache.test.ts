// The per-process caches of memberships, sites and API tokens (row-cache.ts): a change made in one
// web process reaches the others through PostgreSQL's notices, and the process that made it sees
// it at once. "Another process" here is a second set of services on the same database, as a
// second web process has.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services, SessionUser } from '../context.ts';
import { createApiToken } from '../external/api-tokens/api-tokens.service.ts';
import { createServices } from '../http/services.ts';
import { createCaller, createContext } from '../index.ts';
import { type Scenario, scenario, type TestUser } from '../testing/harness.ts';
import { until } from '../testing/until.ts';
import { authenticateBearer } from '../trpc.ts';

let s: Scenario;
let other: Services & { close: () => Promise<void> };
const inOtherProcess = (user: SessionUser) => createCaller(createContext(other, user));

const refused = (call: Promise<unknown>) =>
  call.then(
    () => false,
    (err: unknown) => err instanceof TRPCError && err.code === 'NOT_FOUND',
  );

beforeAll(async () => {
  s = await scenario();
  other = await createServices(s.url, 'http://dashboard.test');
});
afterAll(() => other.close());

describe('a member removed from the agency', () => {
  let owner: TestUser;
  let bob: TestUser;
  let site: { id: string };

  beforeAll(async () => {
    owner = await s.user('Owner');
    bob = await s.user('Bob');
    site = await s.site(owner);
  });

  async function memberId(user: TestUser) {
    const members = await owner.api.members.list({ agencyId: owner.agencyId });
    return members.find((m) => m.user.id === user.id)!.id;
  }

  it('loses the site at once in the process that removed them', async () => {
    await s.join(owner, bob, 'member');
    expect((await bob.api.sites.get({ siteId: site.id })).id).toBe(site.id);
    await owner.api.members.remove({ agencyId: owner.agencyId, memberId: await memberId(bob) });
    expect(await refused(bob.api.sites.get({ siteId: site.id }))).toBe(true);
  });

  it('loses it in every other process as soon as PostgreSQL tells them', async () => {
    await s.join(owner, bob, 'member');
    // both processes have the membership cached
    expect((await bob.api.sites.get({ siteId: site.id })).id).toBe(site.id);
    expect((await inOtherProcess(bob).sites.get({ siteId: site.id })).id).toBe(site.id);
    await inOtherProcess(owner).members.remove({ agencyId: owner.agencyId, memberId: await memberId(bob) });
    await until('the removal to reach this process', () => refused(bob.api.sites.get({ siteId: site.id })));
  });

  it('a role change decides the next call (admin-only settings)', async () => {
    await s.join(owner, bob, 'admin');
    await bob.api.sites.update({ siteId: site.id, name: 'Renamed by Bob' });
    await owner.api.members.changeRole({ agencyId: owner.agencyId, memberId: await memberId(bob), role: 'member' });
    await expect(bob.api.sites.update({ siteId: site.id, name: 'Again' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a site changed in one process', () => {
  it('reads back changed there at once, and in the others once told', async () => {
    const owner = await s.user('Renamer');
    const site = await s.site(owner);
    expect((await inOtherProcess(owner).sites.get({ siteId: site.id })).name).toBe(`Site ${site.slug}`);
    await owner.api.sites.update({ siteId: site.id, name: 'New name' });
    expect((await owner.api.sites.get({ siteId: site.id })).name).toBe('New name');
    await until(
      'the new name in the other process',
      async () => (await inOtherProcess(owner).sites.get({ siteId: site.id })).name === 'New name',
    );
  });
});

describe('an API token revoked in one process', () => {
  it('is refused by every process', async () => {
    const owner = await s.user('Tokens');
    const site = await s.site(owner);
    const { token, id } = await createApiToken(s.services.db, {
      agencyId: owner.agencyId,
      siteId: site.id,
      name: 'ci',
      scopes: ['site:read'],
      expiresInDays: null,
      createdById: owner.id,
    });
    const bearer = `Bearer ${token}`;
    expect((await authenticateBearer(s.services.db, bearer))?.id).toBe(id);
    expect((await authenticateBearer(other.db, bearer))?.id).toBe(id);

    await inOtherProcess(owner).apiTokens.revoke({ agencyId: owner.agencyId, tokenId: id });
    expect(await authenticateBearer(other.db, bearer)).toBeNull();
    await until('the revocation to reach this process', async () => (await authenticateBearer(s.services.db, bearer)) === null);
  });
});
