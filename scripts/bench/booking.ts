// Benchmark: booking.
//   1. slots for 30 days × 20 staff (five time zones, split shifts, Saturdays, time off) with
//      5,000 existing appointments: the slot engine alone, and read from PostgreSQL (getSlots),
//      p50/p95 (goal p95 ≤ 20 ms);
//   2. booking throughput: 50 concurrent clients booking overlapping slots of a few staff members;
//      bookings/s, refusals ("slot taken") and a check that no two sessions of a staff member overlap.
// Usage: pnpm bench:booking [--runs 200] [--clients 50] [--attempts 1000]
import { createDb } from '@dramac/db';
import { createBoss } from '@dramac/jobs';
import { loadAvailability } from '../../packages/api/src/booking/availability.ts';
import { bookAppointment } from '../../packages/api/src/booking/book-appointment.ts';
import { bookInput, serviceInput, slotsQuery, staffInput } from '../../packages/api/src/booking/booking.schemas.ts';
import { getSlots } from '../../packages/api/src/booking/get-slots.ts';
import { createService, createStaff, withBooking } from '../../packages/api/src/booking/setup.service.ts';
import { listSlots } from '../../packages/api/src/booking/slots/slot-engine.ts';
import { weeklyHours } from '../../packages/api/src/booking/slots/testing/scenario.ts';
import { addDays, DAY, instantAt, MINUTE, weekdayOf } from '../../packages/api/src/booking/slots/wall-time.ts';
import { throwawayDatabase } from '../lib/throwaway-db.ts';
import { arg, loadAverage } from './turns.ts';

