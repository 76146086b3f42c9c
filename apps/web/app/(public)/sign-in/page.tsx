import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { authHref, safeNext } from '@/lib/safe-next';
import { param, type SearchParams } from '@/lib/search-params';
import { optionalUser } from '@/lib/server-api';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const next = param(query.next) ? safeNext(param(query.next)) : null;
  const email = param(query.email) ?? '';
  if (await optionalUser()) redirect(next ?? '/');
  return (
    <AuthCard
      title="Sign in to Dramac"
      description={
        next?.startsWith('/invitations/') ? 'Sign in to answer your invitation.' : 'Welcome back. Enter your details to continue.'
      }
      footer={
        <>
          New to Dramac?{' '}
          <Link href={authHref('/sign-up', { next, email })} className="font-medium text-brand-600 hover:text-brand-700">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm next={next} defaultEmail={email} initialError={param(query.error)} />
    </AuthCard>
  );
}
