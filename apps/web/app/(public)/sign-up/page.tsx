import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { authHref, safeNext } from '@/lib/safe-next';
import { param, type SearchParams } from '@/lib/search-params';
import { optionalUser } from '@/lib/server-api';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const next = param(query.next) ? safeNext(param(query.next)) : null;
  const email = param(query.email) ?? '';
  if (await optionalUser()) redirect(next ?? '/');
  // someone arriving from an invitation joins that agency; they need no agency of their own
  const joining = Boolean(next?.startsWith('/invitations/'));
  return (
    <AuthCard
      title={joining ? 'Create your account' : 'Create your agency on Dramac'}
      description={
        joining
          ? 'After creating your account you can accept the invitation.'
          : 'Run your clients’ sites, members and modules in one place.'
      }
      footer={
        <>
          Already have an account?{' '}
          <Link href={authHref('/sign-in', { next, email })} className="font-medium text-brand-600 hover:text-brand-700">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm next={next} defaultEmail={email} withAgency={!joining} />
    </AuthCard>
  );
}
