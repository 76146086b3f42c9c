// Tenant isolation: one agency's ids, handed to another agency's user, answer NOT_FOUND and change
// nothing. The cases come from the router itself: every procedure whose input names an id
// (`agencyId`, `siteId`, `memberId`…) needs a line in `ownInput`, and each of those ids is then
// swapped, one at a time and all together, for the other tenant's.
import { widgetPackage } from '@dramac/manifest/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scopes } from '../external/api-tokens/api-tokens.service.ts';
import { createCaller, createContext } from '../index.ts';
import { appRouter } from '../router.ts';
import { type Scenario, scenario, type TestUser } from '../testing/harness.ts';
import type { InputAt, Path } from '../testing/router-paths.ts';

/** One of each row an agency owns that an input can point at, and a REST caller for its site. */
interface Rows {
  agencyId: string;
  siteId: string;
  memberId: string;
  invitationId: string;
  tokenId: string;
  endpointId: string;
  deliveryId: string;
  /** a module the agency publishes (1.0.0 published), and a draft version of it (2.0.0) */
  moduleId: string;
  versionId: string;
  /** the module's 1.0.0, installed on `siteId` */
  installationId: string;
  /** base64 package of the module's next version, for `modules.uploadVersion` */
  nextPackage: string;
  /** holds an API token with every scope for `siteId` (not `tokenId`, which a case revokes) */
  rest: ReturnType<typeof createCaller>;
}
type IdKey = Exclude<keyof Rows, 'rest' | 'nextPackage'>;
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
];

