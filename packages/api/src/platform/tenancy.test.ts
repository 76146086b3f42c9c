// Tenant isolation: one agency's ids, handed to another agency's user, answer NOT_FOUND and change
// nothing. The cases come from the router itself: every procedure whose input names an id
// (`agencyId`, `siteId`, `memberId`…) needs a line in `validInput` (testing/agency-rows.ts), and each of those ids is then
// swapped, one at a time and all together, for the other tenant's.
import { beforeAll, describe, expect, it } from 'vitest';
import { type AgencyRows, agencyRows, validInput } from '../testing/agency-rows.ts';
import { type Scenario, scenario, type TestUser } from '../testing/harness.ts';
import { callProcedure, inputKeys, isRest, type Path, procedurePaths } from '../testing/router-walk.ts';

type IdKey = Exclude<keyof AgencyRows, 'rest' | 'nextPackage'>;
const idKeys: readonly IdKey[] = [
  'agencyId',
  'siteId',
  'memberId',
  'invitationId',
  'tokenId',
  'endpointId',
  'deliveryId',
  'moduleId',
  'versionId',
  'installationId',
  'rowId',
  'appId',
  'grantId',
  'domainId',
];

/** Procedures anyone may call without signing in; every other one answers UNAUTHORIZED. */
const publicPaths = ['auth.signUp', 'invitations.byToken', 'invitations.decline'];

/** Platform staff's procedures: not scoped to a tenant, and refused to every agency's user. */
const platformPaths = ['modules.review', 'modules.reviewDetail'];

const idKeysOf = (path: string) => inputKeys(path).filter((k) => k.endsWith('Id'));
const tenantPaths = procedurePaths.filter((p) => idKeysOf(p).length > 0 && !platformPaths.includes(p));

let s: Scenario;
let n = 0;

/** A new set of rows in `owner`'s agency. */
const rowsOf = (owner: TestUser) => agencyRows(s, owner, ++n);

interface Tenant {
  owner: TestUser;
  rows: AgencyRows;
}
let a: Tenant;
let b: Tenant;

/** Every row agency A has, to compare before and after B's attempts. */
async function everythingOf(t: Tenant) {
  const { db } = s.services;
  const agencyId = t.owner.agencyId;
  const byAgency = { where: { agencyId }, orderBy: { id: 'asc' as const } };
  return {
    agency: await db.agency.findUnique({ where: { id: agencyId } }),
    sites: await db.site.findMany(byAgency),
    memberships: await db.membership.findMany(byAgency),
    invitations: await db.invitation.findMany(byAgency),
    apiTokens: await db.apiToken.findMany(byAgency),
    emails: await db.emailMessage.findMany(byAgency),
    events: await db.event.findMany(byAgency),
    webhookEndpoints: await db.webhookEndpoint.findMany(byAgency),
    webhookDeliveries: await db.webhookDelivery.findMany({ where: { endpoint: { agencyId } }, orderBy: { id: 'asc' } }),
    modules: await db.module.findMany({
      where: { publisherAgencyId: agencyId },
      include: { versions: { orderBy: { id: 'asc' } } },
      orderBy: { id: 'asc' },
    }),
    installations: await db.moduleInstallation.findMany({ where: { site: { agencyId } }, orderBy: { id: 'asc' } }),
    oauthApps: await db.oAuthApp.findMany(byAgency),
    oauthGrants: await db.oAuthGrant.findMany({ where: { site: { agencyId } }, orderBy: { id: 'asc' } }),
    domains: await db.siteDomain.findMany({
      where: { site: { agencyId } },
      include: { checks: { orderBy: { id: 'asc' } } },
      orderBy: { id: 'asc' },
    }),
  };
}

/** B's call on `rows`, with the ids in `swap` replaced by A's. */
function attempt(path: string, rows: AgencyRows, swap: readonly IdKey[]) {
  const input = validInput[path as Path]({ ...rows, ...Object.fromEntries(swap.map((k) => [k, a.rows[k]])) });
  return callProcedure(isRest(path) ? rows.rest : b.owner.api, path, input);
}

