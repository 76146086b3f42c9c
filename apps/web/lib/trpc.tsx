'use client';
// The dashboard's typed tRPC client: React Query underneath, superjson on the wire, and a batch
// link so a page's queries travel in one request.
import type { AppRouter } from '@dramac/api';
import { MAX_BATCH_ITEMS } from '@dramac/api/client';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import { SessionProvider } from 'next-auth/react';
import { useState } from 'react';
import superjson from 'superjson';

export type { RouterInputs, RouterOutputs } from '@dramac/api';

export const trpc = createTRPCReact<AppRouter>();

export function Providers({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // a session that ended while the page was open: back to sign-in, then here again
        queryCache: new QueryCache({
          onError(err) {
            if (errorCode(err) === 'UNAUTHORIZED') {
              const here = `${window.location.pathname}${window.location.search}`;
              window.location.assign(`/sign-in?next=${encodeURIComponent(here)}`);
            }
          },
        }),
        defaultOptions: {
          queries: {
            // a page shows what is cached at once and refetches it in the background, so lists
            // changed by someone else (a member who joined) are current when the page opens
            staleTime: 0,
            retry: (count, err) => count < 2 && !(err instanceof TRPCClientError && err.data?.httpStatus < 500),
          },
        },
      }),
  );
  const [client] = useState(() =>
    trpc.createClient({ links: [httpBatchLink({ url: '/api/trpc', transformer: superjson, maxItems: MAX_BATCH_ITEMS })] }),
  );
  return (
    <SessionProvider>
      <trpc.Provider client={client} queryClient={queryClient}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </trpc.Provider>
    </SessionProvider>
  );
}

/** Field errors of a failed mutation, keyed by field path, for display beside each input. */
export function fieldErrors(error: unknown): Record<string, string | undefined> {
  if (!(error instanceof TRPCClientError)) return {};
  const validation = error.data?.validation as { fieldErrors: Record<string, string[]> } | null | undefined;
  return Object.fromEntries(Object.entries(validation?.fieldErrors ?? {}).map(([k, v]) => [k, v[0]]));
}

/** The tRPC error code (`NOT_FOUND`, `FORBIDDEN`, …) of a failed call, if it was one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data?.code as string | undefined) : undefined;
}

/**
 * The message for a banner above a form. Field errors of the fields the form shows (`shown`)
 * appear beside them instead; any others are listed here so nothing is lost.
 */
export function formError(error: unknown, shown: string[] = []): string | null {
  if (!error) return null;
  const fields = Object.entries(fieldErrors(error));
  if (fields.length > 0) {
    const rest = fields.filter(([key]) => !shown.includes(key));
    return rest.length ? rest.map(([key, message]) => `${key}: ${message}`).join('; ') : null;
  }
  if (error instanceof TRPCClientError && !error.data) return 'Could not reach the server. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong';
}
