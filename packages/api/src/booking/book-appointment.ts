// Booking one appointment: the slot engine's rules are checked inside the transaction, and the
// database has the last word: a session row per held slot, whose exclusion constraint refuses an
// overlap and whose seat check refuses a seat past capacity (see prisma/schema/booking.prisma).
import type { BookingAppointment, BookingService, Db, Tx } from '@dramac/db';
import type { PgBoss } from '@dramac/jobs';
import { TRPCError } from '@trpc/server';
import { badRequest, fieldError, isUniqueViolation, notFound } from '../errors.ts';
import { loadAvailability } from './availability.ts';
import { type AppointmentPayload, emitBookingEvent } from './booking.events.ts';
import type { BookInput, IntakeQuestion } from './booking.schemas.ts';
import { intakeQuestion } from './booking.schemas.ts';
import { withBooking } from './setup.service.ts';
import { checkSlot, type SlotRefusal } from './slots/slot-engine.ts';
import { DAY, MINUTE } from './slots/wall-time.ts';

export interface BookingSite {
  id: string;
  agencyId: string;
}

export interface BookingDeps {
  db: Db;
  boss: PgBoss;
}

/** The answer a caller gets when the slot went to someone else: pick another time. */
export const slotTaken = () =>
  new TRPCError({ code: 'CONFLICT', message: 'That slot is taken: it was just booked by someone else. Pick another time.' });

const refusalMessages: Record<Exclude<SlotRefusal, 'taken' | 'full'>, string> = {
  'not-a-slot': 'That time is not one of the offered slots (outside working hours or between slots). Pick a listed slot.',
  'too-soon': 'That slot starts too soon: the service needs more notice. Pick a later slot.',
  'too-far': 'That slot is too far ahead: the service cannot be booked that early. Pick an earlier slot.',
  'time-off': 'The staff member is away at that time. Pick another slot.',
  'limit-reached': 'The service is fully booked that day or week. Pick another day.',
  'unknown-staff': 'That staff member does not offer this service.',
};

export function refusalError(reason: SlotRefusal): TRPCError {
  if (reason === 'taken' || reason === 'full') return slotTaken();
  if (reason === 'unknown-staff') return notFound('Staff member for this service');
  return badRequest(refusalMessages[reason]);
}

export function appointmentPayload(appointment: BookingAppointment): AppointmentPayload {
  return {
    id: appointment.id,
    siteId: appointment.siteId,
    serviceId: appointment.serviceId,
    staffId: appointment.staffId,
    status: appointment.status,
    startsAt: appointment.startsAt.toISOString(),
    endsAt: appointment.endsAt.toISOString(),
    staffTimeZone: appointment.staffTimeZone,
    customerTimeZone: appointment.customerTimeZone,
    customer: { name: appointment.customerName, email: appointment.customerEmail, phone: appointment.customerPhone },
    rescheduledFromId: appointment.rescheduledFromId,
    cancellation: appointment.cancelledBy ? { by: appointment.cancelledBy, reason: appointment.cancellationReason } : null,
  };
}

/** The intake answers, checked against the service's questions (required, type, choices). */
function checkAnswers(service: BookingService, answers: BookInput['answers']): BookInput['answers'] {
  const questions: IntakeQuestion[] = intakeQuestion.array().parse(service.intakeQuestions);
  const checked: BookInput['answers'] = {};
  for (const question of questions) {
    const answer = answers[question.id];
    const path = `answers.${question.id}`;
    if (answer === undefined || answer === '') {
      if (question.required) throw fieldError(path, `Please answer "${question.label}"`);
      continue;
    }
    const fits =
      question.type === 'number'
        ? typeof answer === 'number'
        : question.type === 'yes_no'
          ? typeof answer === 'boolean'
          : question.type === 'choice'
            ? typeof answer === 'string' && (question.choices ?? []).includes(answer)
            : typeof answer === 'string';
    if (!fits)
      throw fieldError(
        path,
        `"${question.label}" needs ${question.type === 'choice' ? 'one of the choices' : `a ${question.type} answer`}`,
      );
    checked[question.id] = answer;
  }
  const unknown = Object.keys(answers).find((id) => !questions.some((question) => question.id === id));
  if (unknown) throw fieldError(`answers.${unknown}`, 'This service asks no such question');
  return checked;
}

