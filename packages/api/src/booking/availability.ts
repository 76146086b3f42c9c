// Loads what the slot engine needs from the booking tables, for one service and a span of time.
import type { BookingService, BookingStaff, Tx } from '@dramac/db';
import { z } from 'zod';
import { notFound } from '../errors.ts';
import type { AvailabilityInput, BusySession, StaffAvailability } from './slots/slot-engine.ts';
import { DAY, MINUTE } from './slots/wall-time.ts';

const storedWeeklyHours = z.array(z.object({ weekday: z.number().int(), start: z.number().int(), end: z.number().int() }));
const storedHours = z.array(z.object({ start: z.number().int(), end: z.number().int() }));

const dateText = (date: Date) => date.toISOString().slice(0, 10);

export interface LoadedAvailability {
  service: BookingService;
  staff: (BookingStaff & { priceMinor: number; durationMinutes: number })[];
  input: AvailabilityInput;
}

/**
 * Everything that decides the slots of `serviceId` between `from` and `to` (instants): staff who
 * perform it and accept bookings (only `staffIds` when given), their hours, overrides, time off and
 * sessions (a week either side, for the week limits), the site's holidays and the blocks on the
 * service's resources.
 */
export async function loadAvailability(
  tx: Tx,
  siteId: string,
  query: { serviceId: string; staffIds?: string[] | null; from: Date; to: Date; now: Date },
): Promise<LoadedAvailability> {
  const service = await tx.bookingService.findFirst({ where: { id: query.serviceId, siteId, archivedAt: null } });
  if (!service) throw notFound('Service');
  const links = await tx.bookingStaffService.findMany({
    where: {
      siteId,
      serviceId: service.id,
      staff: { acceptsBookings: true },
      ...(query.staffIds ? { staffId: { in: query.staffIds } } : {}),
    },
    include: { staff: true },
    orderBy: { staffId: 'asc' },
  });
  const staffIds = links.map((link) => link.staffId);
  const near = { gte: new Date(query.from.getTime() - 2 * DAY), lte: new Date(query.to.getTime() + 2 * DAY) };
  const weekAround = { from: new Date(query.from.getTime() - 8 * DAY), to: new Date(query.to.getTime() + 8 * DAY) };

  const [schedules, overrides, timeOff, sessions, holidays, resources] = await Promise.all([
    tx.bookingSchedule.findMany({ where: { siteId, staffId: { in: staffIds } } }),
    tx.bookingDateOverride.findMany({ where: { siteId, staffId: { in: staffIds }, date: near } }),
    tx.bookingTimeOff.findMany({
      where: { siteId, staffId: { in: staffIds }, endsAt: { gt: near.gte }, startsAt: { lt: near.lte } },
    }),
    tx.bookingSession.findMany({
      where: { siteId, staffId: { in: staffIds }, blockedUntil: { gt: weekAround.from }, blockedFrom: { lt: weekAround.to } },
    }),
    tx.bookingHoliday.findMany({ where: { siteId, date: near } }),
    tx.bookingServiceResource.findMany({ where: { siteId, serviceId: service.id }, select: { resourceId: true } }),
  ]);
  const resourceBlocks = await tx.bookingResourceBlock.findMany({
    where: {
      siteId,
      resourceId: { in: resources.map((resource) => resource.resourceId) },
      blockedUntil: { gt: near.gte },
      blockedFrom: { lt: near.lte },
    },
  });

  const busyOf = (staffId: string): BusySession[] =>
    sessions
      .filter((session) => session.staffId === staffId)
      .map((session) => ({
        sessionId: session.id,
        serviceId: session.serviceId,
        start: session.startsAt.getTime(),
        end: session.endsAt.getTime(),
        bufferBeforeMinutes: (session.startsAt.getTime() - session.blockedFrom.getTime()) / MINUTE,
        bufferAfterMinutes: (session.blockedUntil.getTime() - session.endsAt.getTime()) / MINUTE,
        seatsTaken: session.seatsTaken,
      }));

  const staff: StaffAvailability[] = links.map((link) => ({
    staffId: link.staffId,
    timeZone: link.staff.timeZone,
    durationMinutes: link.durationMinutes,
    schedules: schedules
      .filter((schedule) => schedule.staffId === link.staffId)
      .map((schedule) => ({
        validFrom: schedule.validFrom ? dateText(schedule.validFrom) : null,
        validUntil: schedule.validUntil ? dateText(schedule.validUntil) : null,
        hours: storedWeeklyHours.parse(schedule.hours),
      })),
    overrides: overrides
      .filter((override) => override.staffId === link.staffId)
      .map((override) => ({ date: dateText(override.date), hours: storedHours.parse(override.hours) })),
    timeOff: timeOff
      .filter((off) => off.staffId === link.staffId)
      .map((off) => ({ start: off.startsAt.getTime(), end: off.endsAt.getTime() })),
    busy: busyOf(link.staffId),
  }));

  return {
    service,
    staff: links.map((link) => ({
      ...link.staff,
      priceMinor: link.priceMinor ?? service.priceMinor,
      durationMinutes: link.durationMinutes ?? service.durationMinutes,
    })),
    input: {
      now: query.now.getTime(),
      service: {
        serviceId: service.id,
        durationMinutes: service.durationMinutes,
        bufferBeforeMinutes: service.bufferBeforeMinutes,
        bufferAfterMinutes: service.bufferAfterMinutes,
        slotIntervalMinutes: service.slotIntervalMinutes,
        minimumNoticeMinutes: service.minimumNoticeMinutes,
        maximumAdvanceMinutes: service.maximumAdvanceMinutes,
        capacity: service.capacity,
        limitPerDay: service.limitPerDay,
        limitPerWeek: service.limitPerWeek,
      },
      staff,
      holidays: holidays.map((holiday) => dateText(holiday.date)),
      resourceBlocks: resourceBlocks.map((block) => ({
        start: block.blockedFrom.getTime(),
        end: block.blockedUntil.getTime(),
        sessionId: block.sessionId,
      })),
    },
  };
}
