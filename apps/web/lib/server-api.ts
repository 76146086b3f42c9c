// The API for server components: the same tRPC procedures the browser calls, invoked in-process
// as the signed-in user, so pages get the same tenant checks and the same errors.
import 'server-only';
import { createCaller, createContext } from '@dramac/api';
import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { currentSession, requireUser } from './auth';
import { services } from './services';

/** The caller for a page that needs a user; signed-out visitors go to sign-in and back to `next`. */
export const serverApi = cache(async (next?: string) => {
  const user = await requireUser(next);
  return { user, api: createCaller(createContext(await services(), user)) };
});

/** The signed-in user, or null, for pages that anyone may open. */
export async function optionalUser() {
  const session = await currentSession();
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  return user?.id ? { id: user.id, email: user.email ?? '', name: user.name ?? '' } : null;
}

/** A caller without a user, for public procedures. */
export async function publicApi() {
  return createCaller(createContext(await services(), null));
}

/** The call's result; NOT_FOUND (which is also what another tenant's id gives) renders the 404 page. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof TRPCError && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}

type AgencyParams = Promise<{ agencyId: string }>;

/** The guard of a page under /a/[agencyId]: a signed-out visitor signs in and comes back to `section`. */
export async function guardAgencyPage(params: AgencyParams, section: string) {
  const { agencyId } = await params;
  await requireUser(`/a/${agencyId}/${section}`);
}
