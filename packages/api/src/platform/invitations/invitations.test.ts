import { beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';

let s: Scenario;
let owner: TestUser;
let admin: TestUser;
beforeAll(async () => {
  s = await scenario();
  owner = await s.user('Olivia');
  admin = await s.user('Adam');
  await s.join(owner, admin, 'admin');
});

const linkPattern = /http:\/\/dashboard\.test\/invitations\/(\S+)/;

/** `inviter` invites `email`; returns the invitation and the token from the email it sent. */
async function invite(email: string, role: 'owner' | 'admin' | 'member' = 'member', inviter: TestUser = admin) {
  const invitation = await inviter.api.invitations.create({ agencyId: owner.agencyId, email, role });
  const mail = await s.services.db.emailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: 'desc' } });
  const token = mail.text.match(linkPattern)?.[1];
  if (!token) throw new Error(`no invitation link in: ${mail.text}`);
  return { invitation, mail, token };
}

const membershipOf = (user: TestUser) =>
  s.services.db.membership.findUnique({ where: { agencyId_userId: { agencyId: owner.agencyId, userId: user.id } } });

describe('inviting', () => {
  it('stores a pending invitation, queues an email with the link and a send job', async () => {
    const { invitation, mail, token } = await invite('newbie@example.test', 'admin');

    const row = await s.services.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row).toMatchObject({ agencyId: owner.agencyId, email: 'newbie@example.test', role: 'admin', status: 'pending' });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(6 * 86_400_000);

    expect(mail).toMatchObject({ agencyId: owner.agencyId, status: 'queued', subject: "Join Olivia's Agency on Dramac" });
    expect(mail.text).toContain('Adam invited you to join');
    expect(mail.html).toContain(`http://dashboard.test/invitations/${token}`);

    const jobs = await s.services.db.$queryRaw<{ data: { messageId: string }; state: string }[]>`
      select data, state::text as state from pgboss.job where name = 'email.send' and data->>'messageId' = ${mail.id}`;
    expect(jobs).toEqual([{ data: { messageId: mail.id }, state: 'created' }]);

    expect((await admin.api.invitations.list({ agencyId: owner.agencyId })).map((i) => i.email)).toContain('newbie@example.test');
  });

  it('answers CONFLICT for someone who is already a member', async () => {
    const err = await admin.api.invitations
      .create({ agencyId: owner.agencyId, email: owner.email.toUpperCase() })
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'CONFLICT', message: `${owner.email} is already a member of this agency` });
    expect(await s.services.db.emailMessage.count({ where: { to: owner.email } })).toBe(0);
  });

  it('replaces a pending invitation for the same address', async () => {
    const invitee = await s.user('Twice');
    const first = await invite(invitee.email);
    const second = await invite(invitee.email);
    expect((await s.services.db.invitation.findUniqueOrThrow({ where: { id: first.invitation.id } })).status).toBe('revoked');
    expect((await s.anonymous.invitations.byToken({ token: first.token })).status).toBe('revoked');
    await expect(invitee.api.invitations.accept({ token: first.token })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This invitation was already revoked',
    });
    await invitee.api.invitations.accept({ token: second.token });
    expect(await membershipOf(invitee)).toMatchObject({ role: 'member' });
  });

  it('is for admins: a member gets FORBIDDEN', async () => {
    const member = await s.user('Mo');
    await s.join(owner, member, 'member');
    await expect(member.api.invitations.create({ agencyId: owner.agencyId, email: 'friend@example.test' })).rejects.toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
    expect(await s.services.db.invitation.count({ where: { email: 'friend@example.test' } })).toBe(0);
  });

  it('lets only an owner invite an owner', async () => {
    const err = await admin.api.invitations
      .create({ agencyId: owner.agencyId, email: 'boss@example.test', role: 'owner' })
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'FORBIDDEN', message: 'Only an owner can invite another owner' });
    expect(await s.services.db.invitation.count({ where: { email: 'boss@example.test' } })).toBe(0);
    await invite('boss@example.test', 'owner', owner);
  });

  it('can be revoked by an admin, once', async () => {
    const { invitation, token } = await invite('changed-mind@example.test');
    await admin.api.invitations.revoke({ agencyId: owner.agencyId, invitationId: invitation.id });
    expect((await s.anonymous.invitations.byToken({ token })).status).toBe('revoked');
    expect((await admin.api.invitations.list({ agencyId: owner.agencyId })).map((i) => i.id)).not.toContain(invitation.id);
    await expect(admin.api.invitations.revoke({ agencyId: owner.agencyId, invitationId: invitation.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('the invitation link', () => {
  it('shows agency, inviter and status without signing in', async () => {
    const { token } = await invite('curious@example.test', 'admin');
    expect(await s.anonymous.invitations.byToken({ token })).toMatchObject({
      agencyName: "Olivia's Agency",
      invitedBy: 'Adam',
      email: 'curious@example.test',
      role: 'admin',
      status: 'pending',
    });
  });

  it('answers NOT_FOUND for an unknown token', async () => {
    await expect(s.anonymous.invitations.byToken({ token: 'inv_not-a-real-token-at-all' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('answering', () => {
  it('joins the invited user with the invited role', async () => {
    const joiner = await s.user('Joy');
    const { token } = await invite(joiner.email, 'admin');
    expect(await joiner.api.invitations.accept({ token })).toEqual({ agencyId: owner.agencyId, status: 'accepted' });
    expect(await membershipOf(joiner)).toMatchObject({ role: 'admin' });
    expect((await joiner.api.auth.me()).agencies.map((a) => a.id)).toContain(owner.agencyId);
    expect((await s.anonymous.invitations.byToken({ token })).status).toBe('accepted');
  });

  it('refuses a user signed in with another address, and keeps the invitation open', async () => {
    const intended = await s.user('Ina');
    const other = await s.user('Eve');
    const { token } = await invite(intended.email);
    const err = await other.api.invitations.accept({ token }).catch((e) => e);
    expect(err).toMatchObject({
      code: 'FORBIDDEN',
      message: `This invitation is for ${intended.email}: sign in with that address`,
    });
    expect(await membershipOf(other)).toBeNull();
    expect((await s.anonymous.invitations.byToken({ token })).status).toBe('pending');
    await intended.api.invitations.accept({ token });
  });

  it('answers CONFLICT to a second accept', async () => {
    const joiner = await s.user('Jon');
    const { token } = await invite(joiner.email);
    await joiner.api.invitations.accept({ token });
    await expect(joiner.api.invitations.accept({ token })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This invitation was already accepted',
    });
  });

  it('declines without signing in', async () => {
    const { token } = await invite('not-interested@example.test');
    expect(await s.anonymous.invitations.decline({ token })).toMatchObject({ status: 'declined' });
    expect((await s.anonymous.invitations.byToken({ token })).status).toBe('declined');
    await expect(s.anonymous.invitations.decline({ token })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses an expired invitation, which the link shows as expired', async () => {
    const late = await s.user('Lou');
    const { invitation, token } = await invite(late.email);
    await s.services.db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await s.anonymous.invitations.byToken({ token })).status).toBe('expired');
    await expect(late.api.invitations.accept({ token })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This invitation has expired: ask for a new one',
    });
    expect(await membershipOf(late)).toBeNull();
  });
});
