// Sessions end on the server: a cookie saved before a sign-out (or a sign-out everywhere, or a
// removal from the last agency) and replayed afterwards signs nobody in, over real HTTP.
import type { JWT } from 'next-auth/jwt';
import { decode, encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOptions, authSecret } from '../../http/session.ts';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';
import { sessionCookie, startTestServer, type TestServer } from '../../testing/http-server.ts';
import { endSession, endUserSessions } from './sessions.ts';

let s: Scenario;
let server: TestServer;
beforeAll(async () => {
  s = await scenario();
  server = await startTestServer(s.services);
});
afterAll(() => server?.close());

/** The status of `auth.me` over HTTP with this cookie: 200 signed in, 401 not. */
async function meStatus(cookie: string): Promise<number> {
  const res = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { cookie } });
  return res.status;
}

/** The JWT inside a session cookie, as next-auth decodes it. */
async function tokenOf(cookie: string): Promise<JWT> {
  const token = await decode({ token: cookie.split('=')[1], secret: authSecret() });
  if (!token) throw new Error('not a session cookie');
  return token;
}

const options = () => authOptions(async () => s.services);

describe('a session cookie', () => {
  let olga: TestUser;
  beforeAll(async () => {
    olga = await s.user('Olga');
  });

  it('signs in while its session is current', async () => {
    expect(await meStatus(await sessionCookie(s.services.db, olga))).toBe(200);
  });

  it('replayed after sign-out is refused, while another session of the same user goes on', async () => {
    const laptop = await sessionCookie(s.services.db, olga);
    const phone = await sessionCookie(s.services.db, olga);
    // what POST /api/auth/signout runs with the cookie it was sent
    await options().events?.signOut?.({ token: await tokenOf(laptop), session: undefined as never });
    expect(await meStatus(laptop)).toBe(401);
    expect(await meStatus(phone)).toBe(200);
  });

  it('replayed after sign-out is refused by the pages too: next-auth clears it', async () => {
    const cookie = await sessionCookie(s.services.db, olga);
    const token = await tokenOf(cookie);
    const jwt = options().callbacks?.jwt;
    if (!jwt) throw new Error('no jwt callback');
    await expect(jwt({ token } as never)).resolves.toMatchObject({ sub: olga.id });
    await endSession(s.services.db, token.sid);
    await expect(jwt({ token } as never)).rejects.toThrow();
  });

  it('from before sessions were kept (no session id) signs nobody in', async () => {
    const token = await encode({ token: { sub: olga.id, email: olga.email, name: olga.name }, secret: authSecret() });
    expect(await meStatus(`next-auth.session-token=${token}`)).toBe(401);
  });

  it('naming the session of another user signs nobody in', async () => {
    const max = await s.user('Max');
    const { sid } = await tokenOf(await sessionCookie(s.services.db, max));
    const token = await encode({ token: { sub: olga.id, email: olga.email, name: olga.name, sid }, secret: authSecret() });
    expect(await meStatus(`next-auth.session-token=${token}`)).toBe(401);
  });

  it('past its session’s absolute lifetime is refused', async () => {
    const cookie = await sessionCookie(s.services.db, olga);
    const { sid } = await tokenOf(cookie);
    await s.services.db.session.update({ where: { id: sid as string }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await meStatus(cookie)).toBe(401);
  });

  it('is refused everywhere once every session of the user ended', async () => {
    const cookies = [await sessionCookie(s.services.db, olga), await sessionCookie(s.services.db, olga)];
    expect(await endUserSessions(s.services.db, olga.id)).toBeGreaterThanOrEqual(2);
    for (const cookie of cookies) expect(await meStatus(cookie)).toBe(401);
    // the module gateway reads sessions the same way
    const res = await fetch(`${server.url}/api/modules/any/context`, {
      headers: { cookie: cookies[0]!, 'x-dramac-request': '1', 'x-dramac-site': 'x' },
    });
    expect(res.status).toBe(401);
  });
});

describe('removal from an agency', () => {
  it('ends the sessions of someone removed from their last agency', async () => {
    const owner = await s.user('Ola');
    const member = await s.user('Mia');
    await s.join(owner, member, 'member');
    // Mia's own agency goes first: Ola's is then her only one
    await s.services.db.agency.delete({ where: { id: member.agencyId } });
    const cookie = await sessionCookie(s.services.db, member);
    const { id: memberId } = await s.services.db.membership.findUniqueOrThrow({
      where: { agencyId_userId: { agencyId: owner.agencyId, userId: member.id } },
    });
    await owner.api.members.remove({ agencyId: owner.agencyId, memberId });
    expect(await meStatus(cookie)).toBe(401);
  });

  it('keeps the sessions of someone removed from one agency of several, or who leaves by themselves', async () => {
    const owner = await s.user('Otto');
    const member = await s.user('Mats');
    await s.join(owner, member, 'member');
    const cookie = await sessionCookie(s.services.db, member);
    const { id: memberId } = await s.services.db.membership.findUniqueOrThrow({
      where: { agencyId_userId: { agencyId: owner.agencyId, userId: member.id } },
    });
    await owner.api.members.remove({ agencyId: owner.agencyId, memberId });
    expect(await meStatus(cookie)).toBe(200);

    const leaver = await s.user('Lea');
    await s.join(owner, leaver, 'member');
    await s.services.db.agency.delete({ where: { id: leaver.agencyId } });
    const leaverCookie = await sessionCookie(s.services.db, leaver);
    const { id: ownId } = await s.services.db.membership.findUniqueOrThrow({
      where: { agencyId_userId: { agencyId: owner.agencyId, userId: leaver.id } },
    });
    await leaver.api.members.remove({ agencyId: owner.agencyId, memberId: ownId });
    expect(await meStatus(leaverCookie)).toBe(200);
  });
});
