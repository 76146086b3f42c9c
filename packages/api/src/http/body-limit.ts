// Neither the App Router nor the tRPC/OpenAPI fetch adapters limit request bodies, and
// Content-Length can lie: count the streamed bytes and stop at the limit.
// The refusals are in the API's one error shape (errors.ts).
import { jsonError } from './errors.ts';

const MAX_BODY_BYTES = Number(process.env.API_MAX_BODY_BYTES ?? 1_000_000);

/** POST /…/rotate-secret with no body at all means "no input": hand the bridge an empty object. */
function emptyJson(req: Request): Request {
  const headers = new Headers(req.headers);
  headers.set('content-type', 'application/json');
  return new Request(req.url, { method: req.method, headers, body: '{}' });
}

/**
 * Every JSON body of the API is an object: `null`, an array or a string would otherwise reach
 * the bridge, which spreads it into the path's parameters and reads it as "no changes". A body
 * that is not JSON at all is left to the handler, which says so in its own words.
 */
function holdsObject(body: Buffer): boolean {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return true;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request with its body read into memory, or a 413/415/400 response to send instead. */
export async function limitBody(
  req: Request,
  opts: { maxBytes?: number; requireJson?: boolean } = {},
): Promise<{ req: Request } | { response: Response }> {
  const max = opts.maxBytes ?? MAX_BODY_BYTES;
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return { req };
  if (!req.body) return { req: opts.requireJson ? emptyJson(req) : req };
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > max) return { response: jsonError(413, 'PAYLOAD_TOO_LARGE', `Request bodies are limited to ${max} bytes`) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return { response: jsonError(413, 'PAYLOAD_TOO_LARGE', `Request bodies are limited to ${max} bytes`) };
    }
    chunks.push(value);
  }
  const body = Buffer.concat(chunks);
  // an empty body (POST /…/rotate-secret) needs no type; anything else must say it is JSON
  const type = req.headers.get('content-type') ?? '';
  if (opts.requireJson && size > 0 && !/^application\/json\s*(;|$)/i.test(type)) {
    return { response: jsonError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json') };
  }
  if (opts.requireJson && size === 0) return { req: emptyJson(req) };
  if (opts.requireJson && !holdsObject(body)) {
    return {
      response: jsonError(400, 'BAD_REQUEST', 'Send the body as a JSON object ({ … }), not null, an array, a string or a number'),
    };
  }
  return { req: new Request(req.url, { method: req.method, headers: req.headers, body }) };
}
