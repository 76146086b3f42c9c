import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CreateAgencyForm } from '@/components/agencies/create-agency-form';
import { AuthCard } from '@/components/auth/auth-card';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { serverApi } from '@/lib/server-api';

export const metadata: Metadata = { title: 'Welcome' };
export const dynamic = 'force-dynamic';

/** For someone who belongs to no agency yet: create one (or open an invitation link). */
export default async function WelcomePage() {
  const { api } = await serverApi('/welcome');
  const me = await api.auth.me();
  const first = me.agencies[0];
  if (first) redirect(`/a/${first.id}/sites`);
  return (
    <AuthCard
      title={`Welcome, ${me.user.name.split(' ')[0] || me.user.name}`}
      description="You are not part of an agency yet. Create one to start adding your clients’ sites."
      footer={
        <>
          Invited to an agency? Open the link in your invitation email.
          <span className="mt-2 block">
            Signed in as {me.user.email}. <SignOutButton variant="link" label="Sign out" />
          </span>
        </>
      }
    >
      <CreateAgencyForm />
    </AuthCard>
  );
}
