// A sweep over every procedure in the router: start from a valid input, break one field at a time
// (wrong types, huge strings, unknown ids, NUL bytes…) or the whole input, and check the caller
// hears about their mistake (400/403/404/409), never a 500. Fields come from the procedures'
// own input schemas, so a new field or procedure is swept without touching this file beyond
// its one valid-input line.
import { widgetPackage } from '@dramac/manifest/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationDetails } from '../errors.ts';
import { scopes } from '../external/api-tokens/api-tokens.service.ts';
import { createCaller, createContext } from '../index.ts';
import { appRouter } from '../router.ts';
import { type Scenario, scenario, type TestUser } from '../testing/harness.ts';
import type { InputAt, Path } from '../testing/router-paths.ts';

interface Fixture {
  owner: TestUser;
  agencyId: string;
  siteId: string;
  memberId: string;
  invitationId: string;
  tokenId: string;
  endpointId: string;
  deliveryId: string;
  moduleId: string;
  /** a draft version of `moduleId` */
  versionId: string;
  /** another widget, installed on `siteId` */
  installationId: string;
  /** base64 package of the module's next version */
  nextPackage: string;
  /** holds an API token with every scope for `siteId` */
  rest: ReturnType<typeof createCaller>;
}

/** A valid call for each procedure: what the sweep breaks one field at a time. `sites.delete`
 *  names the wrong slug so that no variant deletes the site the other cases need. */
