// One error vocabulary: tRPC codes (mapped to HTTP statuses by tRPC and the OpenAPI bridge), and
// for validation failures a stable `fieldErrors` map keyed by dotted path, which forms display
// beside their fields.
import { TRPCError } from '@trpc/server';
import { ZodError, ZodRealError } from 'zod';

export interface ValidationDetails {
  fieldErrors: Record<string, string[]>;
  formErrors: string[];
}

export function validationDetails(error: unknown): ValidationDetails | null {
  if (!(error instanceof ZodError)) return null;
  const fieldErrors: Record<string, string[]> = {};
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