const runs = arg('runs', 200);
const clients = arg('clients', 50);
const attempts = arg('attempts', 1000);
process.env.NEXTAUTH_SECRET ??= 'bench-secret-0123456789-0123456789';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const zones = ['America/New_York', 'Europe/London', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata'];
const FIRST_DAY = '2026-10-19'; // a Monday; the range crosses Europe's and America's autumn changes
const DAYS = 30;
const now = new Date(`${addDays(FIRST_DAY, -1)}T00:00:00Z`);

// a small deterministic generator, so every run books the same appointments
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

const database = await throwawayDatabase('bench_booking');
const db = createDb(database.url, { max: 10 });
const boss = createBoss(database.url, { max: 4 });
await boss.start();
try {
  const agency = await db.agency.create({ data: { name: 'Bench' } });
  const siteRow = await db.site.create({
    data: { agencyId: agency.id, name: 'Bench', slug: 'bench', timeZone: 'UTC', currency: 'EUR', locale: 'en' },
  });
  const site = { id: siteRow.id, agencyId: agency.id };
  const service = await createService(
    db,
    site.id,
    serviceInput.parse({
      name: 'Consultation',
      slug: 'consultation',
      currency: 'EUR',
      durationMinutes: 30,
      minimumNoticeMinutes: 60,
    }),
  );
  const week = { 'mon-fri': '09:00-12:00,13:00-17:00', sat: '10:00-14:00' };
  const staff: Awaited<ReturnType<typeof createStaff>>[] = [];
  for (let i = 0; i < 20; i++) {
    const input = staffInput.parse({
      name: `Staff ${i}`,
      timeZone: zones[i % zones.length],
      services: [{ serviceId: service.id }],
    });
    staff.push(await createStaff(db, site.id, { ...input, hours: weeklyHours(week) }));
  }

  // 5,000 appointments on free half hours of the staff's working days, written straight to the tables
  const sessions: { staffId: string; startsAt: Date; endsAt: Date }[] = [];
  const perStaff = 250;
  for (const member of staff) {
    const free: number[] = [];
    for (let d = 0; d < DAYS; d++) {
      const date = addDays(FIRST_DAY, d);
      const weekday = weekdayOf(date);
      const ranges =
        weekday === 0
          ? []
          : weekday === 6
            ? [[600, 840]]
            : [
                [540, 720],
                [780, 1020],
              ];
      for (const [start, end] of ranges) for (let m = start!; m < end!; m += 30) free.push(instantAt(date, m, member.timeZone));
    }
    for (let n = 0; n < perStaff && free.length > 0; n++) {
      const start = free.splice(Math.floor(random() * free.length), 1)[0]!;
      sessions.push({ staffId: member.id, startsAt: new Date(start), endsAt: new Date(start + 30 * MINUTE) });
    }
  }
  await withBooking(
    db,
    site.id,
    async (tx) => {
      const created = await tx.bookingSession.createManyAndReturn({
        data: sessions.map((session) => ({
          ...session,
          siteId: site.id,
          serviceId: service.id,
          blockedFrom: session.startsAt,
          blockedUntil: session.endsAt,
          capacity: 1,
          seatsTaken: 1,
        })),
      });
      await tx.bookingAppointment.createMany({
        data: created.map((session, i) => ({
          siteId: site.id,
          serviceId: service.id,
          staffId: session.staffId,
          sessionId: session.id,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          staffTimeZone: staff.find((member) => member.id === session.staffId)!.timeZone,
          customerTimeZone: 'Europe/Berlin',
          customerName: `Customer ${i}`,
          customerEmail: `customer-${i}@example.test`,
          status: 'confirmed',
          priceMinor: 0,
          currency: 'EUR',
        })),
      });
    },
    { timeout: 120_000 },
  );

  // ---- 1. slots ----
  const query = slotsQuery.parse({
    serviceId: service.id,
    from: FIRST_DAY,
    to: addDays(FIRST_DAY, DAYS - 1),
    timeZone: 'America/Los_Angeles',
  });
  const loaded = await withBooking(db, site.id, (tx) =>
    loadAvailability(tx, site.id, {
      serviceId: service.id,
      from: new Date(Date.parse(`${query.from}T00:00:00Z`) - 2 * DAY),
      to: new Date(Date.parse(`${query.to}T00:00:00Z`) + 2 * DAY),
      now,
    }),
  );
  const engineTimes: number[] = [];
  const dbTimes: number[] = [];
  let slotCount = 0;
  for (let i = 0; i < runs + 10; i++) {
    const engineStart = performance.now();
    const days = listSlots(loaded.input, query);
    const engineMs = performance.now() - engineStart;
    const dbStart = performance.now();
    await getSlots(db, site.id, query, now);
    const dbMs = performance.now() - dbStart;
    if (i >= 10) {
      engineTimes.push(engineMs);
      dbTimes.push(dbMs);
    }
    slotCount = days.reduce((sum, day) => sum + day.slots.length, 0);
  }
  console.log(
    `slots: ${DAYS} days × ${staff.length} staff, ${sessions.length} appointments → ${slotCount} slots (any available), ${runs} runs`,
  );
  console.log(
    `  engine alone:         p50 ${percentile(engineTimes, 50).toFixed(1)} ms, p95 ${percentile(engineTimes, 95).toFixed(1)} ms`,
  );
  console.log(
    `  with PostgreSQL load: p50 ${percentile(dbTimes, 50).toFixed(1)} ms, p95 ${percentile(dbTimes, 95).toFixed(1)} ms`,
  );

  // ---- 2. booking throughput: 50 clients, overlapping slots of 3 staff members on one day ----
  const racers = staff.slice(0, 3);
  const raceService = await createService(
    db,
    site.id,
    serviceInput.parse({
      name: 'Race',
      slug: 'race',
      currency: 'EUR',
      durationMinutes: 60,
      slotIntervalMinutes: 15,
      minimumNoticeMinutes: 0,
    }),
  );
  await withBooking(db, site.id, (tx) =>
    tx.bookingStaffService.createMany({
      data: racers.map((member) => ({ siteId: site.id, staffId: member.id, serviceId: raceService.id })),
    }),
  );
  const raceDay = addDays(FIRST_DAY, DAYS); // a Wednesday without appointments
  const starts = racers.flatMap((member) =>
    Array.from({ length: 28 }, (_, i) => ({ staffId: member.id, at: instantAt(raceDay, 540 + i * 15, member.timeZone) })),
  );
  let booked = 0;
  let taken = 0;
  let refused = 0;
  const errors: string[] = [];
  let next = 0;
  const raceStart = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (next < attempts) {
        next++;
        const pick = starts[Math.floor(random() * starts.length)]!;
        try {
          await bookAppointment(
            { db, boss },
            site,
            bookInput.parse({
              serviceId: raceService.id,
              staffId: pick.staffId,
              startsAt: new Date(pick.at).toISOString(),
              customer: { name: `Racer ${client}`, email: `racer-${client}@example.test`, timeZone: 'Europe/Berlin' },
            }),
            now,
          );
          booked++;
        } catch (err) {
          // TRPCError codes (CONFLICT: slot taken; BAD_REQUEST: the rules refuse the time)
          const code = (err as { code?: string }).code;
          if (code === 'CONFLICT') taken++;
          else if (code === 'BAD_REQUEST') refused++;
          else errors.push((err as Error).message);
        }
      }
    }),
  );
  const seconds = (performance.now() - raceStart) / 1000;
  const overlaps = await db.$queryRaw<{ n: bigint }[]>`
    select count(*) as n from booking.sessions a join booking.sessions b
      on a."staffId" = b."staffId" and a.id < b.id and tsrange(a."blockedFrom", a."blockedUntil") && tsrange(b."blockedFrom", b."blockedUntil")`;
  console.log(
    `\nbooking: ${clients} concurrent clients, ${attempts} attempts on ${starts.length} overlapping starts of ${racers.length} staff`,
  );
  console.log(
    `  ${(attempts / seconds).toFixed(0)} attempts/s; ${booked} booked, ${taken} "slot taken" (${((taken / attempts) * 100).toFixed(1)}%), ${refused} refused by the rules, ${errors.length} errors; load average ${loadAverage()}`,
  );
  console.log(`  overlapping sessions of one staff member: ${overlaps[0]?.n ?? 0}`);
  if (errors.length > 0 || Number(overlaps[0]?.n ?? 0) > 0) {
    console.error(`FAILED: ${errors.slice(0, 3).join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  await boss.stop({ graceful: false });
  await db.$disconnect();
  await database.stop();
}
process.exit(process.exitCode ?? 0);
