import 'server-only';
import { authOptions } from '@dramac/api/http';
import { redirect } from 'next/navigation';
import type { AuthOptions } from 'next-auth';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { services } from './services';

let options: AuthOptions | undefined;
export const auth = () => {
  options ??= authOptions(services);
  return options;
};

/** The session of the request being rendered: read once per render, however many parts ask. */
export const currentSession = cache(() => getServerSession(auth()));

/** The signed-in user for a dashboard page, or a redirect to sign-in. */
export async function requireUser(next?: string) {
  const session = await currentSession();
  const user = session?.user as { id?: string; email?: string; name?: string } | undefined;
  if (!user?.id) redirect(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  return { id: user.id, email: user.email ?? '', name: user.name ?? '' };
}
