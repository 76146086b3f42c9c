// After the booking: confirm, cancel (with a reason, inside the service's window for customers),
// reschedule (the old appointment stays, cancelled, linked from the new one), complete, no-show.
// Each is one transaction with its event; a customer acts through a signed link (manage-links.ts).
import type { BookingAppointment, BookingAppointmentStatus, Tx } from '@dramac/db';
import { TRPCError } from '@trpc/server';
import { badRequest, conflict, notFound } from '../errors.ts';
import {
  appointmentPayload,
  BOOKING_TRANSACTION,
  type BookingDeps,
  type BookingSite,
  placeAppointment,
} from './book-appointment.ts';
import { emitBookingEvent } from './booking.events.ts';
import { bookInput } from './booking.schemas.ts';
import { verifyManageToken } from './manage-links.ts';
import { withBooking } from './setup.service.ts';
import { MINUTE } from './slots/wall-time.ts';

export type Actor = 'customer' | 'staff';

const live: BookingAppointmentStatus[] = ['pending', 'confirmed'];

async function lockAppointment(tx: Tx, siteId: string, appointmentId: string): Promise<BookingAppointment> {
  // FOR UPDATE: two changes of one appointment at once apply one after the other
  const locked = await tx.$queryRaw<{ id: string }[]>`select id from booking.appointments where id = ${appointmentId} for update`;
  const appointment = locked.length
    ? await tx.bookingAppointment.findFirst({ where: { id: appointmentId, siteId }, include: { service: true } })
    : null;
  if (!appointment) throw notFound('Appointment');
  return appointment;
}

/** Gives the appointment's seat back; the session goes when its last seat does. */
async function releaseSeat(tx: Tx, sessionId: string | null) {
  if (!sessionId) return;
  const removed = await tx.bookingSession.deleteMany({ where: { id: sessionId, seatsTaken: 1 } });
  if (removed.count === 0) {
    await tx.bookingSession.updateMany({
      where: { id: sessionId, seatsTaken: { gt: 1 } },
      data: { seatsTaken: { decrement: 1 } },
    });
  }
}