/**
 * Holds the slot for one staff member: joins the session at that start when it has a seat left,
 * otherwise creates one (ON CONFLICT DO NOTHING: an overlapping session or a concurrent creator
 * wins), then blocks the service's resources. Returns the session id, or null when taken.
 */
async function holdSlot(
  tx: Tx,
  siteId: string,
  service: BookingService,
  hold: { staffId: string; startsAt: Date; endsAt: Date },
): Promise<string | null> {
  const at = { staffId: hold.staffId, serviceId: service.id, startsAt: hold.startsAt, endsAt: hold.endsAt };
  const join = async () => {
    if (service.capacity === 1) return null;
    const joined = await tx.bookingSession.updateMany({
      where: { ...at, siteId, seatsTaken: { lt: tx.bookingSession.fields.capacity } },
      data: { seatsTaken: { increment: 1 } },
    });
    if (joined.count === 0) return null;
    const session = await tx.bookingSession.findUniqueOrThrow({
      where: { staffId_serviceId_startsAt: { staffId: hold.staffId, serviceId: service.id, startsAt: hold.startsAt } },
    });
    return session.id;
  };

  const joined = await join();
  if (joined) return joined;
  const blockedFrom = new Date(hold.startsAt.getTime() - service.bufferBeforeMinutes * MINUTE);
  const blockedUntil = new Date(hold.endsAt.getTime() + service.bufferAfterMinutes * MINUTE);
  const [created] = await tx.bookingSession.createManyAndReturn({
    data: [{ ...at, siteId, blockedFrom, blockedUntil, capacity: service.capacity, seatsTaken: 1 }],
    skipDuplicates: true,
    select: { id: true },
  });
  // a concurrent booking created the same session first: its seats may still have room
  if (!created) return join();

  const resources = await tx.bookingServiceResource.findMany({ where: { siteId, serviceId: service.id } });
  if (resources.length > 0) {
    const blocks = await tx.bookingResourceBlock.createManyAndReturn({
      data: resources.map((resource) => ({
        siteId,
        resourceId: resource.resourceId,
        sessionId: created.id,
        blockedFrom,
        blockedUntil,
      })),
      skipDuplicates: true,
      select: { id: true },
    });
    if (blocks.length < resources.length) {
      await tx.bookingSession.delete({ where: { id: created.id } });
      return null;
    }
  }
  return created.id;
}

/** "Any available": the staff member with the fewest live appointments in the 30 days around comes first. */
async function fairOrder(tx: Tx, siteId: string, staffIds: string[], startsAt: Date): Promise<string[]> {
  if (staffIds.length < 2) return staffIds;
  const counts = await tx.bookingAppointment.groupBy({
    by: ['staffId'],
    where: {
      siteId,
      staffId: { in: staffIds },
      status: { in: ['pending', 'confirmed'] },
      startsAt: { gte: new Date(startsAt.getTime() - 30 * DAY), lt: new Date(startsAt.getTime() + 30 * DAY) },
    },
    _count: { _all: true },
  });
  const countOf = (staffId: string) => counts.find((row) => row.staffId === staffId)?._count._all ?? 0;
  return [...staffIds].sort((a, b) => countOf(a) - countOf(b) || a.localeCompare(b));
}

/**
 * A burst of bookings for one popular slot queues for the pool's connections: each transaction is
 * short, so waiting longer than the platform's default beats failing a booking that could succeed.
 */
export const BOOKING_TRANSACTION = { maxWait: 30_000 };

/** Prisma's "Unable to start a transaction in the given time" (the pool stayed full past maxWait). */
const isPoolTimeout = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2028';

export interface BookResult {
  appointment: BookingAppointment;
  /** false when an earlier request with the same idempotency key made it */
  created: boolean;
}

/**
 * Places one appointment inside the caller's booking transaction: the slot engine's rules, then
 * the seat on a session (the database refuses an overlap), then the row. Throws a clear 4xx when
 * the time cannot be booked.
 */
