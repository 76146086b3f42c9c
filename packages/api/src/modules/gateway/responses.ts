// What the gateway answers: JSON, never cached, and for every error one shape,
// `{ "error": { "code", "message", "fields"? } }`, with the HTTP status of the code. The codes are
// the API's one vocabulary (tRPC's, as errors.ts throws them); `fields` holds the first message
// for each dotted path, so a form can show it beside its field.
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { validationDetails } from '../../errors.ts';

export interface GatewayErrorBody {
  error: { code: TRPCError['code']; message: string; fields?: Record<string, string> };
}

export function json(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/json');
  h.set('cache-control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers: h });
}

export function errorBody(err: TRPCError): GatewayErrorBody {
  const details = validationDetails(err.cause);
  const fields = details ? Object.fromEntries(Object.entries(details.fieldErrors).map(([path, [first]]) => [path, first!])) : {};
  return { error: { code: err.code, message: err.message, ...(Object.keys(fields).length > 0 ? { fields } : {}) } };
}

/** The answer for anything thrown while serving a request; only our own failures are 500s. */
export function errorResponse(err: unknown, headers: HeadersInit = {}): Response {
  if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR') {
    return json(getHTTPStatusCodeFromError(err), errorBody(err), headers);
  }
  console.error('[modules-gateway]', err instanceof TRPCError ? (err.cause ?? err) : err);
  return json(500, { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side' } }, headers);
}

/** A 413/415 from the shared body limit, in the gateway's shape. */
export async function fromBodyLimit(response: Response, headers: HeadersInit = {}): Promise<Response> {
  const { code, message } = (await response.json()) as { code: TRPCError['code']; message: string };
  return json(response.status, { error: { code, message } } satisfies GatewayErrorBody, headers);
}
