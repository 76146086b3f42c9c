import { TRPCError } from '@trpc/server';
import { Mail } from 'lucide-react';
import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { InvitationResponse } from '@/components/invitations/invitation-response';
import { ButtonLink } from '@/components/ui/button';
import { optionalUser, publicApi } from '@/lib/server-api';

export const metadata: Metadata = { title: 'Invitation' };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [api, user] = await Promise.all([publicApi(), optionalUser()]);
  const invitation = await api.invitations.byToken({ token }).catch((err: unknown) => {
    // an unknown or malformed token: say so rather than show a bare 404
    if (err instanceof TRPCError && (err.code === 'NOT_FOUND' || err.code === 'BAD_REQUEST')) return null;
    throw err;
  });

  if (!invitation) {
    return (
      <AuthCard
        title="Invitation not found"
        description="This invitation link is not valid. Check that you copied the whole link, or ask for a new invitation."
      >
        <div className="flex items-center gap-3 rounded-md bg-slate-50 p-3 text-sm text-slate-600">
          <Mail aria-hidden className="size-4 shrink-0 text-slate-400" />
          Invitation links look like …/invitations/inv_… and are valid for 7 days.
        </div>
        <ButtonLink href="/" variant="secondary" className="mt-5 w-full">
          Go to the dashboard
        </ButtonLink>
      </AuthCard>
    );
  }
  return <InvitationResponse token={token} invitation={invitation} user={user} />;
}
