// One error vocabulary: tRPC codes (mapped to HTTP statuses by tRPC and the OpenAPI bridge), and
// for validation failures a stable `fieldErrors` map keyed by dotted path, which forms display
// beside their fields.
import { TRPCError } from '@trpc/server';
import { ZodError, ZodRealError } from 'zod';

export interface ValidationDetails {
  fieldErrors: Record<string, string[]>;
  formErrors: string[];
}

/**
 * The paths are the caller's own keys (`{"constructor": …}`, `__proto__`): the map has no
 * prototype, so no key finds an inherited member of Object.
 */
export function validationDetails(error: unknown): ValidationDetails | null {
  if (!(error instanceof ZodError)) return null;
  const fieldErrors: Record<string, string[]> = Object.create(null);
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    if (issue.path.length === 0) formErrors.push(issue.message);
    else {
      const key = issue.path.join('.');
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
  }
  return { fieldErrors, formErrors };
}

// superjson (tRPC's transformer) refuses to write an object holding these keys
const UNSERIALIZABLE_KEY = /(^|\.)(__proto__|constructor|prototype)(\.|$)/;

/**
 * validationDetails as tRPC sends them: a field superjson cannot carry as a key (`constructor`,
 * `__proto__`) is named in a form-level message instead, so the error still goes out as a 400.
 */
export function trpcValidationDetails(error: unknown): ValidationDetails | null {
  const details = validationDetails(error);
  if (!details) return null;
  const fieldErrors: Record<string, string[]> = Object.create(null);
  const formErrors = [...details.formErrors];
  for (const [path, messages] of Object.entries(details.fieldErrors)) {
    if (UNSERIALIZABLE_KEY.test(path)) formErrors.push(...messages.map((m) => `${path}: ${m}`));
    else fieldErrors[path] = messages;
  }
  return { fieldErrors, formErrors };
}

/**
 * A BAD_REQUEST carrying field errors, exactly as a zod failure on input does, so forms show each
 * message beside its field. ZodRealError is the zod error that is an Error: tRPC keeps it as the cause.
 */
export function validationError(message: string, problems: { path: PropertyKey[]; message: string }[]): TRPCError {
  const cause = new ZodRealError(
    problems.map((p) => ({ code: 'custom' as const, path: p.path, message: p.message, input: undefined })),
  );
  return new TRPCError({ code: 'BAD_REQUEST', message, cause });
}

/** A BAD_REQUEST shown beside one field (`path` dotted, e.g. `settings.color`). */
export const fieldError = (path: string, message: string) => validationError(message, [{ path: path.split('.'), message }]);

export const notFound = (what: string) => new TRPCError({ code: 'NOT_FOUND', message: `${what} not found` });
export const conflict = (message: string) => new TRPCError({ code: 'CONFLICT', message });
export const forbidden = (message: string) => new TRPCError({ code: 'FORBIDDEN', message });
export const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

/** Prisma's unique-constraint violation, turned into a CONFLICT with a message for the user. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';
}
