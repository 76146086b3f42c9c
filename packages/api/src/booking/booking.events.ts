// The booking domain's events (webhooks, the event catalogue): one payload shape for every change
// of an appointment, so a subscriber can keep a copy of it from any one event.
import { z } from 'zod';
import { event, eventEmitter } from '../webhooks/events.ts';

export const appointmentPayload = z.object({
  id: z.string(),
  siteId: z.string(),
  serviceId: z.string(),
  staffId: z.string(),
  status: z.enum(['pending', 'confirmed', 'cancelled', 'completed', 'no_show']),
  startsAt: z.string().describe('UTC, ISO 8601'),
  endsAt: z.string().describe('UTC, ISO 8601'),
  staffTimeZone: z.string(),
  customerTimeZone: z.string(),
  customer: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
  rescheduledFromId: z.string().nullable().describe('the appointment this one replaced'),
  cancellation: z.object({ by: z.enum(['customer', 'staff']), reason: z.string().nullable() }).nullable(),
});
export type AppointmentPayload = z.infer<typeof appointmentPayload>;

const example: AppointmentPayload = {
  id: 'cm3appt000example',
  siteId: 'cm3site0000example',
  serviceId: 'cm3svc0000example',
  staffId: 'cm3staff000example',
  status: 'confirmed',
  startsAt: '2026-11-09T14:00:00.000Z',
  endsAt: '2026-11-09T15:00:00.000Z',
  staffTimeZone: 'America/New_York',
  customerTimeZone: 'Europe/Berlin',
  customer: { name: 'Lena Vogel', email: 'lena@example.com', phone: null },
  rescheduledFromId: null,
  cancellation: null,
};
const schema = z.object({ appointment: appointmentPayload });

export const bookingEvents = {
  'booking.appointment.created': event('An appointment was booked (status pending or confirmed).', schema, {
    appointment: example,
  }),
  'booking.appointment.confirmed': event('A pending appointment was confirmed by the staff.', schema, {
    appointment: example,
  }),
  'booking.appointment.rescheduled': event(
    'An appointment moved: this is the new one; rescheduledFromId names the old one, now cancelled.',
    schema,
    { appointment: { ...example, id: 'cm3appt000example2', rescheduledFromId: example.id } },
  ),
  'booking.appointment.cancelled': event('An appointment was cancelled by the customer or the staff.', schema, {
    appointment: { ...example, status: 'cancelled', cancellation: { by: 'customer', reason: 'Feeling unwell' } },
  }),
  'booking.appointment.completed': event('An appointment took place.', schema, {
    appointment: { ...example, status: 'completed' },
  }),
  'booking.appointment.no_show': event('The customer did not come.', schema, {
    appointment: { ...example, status: 'no_show' },
  }),
} as const;

/** Writes a booking event in the caller's transaction (see webhooks/events.ts). */
export const emitBookingEvent = eventEmitter(bookingEvents);
