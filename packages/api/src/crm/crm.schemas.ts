// Field schemas shared by the CRM's records. Inputs accept what a form or a CSV cell holds and
// normalise it; every failure is a field error beside its field.
import { z } from 'zod';
import { validationError } from '../errors.ts';
import { dateTime } from '../lib/schemas.ts';

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const webUrl = z
  .string()
  .trim()
  .max(2000)
  .transform((v) => (v === '' || /^https?:\/\//i.test(v) ? v : `https://${v}`))
  .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'Enter a web address such as https://example.com' })]))
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

export const tags = z
  .array(z.string().trim().min(1, 'A tag cannot be empty').max(50, 'A tag has at most 50 characters'))
  .max(50, 'At most 50 tags')
  .transform((t) => [...new Set(t)]);

export const country = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .pipe(z.union([z.literal(''), z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as DE')]))
  .transform((c) => (c === '' ? null : c))
  .nullable()
  .optional();

/**
 * An ISO 8601 date-time in inputs (a string on every surface, so REST and tRPC agree), normalised
 * to UTC. It stays a string (Prisma takes ISO strings for DateTime) so that parsing twice, at the procedure's
 * edge and in the service, gives the same value.
 */
export const instantInput = z.iso
  .datetime({ offset: true, message: 'Enter a date and time in ISO 8601 (2026-11-23T09:30:00Z)' })
  .transform((v) => new Date(v).toISOString());

export const dayInput = z.iso.date('Enter a date as YYYY-MM-DD');

export const addressFields = {
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  city: optionalText(100),
  region: optionalText(100),
  postalCode: optionalText(20),
  country,
};
export const addressOutput = {
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
};

export const customValues = z.record(z.string(), z.unknown());
export const timestamps = { createdAt: dateTime(), updatedAt: dateTime() };

/** A confirmed bulk selection: at most 500 ids at once. */
export const recordIds = z
  .array(z.string().trim().min(1).max(64))
  .min(1, 'Select at least one record')
  .max(500, 'At most 500 records at once');

/** Parses a service's input: a failure is a BAD_REQUEST with field errors, as at the procedure's edge. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw validationError(
    `The input has errors: ${parsed.error.issues[0]?.message ?? 'not valid'}`,
    parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
  );
}