const validInput: { [P in Path]: (f: Fixture) => InputAt<P> } = {
  'auth.signUp': () => ({ name: 'Sam', email: 'sam@example.test', password: 'long enough', agencyName: 'Sam & Co' }),
  'auth.me': () => undefined,
  'agencies.get': (f) => ({ agencyId: f.agencyId }),
  'agencies.create': () => ({ name: 'Spin-off' }),
  'agencies.update': (f) => ({ agencyId: f.agencyId, name: 'Renamed' }),
  'members.list': (f) => ({ agencyId: f.agencyId }),
  'members.changeRole': (f) => ({ agencyId: f.agencyId, memberId: f.memberId, role: 'admin' }),
  'members.remove': (f) => ({ agencyId: f.agencyId, memberId: f.memberId }),
  'invitations.list': (f) => ({ agencyId: f.agencyId }),
  'invitations.create': (f) => ({ agencyId: f.agencyId, email: 'sweep@example.test', role: 'member' }),
  'invitations.revoke': (f) => ({ agencyId: f.agencyId, invitationId: f.invitationId }),
  'invitations.byToken': () => ({ token: 'inv_unknown-but-well-formed' }),
  'invitations.accept': () => ({ token: 'inv_unknown-but-well-formed' }),
  'invitations.decline': () => ({ token: 'inv_unknown-but-well-formed' }),
  'sites.list': (f) => ({ agencyId: f.agencyId }),
  'sites.get': (f) => ({ siteId: f.siteId }),
  'sites.create': (f) => ({
    agencyId: f.agencyId,
    name: 'Swept',
    slug: 'swept',
    timeZone: 'UTC',
    currency: 'EUR',
    locale: 'en-GB',
  }),
  'sites.update': (f) => ({ siteId: f.siteId, name: 'Still valid' }),
  'sites.delete': (f) => ({ siteId: f.siteId, confirmSlug: 'not-the-slug' }),
  'sites.timeZones': (f) => ({ agencyId: f.agencyId }),
  'email.outbox': (f) => ({ agencyId: f.agencyId, limit: 10 }),
  'apiTokens.list': (f) => ({ agencyId: f.agencyId }),
  'apiTokens.scopes': (f) => ({ agencyId: f.agencyId }),
  'apiTokens.create': (f) => ({
    agencyId: f.agencyId,
    siteId: f.siteId,
    name: 'swept',
    scopes: ['site:read'],
    expiresInDays: 30,
  }),
  'apiTokens.revoke': (f) => ({ agencyId: f.agencyId, tokenId: f.tokenId }),
  'webhooks.catalogue': (f) => ({ siteId: f.siteId }),
  'webhooks.list': (f) => ({ siteId: f.siteId }),
  'webhooks.create': (f) => ({ siteId: f.siteId, url: 'https://hooks.example/in', eventTypes: ['*'] }),
  'webhooks.update': (f) => ({ siteId: f.siteId, endpointId: f.endpointId, description: 'still valid' }),
  'webhooks.delete': (f) => ({ siteId: f.siteId, endpointId: f.endpointId }),
  'webhooks.rotateSecret': (f) => ({ siteId: f.siteId, endpointId: f.endpointId }),
  'webhooks.sendTest': (f) => ({ siteId: f.siteId, endpointId: f.endpointId }),
  'webhooks.deliveries': (f) => ({ siteId: f.siteId, endpointId: f.endpointId, status: 'pending', limit: 10 }),
  'webhooks.redeliver': (f) => ({ siteId: f.siteId, deliveryId: f.deliveryId }),
  'v1.token': () => ({}),
  'modules.list': (f) => ({ agencyId: f.agencyId }),
  'modules.versions': (f) => ({ agencyId: f.agencyId, moduleId: f.moduleId }),
  'modules.create': (f) => ({ agencyId: f.agencyId, slug: 'swept-module', name: 'Swept', type: 'widget' }),
  'modules.uploadVersion': (f) => ({ agencyId: f.agencyId, moduleId: f.moduleId, packageBase64: f.nextPackage }),
  'modules.submit': (f) => ({ agencyId: f.agencyId, moduleId: f.moduleId, versionId: f.versionId }),
  'modules.publish': (f) => ({ agencyId: f.agencyId, moduleId: f.moduleId, versionId: f.versionId }),
  'modules.deprecate': (f) => ({ agencyId: f.agencyId, moduleId: f.moduleId, versionId: f.versionId }),
  'modules.yank': (f) => ({ agencyId: f.agencyId, moduleId: f.moduleId, versionId: f.versionId }),
  'modules.review': (f) => ({ versionId: f.versionId, approve: false, notes: 'Swept' }),
  'modules.catalog': () => undefined,
  'installations.list': (f) => ({ siteId: f.siteId }),
  'installations.get': (f) => ({ siteId: f.siteId, installationId: f.installationId }),
  'installations.install': (f) => ({
    siteId: f.siteId,
    moduleId: f.moduleId,
    versionId: f.versionId,
    acceptPermissions: ['site:read'],
  }),
  'installations.configure': (f) => ({ siteId: f.siteId, installationId: f.installationId, settings: { greeting: 'Hi' } }),
  'installations.setEnabled': (f) => ({ siteId: f.siteId, installationId: f.installationId, enabled: true }),
  'installations.upgrade': (f) => ({ siteId: f.siteId, installationId: f.installationId, versionId: f.versionId }),
  'installations.rollback': (f) => ({ siteId: f.siteId, installationId: f.installationId }),
  'installations.uninstall': (f) => ({ siteId: f.siteId, installationId: f.installationId }),
  'v1.getSite': (f) => ({ siteId: f.siteId }),
  'v1Webhooks.eventTypes': () => ({}),
  'v1Webhooks.list': (f) => ({ siteId: f.siteId }),
  'v1Webhooks.get': (f) => ({ siteId: f.siteId, endpointId: f.endpointId }),
  'v1Webhooks.create': (f) => ({ siteId: f.siteId, url: 'https://hooks.example/in', eventTypes: ['*'] }),
  'v1Webhooks.update': (f) => ({ siteId: f.siteId, endpointId: f.endpointId, enabled: true }),
  'v1Webhooks.delete': (f) => ({ siteId: f.siteId, endpointId: f.endpointId }),
  'v1Webhooks.rotateSecret': (f) => ({ siteId: f.siteId, endpointId: f.endpointId }),
  'v1Webhooks.sendTest': (f) => ({ siteId: f.siteId, endpointId: f.endpointId }),
  'v1Webhooks.deliveries': (f) => ({ siteId: f.siteId, endpointId: f.endpointId, limit: 10 }),
  'v1Webhooks.redeliver': (f) => ({ siteId: f.siteId, deliveryId: f.deliveryId }),
};