const cases = tenantPaths.flatMap((path) => {
  const keys = idKeysOf(path) as IdKey[];
  const single = keys.map((k) => ({ path, swap: [k] as readonly IdKey[] }));
  return keys.length > 1 ? [...single, { path, swap: keys as readonly IdKey[] }] : single;
});

beforeAll(async () => {
  s = await scenario();
  const [alice, bob] = [await s.user('Alice'), await s.user('Bob')];
  a = { owner: alice, rows: await rowsOf(alice) };
  b = { owner: bob, rows: await rowsOf(bob) };
});

describe('the tenant table', () => {
  it('has a call on its own rows for every procedure that takes an id', () => {
    expect(tenantPaths.filter((p) => !validInput[p as Path])).toEqual([]);
  });

  it('knows every kind of id the router takes', () => {
    const unknownKeys = tenantPaths.flatMap(idKeysOf).filter((k) => !idKeys.includes(k as IdKey));
    expect(unknownKeys, 'add these ids to AgencyRows and agencyRows()').toEqual([]);
  });
});

/** Ids that only narrow a list of B's own rows: A's id there finds nothing rather than NOT_FOUND. */
const filterIds: { [P in Path]?: IdKey[] } = {
  'webhooks.deliveries': ['endpointId'],
  'v1Webhooks.deliveries': ['endpointId'],
};

describe("another agency's ids", () => {
  const labelled = cases.map((c) => {
    const onlyFilters = c.swap.every((k) => filterIds[c.path as Path]?.includes(k));
    return [c.path, c.swap.join(' + '), onlyFilters ? 'nothing of A' : 'NOT_FOUND', c] as const;
  });
  it.each(labelled)("%s with A's %s answers %s and leaves A's rows alone", async (_path, _swapped, answer, { path, swap }) => {
    const before = await everythingOf(a);
    if (answer === 'NOT_FOUND') await expect(attempt(path, b.rows, swap)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    else {
      const shown = JSON.stringify(await attempt(path, b.rows, swap));
      for (const id of idKeys.map((k) => a.rows[k])) expect(shown).not.toContain(id);
    }
    expect(await everythingOf(a)).toEqual(before);
  });
});

// The same calls with B's own ids succeed, so the NOT_FOUNDs above came from A's ids and not
// from a broken input. Each gets fresh rows, since some delete what they point at.
const refusedPastTheTenantCheck: Record<string, string> = {
  'sites.delete': 'BAD_REQUEST',
  'modules.publish': 'CONFLICT',
  'modules.deprecate': 'CONFLICT',
  'modules.yank': 'CONFLICT',
  'installations.install': 'CONFLICT',
  'installations.upgrade': 'CONFLICT',
  'installations.rollback': 'CONFLICT',
  'installations.purgeData': 'CONFLICT',
};

describe('the same calls on their own rows', () => {
  it.each(tenantPaths)('%s works', async (path) => {
    const outcome = await attempt(path, await rowsOf(b.owner), []).then(
      () => 'ok',
      (err: { code?: string }) => err.code,
    );
    expect(outcome).toBe(refusedPastTheTenantCheck[path] ?? 'ok');
  });
});

describe('platform staff procedures', () => {
  it.each(platformPaths)("%s answers FORBIDDEN to an agency's owner, whoever's id it names", async (path) => {
    const input = { versionId: a.rows.versionId, approve: true };
    const before = await everythingOf(a);
    await expect(callProcedure(b.owner.api, path, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callProcedure(a.owner.api, path, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await everythingOf(a)).toEqual(before);
  });
});

describe('signed-out callers', () => {
  it.each(procedurePaths.filter((p) => !publicPaths.includes(p)))('%s answers UNAUTHORIZED', async (path) => {
    await expect(callProcedure(s.anonymous, path, {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it.each(publicPaths)('%s is open to them', async (path) => {
    const err = await callProcedure(s.anonymous, path, {}).catch((e: { code?: string }) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
