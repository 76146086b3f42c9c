'use client';
// The dashboard's typed tRPC client: React Query underneath, superjson on the wire, and a batch
// link so a page's queries travel in one request.
import type { AppRouter } from '@dramac/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import { SessionProvider } from 'next-auth/react';
import { useState } from 'react';
import superjson from 'superjson';

export const trpc = createTRPCReact<AppRouter>();

export function Providers({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 10_000,
            retry: (count, err) => count < 2 && !(err instanceof TRPCClientError && err.data?.httpStatus < 500),
          },
        },
      }),
  );
  const [client] = useState(() =>
    trpc.createClient({ links: [httpBatchLink({ url: '/api/trpc', transformer: superjson })] }),
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
