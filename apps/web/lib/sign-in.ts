'use client';
// Signing in from the dashboard's own forms, with next-auth's credentials provider.
import { getSession, signIn } from 'next-auth/react';

const messages: Record<string, string> = {
  CredentialsSignin: 'Wrong email or password.',
  TooManyAttempts: 'Too many attempts, try again in a few minutes',
  SessionRequired: 'Sign in to continue.',
};

/** What to tell a person about a next-auth error code. */
export const signInMessage = (code: string) =>
  (Object.hasOwn(messages, code) ? messages[code] : undefined) ?? 'Could not sign you in. Please try again.';

/**
 * Signs in and resolves to null, or to the message to show. next-auth answers a CSRF token that
 * changed under it (two tabs, or two first requests racing to set the cookie) with a plain
 * redirect and no error, so success is only trusted once a session exists; then it tries once more.
 */
export async function signInWithPassword(email: string, password: string): Promise<string | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    // an explicit callbackUrl: next-auth reads `error` from it, and the page's own URL may carry
    // an old one (/sign-in?error=…)
    const res = await signIn('credentials', { email, password, redirect: false, callbackUrl: '/' });
    if (!res) return signInMessage('');
    if (res.error) return signInMessage(res.error);
    if ((await getSession())?.user) return null;
  }
  return signInMessage('');
}
