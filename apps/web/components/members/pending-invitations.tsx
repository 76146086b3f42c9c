'use client';
import { Mail } from 'lucide-react';
import { useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/dialog';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { useToast } from '@/components/ui/toast';
import { capitalize } from '@/lib/format';
import { formError, type RouterOutputs, trpc } from '@/lib/trpc';

type Invitation = RouterOutputs['invitations']['list'][number];

export function PendingInvitations() {
  const agency = useAgency();
  const toast = useToast();
  const utils = trpc.useUtils();
  const invitations = trpc.invitations.list.useQuery({ agencyId: agency.id });
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const revoke = trpc.invitations.revoke.useMutation({
    onSuccess: async () => {
      await utils.invitations.list.invalidate({ agencyId: agency.id });
      toast({ title: 'Invitation revoked', description: `The link sent to ${revoking?.email} no longer works.` });
      setRevoking(null);
    },
  });

  return (
    <Card>
      <CardHeader
        title="Pending invitations"
        description={invitations.data?.length ? 'Waiting for an answer.' : undefined}
        actions={invitations.data?.length ? <Badge>{invitations.data.length}</Badge> : undefined}
      />
      {invitations.isPending ? (
        <Loading label="Loading invitations" className="p-5">
          <Skeleton className="h-10" />
        </Loading>
      ) : invitations.isError ? (
        <div className="p-5">
          <QueryError error={invitations.error} retry={invitations.refetch} what="the invitations" />
        </div>
      ) : invitations.data.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-slate-500">No pending invitations.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {invitations.data.map((inv) => (
            <li key={inv.id} className="flex items-center gap-3 px-5 py-3 text-sm">
              <span className="flex size-8 shrink-0 items-center justify-center rounded-full border border-dashed border-slate-300 text-slate-400">
                <Mail aria-hidden className="size-3.5" />
              </span>
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-slate-900">{inv.email}</p>
                <p className="text-xs text-slate-500">
                  Invited by {inv.invitedBy.name} <RelativeTime value={inv.createdAt} /> · expires{' '}
                  <RelativeTime value={inv.expiresAt} />
                </p>
              </div>
              <Badge>{capitalize(inv.role)}</Badge>
              {agency.isAdmin && (
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => setRevoking(inv)}
                  aria-label={`Revoke invitation for ${inv.email}`}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
        title="Revoke this invitation?"
        description={`The link sent to ${revoking?.email} will stop working. You can invite them again later.`}
        confirmLabel="Revoke invitation"
        onConfirm={() => revoking && revoke.mutate({ agencyId: agency.id, invitationId: revoking.id })}
        pending={revoke.isPending}
        error={formError(revoke.error)}
      />
    </Card>
  );
}
