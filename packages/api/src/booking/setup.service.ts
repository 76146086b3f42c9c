// What a site sets up before anyone can book: services, staff with their hours, time off,
// overrides and holidays. Every function takes its input as parsed by its schema (the router's
// .input) and runs inside the booking site wall (withBooking).
import type { Db, Tx } from '@dramac/db';
import { z } from 'zod';
import { conflict, fieldError, isUniqueViolation, notFound } from '../errors.ts';
import { type SiteRlsOptions, withSiteRls } from '../lib/site-rls.ts';
import { hoursRange, localDate, type ServiceInput, type StaffInput, weeklyHours } from './booking.schemas.ts';

/** Runs `fn` as the booking domain's role with the site set (the row-level-security wall). */
export const withBooking = <T>(
  db: Db,
  siteId: string,
  fn: Parameters<typeof withSiteRls<T>>[2],
  options?: SiteRlsOptions,
): Promise<T> => withSiteRls(db, { schema: 'booking', siteId }, fn, options);

export async function createService(db: Db, siteId: string, input: ServiceInput) {
  try {
    return await withBooking(db, siteId, (tx) => tx.bookingService.create({ data: { ...input, siteId } }));
  } catch (err) {
    if (isUniqueViolation(err)) throw fieldError('slug', `The address "${input.slug}" is taken by another service`);
    throw err;
  }
}

async function requireServices(tx: Tx, siteId: string, serviceIds: string[]) {
  const found = await tx.bookingService.findMany({ where: { siteId, id: { in: serviceIds } }, select: { id: true } });
  const missing = serviceIds.find((id) => !found.some((service) => service.id === id));
  if (missing) throw fieldError('services', `No service ${missing} on this site`);
}

export async function createStaff(db: Db, siteId: string, input: StaffInput) {
  return withBooking(db, siteId, async (tx) => {
    await requireServices(
      tx,
      siteId,
      input.services.map((service) => service.serviceId),
    );
    return tx.bookingStaff.create({
      data: {
        siteId,
        name: input.name,
        email: input.email,
        userId: input.userId,
        timeZone: input.timeZone,
        acceptsBookings: input.acceptsBookings,
        services: { create: input.services.map((service) => ({ ...service, siteId })) },
        schedules: input.hours.length > 0 ? { create: { siteId, hours: input.hours } } : undefined,
      },
    });
  });
}

async function requireStaff(tx: Tx, siteId: string, staffId: string) {
  const staff = await tx.bookingStaff.findFirst({ where: { id: staffId, siteId } });
  if (!staff) throw notFound('Staff member');
  return staff;
}

const dateOnly = (date: string) => new Date(`${date}T00:00:00Z`);

export const scheduleInput = z
  .object({
    staffId: z.string().max(64),
    validFrom: localDate.nullable().default(null),
    validUntil: localDate.nullable().default(null),
    hours: weeklyHours,
  })
  .refine((input) => !input.validFrom || !input.validUntil || input.validFrom <= input.validUntil, {
    message: 'The schedule must end on or after its first day',
    path: ['validUntil'],
  });

/** Adds weekly hours valid on a range of dates (the newer schedule wins where two apply). */
export async function addSchedule(db: Db, siteId: string, input: z.output<typeof scheduleInput>) {
  return withBooking(db, siteId, async (tx) => {
    await requireStaff(tx, siteId, input.staffId);
    return tx.bookingSchedule.create({
      data: {
        siteId,
        staffId: input.staffId,
        hours: input.hours,
        validFrom: input.validFrom ? dateOnly(input.validFrom) : null,
        validUntil: input.validUntil ? dateOnly(input.validUntil) : null,
      },
    });
  });
}

export const overrideInput = z.object({ staffId: z.string().max(64), date: localDate, hours: z.array(hoursRange).max(20) });

/** Hours for one date instead of the weekly ones (none: closed that day); replaces an earlier one. */
export async function setDateOverride(db: Db, siteId: string, input: z.output<typeof overrideInput>) {
  return withBooking(db, siteId, async (tx) => {
    await requireStaff(tx, siteId, input.staffId);
    const date = dateOnly(input.date);
    return tx.bookingDateOverride.upsert({
      where: { staffId_date: { staffId: input.staffId, date } },
      create: { siteId, staffId: input.staffId, date, hours: input.hours },
      update: { hours: input.hours },
    });
  });
}

export const timeOffInput = z
  .object({
    staffId: z.string().max(64),
    startsAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
    endsAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
    reason: z.string().max(500).default(''),
  })
  .refine((input) => input.endsAt > input.startsAt, { message: 'Time off must end after it starts', path: ['endsAt'] });

export async function addTimeOff(db: Db, siteId: string, input: z.output<typeof timeOffInput>) {
  return withBooking(db, siteId, async (tx) => {
    await requireStaff(tx, siteId, input.staffId);
    return tx.bookingTimeOff.create({ data: { siteId, ...input } });
  });
}

export const holidayInput = z.object({ date: localDate, name: z.string().trim().min(1).max(120) });

export async function addHoliday(db: Db, siteId: string, input: z.output<typeof holidayInput>) {
  try {
    return await withBooking(db, siteId, (tx) =>
      tx.bookingHoliday.create({ data: { siteId, date: dateOnly(input.date), name: input.name } }),
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`${input.date} is already a holiday`);
    throw err;
  }
}