/** A call the tenant may make on its own rows; the sweep swaps its ids for another tenant's. */
const ownInput: { [P in Path]?: (t: Rows) => InputAt<P> } = {
  'agencies.get': (t) => ({ agencyId: t.agencyId }),
  'agencies.update': (t) => ({ agencyId: t.agencyId, name: 'Taken Over Ltd' }),
  'sites.list': (t) => ({ agencyId: t.agencyId }),
  'sites.get': (t) => ({ siteId: t.siteId }),
  'sites.create': (t) => ({
    agencyId: t.agencyId,
    name: 'Planted',
    slug: 'planted',
    timeZone: 'UTC',
    currency: 'EUR',
    locale: 'en-GB',
  }),
  'sites.update': (t) => ({ siteId: t.siteId, name: 'Defaced' }),
  // a wrong slug: the control answers BAD_REQUEST (past the tenant check) without deleting
  'sites.delete': (t) => ({ siteId: t.siteId, confirmSlug: 'not-the-slug' }),
  'sites.timeZones': (t) => ({ agencyId: t.agencyId }),
  'members.list': (t) => ({ agencyId: t.agencyId }),
  'members.changeRole': (t) => ({ agencyId: t.agencyId, memberId: t.memberId, role: 'admin' }),
  'members.remove': (t) => ({ agencyId: t.agencyId, memberId: t.memberId }),
  'invitations.list': (t) => ({ agencyId: t.agencyId }),
  'invitations.create': (t) => ({ agencyId: t.agencyId, email: 'intruder@example.test', role: 'admin' }),
  'invitations.revoke': (t) => ({ agencyId: t.agencyId, invitationId: t.invitationId }),
  'email.outbox': (t) => ({ agencyId: t.agencyId }),
  'apiTokens.list': (t) => ({ agencyId: t.agencyId }),
  'apiTokens.scopes': (t) => ({ agencyId: t.agencyId }),
  'apiTokens.create': (t) => ({ agencyId: t.agencyId, siteId: t.siteId, name: 'exfiltrate', scopes: ['site:read'] }),
  'apiTokens.revoke': (t) => ({ agencyId: t.agencyId, tokenId: t.tokenId }),
  'webhooks.catalogue': (t) => ({ siteId: t.siteId }),
  'webhooks.list': (t) => ({ siteId: t.siteId }),
  'webhooks.create': (t) => ({ siteId: t.siteId, url: 'https://attacker.example/hook', eventTypes: ['*'] }),
  'webhooks.update': (t) => ({ siteId: t.siteId, endpointId: t.endpointId, url: 'https://attacker.example/hook' }),
  'webhooks.delete': (t) => ({ siteId: t.siteId, endpointId: t.endpointId }),
  'webhooks.rotateSecret': (t) => ({ siteId: t.siteId, endpointId: t.endpointId }),
  'webhooks.sendTest': (t) => ({ siteId: t.siteId, endpointId: t.endpointId }),
  'webhooks.deliveries': (t) => ({ siteId: t.siteId, endpointId: t.endpointId }),
  'webhooks.redeliver': (t) => ({ siteId: t.siteId, deliveryId: t.deliveryId }),
  'modules.list': (t) => ({ agencyId: t.agencyId }),
  'modules.versions': (t) => ({ agencyId: t.agencyId, moduleId: t.moduleId }),
  'modules.create': (t) => ({ agencyId: t.agencyId, slug: 'planted-module', name: 'Planted', type: 'widget' }),
  'modules.uploadVersion': (t) => ({ agencyId: t.agencyId, moduleId: t.moduleId, packageBase64: t.nextPackage }),
  'modules.submit': (t) => ({ agencyId: t.agencyId, moduleId: t.moduleId, versionId: t.versionId }),
  // the version is a draft: these answer CONFLICT past the tenant check
  'modules.publish': (t) => ({ agencyId: t.agencyId, moduleId: t.moduleId, versionId: t.versionId }),
  'modules.deprecate': (t) => ({ agencyId: t.agencyId, moduleId: t.moduleId, versionId: t.versionId }),
  'modules.yank': (t) => ({ agencyId: t.agencyId, moduleId: t.moduleId, versionId: t.versionId }),
  // the module is installed already and the version is a draft: CONFLICT past the tenant check
  'installations.install': (t) => ({
    siteId: t.siteId,
    moduleId: t.moduleId,
    versionId: t.versionId,
    acceptPermissions: ['site:read'],
  }),
  'installations.list': (t) => ({ siteId: t.siteId }),
  'installations.get': (t) => ({ siteId: t.siteId, installationId: t.installationId }),
  'installations.configure': (t) => ({ siteId: t.siteId, installationId: t.installationId, settings: { greeting: 'Hi' } }),
  'installations.setEnabled': (t) => ({ siteId: t.siteId, installationId: t.installationId, enabled: false }),
  // a draft version: CONFLICT past the tenant check
  'installations.upgrade': (t) => ({ siteId: t.siteId, installationId: t.installationId, versionId: t.versionId }),
  // nothing to roll back to: CONFLICT past the tenant check
  'installations.rollback': (t) => ({ siteId: t.siteId, installationId: t.installationId }),
  'installations.uninstall': (t) => ({ siteId: t.siteId, installationId: t.installationId }),
  'v1.getSite': (t) => ({ siteId: t.siteId }),
  'v1Webhooks.list': (t) => ({ siteId: t.siteId }),
  'v1Webhooks.get': (t) => ({ siteId: t.siteId, endpointId: t.endpointId }),
  'v1Webhooks.create': (t) => ({ siteId: t.siteId, url: 'https://attacker.example/hook', eventTypes: ['*'] }),
  'v1Webhooks.update': (t) => ({ siteId: t.siteId, endpointId: t.endpointId, enabled: false }),
  'v1Webhooks.delete': (t) => ({ siteId: t.siteId, endpointId: t.endpointId }),
  'v1Webhooks.rotateSecret': (t) => ({ siteId: t.siteId, endpointId: t.endpointId }),
  'v1Webhooks.sendTest': (t) => ({ siteId: t.siteId, endpointId: t.endpointId }),
  'v1Webhooks.deliveries': (t) => ({ siteId: t.siteId, endpointId: t.endpointId }),
  'v1Webhooks.redeliver': (t) => ({ siteId: t.siteId, deliveryId: t.deliveryId }),
};

/** Procedures anyone may call without signing in; every other one answers UNAUTHORIZED. */
const publicPaths = ['auth.signUp', 'invitations.byToken', 'invitations.decline'];

/** Platform staff's procedures: not scoped to a tenant, and refused to every agency's user. */
const platformPaths = ['modules.review'];

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { inputs: unknown[]; meta?: { openapi?: unknown } } }
>;
const inputKeys = (path: string) =>
  procedures[path]!._def.inputs.flatMap((schema) => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []));
const idKeysOf = (path: string) => inputKeys(path).filter((k) => k.endsWith('Id'));
const tenantPaths = Object.keys(procedures).filter((p) => idKeysOf(p).length > 0 && !platformPaths.includes(p));
/** REST procedures (the OpenAPI bridge's) take an API token, not a dashboard session. */
const isRest = (path: string) => Boolean(procedures[path]!._def.meta?.openapi);

