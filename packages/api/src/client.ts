// A typed tRPC client for Node (tests, benchmarks, the future CLI): same router types, same
// superjson transformer as the dashboard.
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from './router.ts';

/** Procedures in one batched request: the server refuses larger batches (400), so clients split them. */
export const MAX_BATCH_ITEMS = 10;

export function createApiClient(baseUrl: string, opts: { headers?: () => Record<string, string> } = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, headers: opts.headers, maxItems: MAX_BATCH_ITEMS }),
    ],
  });
}
