import 'server-only';
import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { orNotFound } from '@/lib/server-api';

/**
 * A platform staff call's result. FORBIDDEN (not staff) and NOT_FOUND both render the 404 page:
 * to everyone else the admin pages do not exist. The layout checks too, but pages render
 * alongside it, so each page's own call must not surface as an error.
 */
export async function staffOnly<T>(call: Promise<T>): Promise<T> {
  try {
    return await orNotFound(call);
  } catch (err) {
    if (err instanceof TRPCError && err.code === 'FORBIDDEN') notFound();
    throw err;
  }
}
