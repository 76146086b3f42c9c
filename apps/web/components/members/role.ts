import type { RouterOutputs } from '@/lib/trpc';

export type Role = RouterOutputs['members']['list'][number]['role'];
export const roles: Role[] = ['owner', 'admin', 'member'];

export const roleDescriptions: Record<Role, string> = {
  owner: 'Everything, including billing and who is an owner',
  admin: 'Manage sites, members, API tokens and the outbox',
  member: 'View the agency’s sites and members',
};

/** Mirrors the server's rules, so the dashboard only offers what will be allowed. */
export function permissions(
  me: { isAdmin: boolean; isOwner: boolean },
  target: { role: Role; isYou: boolean },
  owners = Number.POSITIVE_INFINITY,
) {
  const canManage = me.isAdmin && (me.isOwner || target.role !== 'owner');
  const lastOwner = target.role === 'owner' && owners <= 1;
  return {
    // an agency always keeps one owner: the last one cannot be demoted
    canChangeRole: canManage && !lastOwner,
    canRemove: target.isYou || canManage,
    lastOwner,
    /** roles this user may hand out */
    assignable: roles.filter((r) => me.isOwner || r !== 'owner'),
  };
}
