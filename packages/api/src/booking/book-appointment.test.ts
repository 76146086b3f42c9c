import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { slotsQuery } from './booking.schemas.ts';
import { getSlots } from './get-slots.ts';
import { withBooking } from './setup.service.ts';
import { type BookingWorld, bookingWorld } from './testing/booking-world.ts';

const NY = 'America/New_York';
// Monday 2026-06-01; 09:00 in New York is 13:00 UTC
const NINE = '2026-06-01T13:00:00Z';

type Outcome = { ok: true; staffId: string } | { ok: false; code: string; message: string };

async function outcomes(attempts: Promise<{ appointment: { staffId: string } }>[]): Promise<Outcome[]> {
  const settled = await Promise.allSettled(attempts);
  return settled.map((result) => {
    if (result.status === 'fulfilled') return { ok: true, staffId: result.value.appointment.staffId };
    const error = result.reason;
    if (!(error instanceof TRPCError)) throw error;
    return { ok: false, code: error.code, message: error.message };
  });
}

let world: BookingWorld;
beforeAll(async () => {
  world = await bookingWorld({ now: '2026-05-20T00:00:00Z' });
});

describe('no double booking, under concurrency', () => {
  it('50 requests for one slot give one booking; the other 49 hear the slot is taken', async () => {
    const cut = await world.service({ duration: 60 });
    await world.staff('Ana', NY, { 'mon-fri': '09:00-17:00' }, [cut]);
    const results = await outcomes(Array.from({ length: 50 }, () => world.book(cut, NINE)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const refused = results.filter((result) => !result.ok);
    expect(refused).toHaveLength(49);
    for (const refusal of refused) {
      expect(refusal).toEqual({
        ok: false,
        code: 'CONFLICT',
        message: 'That slot is taken: it was just booked by someone else. Pick another time.',
      });
    }
  });

  it('50 requests for a group session of 5 seats give exactly 5 bookings sharing one session', async () => {
    const yoga = await world.service({ duration: 60, capacity: 5 });
    await world.staff('Yara', NY, { 'mon-fri': '09:00-17:00' }, [yoga]);
    const results = await outcomes(Array.from({ length: 50 }, () => world.book(yoga, NINE)));
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    expect(results.filter((result) => !result.ok && result.code === 'CONFLICT')).toHaveLength(45);
    const sessions = await withBooking(world.s.services.db, world.site.id, (tx) =>
      tx.bookingSession.findMany({ where: { serviceId: yoga.id }, include: { appointments: true } }),
    );
    expect(sessions.map((session) => [session.seatsTaken, session.appointments.length])).toEqual([[5, 5]]);
  });

  it('requests for overlapping starts (09:00, 09:15, 09:30, 09:45) give one booking: the database refuses the overlap', async () => {
    const massage = await world.service({ duration: 60, slotIntervalMinutes: 15, bufferAfterMinutes: 15 });
    await world.staff('Max', NY, { 'mon-fri': '09:00-17:00' }, [massage]);
    const starts = ['13:00', '13:15', '13:30', '13:45'].map((time) => `2026-06-01T${time}:00Z`);
    const results = await outcomes(Array.from({ length: 40 }, (_, i) => world.book(massage, starts[i % 4]!)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(new Set(results.filter((result) => !result.ok).map((result) => !result.ok && result.code))).toEqual(
      new Set(['CONFLICT']),
    );
    // the buffer after 10:00 (or later) keeps the next start at 10:15 at the earliest
    await expect(world.book(massage, '2026-06-01T15:00:00Z')).resolves.toMatchObject({ created: true });
  });

  it('a session written past the service layer still cannot overlap another: the exclusion constraint', async () => {
    const cut = await world.service({ duration: 60 });
    const bea = await world.staff('Bea', NY, { 'mon-fri': '09:00-17:00' }, [cut]);
    await world.book(cut, NINE);
    const overlapping = withBooking(
      world.s.services.db,
      world.site.id,
      (tx) =>
        tx.$executeRaw`insert into booking.sessions (id, "siteId", "staffId", "serviceId", "startsAt", "endsAt", "blockedFrom", "blockedUntil", capacity, "seatsTaken")
        values ('raw-1', ${world.site.id}, ${bea.id}, ${cut.id}, '2026-06-01 13:30', '2026-06-01 14:30', '2026-06-01 13:30', '2026-06-01 14:30', 1, 1)`,
    );
    await expect(overlapping).rejects.toThrow(/sessions_no_overlap/);
    const overSold = withBooking(
      world.s.services.db,
      world.site.id,
      (tx) => tx.$executeRaw`update booking.sessions set "seatsTaken" = 2 where "staffId" = ${bea.id}`,
    );
    await expect(overSold).rejects.toThrow(/sessions_seats_check/);
  });

  it('a room two staff members share is booked once at a time', async () => {
    const facial = await world.service({ duration: 60 });
    const room = await withBooking(world.s.services.db, world.site.id, (tx) =>
      tx.bookingResource.create({
        data: { siteId: world.site.id, name: 'Room 1', services: { create: { siteId: world.site.id, serviceId: facial.id } } },
      }),
    );
    const cleo = await world.staff('Cleo', NY, { 'mon-fri': '09:00-17:00' }, [facial]);
    const dina = await world.staff('Dina', NY, { 'mon-fri': '09:00-17:00' }, [facial]);
    const results = await outcomes([
      world.book(facial, NINE, { staffId: cleo.id }),
      world.book(facial, NINE, { staffId: dina.id }),
      world.book(facial, NINE, { staffId: cleo.id }),
      world.book(facial, NINE, { staffId: dina.id }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const blocks = await withBooking(world.s.services.db, world.site.id, (tx) =>
      tx.bookingResourceBlock.count({ where: { resourceId: room.id } }),
    );
    expect(blocks).toBe(1);
  });
});

describe('booking', () => {
  it('spreads "any available" bookings over the staff who perform the service', async () => {
    const consult = await world.service({ duration: 30 });
    const eli = await world.staff('Eli', NY, { 'mon-fri': '09:00-17:00' }, [consult]);
    const fay = await world.staff('Fay', 'America/Chicago', { 'mon-fri': '08:00-16:00' }, [consult]);
    const first = await world.book(consult, NINE);
    const second = await world.book(consult, '2026-06-01T14:00:00Z');
    const third = await world.book(consult, '2026-06-01T15:00:00Z');
    expect([first, second, third].map((result) => result.appointment.staffId)).toEqual([eli.id, fay.id, eli.id]);
    expect(first.appointment).toMatchObject({ staffTimeZone: NY, customerTimeZone: 'Europe/Berlin', status: 'confirmed' });
  });

  it('keeps the answer of the first request for a repeated idempotency key, even sent at once', async () => {
    const cut = await world.service({ duration: 60 });
    await world.staff('Gus', NY, { 'mon-fri': '09:00-17:00' }, [cut]);
    const key = 'retry-key-0001';
    const results = await Promise.all(Array.from({ length: 5 }, () => world.book(cut, NINE, { idempotencyKey: key })));
    expect(new Set(results.map((result) => result.appointment.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
  });

  it('refuses what cannot be booked with a 4xx that says what to change', async () => {
    const cut = await world.service({
      duration: 60,
      minimumNoticeMinutes: 48 * 60,
      intakeQuestions: [{ id: 'allergies', label: 'Any allergies?', type: 'text', required: true }],
    });
    await world.staff('Hal', NY, { 'mon-fri': '09:00-17:00' }, [cut]);
    const answers = { allergies: 'none' };
    await expect(world.book(cut, '2026-06-01T13:10:00Z', { answers })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('not one of the offered slots'),
    });
    await expect(world.book(cut, '2026-05-21T13:00:00Z', { answers })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('more notice'),
    });
    await expect(world.book(cut, NINE)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'Please answer "Any allergies?"' });
    await expect(world.book({ id: 'no-such-service' }, NINE)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(world.book(cut, NINE, { answers, staffId: 'someone-else' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(() => world.bookRaw({ serviceId: cut.id, startsAt: 'tomorrow', customer: {} })).toThrow();
  });

  it('writes booking.appointment.created to the outbox with the booking', async () => {
    const cut = await world.service({ duration: 60, requiresConfirmation: true });
    await world.staff('Ivy', NY, { 'mon-fri': '09:00-17:00' }, [cut]);
    const { appointment } = await world.book(cut, NINE, { customer: { name: 'Lena', timeZone: 'Asia/Tokyo' } });
    expect(appointment.status).toBe('pending');
    const events = await world.s.services.db.event.findMany({
      where: { siteId: world.site.id, type: 'booking.appointment.created' },
    });
    const event = events.find(
      (candidate) => (candidate.payload as { appointment: { id: string } }).appointment.id === appointment.id,
    );
    expect(event?.payload).toMatchObject({
      appointment: {
        status: 'pending',
        startsAt: '2026-06-01T13:00:00.000Z',
        customerTimeZone: 'Asia/Tokyo',
        customer: { name: 'Lena' },
      },
    });
  });
});

describe('slots from the database', () => {
  it("lists the hours in the visitor's zone, books one of them, and no longer lists it", async () => {
    const cut = await world.service({ duration: 60, bufferAfterMinutes: 30 });
    await world.staff('Kai', NY, { mon: '09:00-12:00' }, [cut]);
    const query = slotsQuery.parse({ serviceId: cut.id, from: '2026-06-01', to: '2026-06-01', timeZone: 'Europe/Berlin' });
    const times = async () =>
      (await getSlots(world.s.services.db, world.site.id, query, world.now))[0]!.slots.map((slot) => slot.localTime);
    expect(await times()).toEqual(['15:00', '15:30', '16:00', '16:30', '17:00']);
    // 11:00 in New York, 17:00 in Berlin; with the buffers a start must leave 10:30–11:00 free
    await world.book(cut, '2026-06-01T15:00:00Z');
    expect(await times()).toEqual(['15:00', '15:30']);
    expect(() => slotsQuery.parse({ ...query, to: '2026-09-01' })).toThrow('at most 62 days');
  });
});
