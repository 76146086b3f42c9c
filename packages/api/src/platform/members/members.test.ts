import { beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';

type Role = 'owner' | 'admin' | 'member';

let s: Scenario;
beforeAll(async () => {
  s = await scenario();
});

/** An agency owned by a new user, with the others joined in the given roles. */
async function agency(others: Record<string, Role> = {}) {
  const owner = await s.user('Olga');
  const people: Record<string, TestUser> = {};
  for (const [name, role] of Object.entries(others)) {
    people[name] = await s.user(name);
    await s.join(owner, people[name]!, role);
  }
  const memberIdOf = async (user: TestUser) => {
    const row = await s.services.db.membership.findUniqueOrThrow({
      where: { agencyId_userId: { agencyId: owner.agencyId, userId: user.id } },
    });
    return row.id;
  };
  const roleOf = async (user: TestUser) =>
    (
      await s.services.db.membership.findUnique({
        where: { agencyId_userId: { agencyId: owner.agencyId, userId: user.id } },
      })
    )?.role ?? null;
  const owners = () => s.services.db.membership.count({ where: { agencyId: owner.agencyId, role: 'owner' } });
  return { owner, agencyId: owner.agencyId, people, memberIdOf, roleOf, owners };
}

describe('listing members', () => {
  it('shows everyone with their role and marks the caller', async () => {
    const a = await agency({ Mia: 'member' });
    const list = await a.people.Mia!.api.members.list({ agencyId: a.agencyId });
    expect(list.map((m) => [m.user.name, m.role, m.isYou])).toEqual([
      ['Olga', 'owner', false],
      ['Mia', 'member', true],
    ]);
  });
});

describe('a member', () => {
  it('cannot change roles', async () => {
    const a = await agency({ Mia: 'member', Max: 'member' });
    const err = await a.people
      .Mia!.api.members.changeRole({ agencyId: a.agencyId, memberId: await a.memberIdOf(a.people.Max!), role: 'admin' })
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/admin role/) });
    expect(await a.roleOf(a.people.Max!)).toBe('member');
  });

  it('cannot promote themselves', async () => {
    const a = await agency({ Mia: 'member' });
    await expect(
      a.people.Mia!.api.members.changeRole({ agencyId: a.agencyId, memberId: await a.memberIdOf(a.people.Mia!), role: 'owner' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await a.roleOf(a.people.Mia!)).toBe('member');
  });

  it('cannot remove someone else', async () => {
    const a = await agency({ Mia: 'member', Max: 'member' });
    await expect(
      a.people.Mia!.api.members.remove({ agencyId: a.agencyId, memberId: await a.memberIdOf(a.people.Max!) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      a.people.Mia!.api.members.remove({ agencyId: a.agencyId, memberId: await a.memberIdOf(a.owner) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await a.roleOf(a.people.Max!)).toBe('member');
    expect(await a.roleOf(a.owner)).toBe('owner');
  });

  it('can leave, and then no longer sees the agency', async () => {
    const a = await agency({ Mia: 'member' });
    const mia = a.people.Mia!;
    expect(await mia.api.members.remove({ agencyId: a.agencyId, memberId: await a.memberIdOf(mia) })).toMatchObject({
      left: true,
    });
    expect(await a.roleOf(mia)).toBeNull();
    await expect(mia.api.agencies.get({ agencyId: a.agencyId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('an admin', () => {
  it('promotes a member to admin and back', async () => {
    const a = await agency({ Ada: 'admin', Mia: 'member' });
    const mia = await a.memberIdOf(a.people.Mia!);
    await a.people.Ada!.api.members.changeRole({ agencyId: a.agencyId, memberId: mia, role: 'admin' });
    expect(await a.roleOf(a.people.Mia!)).toBe('admin');
    await a.people.Ada!.api.members.changeRole({ agencyId: a.agencyId, memberId: mia, role: 'member' });
    expect(await a.roleOf(a.people.Mia!)).toBe('member');
  });

  it('removes a member', async () => {
    const a = await agency({ Ada: 'admin', Mia: 'member' });
    const result = await a.people.Ada!.api.members.remove({ agencyId: a.agencyId, memberId: await a.memberIdOf(a.people.Mia!) });
    expect(result).toMatchObject({ left: false });
    expect(await a.roleOf(a.people.Mia!)).toBeNull();
  });

  it('cannot make anyone an owner', async () => {
    const a = await agency({ Ada: 'admin', Mia: 'member' });
    for (const user of [a.people.Mia!, a.people.Ada!]) {
      const err = await a.people
        .Ada!.api.members.changeRole({ agencyId: a.agencyId, memberId: await a.memberIdOf(user), role: 'owner' })
        .catch((e) => e);
      expect(err).toMatchObject({ code: 'FORBIDDEN', message: 'Only an owner can change who is an owner' });
    }
    expect(await a.owners()).toBe(1);
  });

  it('cannot demote or remove an owner', async () => {
    const a = await agency({ Ada: 'admin' });
    const owner = await a.memberIdOf(a.owner);
    await expect(
      a.people.Ada!.api.members.changeRole({ agencyId: a.agencyId, memberId: owner, role: 'member' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(a.people.Ada!.api.members.remove({ agencyId: a.agencyId, memberId: owner })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only an owner can remove an owner',
    });
    expect(await a.roleOf(a.owner)).toBe('owner');
  });
});

describe('an owner', () => {
  it('makes someone else an owner', async () => {
    const a = await agency({ Ada: 'admin' });
    await a.owner.api.members.changeRole({ agencyId: a.agencyId, memberId: await a.memberIdOf(a.people.Ada!), role: 'owner' });
    expect(await a.roleOf(a.people.Ada!)).toBe('owner');
  });

  it('cannot leave as the last owner', async () => {
    const a = await agency({ Mia: 'member' });
    const err = await a.owner.api.members.remove({ agencyId: a.agencyId, memberId: await a.memberIdOf(a.owner) }).catch((e) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST', message: 'The last owner cannot leave: make someone else owner first' });
    expect(await a.roleOf(a.owner)).toBe('owner');
  });

  it('cannot step down as the last owner', async () => {
    const a = await agency();
    const err = await a.owner.api.members
      .changeRole({ agencyId: a.agencyId, memberId: await a.memberIdOf(a.owner), role: 'admin' })
      .catch((e) => e);
    expect(err).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'An agency needs at least one owner: make someone else owner first',
    });
    expect(await a.roleOf(a.owner)).toBe('owner');
  });

  it('can leave when there is another owner', async () => {
    const a = await agency({ Otto: 'owner' });
    await a.owner.api.members.remove({ agencyId: a.agencyId, memberId: await a.memberIdOf(a.owner) });
    expect(await a.roleOf(a.owner)).toBeNull();
    expect(await a.roleOf(a.people.Otto!)).toBe('owner');
  });

  it('can step down when there is another owner', async () => {
    const a = await agency({ Otto: 'owner' });
    await a.owner.api.members.changeRole({ agencyId: a.agencyId, memberId: await a.memberIdOf(a.owner), role: 'member' });
    expect(await a.roleOf(a.owner)).toBe('member');
  });
});

describe('two owners at once', () => {
  // several agencies in parallel so the two transactions really overlap on the agency lock
  const rounds = 5;

  it('demoting each other leaves one owner', async () => {
    const agencies = await Promise.all(Array.from({ length: rounds }, () => agency({ Otto: 'owner' })));
    const results = await Promise.all(
      agencies.map(async (a) => {
        const [olga, otto] = [await a.memberIdOf(a.owner), await a.memberIdOf(a.people.Otto!)];
        return Promise.allSettled([
          a.owner.api.members.changeRole({ agencyId: a.agencyId, memberId: otto, role: 'admin' }),
          a.people.Otto!.api.members.changeRole({ agencyId: a.agencyId, memberId: olga, role: 'admin' }),
        ]);
      }),
    );
    for (const [i, settled] of results.entries()) {
      expect(await agencies[i]!.owners()).toBe(1);
      expect(settled.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(settled.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'BAD_REQUEST' } });
    }
  });

  it('both leaving leaves one owner', async () => {
    const agencies = await Promise.all(Array.from({ length: rounds }, () => agency({ Otto: 'owner' })));
    await Promise.all(
      agencies.map(async (a) => {
        const [olga, otto] = [await a.memberIdOf(a.owner), await a.memberIdOf(a.people.Otto!)];
        await Promise.allSettled([
          a.owner.api.members.remove({ agencyId: a.agencyId, memberId: olga }),
          a.people.Otto!.api.members.remove({ agencyId: a.agencyId, memberId: otto }),
        ]);
      }),
    );
    for (const a of agencies) expect(await a.owners()).toBe(1);
  });

  it('removing the same member twice answers NOT_FOUND to the second, not a 500', async () => {
    const agencies = await Promise.all(Array.from({ length: rounds }, () => agency({ Mia: 'member' })));
    for (const a of agencies) {
      const mia = await a.memberIdOf(a.people.Mia!);
      const settled = await Promise.allSettled(
        [1, 2].map(() => a.owner.api.members.remove({ agencyId: a.agencyId, memberId: mia })),
      );
      expect(settled.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code)).sort()).toEqual([
        'NOT_FOUND',
        'ok',
      ]);
    }
  });

  it('changing the role of a member being removed answers NOT_FOUND, not a 500', async () => {
    const agencies = await Promise.all(Array.from({ length: rounds }, () => agency({ Mia: 'member' })));
    for (const a of agencies) {
      const mia = await a.memberIdOf(a.people.Mia!);
      const settled = await Promise.allSettled([
        a.owner.api.members.remove({ agencyId: a.agencyId, memberId: mia }),
        a.owner.api.members.changeRole({ agencyId: a.agencyId, memberId: mia, role: 'admin' }),
      ]);
      const outcomes = settled.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code));
      // either order is fine: removed then NOT_FOUND, or promoted then removed
      expect(outcomes[0]).toBe('ok');
      expect(['ok', 'NOT_FOUND']).toContain(outcomes[1]);
      expect(await a.roleOf(a.people.Mia!)).toBeNull();
    }
  });
});