async function customerWindow(tx: Tx, appointment: BookingAppointment, now: Date, what: string) {
  const service = await tx.bookingService.findUniqueOrThrow({ where: { id: appointment.serviceId } });
  const deadline = appointment.startsAt.getTime() - service.cancellationWindowMinutes * MINUTE;
  if (now.getTime() > deadline) {
    const hours = Math.round(service.cancellationWindowMinutes / 6) / 10;
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Appointments can be ${what} online until ${hours} h before they start. Contact the business instead.`,
    });
  }
}

function requireLive(appointment: BookingAppointment, what: string) {
  if (!live.includes(appointment.status))
    throw conflict(`This appointment is ${appointment.status.replace('_', '-')}: it cannot be ${what}`);
}

type Change = 'confirmed' | 'cancelled' | 'completed' | 'no_show';

async function change(
  deps: BookingDeps,
  site: BookingSite,
  appointmentId: string,
  apply: (tx: Tx, appointment: BookingAppointment) => Promise<BookingAppointment>,
  event: Change,
) {
  return withBooking(
    deps.db,
    site.id,
    async (tx, afterwards) => {
      const changed = await apply(tx, await lockAppointment(tx, site.id, appointmentId));
      afterwards((platform) =>
        emitBookingEvent(platform, deps.boss, {
          type: `booking.appointment.${event}`,
          agencyId: site.agencyId,
          siteId: site.id,
          data: { appointment: appointmentPayload(changed) },
        }),
      );
      return changed;
    },
    BOOKING_TRANSACTION,
  );
}

export function confirmAppointment(deps: BookingDeps, site: BookingSite, appointmentId: string, now = new Date()) {
  return change(
    deps,
    site,
    appointmentId,
    (tx, appointment) => {
      if (appointment.status !== 'pending')
        throw conflict(`Only a pending appointment can be confirmed; this one is ${appointment.status}`);
      return tx.bookingAppointment.update({ where: { id: appointment.id }, data: { status: 'confirmed', confirmedAt: now } });
    },
    'confirmed',
  );
}

export function cancelAppointment(
  deps: BookingDeps,
  site: BookingSite,
  input: { appointmentId: string; by: Actor; reason: string | null },
  now = new Date(),
) {
  return change(
    deps,
    site,
    input.appointmentId,
    async (tx, appointment) => {
      requireLive(appointment, 'cancelled');
      if (input.by === 'customer') await customerWindow(tx, appointment, now, 'cancelled');
      await releaseSeat(tx, appointment.sessionId);
      return tx.bookingAppointment.update({
        where: { id: appointment.id },
        data: { status: 'cancelled', sessionId: null, cancelledAt: now, cancelledBy: input.by, cancellationReason: input.reason },
      });
    },
    'cancelled',
  );
}

/** Completed or no-show: only once the appointment has started. */
export function closeAppointment(
  deps: BookingDeps,
  site: BookingSite,
  input: { appointmentId: string; outcome: 'completed' | 'no_show' },
  now = new Date(),
) {
  return change(
    deps,
    site,
    input.appointmentId,
    (tx, appointment) => {
      if (appointment.status !== 'confirmed')
        throw conflict(`Only a confirmed appointment can be marked; this one is ${appointment.status}`);
      if (appointment.startsAt > now) throw badRequest('The appointment has not started yet');
      return tx.bookingAppointment.update({ where: { id: appointment.id }, data: { status: input.outcome } });
    },
    input.outcome,
  );
}

/**
 * Moves an appointment: in one transaction the old one gives its seat back and is cancelled
 * ("rescheduled"), and a new one is booked at `startsAt` with the same customer, answers and
 * notes, linked to the old. If the new time cannot be booked nothing changes.
 */
export function rescheduleAppointment(
  deps: BookingDeps,
  site: BookingSite,
  input: { appointmentId: string; startsAt: Date; staffId?: string | null; by: Actor },
  now = new Date(),
) {
  return withBooking(
    deps.db,
    site.id,
    async (tx, afterwards) => {
      const old = await lockAppointment(tx, site.id, input.appointmentId);
      requireLive(old, 'rescheduled');
      if (input.by === 'customer') await customerWindow(tx, old, now, 'rescheduled');
      await releaseSeat(tx, old.sessionId);
      await tx.bookingAppointment.update({
        where: { id: old.id },
        data: {
          status: 'cancelled',
          sessionId: null,
          cancelledAt: now,
          cancelledBy: input.by,
          cancellationReason: 'Rescheduled',
        },
      });
      const moved = await placeAppointment(
        tx,
        site,
        {
          serviceId: old.serviceId,
          staffId: input.staffId === undefined ? old.staffId : input.staffId,
          startsAt: input.startsAt,
          customer: {
            name: old.customerName,
            email: old.customerEmail,
            phone: old.customerPhone,
            timeZone: old.customerTimeZone,
          },
          answers: bookInput.shape.answers.parse(old.answers),
          notes: old.notes,
          idempotencyKey: null,
        },
        now,
        { rescheduledFromId: old.id },
      );
      afterwards((platform) =>
        emitBookingEvent(platform, deps.boss, {
          type: 'booking.appointment.rescheduled',
          agencyId: site.agencyId,
          siteId: site.id,
          data: { appointment: appointmentPayload(moved) },
        }),
      );
      return moved;
    },
    BOOKING_TRANSACTION,
  );
}

/** What a signed link lets a customer do; the link's site must be the one asked. */
export async function customerManage(deps: BookingDeps, site: BookingSite, token: string, now = new Date()) {
  const claims = await verifyManageToken(token, now);
  if (claims.siteId !== site.id) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'This link is not valid for this site.' });
  return {
    cancel: (reason: string | null) =>
      cancelAppointment(deps, site, { appointmentId: claims.appointmentId, by: 'customer', reason }, now),
    reschedule: (startsAt: Date) =>
      rescheduleAppointment(deps, site, { appointmentId: claims.appointmentId, startsAt, by: 'customer' }, now),
  };
}
