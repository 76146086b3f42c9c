'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { authHref } from '@/lib/safe-next';
import { signInWithPassword } from '@/lib/sign-in';
import { errorCode, fieldErrors, formError, trpc } from '@/lib/trpc';

const FIELDS = ['name', 'email', 'password', 'agencyName'];

/** Creates the account (and, unless joining through an invitation, its agency), then signs in. */
export function SignUpForm({
  next,
  defaultEmail,
  withAgency,
}: {
  next: string | null;
  defaultEmail: string;
  withAgency: boolean;
}) {
  const router = useRouter();
  // the email of the last attempt, for the "Go to sign in" link when it is taken
  const [email, setEmail] = useState(defaultEmail);
  const [signInError, setSignInError] = useState<string | null>(null);
  const [navigating, setNavigating] = useState(false);
  const signUp = trpc.auth.signUp.useMutation();
  const errors = fieldErrors(signUp.error);
  const banner = signInError ?? formError(signUp.error, FIELDS);

  // uncontrolled inputs, read on submit: what someone typed before the page became interactive
  // survives hydration (controlled inputs would be reset to their initial state)
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSignInError(null);
    const data = new FormData(event.currentTarget);
    const field = (name: string) => String(data.get(name) ?? '');
    const form = { name: field('name'), email: field('email'), password: field('password'), agencyName: field('agencyName') };
    setEmail(form.email);
    const { agencyName, ...account } = form;
    const created = await signUp.mutateAsync(withAgency ? { ...account, agencyName } : account).catch(() => null);
    if (!created) return;
    setNavigating(true);
    const failed = await signInWithPassword(created.user.email, form.password);
    if (failed) {
      // the account exists; signing in by hand is the way forward
      router.push(authHref('/sign-in', { next, email: created.user.email }));
      return;
    }
    router.replace(next ?? (created.agencyId ? `/a/${created.agencyId}/sites` : '/welcome'));
  }

  return (
    <form method="post" noValidate onSubmit={submit} className="space-y-4">
      {banner && (
        <Alert tone="danger">
          {banner}
          {errorCode(signUp.error) === 'CONFLICT' && (
            <>
              {' '}
              <Link href={authHref('/sign-in', { next, email })}>Go to sign in</Link>
            </>
          )}
        </Alert>
      )}
      <TextField label="Your name" name="name" autoComplete="name" error={errors.name} autoFocus />
      <TextField label="Email" type="email" name="email" autoComplete="email" defaultValue={defaultEmail} error={errors.email} />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="new-password"
        error={errors.password}
        hint="At least 8 characters"
      />
      {withAgency && (
        <TextField
          label="Agency name"
          name="agencyName"
          autoComplete="organization"
          error={errors.agencyName}
          hint="You can rename it later"
        />
      )}
      <Button type="submit" className="w-full" loading={signUp.isPending || navigating}>
        Create account
      </Button>
    </form>
  );
}
