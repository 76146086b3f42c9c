// A sweep over every procedure in the router: start from a valid input, break one field at a time
// (wrong types, huge strings, unknown ids, NUL bytes…) or the whole input, and check the caller
// hears about their mistake (400/403/404/409/429), never a 500. Fields come from the procedures'
// own input schemas, so a new field or procedure is swept without touching this file beyond
// its one valid-input line.
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { validationDetails } from '../errors.ts';
import { type AgencyRows, agencyRows, validCall } from '../testing/agency-rows.ts';
import { type Scenario, scenario, type TestUser } from '../testing/harness.ts';
import { callersOf, callProcedure, hasInput, inputKeys, procedurePaths } from '../testing/router-walk.ts';

/** An agency with one of every row, its owner (also platform staff, so review is swept too). */
interface Fixture extends AgencyRows {
  owner: TestUser;
}

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

const callersMistake = new Set(['BAD_REQUEST', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'TOO_MANY_REQUESTS']);

let s: Scenario;
let f: Fixture;

/** Token-only procedures take the fixture's API token, the others the owner's session. */
const call = (path: string, input: unknown) => callProcedure(callersOf(path)[0] === 'token' ? f.rest : f.owner.api, path, input);

/** 'ok', or the error code; anything but a TRPCError is reported as such. */
const outcome = (path: string, input: unknown) =>
  call(path, input).then(
    () => 'ok',
    (err: unknown) => (err instanceof TRPCError ? err.code : `not a TRPCError: ${String(err)}`),
  );

beforeAll(async () => {
  s = await scenario();
  const owner = await s.user('Olivia');
  // platform staff too, so that the review procedure is swept past its FORBIDDEN
  await s.services.db.user.update({ where: { id: owner.id }, data: { isPlatformAdmin: true } });
  f = { owner, ...(await agencyRows(s, owner, 1)) };
});

describe('the sweep', () => {
  it('has a valid input for every procedure', () => {
    expect(procedurePaths.filter((p) => !validCall(p, f))).toEqual([]);
  });
});

describe('a broken field', () => {
  it.each(procedurePaths.filter((p) => inputKeys(p).length > 0))(
    '%s answers with the caller’s mistake, never a 500',
    async (path) => {
      const valid = validCall(path, f)?.input as Record<string, unknown>;
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
    },
  );
});

describe('an input that is not an object', () => {
  it.each(procedurePaths.filter(hasInput))('%s answers BAD_REQUEST', async (path) => {
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
  it.each(['agencies.get', 'sites.get', 'members.list', 'webhooks.get', 'installedModules.list'] as const)('%s', async (path) => {
    expect(await outcome(path, validCall(path, f)?.input)).toBe('ok');
  });
});
