import { beforeAll, describe, expect, it } from 'vitest';
import { validationDetails } from '../../errors.ts';
import { type Scenario, scenario } from '../../testing/harness.ts';
import { verifyCredentials } from './auth.service.ts';

let s: Scenario;
beforeAll(async () => {
  s = await scenario();
});

const valid = { name: 'Nora Quinn', email: 'nora@example.test', password: 'correct horse', agencyName: 'Quinn Studio' };

/** The error of a sign-up that must fail, with its field errors. */
async function rejectedSignUp(input: unknown) {
  const err = await s.anonymous.auth.signUp(input as typeof valid).then(
    () => {
      throw new Error('sign-up succeeded');
    },
    (e) => e,
  );
  return { code: err.code as string, ...(validationDetails(err.cause) ?? { fieldErrors: {}, formErrors: [] }) };
}

describe('signing up', () => {
  it('creates the user with a hashed password, and their agency with them as owner', async () => {
    const { user, agencyId } = await s.anonymous.auth.signUp({ ...valid, email: '  Nora@Example.TEST ' });
    expect(user).toMatchObject({ name: 'Nora Quinn', email: 'nora@example.test' });

    const row = await s.services.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(valid.password);

    const agency = await s.services.db.agency.findUniqueOrThrow({ where: { id: agencyId }, include: { memberships: true } });
    expect(agency.name).toBe('Quinn Studio');
    expect(agency.memberships.map((m) => [m.userId, m.role])).toEqual([[user.id, 'owner']]);
  });

  it('without an agency name creates only the user, who can then join through an invitation', async () => {
    const { agencyName: _, ...withoutAgency } = valid;
    const { user, agencyId } = await s.anonymous.auth.signUp({ ...withoutAgency, email: 'joiner@example.test' });
    expect(agencyId).toBeUndefined();
    expect(await s.services.db.membership.count({ where: { userId: user.id } })).toBe(0);
    expect((await s.callerFor(user).auth.me()).agencies).toEqual([]);
  });

  it('answers CONFLICT for an email already taken, whatever its case', async () => {
    const before = await s.services.db.agency.count();
    const err = await s.anonymous.auth.signUp({ ...valid, email: 'NORA@example.test', agencyName: 'Second' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'CONFLICT', message: 'An account with this email already exists. Sign in instead.' });
    expect(await s.services.db.agency.count()).toBe(before);
  });

  it.each([
    ['a bad email', { ...valid, email: 'not-an-email' }, ['email']],
    ['a short password', { ...valid, password: 'short' }, ['password']],
    ['a 10 KB name', { ...valid, name: 'n'.repeat(10_000) }, ['name']],
    ['a 100 KB password', { ...valid, password: 'p'.repeat(100_000) }, ['password']],
    ['a blank name', { ...valid, name: '   ' }, ['name']],
    [
      'wrong types',
      { name: 42, email: ['x@example.test'], password: { p: 1 }, agencyName: true },
      ['agencyName', 'email', 'name', 'password'],
    ],
    ['missing fields', {}, ['email', 'name', 'password']],
    ['null fields', { name: null, email: null, password: null, agencyName: null }, ['agencyName', 'email', 'name', 'password']],
  ])('answers BAD_REQUEST naming the fields for %s', async (_, input, fields) => {
    const { code, fieldErrors } = await rejectedSignUp(input);
    expect(code).toBe('BAD_REQUEST');
    expect(Object.keys(fieldErrors).sort()).toEqual(fields);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an array', [valid]],
    ['a string', 'nora@example.test'],
  ])('answers BAD_REQUEST for %s instead of an object', async (_, input) => {
    const { code, formErrors } = await rejectedSignUp(input);
    expect(code).toBe('BAD_REQUEST');
    expect(formErrors).not.toEqual([]);
  });

  it('tells the user what to change', async () => {
    const { fieldErrors } = await rejectedSignUp({ ...valid, email: 'nope', password: 'short' });
    expect(fieldErrors).toEqual({ email: ['Enter a valid email address'], password: ['Use at least 8 characters'] });
  });
});

describe('checking credentials', () => {
  beforeAll(async () => {
    await s.anonymous.auth.signUp({ ...valid, email: 'creds@example.test' });
  });

  it('returns the user for the right password, whatever the email case', async () => {
    expect(await verifyCredentials(s.services.db, ' Creds@Example.test', valid.password)).toMatchObject({
      email: 'creds@example.test',
      name: 'Nora Quinn',
    });
  });

  it('returns null for a wrong password or an unknown email', async () => {
    expect(await verifyCredentials(s.services.db, 'creds@example.test', 'wrong password')).toBeNull();
    expect(await verifyCredentials(s.services.db, 'nobody@example.test', valid.password)).toBeNull();
  });
});

describe('me', () => {
  it('lists the agencies the user belongs to, with their role in each', async () => {
    const olga = await s.user('Olga');
    const max = await s.user('Max');
    await s.join(olga, max, 'admin');
    const me = await max.api.auth.me();
    expect(me.user).toEqual({ id: max.id, email: max.email, name: 'Max' });
    expect(me.agencies).toEqual([
      { id: max.agencyId, name: "Max's Agency", role: 'owner' },
      { id: olga.agencyId, name: "Olga's Agency", role: 'admin' },
    ]);
  });
});