const nested = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

/** What a field can be instead of what the schema wants. */
const badValues: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a negative number', -1],
  ['a fraction', 1.5],
  ['a huge number', 1e308],
  ['a boolean', true],
  ['an empty string', ''],
  ['a 100 KB string', 'x'.repeat(100_000)],
  ['an unknown id', 'ckunknown000000000000000000'],
  ['a string with a NUL byte', 'bad\u0000value'],
  ['a lone surrogate', 'bad\ud800value'],
  ['an array', ['ckunknown000000000000000000']],
  ['an empty array', []],
  ['an object', { id: 'ckunknown000000000000000000' }],
  ['a 10 000-deep array with a NUL at the bottom', nested(10_000, '\u0000')],
];

/** What the whole input can be instead of an object. */
const badInputs: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'input'],
  ['a number', 7],
  ['an array', [{}]],
];

const callersMistake = new Set(['BAD_REQUEST', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT']);

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { inputs: unknown[]; meta?: { openapi?: unknown } } }
>;
const paths = Object.keys(procedures);
const inputKeys = (path: string) =>
  procedures[path]!._def.inputs.flatMap((schema) => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []));

let s: Scenario;
let f: Fixture;

type Call = (input: unknown) => Promise<unknown>;
function call(path: string, input: unknown): Promise<unknown> {
  const [group, name] = path.split('.') as [string, string];
  // REST procedures (the OpenAPI bridge's) take an API token, not a dashboard session
  const api = procedures[path]!._def.meta?.openapi ? f.rest : f.owner.api;
  return (api as unknown as Record<string, Record<string, Call>>)[group]![name]!(input);
}

/** 'ok', or the error code; anything but a TRPCError is reported as such. */
const outcome = (path: string, input: unknown) =>
  call(path, input).then(
    () => 'ok',
    (err: unknown) => (err instanceof TRPCError ? err.code : `not a TRPCError: ${String(err)}`),
  );

beforeAll(async () => {
  s = await scenario();
  const owner = await s.user('Olivia');
  const colleague = await s.user('Colin');
  await s.join(owner, colleague, 'member');
  const site = await s.site(owner, 'sweep-site');
  const members = await owner.api.members.list({ agencyId: owner.agencyId });
  const invitation = await owner.api.invitations.create({ agencyId: owner.agencyId, email: 'pending@example.test' });
  const tokenInput = { agencyId: owner.agencyId, siteId: site.id, scopes: ['site:read' as const] };
  const restToken = await owner.api.apiTokens.create({ ...tokenInput, name: 'website', scopes: [...scopes] });
  const token = await owner.api.apiTokens.create({ ...tokenInput, name: 'ci' });
  const endpoint = await owner.api.webhooks.create({ siteId: site.id, url: 'https://hooks.example/in', eventTypes: ['*'] });
  const test = await owner.api.webhooks.sendTest({ siteId: site.id, endpointId: endpoint.id });
  // platform staff too, so that the review procedure is swept past its FORBIDDEN
  await s.services.db.user.update({ where: { id: owner.id }, data: { isPlatformAdmin: true } });
  const module = await owner.api.modules.create({
    agencyId: owner.agencyId,
    slug: 'sweep-widget',
    name: 'Sweep',
    type: 'widget',
  });
  const packageOf = async (version: string) => (await widgetPackage('sweep-widget', version)).toString('base64');
  const version = await owner.api.modules.uploadVersion({
    agencyId: owner.agencyId,
    moduleId: module.id,
    packageBase64: await packageOf('1.0.0'),
  });
  const installable = await owner.api.modules.create({
    agencyId: owner.agencyId,
    slug: 'sweep-installed',
    name: 'Installed',
    type: 'widget',
  });
  const installableVersion = await owner.api.modules.uploadVersion({
    agencyId: owner.agencyId,
    moduleId: installable.id,
    packageBase64: (await widgetPackage('sweep-installed', '1.0.0')).toString('base64'),
  });
  // review has its own tests: published directly
  await s.services.db.moduleVersion.update({ where: { id: installableVersion.id }, data: { status: 'published' } });
  const installation = await owner.api.installations.install({
    siteId: site.id,
    moduleId: installable.id,
    acceptPermissions: ['site:read'],
  });
  f = {
    owner,
    installationId: installation.id,
    agencyId: owner.agencyId,
    siteId: site.id,
    memberId: members.find((m) => m.user.id === colleague.id)!.id,
    invitationId: invitation.id,
    tokenId: token.id,
    endpointId: endpoint.id,
    deliveryId: test.deliveryId,
    moduleId: module.id,
    versionId: version.id,
    nextPackage: await packageOf('2.0.0'),
    rest: createCaller(createContext(s.services, null, { authorization: `Bearer ${restToken.token}` })),
  };
});

