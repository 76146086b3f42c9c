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

/** A BAD_REQUEST that forms show beside one field, like a zod failure on that field. */
export function fieldError(path: string, message: string): TRPCError {
  // ZodRealError: the zod error class that is an Error, which tRPC keeps as the cause
  const cause = new ZodRealError([{ code: 'custom', path: path.split('.'), message, input: undefined }]);
  return new TRPCError({ code: 'BAD_REQUEST', message, cause });
}

export const notFound = (what: string) => new TRPCError({ code: 'NOT_FOUND', message: `${what} not found` });
export const conflict = (message: string) => new TRPCError({ code: 'CONFLICT', message });
export const forbidden = (message: string) => new TRPCError({ code: 'FORBIDDEN', message });
export const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

/** Prisma's unique-constraint violation, turned into a CONFLICT with a message for the user. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';
}
