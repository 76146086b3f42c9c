// PostgreSQL text cannot hold U+0000: input carrying it would come back from the database as a
// 500. Every entry point (tRPC procedures, the module gateway) refuses it first, with field
// errors like any other validation failure.
import { validationError } from '../errors.ts';

export const NUL_MESSAGE = 'Remove the NUL character (\\u0000)';

/** Where `value` holds a string (or an object key) with U+0000, as paths; walked without recursion. */
export function nulPaths(value: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (typeof node.value === 'string') {
      if (node.value.includes('\u0000')) found.push(node.path);
    } else if (typeof node.value === 'object' && node.value !== null) {
      for (const [key, child] of Object.entries(node.value)) {
        if (key.includes('\u0000')) found.push(node.path);
        else stack.push({ value: child, path: [...node.path, key] });
      }
    }
  }
  return found;
}

/** Throws a validation error listing every place `value` holds U+0000, under `prefix`. */
export function refuseNul(value: unknown, prefix: PropertyKey[] = []): void {
  const paths = nulPaths(value);
  if (paths.length > 0) {
    throw validationError(
      'Text cannot contain NUL characters',
      paths.map((path) => ({ path: [...prefix, ...path], message: NUL_MESSAGE })),
    );
  }
}
