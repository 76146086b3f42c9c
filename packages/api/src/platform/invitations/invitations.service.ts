// Invitations by email: the link carries a random token; only its sha256 is stored. Accepting
// requires signing in with the invited address, so a forwarded link cannot be used by someone else.
import type { Db } from '@dramac/db';
import type { PgBoss } from '@dramac/jobs';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import { newToken, sha256 } from '../../lib/secrets.ts';
import type { RoleName } from '../../trpc.ts';
import { emitEvent } from '../../webhooks/emit.ts';
import { queueEmail, simpleHtml } from '../email/email.service.ts';
import { memberEventData } from '../members/members.service.ts';

export const INVITATION_DAYS = 7;

export async function inviteMember(
  db: Db,
  boss: PgBoss,
  opts: {
    agencyId: string;
    email: string;
    role: RoleName;
    inviter: { id: string; name: string; role: RoleName };
    appUrl: string;
  },
) {
  if (opts.role === 'owner' && opts.inviter.role !== 'owner') throw forbidden('Only an owner can invite another owner');
  const token = newToken('inv');
  const link = `${opts.appUrl}/invitations/${token}`;
  return db.$transaction(async (tx) => {
    const agency = await tx.agency.findUniqueOrThrow({ where: { id: opts.agencyId } });
    const existing = await tx.membership.findFirst({ where: { agencyId: opts.agencyId, user: { email: opts.email } } });
    if (existing) throw conflict(`${opts.email} is already a member of this agency`);
    // a new invitation replaces a pending one for the same address
    await tx.invitation.updateMany({
      where: { agencyId: opts.agencyId, email: opts.email, status: 'pending' },
      data: { status: 'revoked', respondedAt: new Date() },
    });
    const invitation = await tx.invitation.create({
      data: {
        agencyId: opts.agencyId,
        email: opts.email,
        role: opts.role,
        tokenHash: sha256(token),
        invitedById: opts.inviter.id,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      },
    });
    const lines = [
      `${opts.inviter.name} invited you to join ${agency.name} on Dramac as ${opts.role}.`,
      `The invitation expires in ${INVITATION_DAYS} days.`,
    ];
    await queueEmail(tx, boss, {
      agencyId: opts.agencyId,
      to: opts.email,
      subject: `Join ${agency.name} on Dramac`,
      text: `${lines.join('\n')}\n\nAccept or decline: ${link}\n`,
      html: simpleHtml(lines, { label: 'View invitation', url: link }),
    });
    return { invitation, link };
  });
}

/** The invitation behind a link, or NOT_FOUND for an unknown token. */
export async function findByToken(db: Db, token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: sha256(token) },
    include: { agency: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invitation) throw notFound('Invitation');
  const expired = invitation.status === 'pending' && invitation.expiresAt < new Date();
  return { ...invitation, status: expired ? ('expired' as const) : invitation.status };
}

export async function respond(
  { db, boss }: { db: Db; boss: PgBoss },
  token: string,
  answer: { accept: { id: string; email: string } } | { decline: true },
) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: sha256(token) } });
    if (!invitation) throw notFound('Invitation');
    if (invitation.status !== 'pending') throw conflict(`This invitation was already ${invitation.status}`);
    if (invitation.expiresAt < new Date()) throw badRequest('This invitation has expired: ask for a new one');
    const user = 'accept' in answer ? answer.accept : null;
    // declining needs only the link; joining needs the invited address
    if (user && invitation.email !== user.email.toLowerCase()) {
      throw forbidden(`This invitation is for ${invitation.email}: sign in with that address`);
    }
    // a conditional update: of two concurrent answers, only one finds the invitation pending
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, status: 'pending' },
      data: { status: user ? 'accepted' : 'declined', respondedAt: new Date() },
    });
    if (claimed.count === 0) throw conflict('This invitation was answered already');
    if (user) {
      await tx.membership.upsert({
        where: { agencyId_userId: { agencyId: invitation.agencyId, userId: user.id } },
        create: { agencyId: invitation.agencyId, userId: user.id, role: invitation.role },
        update: {},
      });
      await emitEvent(tx, boss, {
        type: 'member.joined',
        agencyId: invitation.agencyId,
        siteId: null,
        data: { member: await memberEventData(tx, user.id, invitation.role) },
      });
    }
    return { agencyId: invitation.agencyId, status: user ? ('accepted' as const) : ('declined' as const) };
  });
}
