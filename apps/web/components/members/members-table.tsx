'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useAgency, useSyncCount } from '@/components/shell/agency-context';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Select } from '@/components/ui/input';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton, Spinner } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { useToast } from '@/components/ui/toast';
import { capitalize } from '@/lib/format';
import { formError, type RouterOutputs, trpc } from '@/lib/trpc';
import { permissions, type Role, roles } from './role';

type Member = RouterOutputs['members']['list'][number];

export function MembersTable() {
  const agency = useAgency();
  const toast = useToast();
  const utils = trpc.useUtils();
  const members = trpc.members.list.useQuery({ agencyId: agency.id });
  const [removing, setRemoving] = useState<Member | null>(null);
  const owners = members.data?.filter((m) => m.role === 'owner').length;
  useSyncCount('members', members.data?.length);
  const changeRole = trpc.members.changeRole.useMutation({
    onSuccess: async (_, { role, memberId }) => {
      const member = members.data?.find((m) => m.id === memberId);
      await Promise.all([
        utils.members.list.invalidate({ agencyId: agency.id }),
        utils.agencies.get.invalidate({ agencyId: agency.id }),
      ]);
      toast({ title: member?.isYou ? `You are now ${role}` : `${member?.user.name ?? 'The member'} is now ${role}` });
    },
    onError: (error) => toast({ tone: 'error', title: 'Could not change the role', description: formError(error) }),
  });

  return (
    <Card>
      <CardHeader
        title="Members"
        description={
          members.data ? `${members.data.length} ${members.data.length === 1 ? 'person' : 'people'} in ${agency.name}` : undefined
        }
      />
      {members.isPending ? (
        <Loading label="Loading members" className="space-y-3 p-5">
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
        </Loading>
      ) : members.isError ? (
        <div className="p-5">
          <QueryError error={members.error} retry={members.refetch} what="the members" />
        </div>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-100 text-left text-xs font-medium text-slate-500">
                <th scope="col" className="px-5 py-2.5 font-medium">
                  Member
                </th>
                <th scope="col" className="px-3 py-2.5 font-medium">
                  Role
                </th>
                <th scope="col" className="hidden px-3 py-2.5 font-medium sm:table-cell">
                  Joined
                </th>
                <th scope="col" className="px-5 py-2.5">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.data.map((member) => {
                const can = permissions(agency, member, owners);
                const pending = changeRole.isPending && changeRole.variables?.memberId === member.id;
                return (
                  <tr key={member.id}>
                    <td className="px-5 py-3">
                      <div className="flex items-center gap-3">
                        <Avatar name={member.user.name} />
                        <div className="min-w-0">
                          <p className="flex items-center gap-2 font-medium text-slate-900">
                            <span className="truncate">{member.user.name}</span>
                            {member.isYou && <Badge tone="brand">You</Badge>}
                          </p>
                          <p className="truncate text-slate-500">{member.user.email}</p>
                        </div>
                      </div>
                    </td>
                    <td className="px-3 py-3">
                      <div className="flex items-center gap-2">
                        <Select
                          aria-label={`Role of ${member.user.name}`}
                          className="h-8 w-32"
                          value={member.role}
                          disabled={!can.canChangeRole || changeRole.isPending}
                          title={roleLock(agency, can)}
                          onChange={(e) =>
                            changeRole.mutate({ agencyId: agency.id, memberId: member.id, role: e.target.value as Role })
                          }
                        >
                          {roles.map((r) => (
                            <option key={r} value={r} disabled={!can.assignable.includes(r)}>
                              {capitalize(r)}
                            </option>
                          ))}
                        </Select>
                        {pending && <Spinner className="size-3.5 text-slate-400" />}
                      </div>
                    </td>
                    <td className="hidden px-3 py-3 text-slate-500 sm:table-cell">
                      <RelativeTime value={member.joinedAt} />
                    </td>
                    <td className="px-5 py-3 text-right">
                      {can.canRemove && (
                        <Button variant="ghost" size="sm" onClick={() => setRemoving(member)}>
                          {member.isYou ? 'Leave' : 'Remove'}
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <RemoveMemberDialog member={removing} onClose={() => setRemoving(null)} />
    </Card>
  );
}

function RemoveMemberDialog({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const agency = useAgency();
  const router = useRouter();
  const toast = useToast();
  const utils = trpc.useUtils();
  const remove = trpc.members.remove.useMutation({
    onSuccess: async ({ left }) => {
      if (left) {
        await utils.auth.me.invalidate();
        toast({ title: `You left ${agency.name}` });
        router.push('/');
        return;
      }
      await Promise.all([
        utils.members.list.invalidate({ agencyId: agency.id }),
        utils.agencies.get.invalidate({ agencyId: agency.id }),
      ]);
      toast({ title: `${member?.user.name} was removed` });
      onClose();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  const leaving = member?.isYou;
  return (
    <ConfirmDialog
      open={member !== null}
      onClose={close}
      title={leaving ? `Leave ${agency.name}?` : `Remove ${member?.user.name}?`}
      description={
        leaving
          ? 'You will lose access to its sites right away. To come back, someone has to invite you again.'
          : `${member?.user.email} will lose access to ${agency.name} and its sites right away.`
      }
      confirmLabel={leaving ? 'Leave agency' : 'Remove member'}
      onConfirm={() => member && remove.mutate({ agencyId: agency.id, memberId: member.id })}
      pending={remove.isPending || (remove.isSuccess && leaving)}
      error={formError(remove.error)}
    />
  );
}

/** Why a role cannot be changed, for the select's tooltip. */
function roleLock(me: { isAdmin: boolean }, can: ReturnType<typeof permissions>): string | undefined {
  if (can.canChangeRole) return undefined;
  if (!me.isAdmin) return 'Only owners and admins can change roles';
  if (can.lastOwner) return 'The only owner: make someone else owner first';
  return 'Only owners can change an owner’s role';
}
