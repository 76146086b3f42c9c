import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { derivedKey } from '../lib/derived-key.ts';
import {
  cancelAppointment,
  closeAppointment,
  confirmAppointment,
  customerManage,
  rescheduleAppointment,
} from './manage-appointment.ts';
import { signManageToken } from './manage-links.ts';
import { withBooking } from './setup.service.ts';
import { type BookingWorld, bookingWorld } from './testing/booking-world.ts';

const NY = 'America/New_York';
const NINE = '2026-06-01T13:00:00Z'; // Monday 09:00 in New York
const TEN = '2026-06-01T14:00:00Z';

let world: BookingWorld;
let deps: Parameters<typeof confirmAppointment>[0];
beforeAll(async () => {
  world = await bookingWorld({ now: '2026-05-20T00:00:00Z' });
  deps = { db: world.s.services.db, boss: world.s.services.boss };
});

const eventsOf = async (appointmentId: string) =>
  (await world.s.services.db.event.findMany({ where: { siteId: world.site.id }, orderBy: { createdAt: 'asc' } }))
    .filter((event) => (event.payload as { appointment?: { id: string } }).appointment?.id === appointmentId)
    .map((event) => event.type);

describe('managing an appointment', () => {
  it('confirms a pending appointment once', async () => {
    const consult = await world.service({ requiresConfirmation: true });
    await world.staff('Ana', NY, { 'mon-fri': '09:00-17:00' }, [consult]);
    const { appointment } = await world.book(consult, NINE);
    expect(appointment.status).toBe('pending');
    const confirmed = await confirmAppointment(deps, world.site, appointment.id, world.now);
    expect(confirmed.status).toBe('confirmed');
    await expect(confirmAppointment(deps, world.site, appointment.id, world.now)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await eventsOf(appointment.id)).toEqual(['booking.appointment.created', 'booking.appointment.confirmed']);
  });

  it('cancels with a reason and frees the slot for the next customer', async () => {
    const cut = await world.service({ duration: 60 });
    await world.staff('Ben', NY, { 'mon-fri': '09:00-17:00' }, [cut]);
    const { appointment } = await world.book(cut, NINE);
    await expect(world.book(cut, NINE)).rejects.toMatchObject({ code: 'CONFLICT' });
    const cancelled = await cancelAppointment(
      deps,
      world.site,
      { appointmentId: appointment.id, by: 'staff', reason: 'Ben is ill' },
      world.now,
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'staff',
      cancellationReason: 'Ben is ill',
      sessionId: null,
    });
    await expect(world.book(cut, NINE)).resolves.toMatchObject({ created: true });
    await expect(
      cancelAppointment(deps, world.site, { appointmentId: appointment.id, by: 'staff', reason: null }, world.now),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'This appointment is cancelled: it cannot be cancelled' });
  });

  it('gives a group session seat back, and drops the session with its last seat', async () => {
    const yoga = await world.service({ duration: 60, capacity: 2 });
    await world.staff('Cleo', NY, { 'mon-fri': '09:00-17:00' }, [yoga]);
    const first = await world.book(yoga, NINE);
    const second = await world.book(yoga, NINE);
    const seats = () =>
      withBooking(world.s.services.db, world.site.id, (tx) => tx.bookingSession.findMany({ where: { serviceId: yoga.id } }));
    expect((await seats()).map((session) => session.seatsTaken)).toEqual([2]);
    await cancelAppointment(deps, world.site, { appointmentId: first.appointment.id, by: 'customer', reason: null }, world.now);
    expect((await seats()).map((session) => session.seatsTaken)).toEqual([1]);
    await cancelAppointment(deps, world.site, { appointmentId: second.appointment.id, by: 'customer', reason: null }, world.now);
    expect(await seats()).toEqual([]);
  });

  it('reschedules keeping the old appointment as history; a time that cannot be booked changes nothing', async () => {
    const cut = await world.service({
      duration: 60,
      intakeQuestions: [{ id: 'hair', label: 'Hair length', type: 'text', required: true }],
    });
    const dan = await world.staff('Dan', NY, { 'mon-fri': '09:00-17:00' }, [cut]);
    const { appointment } = await world.book(cut, NINE, { answers: { hair: 'long' }, notes: 'first visit' });
    const blocker = await world.book(cut, '2026-06-01T15:00:00Z', { answers: { hair: 'short' } });
    await expect(
      rescheduleAppointment(
        deps,
        world.site,
        { appointmentId: appointment.id, startsAt: new Date('2026-06-01T15:00:00Z'), by: 'staff' },
        world.now,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const unchanged = await withBooking(world.s.services.db, world.site.id, (tx) =>
      tx.bookingAppointment.findUniqueOrThrow({ where: { id: appointment.id } }),
    );
    expect(unchanged.status).toBe('confirmed');

    const moved = await rescheduleAppointment(
      deps,
      world.site,
      { appointmentId: appointment.id, startsAt: new Date(TEN), by: 'staff' },
      world.now,
    );
    expect(moved).toMatchObject({
      staffId: dan.id,
      startsAt: new Date(TEN),
      rescheduledFromId: appointment.id,
      answers: { hair: 'long' },
      notes: 'first visit',
      status: 'confirmed',
    });
    const old = await withBooking(world.s.services.db, world.site.id, (tx) =>
      tx.bookingAppointment.findUniqueOrThrow({ where: { id: appointment.id }, include: { rescheduledTo: true } }),
    );
    expect(old).toMatchObject({ status: 'cancelled', cancellationReason: 'Rescheduled', rescheduledTo: { id: moved.id } });
    // the old time is free again
    await expect(world.book(cut, NINE, { answers: { hair: 'none' } })).resolves.toMatchObject({ created: true });
    expect(await eventsOf(moved.id)).toEqual(['booking.appointment.rescheduled']);
    expect(blocker.created).toBe(true);
  });

  it('marks completed or no-show only after the start', async () => {
    const cut = await world.service({ duration: 60 });
    await world.staff('Eve', NY, { 'mon-fri': '09:00-17:00' }, [cut]);
    const { appointment } = await world.book(cut, NINE);
    await expect(
      closeAppointment(deps, world.site, { appointmentId: appointment.id, outcome: 'no_show' }, world.now),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const later = new Date('2026-06-01T13:30:00Z');
    await expect(
      closeAppointment(deps, world.site, { appointmentId: appointment.id, outcome: 'no_show' }, later),
    ).resolves.toMatchObject({
      status: 'no_show',
    });
    expect(await eventsOf(appointment.id)).toEqual(['booking.appointment.created', 'booking.appointment.no_show']);
  });
});

describe('customer links', () => {
  it('cancels through a signed link inside the window, and refuses after it', async () => {
    const cut = await world.service({ duration: 60, cancellationWindowMinutes: 24 * 60 });
    await world.staff('Fay', NY, { 'mon-fri': '09:00-17:00' }, [cut]);
    const early = await world.book(cut, NINE);
    const late = await world.book(cut, TEN);
    const link = await signManageToken(late.appointment);
    const dayBefore = new Date('2026-05-31T15:00:00Z');
    await expect((await customerManage(deps, world.site, link, dayBefore)).cancel('too late?')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Appointments can be cancelled online until 24 h before they start. Contact the business instead.',
    });
    const earlyLink = await signManageToken(early.appointment);
    const cancelled = await (await customerManage(deps, world.site, earlyLink, world.now)).cancel('Away that week');
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: 'customer', cancellationReason: 'Away that week' });
  });

  it('reschedules through a link; the old link then no longer changes anything', async () => {
    const cut = await world.service({ duration: 60 });
    await world.staff('Gus', NY, { 'mon-fri': '09:00-17:00' }, [cut]);
    const { appointment } = await world.book(cut, NINE);
    const link = await signManageToken(appointment);
    const moved = await (await customerManage(deps, world.site, link, world.now)).reschedule(new Date(TEN));
    expect(moved.rescheduledFromId).toBe(appointment.id);
    await expect((await customerManage(deps, world.site, link, world.now)).cancel(null)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const newLink = await signManageToken(moved);
    await expect((await customerManage(deps, world.site, newLink, world.now)).cancel(null)).resolves.toMatchObject({
      status: 'cancelled',
    });
  });

  it('refuses a tampered, foreign-key, other-site or expired link', async () => {
    const cut = await world.service({ duration: 60 });
    await world.staff('Hal', NY, { 'mon-fri': '09:00-17:00' }, [cut]);
    const { appointment } = await world.book(cut, NINE);
    const link = await signManageToken(appointment);
    const [header, payload, signature] = link.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const tampered = [
      header,
      Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url'),
      signature,
    ].join('.');
    await expect(customerManage(deps, world.site, tampered, world.now)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'This link is not valid. Use the link from your latest booking email.',
    });
    // signed with another purpose's key (an embed token's): not a booking link
    const foreign = await new SignJWT({ site: world.site.id })
      .setProtectedHeader({ alg: 'HS256', typ: 'dramac-booking+jwt' })
      .setSubject(appointment.id)
      .setAudience('dramac-booking-manage')
      .setExpirationTime('1h')
      .sign(derivedKey('embed-tokens-v1'));
    await expect(customerManage(deps, world.site, foreign, world.now)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(customerManage(deps, { ...world.site, id: 'another-site' }, link, world.now)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(customerManage(deps, world.site, link, new Date('2026-06-01T13:01:00Z'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('expired'),
    });
  });
});