export async function placeAppointment(
  tx: Tx,
  site: BookingSite,
  input: BookInput,
  now: Date,
  extra: { rescheduledFromId?: string } = {},
): Promise<BookingAppointment> {
  const service = await tx.bookingService.findFirst({ where: { id: input.serviceId, siteId: site.id, archivedAt: null } });
  if (!service) throw notFound('Service');
  // day and week limits count sessions: bookings of one service on a site take turns
  if (service.limitPerDay != null || service.limitPerWeek != null) {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`booking:${service.id}`}, 0))`;
  }
  const loaded = await loadAvailability(tx, site.id, {
    serviceId: service.id,
    staffIds: input.staffId ? [input.staffId] : null,
    from: new Date(input.startsAt.getTime() - DAY),
    to: new Date(input.startsAt.getTime() + DAY),
    now,
  });
  const answers = checkAnswers(service, input.answers);
  const check = checkSlot(loaded.input, input.startsAt.getTime(), input.staffId ? [input.staffId] : undefined);
  if (!check.ok) throw refusalError(check.reason);

  for (const staffId of await fairOrder(tx, site.id, check.staffIds, input.startsAt)) {
    const staff = loaded.staff.find((candidate) => candidate.id === staffId)!;
    const endsAt = new Date(input.startsAt.getTime() + staff.durationMinutes * MINUTE);
    const sessionId = await holdSlot(tx, site.id, service, { staffId, startsAt: input.startsAt, endsAt });
    if (!sessionId) continue;
    const created = await tx.bookingAppointment.create({
      data: {
        siteId: site.id,
        serviceId: service.id,
        staffId,
        sessionId,
        startsAt: input.startsAt,
        endsAt,
        staffTimeZone: staff.timeZone,
        customerTimeZone: input.customer.timeZone,
        customerName: input.customer.name,
        customerEmail: input.customer.email,
        customerPhone: input.customer.phone,
        answers,
        notes: input.notes,
        status: service.requiresConfirmation ? 'pending' : 'confirmed',
        confirmedAt: service.requiresConfirmation ? null : now,
        priceMinor: staff.priceMinor,
        currency: service.currency,
        idempotencyKey: input.idempotencyKey,
        rescheduledFromId: extra.rescheduledFromId ?? null,
      },
    });
    return created;
  }
  throw slotTaken();
}

/**
 * Books `input` on `site`. Refusals are clear 4xx errors; a slot lost to a concurrent booking is a
 * CONFLICT ("slot taken"). With an idempotency key, a retry returns the first booking.
 */
export async function bookAppointment(
  deps: BookingDeps,
  site: BookingSite,
  input: BookInput,
  now = new Date(),
): Promise<BookResult> {
  const existing = async () =>
    input.idempotencyKey
      ? withBooking(deps.db, site.id, (tx) =>
          tx.bookingAppointment.findFirst({ where: { siteId: site.id, idempotencyKey: input.idempotencyKey } }),
        )
      : null;
  const earlier = await existing();
  if (earlier) return { appointment: earlier, created: false };
  try {
    const appointment = await withBooking(
      deps.db,
      site.id,
      async (tx, afterwards) => {
        const created = await placeAppointment(tx, site, input, now);
        afterwards((platform) =>
          emitBookingEvent(platform, deps.boss, {
            type: 'booking.appointment.created',
            agencyId: site.agencyId,
            siteId: site.id,
            data: { appointment: appointmentPayload(created) },
          }),
        );
        return created;
      },
      BOOKING_TRANSACTION,
    );
    return { appointment, created: true };
  } catch (err) {
    // the same idempotency key sent twice at once: the second lost the slot (or the key's unique
    // index) to the first, and answers with the first's booking
    if (isPoolTimeout(err)) {
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Bookings are very busy right now. Try again in a moment.' });
    }
    if (input.idempotencyKey && (isUniqueViolation(err) || (err instanceof TRPCError && err.code === 'CONFLICT'))) {
      const first = await existing();
      if (first) return { appointment: first, created: false };
    }
    throw err;
  }
}
