// What the server knows about the request being served, reachable from any code that runs for
// it (logs, error answers) without passing it down; one store per process (process-wide.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { processWide } from './process-wide.ts';

export interface RequestContext {
  requestId: string;
}

export const REQUEST_ID_HEADER = 'x-request-id';

const store = processWide('requestContext', () => new AsyncLocalStorage<RequestContext>());

/** A new request id: short enough to read out to support, unique enough to find one line. */
export const newRequestId = () => randomUUID().replaceAll('-', '').slice(0, 20);

export function runWithRequest<T>(context: RequestContext, fn: () => T): T {
  return store.run(context, fn);
}

/** The id of the request being served, when there is one. */
export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}
