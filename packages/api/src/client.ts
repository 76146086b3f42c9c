// A typed tRPC client for Node (tests, benchmarks, the future CLI): same router types, same
// superjson transformer as the dashboard.
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from './router.ts';

export function createApiClient(baseUrl: string, opts: { headers?: () => Record<string, string> } = {}) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, headers: opts.headers })],
  });
}
