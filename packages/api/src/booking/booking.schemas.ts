import { z } from 'zod';
import { isValidTimeZone } from './slots/wall-time.ts';

/** Input schemas of the booking domain: the contract for the dashboard, REST and the booking page. */

export const timeZone = z
  .string()
  .max(64)
  .refine(isValidTimeZone, { message: 'Use an IANA time zone such as Europe/Berlin or America/New_York' });

export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD')
  .refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    {
      message: 'Not a calendar date',
    },
  );

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use a time as HH:MM (00:00–24:00)')
  .transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5)));

/** A range of wall-clock time, `{ start: '09:00', end: '17:00' }` → minutes after midnight. */
export const hoursRange = z
  .object({ start: clockTime, end: clockTime })
  .refine((range) => range.end > range.start, { message: 'The end must be after the start', path: ['end'] });

export const weeklyHours = z
  .array(
    z
      .object({ weekday: z.number().int().min(0).max(6), start: clockTime, end: clockTime })
      .refine((range) => range.end > range.start, { message: 'The end must be after the start', path: ['end'] }),
  )
  .max(100);

const minutes = (max: number) => z.number().int().min(0).max(max);

export const intakeQuestion = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'Use 1–40 lowercase letters, digits, - or _'),
  label: z.string().min(1).max(200),
  type: z.enum(['text', 'long_text', 'number', 'yes_no', 'choice']),
  required: z.boolean().default(false),
  choices: z.array(z.string().min(1).max(100)).max(50).optional(),
});
export type IntakeQuestion = z.infer<typeof intakeQuestion>;

export const serviceInput = z.object({
  name: z.string().trim().min(1).max(120),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes')
    .max(60),
  description: z.string().max(2000).default(''),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  bufferBeforeMinutes: minutes(240).default(0),
  bufferAfterMinutes: minutes(240).default(0),
  priceMinor: z.number().int().min(0).max(100_000_000).default(0),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as EUR'),
  capacity: z.number().int().min(1).max(500).default(1),
  minimumNoticeMinutes: minutes(365 * 1440).default(1440),
  maximumAdvanceMinutes: z
    .number()
    .int()
    .min(60)
    .max(730 * 1440)
    .default(90 * 1440),
  slotIntervalMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  limitPerDay: z.number().int().min(1).max(1000).nullable().default(null),
  limitPerWeek: z.number().int().min(1).max(5000).nullable().default(null),
  cancellationWindowMinutes: minutes(30 * 1440).default(1440),
  reminderMinutes: z
    .array(
      z
        .number()
        .int()
        .min(5)
        .max(30 * 1440),
    )
    .max(5)
    .default([1440, 60]),
  requiresConfirmation: z.boolean().default(false),
  bookableOnline: z.boolean().default(true),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour as #RRGGBB')
    .default('#2563eb'),
  intakeQuestions: z.array(intakeQuestion).max(30).default([]),
});
export type ServiceInput = z.output<typeof serviceInput>;

export const staffInput = z.object({
  name: z.string().trim().min(1).max(120),
  email: z.email().max(254).nullable().default(null),
  userId: z.string().max(64).nullable().default(null),
  timeZone,
  acceptsBookings: z.boolean().default(true),
  /** the services performed, with this staff member's own price or duration where different */
  services: z
    .array(
      z.object({
        serviceId: z.string().max(64),
        priceMinor: z.number().int().min(0).max(100_000_000).nullable().default(null),
        durationMinutes: z
          .number()
          .int()
          .min(5)
          .max(24 * 60)
          .nullable()
          .default(null),
      }),
    )
    .max(200)
    .default([]),
  /** the weekly hours, valid from now on */
  hours: weeklyHours.default([]),
});
export type StaffInput = z.output<typeof staffInput>;

export const bookInput = z.object({
  serviceId: z.string().max(64),
  /** one staff member, or null for any available (round robin) */
  staffId: z.string().max(64).nullable().default(null),
  startsAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  customer: z.object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'Use an international number such as +4930123456')
      .nullable()
      .default(null),
    timeZone,
  }),
  answers: z.record(z.string().max(40), z.union([z.string().max(5000), z.number(), z.boolean()])).default({}),
  notes: z.string().max(5000).default(''),
  /** a client's retry with the same key gets the first booking back */
  idempotencyKey: z.string().min(8).max(100).nullable().default(null),
});
export type BookInput = z.output<typeof bookInput>;

export const slotsQuery = z
  .object({
    serviceId: z.string().max(64),
    staffId: z.string().max(64).nullable().default(null),
    from: localDate,
    to: localDate,
    /** the visitor's zone: slots are grouped by its dates and labelled on its clock */
    timeZone,
  })
  .refine((query) => query.from <= query.to, { message: 'The range must end on or after its first day', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 62 * 86_400_000, {
    message: 'Ask for at most 62 days at once',
    path: ['to'],
  });
export type SlotsQuery = z.output<typeof slotsQuery>;
