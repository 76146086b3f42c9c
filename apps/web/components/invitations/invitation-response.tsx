'use client';
import { useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { AuthCard } from '@/components/auth/auth-card';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/time';
import { useToast } from '@/components/ui/toast';
import { capitalize, formatDate } from '@/lib/format';
import { authHref } from '@/lib/safe-next';
import { formError, type RouterOutputs, trpc } from '@/lib/trpc';

type Invitation = RouterOutputs['invitations']['byToken'];

const statusTone: Record<Invitation['status'], Tone> = {
  pending: 'brand',
  accepted: 'success',
  declined: 'neutral',
  revoked: 'warning',
  expired: 'warning',
};

/** The invitation page: who invites whom to what, and the one next step that fits the visitor. */
export function InvitationResponse({
  token,
  invitation,
  user,
}: {
  token: string;
  invitation: Invitation;
  user: { email: string; name: string } | null;
}) {
  const router = useRouter();
  const toast = useToast();
  const utils = trpc.useUtils();
  const [status, setStatus] = useState(invitation.status);
  const here = `/invitations/${token}`;
  const accept = trpc.invitations.accept.useMutation({
    onSuccess: async ({ agencyId }) => {
      await utils.auth.me.invalidate();
      toast({ title: `You joined ${invitation.agencyName}` });
      router.push(`/a/${agencyId}/sites`);
    },
  });
  const decline = trpc.invitations.decline.useMutation({ onSuccess: () => setStatus('declined') });
  const error = formError(accept.error ?? decline.error);
  const rightUser = user && user.email.toLowerCase() === invitation.email.toLowerCase();

  return (
    <AuthCard
      title={`Join ${invitation.agencyName}`}
      description={`${invitation.invitedBy} invited you to work with them on Dramac.`}
    >
      <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm">
        <Row label="Agency">
          <span className="inline-flex items-center gap-2 font-medium text-slate-900">
            <Avatar name={invitation.agencyName} square className="size-6 text-[0.625rem]" />
            {invitation.agencyName}
          </span>
        </Row>
        <Row label="Invited by">{invitation.invitedBy}</Row>
        <Row label="For">{invitation.email}</Row>
        <Row label="Role">
          <Badge tone="neutral">{capitalize(invitation.role)}</Badge>
        </Row>
        <Row label="Status">
          <span className="inline-flex items-center gap-2">
            <Badge tone={statusTone[status]}>{capitalize(status)}</Badge>
            {status === 'pending' && (
              <span className="text-xs text-slate-500">
                expires <RelativeTime value={invitation.expiresAt} />
              </span>
            )}
          </span>
        </Row>
      </dl>

      <div className="mt-6 space-y-4">
        {error && <Alert tone="danger">{error}</Alert>}

        {status === 'accepted' && (
          <>
            <Alert tone="success" title="This invitation has been accepted">
              Whoever accepted it is now a member of {invitation.agencyName}.
            </Alert>
            <ButtonLink href="/" className="w-full">
              Open the dashboard
            </ButtonLink>
          </>
        )}
        {status === 'declined' && (
          <Alert tone="info" title="Invitation declined">
            If that was a mistake, ask {invitation.invitedBy} to invite you again.
          </Alert>
        )}
        {status === 'revoked' && (
          <Alert tone="warning" title="This invitation was revoked">
            {invitation.agencyName} withdrew it. Ask {invitation.invitedBy} for a new invitation if you still need access.
          </Alert>
        )}
        {status === 'expired' && (
          <Alert tone="warning" title="This invitation has expired">
            It was valid until {formatDate(invitation.expiresAt)}. Ask {invitation.invitedBy} to send you a new one.
          </Alert>
        )}

        {status === 'pending' && !user && (
          <>
            <div className="grid gap-2 sm:grid-cols-2">
              <ButtonLink href={authHref('/sign-in', { next: here, email: invitation.email })}>Sign in to accept</ButtonLink>
              <ButtonLink href={authHref('/sign-up', { next: here, email: invitation.email })} variant="secondary">
                Create an account
              </ButtonLink>
            </div>
            <p className="text-center text-xs text-slate-500">
              Not for you?{' '}
              <button
                type="button"
                className="font-medium text-slate-700 underline hover:text-slate-900 disabled:opacity-50"
                disabled={decline.isPending}
                onClick={() => decline.mutate({ token })}
              >
                Decline the invitation
              </button>
            </p>
          </>
        )}

        {status === 'pending' && rightUser && (
          <>
            <div className="grid gap-2 sm:grid-cols-2">
              <Button
                onClick={() => accept.mutate({ token })}
                loading={accept.isPending || accept.isSuccess}
                disabled={decline.isPending}
              >
                Accept invitation
              </Button>
              <Button
                variant="secondary"
                onClick={() => decline.mutate({ token })}
                loading={decline.isPending}
                disabled={accept.isPending}
              >
                Decline
              </Button>
            </div>
            <p className="text-center text-xs text-slate-500">Signed in as {user.email}</p>
          </>
        )}

        {status === 'pending' && user && !rightUser && (
          <>
            <Alert tone="warning" title="This invitation is for another email address">
              You are signed in as <strong>{user.email}</strong>, but the invitation was sent to{' '}
              <strong>{invitation.email}</strong>. Sign in with that address to accept it.
            </Alert>
            <Button
              className="w-full"
              variant="secondary"
              onClick={() => void signOut({ callbackUrl: authHref('/sign-in', { next: here, email: invitation.email }) })}
            >
              Sign out and switch account
            </Button>
          </>
        )}
      </div>
    </AuthCard>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-4 px-4 py-2.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 truncate text-right text-slate-800">{children}</dd>
    </div>
  );
}
