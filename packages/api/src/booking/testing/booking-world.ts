// A booking business in a test database, built the way its owner would describe it:
//
//   const salon = await bookingWorld({ now: '2026-06-01T00:00:00Z' });
//   const cut = await salon.service({ name: 'Haircut', duration: 60 });
//   const ana = await salon.staff('Ana', 'America/New_York', { 'mon-fri': '09:00-17:00' }, [cut]);
//   await salon.book(cut, '2026-06-01T13:00:00Z');

import { type Scenario, scenario } from '../../testing/harness.ts';
import { type BookingSite, bookAppointment } from '../book-appointment.ts';
import { type BookInput, bookInput, type ServiceInput, serviceInput, staffInput } from '../booking.schemas.ts';
import { createService, createStaff, withBooking } from '../setup.service.ts';
import { weeklyHours } from '../slots/testing/scenario.ts';

type ServiceOptions = Partial<Omit<ServiceInput, 'durationMinutes'>> & { duration?: number };

export interface BookingWorld {
  s: Scenario;
  site: BookingSite;
  now: Date;
  service(options?: ServiceOptions): Promise<{ id: string; slug: string }>;
  staff(
    name: string,
    timeZone: string,
    week: Record<string, string>,
    services: { id: string }[],
  ): Promise<{ id: string; name: string }>;
  book(
    service: { id: string },
    startsAt: string,
    options?: Partial<Omit<BookInput, 'startsAt' | 'customer'>> & { customer?: Partial<BookInput['customer']> },
  ): ReturnType<typeof bookAppointment>;
  /** the booking as its raw input would be parsed by the router */
  bookRaw(raw: unknown): ReturnType<typeof bookAppointment>;
  rows(): Promise<{ sessions: number; appointments: number }>;
}

let serviceCount = 0;
let customerCount = 0;

export async function bookingWorld(options: { now: string }): Promise<BookingWorld> {
  const s = await scenario();
  const owner = await s.user('Owner');
  const created = await s.site(owner);
  const site = { id: created.id, agencyId: owner.agencyId };
  const now = new Date(options.now);
  const deps = { db: s.services.db, boss: s.services.boss };
  return {
    s,
    site,
    now,
    async service(options = {}) {
      const { duration, ...rest } = options;
      const slug = rest.slug ?? `service-${++serviceCount}`;
      const input = serviceInput.parse({
        name: slug,
        slug,
        currency: 'EUR',
        durationMinutes: duration ?? 60,
        minimumNoticeMinutes: 0,
        ...rest,
      });
      const service = await createService(s.services.db, site.id, input);
      return { id: service.id, slug: service.slug };
    },
    async staff(name, timeZone, week, services) {
      const input = staffInput.parse({ name, timeZone, services: services.map((service) => ({ serviceId: service.id })) });
      const staff = await createStaff(s.services.db, site.id, { ...input, hours: weeklyHours(week) });
      return { id: staff.id, name: staff.name };
    },
    book(service, startsAt, options = {}) {
      const input = bookInput.parse({
        serviceId: service.id,
        startsAt,
        ...options,
        customer: {
          name: 'Visitor',
          email: `visitor-${++customerCount}@example.test`,
          timeZone: 'Europe/Berlin',
          ...options.customer,
        },
      });
      return bookAppointment(deps, site, input, now);
    },
    bookRaw(raw) {
      return bookAppointment(deps, site, bookInput.parse(raw), now);
    },
    async rows() {
      return withBooking(s.services.db, site.id, async (tx) => ({
        sessions: await tx.bookingSession.count(),
        appointments: await tx.bookingAppointment.count(),
      }));
    },
  };
}
