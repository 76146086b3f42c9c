// The OpenAPI bridge (trpc-to-openapi) answers errors in its own shape, `{ message, code, issues }`,
// and has no hook to change it: handleRest hands every error it reports through `onError` here,
// and answers in the API's one shape instead (http/errors.ts). The bridge's own refusals get
// messages that say what to change.
import { TRPCError } from '@trpc/server';
import { errorResponse } from '../../http/errors.ts';

export interface BridgeFailure {
  error: TRPCError;
  /** the procedure, when the request reached one */
  path?: string;
}

export function bridgeError({ error, path }: BridgeFailure, req: Request, endpoint: string): Response {
  let err = error;
  if (!path && err.code === 'NOT_FOUND') {
    const route = `${req.method} ${new URL(req.url).pathname}`;
    err = new TRPCError({ code: 'NOT_FOUND', message: `No route ${route}; the routes are listed in ${endpoint}/openapi.json` });
  } else if (err.code === 'PARSE_ERROR') {
    err = new TRPCError({ code: 'PARSE_ERROR', message: 'The body is not valid JSON', cause: err });
  }
  return errorResponse(err, { source: path ? `rest ${path}` : 'rest' });
}
