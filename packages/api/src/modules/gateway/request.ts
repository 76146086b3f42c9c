// Reading a gateway request: its JSON body (an object, without NUL characters, which PostgreSQL
// text cannot hold) checked against a zod schema, every problem reported at its field.
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { validationError } from '../../errors.ts';
import { NUL_MESSAGE, refuseNul } from '../../lib/nul.ts';

type Problem = { path: PropertyKey[]; message: string };
/** The parsed JSON body (an empty body reads as `{}`), with no NUL characters in it. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new TRPCError({ code: 'PARSE_ERROR', message: 'The body is not valid JSON' });
  }
  refuseNul(body);
  return body;
}

/** Query parameters cannot carry NUL characters to the database either. */
export function refuseNulInQuery(params: URLSearchParams) {
  const problems: Problem[] = [];
  for (const [name, value] of params) {
    if (name.includes('\u0000') || value.includes('\u0000'))
      problems.push({ path: [name.replaceAll('\u0000', '')], message: NUL_MESSAGE });
  }
  if (problems.length > 0) throw validationError('Text cannot contain NUL characters', problems);
}

/** zod issues as field problems; an unknown key is reported on the key itself. */
export function problemsOf(
  error: z.ZodError,
  prefix: PropertyKey[] = [],
  unknownKey = (key: string) => `Unknown field "${key}"`,
) {
  return error.issues.flatMap((issue): Problem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...prefix, ...issue.path, key], message: unknownKey(key) }))
      : [{ path: [...prefix, ...issue.path], message: issue.message }],
  );
}

export function parseBody<T>(
  schema: z.ZodType<T>,
  body: unknown,
  message = 'The body is not valid',
  unknownKey?: (key: string) => string,
): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  // a body that is not an object at all says so in the message; field problems go to `fields`
  const whole = parsed.error.issues.find((i) => i.path.length === 0 && i.code !== 'unrecognized_keys');
  throw validationError(whole?.message ?? message, problemsOf(parsed.error, [], unknownKey));
}
