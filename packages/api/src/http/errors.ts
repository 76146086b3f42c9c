// The one error shape of the HTTP API, for every /api/v1 answer, the module gateway and the body
// limits in front of both: `{ "error": { "code", "message", "fields"? } }` with the HTTP status of
// the code. The codes are tRPC's (errors.ts throws them), so a code means the same on every
// surface; `fields` holds the first message for each dotted input path, for a form to show beside
// its field. The OpenAPI document declares this schema for every error response.
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { z } from 'zod';
import { validationDetails } from '../errors.ts';
import { log } from '../runtime/log.ts';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, reportOutage, UNAVAILABLE_MESSAGE } from '../runtime/outage.ts';
import { currentRequestId } from '../runtime/request-context.ts';

type ErrorCode = TRPCError['code'];
const errorCodes = Object.keys(TRPC_ERROR_CODES_BY_KEY) as [ErrorCode, ...ErrorCode[]];

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes).meta({ description: 'Stable and machine-readable: branch on this, not on the message' }),
      message: z.string().meta({ description: 'What went wrong and what to change, for a person to read' }),
      fields: z.record(z.string(), z.string()).optional().meta({
        description: 'For invalid input: a message for each field at fault, keyed by its dotted path (`settings.color`)',
      }),
      requestId: z.string().optional().meta({
        description:
          'The id of this request (also in the `X-Request-Id` header): quote it to support, it finds the server’s logs',
      }),
    }),
  })
  .meta({
    id: 'Error',
    description: 'Every error answer of the API has this shape',
    examples: [{ error: { code: 'BAD_REQUEST', message: 'Some fields are not valid', fields: { url: 'Use an http(s) URL' } } }],
  });

type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** A JSON answer that no cache keeps. */
export function json(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/json');
  h.set('cache-control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers: h });
}

/** An error answer built from its parts (`code` one of tRPC's), for refusals made before any procedure runs. */
export function jsonError(status: number, code: string, message: string, headers: HeadersInit = {}): Response {
  return json(status, { error: { code, message, ...requestIdField() } }, headers);
}

/** The request id, for error bodies, when the request is served by our server (runtime/request-context.ts). */
function requestIdField(): { requestId?: string } {
  const requestId = currentRequestId();
  return requestId ? { requestId } : {};
}

/**
 * A refusal made before tRPC runs (rate limits), in tRPC's own error shape as its clients read
 * it (superjson-wrapped, the JSON-RPC code beside the tRPC one).
 */
export function trpcJsonError(status: number, code: string, message: string, headers: HeadersInit = {}): Response {
  const rpcCode = TRPC_ERROR_CODES_BY_KEY[code as ErrorCode] ?? TRPC_ERROR_CODES_BY_KEY.INTERNAL_SERVER_ERROR;
  return json(status, { error: { json: { message, code: rpcCode, data: { code, httpStatus: status } } } }, headers);
}

function errorBody(err: TRPCError): ApiErrorBody {
  const details = validationDetails(err.cause);
  const fields = details ? Object.fromEntries(Object.entries(details.fieldErrors).map(([path, [first]]) => [path, first!])) : {};
  // an input schema's failure carries zod's own message (its issues as JSON): say it in words
  const raw = details && err.message === (err.cause as Error).message;
  const message = raw ? (details.formErrors[0] ?? 'Some fields are not valid: see `fields`') : err.message;
  return { error: { code: err.code, message, ...(Object.keys(fields).length > 0 ? { fields } : {}), ...requestIdField() } };
}

/** The outage's answer in this shape: 503 with Retry-After, nothing of the driver's message. */
export function unavailableResponse(headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set('retry-after', String(RETRY_AFTER_SECONDS));
  return jsonError(503, 'SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGE, h);
}

/**
 * The answer for an error thrown while serving a request. The caller's mistakes (any TRPCError but
 * INTERNAL_SERVER_ERROR) are answered as thrown; an unreachable database is the outage's 503
 * (counted, not logged per request); anything else is logged under `source` and answered as a
 * bare 500, with nothing of its cause.
 */
export function errorResponse(err: unknown, opts: { source: string; headers?: HeadersInit }): Response {
  if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR') {
    return json(getHTTPStatusCodeFromError(err), errorBody(err), opts.headers);
  }
  if (isDatabaseUnavailable(err)) {
    reportOutage(opts.source);
    return unavailableResponse(opts.headers);
  }
  log.error({ source: opts.source, err: err instanceof TRPCError ? (err.cause ?? err) : err }, 'request failed');
  return jsonError(500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on our side', opts.headers);
}
