'use client';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { signInMessage, signInWithPassword } from '@/lib/sign-in';

/** Signs in with next-auth's credentials provider; returns to `next` (already checked to be local). */
export function SignInForm({
  next,
  defaultEmail,
  initialError,
}: {
  next: string | null;
  defaultEmail: string;
  initialError?: string;
}) {
  const router = useRouter();
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(initialError ? signInMessage(initialError) : null);
  const [pending, setPending] = useState(false);

  // uncontrolled inputs, read on submit: what someone typed before the page became interactive
  // survives hydration (controlled inputs would be reset to their initial state)
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const empty = {
      email: email.trim() ? undefined : 'Enter your email',
      password: password ? undefined : 'Enter your password',
    };
    setMissing(empty);
    if (empty.email || empty.password) return;
    setPending(true);
    setError(null);
    try {
      const failed = await signInWithPassword(email, password);
      if (failed) {
        setError(failed);
        setPending(false);
        return;
      }
      // stays pending while the next page loads
      router.replace(next ?? '/');
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
      setPending(false);
    }
  }

  // method="post": a submit before the page is interactive must never put the password in a URL
  return (
    <form method="post" noValidate onSubmit={submit} className="space-y-4">
      {error && <Alert tone="danger">{error}</Alert>}
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        defaultValue={defaultEmail}
        error={missing.email}
        autoFocus={!defaultEmail}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        error={missing.password}
        autoFocus={Boolean(defaultEmail)}
      />
      <Button type="submit" className="w-full" loading={pending}>
        Sign in
      </Button>
    </form>
  );
}
