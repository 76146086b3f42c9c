// Membership changes keep one rule above all: an agency always has at least one owner. The
// owner count is read under a row lock on the agency so two concurrent demotions cannot both pass.
import type { Db, Tx } from '@dramac/db';
import type { PgBoss } from '@dramac/jobs';
import { badRequest, forbidden, notFound } from '../../errors.ts';
import { hasRole, type RoleName } from '../../trpc.ts';
import { emitEvent } from '../../webhooks/emit.ts';
import { endUserSessions } from '../auth/sessions.ts';

async function lockAgencyAndCountOwners(tx: Tx, agencyId: string): Promise<number> {
  await tx.$queryRaw`select id from platform.agencies where id = ${agencyId} for update`;
  return tx.membership.count({ where: { agencyId, role: 'owner' } });
}

interface Deps {
  db: Db;
  boss: PgBoss;
}

/** The member as events describe them. */
export async function memberEventData(tx: Tx, userId: string, role: RoleName) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true } });
  return { userId: user.id, email: user.email, name: user.name, role };
}

interface Actor {
  userId: string;
  role: RoleName;
}

export async function changeRole({ db, boss }: Deps, agencyId: string, actor: Actor, memberId: string, role: RoleName) {
  return db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({ where: { id: memberId, agencyId } });
    if (!target) throw notFound('Member');
    // only owners grant or take away ownership
    if ((role === 'owner' || target.role === 'owner') && actor.role !== 'owner') {
      throw forbidden('Only an owner can change who is an owner');
    }
    if (!hasRole(actor.role, 'admin')) throw forbidden('This needs the admin role or higher');
    if (target.role === 'owner' && role !== 'owner' && (await lockAgencyAndCountOwners(tx, agencyId)) <= 1) {
      throw badRequest('An agency needs at least one owner: make someone else owner first');
    }
    // a concurrent removal may have deleted the row since it was read: that is a 404, not a 500
    const { count } = await tx.membership.updateMany({ where: { id: target.id }, data: { role } });
    if (count === 0) throw notFound('Member');
    const updated = { ...target, role };
    if (target.role !== role) {
      await emitEvent(tx, boss, {
        type: 'member.role_changed',
        agencyId,
        siteId: null,
        data: { member: await memberEventData(tx, target.userId, role), previousRole: target.role },
      });
    }
    return updated;
  });
}

/** Removes a member, or lets a member leave (memberId of their own membership). */
export async function removeMember({ db, boss }: Deps, agencyId: string, actor: Actor, memberId: string) {
  return db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({ where: { id: memberId, agencyId } });
    if (!target) throw notFound('Member');
    const leaving = target.userId === actor.userId;
    if (!leaving && !hasRole(actor.role, 'admin')) throw forbidden('This needs the admin role or higher');
    if (!leaving && target.role === 'owner' && actor.role !== 'owner') throw forbidden('Only an owner can remove an owner');
    if (target.role === 'owner' && (await lockAgencyAndCountOwners(tx, agencyId)) <= 1) {
      throw badRequest('The last owner cannot leave: make someone else owner first');
    }
    // a concurrent removal may have deleted the row since it was read: that is a 404, not a 500
    const { count } = await tx.membership.deleteMany({ where: { id: target.id } });
    if (count === 0) throw notFound('Member');
    // someone removed from their last agency has nothing left to do here: their sessions end
    // (a member who leaves by themselves stays signed in, to create or join another)
    if (!leaving && (await tx.membership.count({ where: { userId: target.userId } })) === 0) {
      await endUserSessions(tx, target.userId);
    }
    await emitEvent(tx, boss, {
      type: 'member.removed',
      agencyId,
      siteId: null,
      data: { member: await memberEventData(tx, target.userId, target.role) },
    });
    return { id: target.id, left: leaving };
  });
}
