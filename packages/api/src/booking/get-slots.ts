// The slots a visitor can pick: the booking tables loaded for the range, the slot engine applied.
import type { Db } from '@dramac/db';
import { loadAvailability } from './availability.ts';
import type { SlotsQuery } from './booking.schemas.ts';
import { withBooking } from './setup.service.ts';
import { type DaySlots, listSlots } from './slots/slot-engine.ts';
import { addDays, DAY, instantAt } from './slots/wall-time.ts';

export async function getSlots(db: Db, siteId: string, query: SlotsQuery, now = new Date()): Promise<DaySlots[]> {
  return withBooking(db, siteId, async (tx) => {
    // a day either side: the staff's dates that reach into the visitor's range
    const from = new Date(instantAt(query.from, 0, query.timeZone) - DAY);
    const to = new Date(instantAt(addDays(query.to, 1), 0, query.timeZone) + DAY);
    const loaded = await loadAvailability(tx, siteId, {
      serviceId: query.serviceId,
      staffIds: query.staffId ? [query.staffId] : null,
      from,
      to,
      now,
    });
    return listSlots(loaded.input, query);
  });
}