type Call = (input: unknown) => Promise<unknown>;
function call(api: ReturnType<typeof createCaller>, path: string, input: unknown): Promise<unknown> {
  const [group, name] = path.split('.') as [string, string];
  return (api as unknown as Record<string, Record<string, Call>>)[group]![name]!(input);
}

let s: Scenario;
let n = 0;

/** A new set of rows in `owner`'s agency. */
async function rowsOf(owner: TestUser): Promise<Rows> {
  n += 1;
  const { db } = s.services;
  const agencyId = owner.agencyId;
  const site = await s.site(owner, `site-${n}`);
  // a colleague who never signs in: no password hashing needed
  const colleague = await db.user.create({
    data: { email: `colleague-${n}@example.test`, name: 'Colleague', passwordHash: '-' },
  });
  const member = await db.membership.create({ data: { agencyId, userId: colleague.id, role: 'member' } });
  const invitation = await owner.api.invitations.create({ agencyId, email: `invitee-${n}@example.test` });
  const rest = await owner.api.apiTokens.create({ agencyId, siteId: site.id, name: 'rest', scopes: [...scopes] });
  const token = await owner.api.apiTokens.create({ agencyId, siteId: site.id, name: 'ci', scopes: ['site:read'] });
  const endpoint = await owner.api.webhooks.create({ siteId: site.id, url: 'https://hooks.example/in', eventTypes: ['*'] });
  const test = await owner.api.webhooks.sendTest({ siteId: site.id, endpointId: endpoint.id });
  const slug = `tenant-widget-${n}`;
  const module = await owner.api.modules.create({ agencyId, slug, name: 'Tenant widget', type: 'widget' });
  const packageOf = async (version: string) => (await widgetPackage(slug, version)).toString('base64');
  const published = await owner.api.modules.uploadVersion({
    agencyId,
    moduleId: module.id,
    packageBase64: await packageOf('1.0.0'),
  });
  // review has its own tests: published directly
  await db.moduleVersion.update({ where: { id: published.id }, data: { status: 'published' } });
  const installation = await owner.api.installations.install({
    siteId: site.id,
    moduleId: module.id,
    acceptPermissions: ['site:read'],
  });
  const version = await owner.api.modules.uploadVersion({
    agencyId,
    moduleId: module.id,
    packageBase64: await packageOf('2.0.0'),
  });
  return {
    agencyId,
    siteId: site.id,
    memberId: member.id,
    invitationId: invitation.id,
    tokenId: token.id,
    endpointId: endpoint.id,
    deliveryId: test.deliveryId,
    moduleId: module.id,
    versionId: version.id,
    installationId: installation.id,
    nextPackage: await packageOf('3.0.0'),
    rest: createCaller(createContext(s.services, null, { authorization: `Bearer ${rest.token}` })),
  };
}

interface Tenant {
  owner: TestUser;
  rows: Rows;
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
  };
}

/** B's call on `rows`, with the ids in `swap` replaced by A's. */
function attempt(path: string, rows: Rows, swap: readonly IdKey[]) {
  const input = ownInput[path as Path]!({ ...rows, ...Object.fromEntries(swap.map((k) => [k, a.rows[k]])) });
  return call(isRest(path) ? rows.rest : b.owner.api, path, input);
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
  it('has an own-input line for every procedure that takes an id', () => {
    expect(tenantPaths.filter((p) => !ownInput[p as Path])).toEqual([]);
    expect(Object.keys(ownInput).filter((p) => !tenantPaths.includes(p))).toEqual([]);
  });

  it('knows every kind of id the router takes', () => {
    const unknownKeys = tenantPaths.flatMap(idKeysOf).filter((k) => !idKeys.includes(k as IdKey));
    expect(unknownKeys, 'add these ids to Rows and rowsOf()').toEqual([]);
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
    await expect(call(b.owner.api, path, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(a.owner.api, path, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await everythingOf(a)).toEqual(before);
  });
});

describe('signed-out callers', () => {
  it.each(Object.keys(procedures).filter((p) => !publicPaths.includes(p)))('%s answers UNAUTHORIZED', async (path) => {
    await expect(call(s.anonymous, path, {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it.each(publicPaths)('%s is open to them', async (path) => {
    const err = await call(s.anonymous, path, {}).catch((e: { code?: string }) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