describe('the sweep', () => {
  it('has a valid input for every procedure', () => {
    expect(paths.filter((p) => !(p in validInput))).toEqual([]);
  });
});

describe('a broken field', () => {
  it.each(paths.filter((p) => inputKeys(p).length > 0))('%s answers with the caller’s mistake, never a 500', async (path) => {
    const valid = validInput[path as Path](f) as Record<string, unknown>;
    const surprises: string[] = [];
    for (const key of inputKeys(path)) {
      for (const [what, value] of badValues) {
        const input = { ...valid, [key]: value };
        if (value === undefined) delete input[key];
        const result = await outcome(path, input);
        if (result !== 'ok' && !callersMistake.has(result)) surprises.push(`${key} = ${what}: ${result}`);
      }
    }
    expect(surprises).toEqual([]);
  });
});

describe('an input that is not an object', () => {
  it.each(paths.filter((p) => procedures[p]!._def.inputs.length > 0))('%s answers BAD_REQUEST', async (path) => {
    const results = await Promise.all(badInputs.map(async ([what, input]) => [what, await outcome(path, input)]));
    expect(results).toEqual(badInputs.map(([what]) => [what, 'BAD_REQUEST']));
  });
});

describe('a NUL character, which PostgreSQL text cannot hold', () => {
  it('is refused with the field named, however deep', async () => {
    const err = await f.owner.api.apiTokens
      .create({
        agencyId: f.agencyId,
        siteId: f.siteId,
        name: 'nul\u0000name',
        scopes: ['site:read', 'site:read\u0000' as 'site:read'],
      })
      .catch((e) => e);
    expect(err.code).toBe('BAD_REQUEST');
    expect(validationDetails(err.cause)?.fieldErrors).toEqual({
      name: ['Remove the NUL character (\\u0000)'],
      'scopes.1': ['Remove the NUL character (\\u0000)'],
    });
    expect(await s.services.db.apiToken.count({ where: { name: { startsWith: 'nul' } } })).toBe(0);
  });
});

describe('the same delete sent twice at once (a double click)', () => {
  it('answers NOT_FOUND to the second, not a 500', async () => {
    const outcomes: string[] = [];
    for (const slug of ['twice-1', 'twice-2', 'twice-3']) {
      const site = await s.site(f.owner, slug);
      const input = { siteId: site.id, confirmSlug: slug };
      outcomes.push(...(await Promise.all([outcome('sites.delete', input), outcome('sites.delete', input)])));
    }
    expect(outcomes.sort()).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'ok', 'ok', 'ok']);
  });
});

describe('valid inputs still work after the sweep', () => {
  it.each(['agencies.get', 'sites.get', 'members.list', 'v1.getSite', 'v1Webhooks.get'] as const)('%s', async (path) => {
    expect(await outcome(path, validInput[path](f))).toBe('ok');
  });
});
