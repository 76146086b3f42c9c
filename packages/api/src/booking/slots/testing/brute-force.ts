import type { AvailabilityInput, BusySession, HoursRange, SlotQuery, StaffAvailability } from '../slot-engine.ts';

/**
 * The slot rules again, the slow and obvious way, to test the engine against: the wall clock is
 * read minute by minute through Intl (not @date-fns/tz), a wall time's instant is found by
 * scanning for the first minute whose clock reads it or later, and every overlap is checked
 * minute by minute. Only for tests: it is thousands of times slower than the engine.
 */

const MINUTE = 60_000;
const DAY_MINUTES = 1440;

class MinuteClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly cache = new Map<number, number>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  }

  private readIntl(minute: number): number {
    const parts = Object.fromEntries(this.format.formatToParts(minute * MINUTE).map((part) => [part.type, part.value]));
    return (
      Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute)) / MINUTE
    );
  }

  private readonly quarterOffsets = new Map<number, number>();

  private offsetAtQuarter(quarter: number): number {
    let offset = this.quarterOffsets.get(quarter);
    if (offset === undefined) {
      offset = this.readIntl(quarter * 15) - quarter * 15;
      this.quarterOffsets.set(quarter, offset);
    }
    return offset;
  }

  /**
   * The wall clock at a whole UTC minute, as minutes since 1970-01-01 00:00 on that clock. Intl
   * is asked at every quarter hour; where the offset is the same at both ends of a quarter (no
   * zone changes twice in 15 minutes) every minute between has it, otherwise each minute is asked.
   */
  wall(minute: number): number {
    const quarter = Math.floor(minute / 15);
    const offset = this.offsetAtQuarter(quarter);
    if (offset === this.offsetAtQuarter(quarter + 1)) return minute + offset;
    let wall = this.cache.get(minute);
    if (wall === undefined) {
      wall = this.readIntl(minute);
      this.cache.set(minute, wall);
    }
    return wall;
  }

  /** The first UTC minute whose wall clock reads `wallMinute` or later. */
  instant(wallMinute: number): number {
    // no zone is more than 15 hours from UTC, so the clock reads earlier than this at the start
    for (let minute = wallMinute - 15 * 60; ; minute++) if (this.wall(minute) >= wallMinute) return minute;
  }

  date(minute: number): number {
    return Math.floor(this.wall(minute) / DAY_MINUTES);
  }
}

const clocks = new Map<string, MinuteClock>();
const clockOf = (timeZone: string) => {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new MinuteClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
};

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / (DAY_MINUTES * MINUTE);
const dateOf = (day: number) => new Date(day * DAY_MINUTES * MINUTE).toISOString().slice(0, 10);
const hhmm = (wall: number) => {
  const minute = ((wall % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
};

function hoursOf(staff: StaffAvailability, holidays: string[], day: number): HoursRange[] {
  const date = dateOf(day);
  if (holidays.includes(date)) return [];
  const override = staff.overrides.find((candidate) => candidate.date === date);
  if (override) return override.hours;
  const valid = staff.schedules.filter(
    (schedule) => (!schedule.validFrom || schedule.validFrom <= date) && (!schedule.validUntil || schedule.validUntil >= date),
  );
  const newest = valid.reduce<(typeof valid)[number] | undefined>(
    (best, schedule) => (!best || (schedule.validFrom ?? '') > (best.validFrom ?? '') ? schedule : best),
    undefined,
  );
  const weekday = new Date(day * DAY_MINUTES * MINUTE).getUTCDay();
  return newest ? newest.hours.filter((hours) => hours.weekday === weekday) : [];
}

/** Windows in UTC minutes: each range's ends through the minute scan, then merged. */
function windowsOf(staff: StaffAvailability, holidays: string[], day: number) {
  const clock = clockOf(staff.timeZone);
  const spans = hoursOf(staff, holidays, day)
    .map((hours) => ({
      start: clock.instant(day * DAY_MINUTES + hours.start),
      end: clock.instant(day * DAY_MINUTES + hours.end),
    }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

const minutesOf = (start: number, end: number) => Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);

export interface ReferenceSlot {
  start: string;
  date: string;
  localTime: string;
  staffIds: string[];
  seatsLeft: number;
}

export function bruteForceSlots(input: AvailabilityInput, query: SlotQuery): ReferenceSlot[] {
  const { service } = input;
  const visitor = clockOf(query.timeZone);
  const rangeStart = visitor.instant(dayOf(query.from) * DAY_MINUTES);
  const rangeEnd = visitor.instant((dayOf(query.to) + 1) * DAY_MINUTES);
  const now = input.now / MINUTE;
  const found = new Map<number, ReferenceSlot>();

  for (const staff of input.staff) {
    const clock = clockOf(staff.timeZone);
    const duration = staff.durationMinutes ?? service.durationMinutes;
    const sessionDay = (session: BusySession) => clock.date(session.start / MINUTE);
    const sessionsOfService = staff.busy.filter((session) => session.serviceId === service.serviceId);
    for (let day = dayOf(query.from) - 3; day <= dayOf(query.to) + 3; day++) {
      for (const window of windowsOf(staff, input.holidays, day)) {
        for (let start = window.start; start + duration <= window.end; start += service.slotIntervalMinutes) {
          if (start < rangeStart || start >= rangeEnd) continue;
          if (start < now + service.minimumNoticeMinutes || start > now + service.maximumAdvanceMinutes) continue;
          const appointment = minutesOf(start, start + duration);
          if (appointment.some((m) => staff.timeOff.some((off) => off.start / MINUTE <= m && m < off.end / MINUTE))) continue;
          const joinable = staff.busy.find(
            (session) =>
              session.serviceId === service.serviceId &&
              session.start / MINUTE === start &&
              session.end / MINUTE === start + duration,
          );
          if (joinable && joinable.seatsTaken >= service.capacity) continue;
          const blocked = minutesOf(start - service.bufferBeforeMinutes, start + duration + service.bufferAfterMinutes);
          const clash = staff.busy.some((session) => {
            if (session === joinable) return false;
            const from = session.start / MINUTE - session.bufferBeforeMinutes;
            const to = session.end / MINUTE + session.bufferAfterMinutes;
            return blocked.some((m) => from <= m && m < to);
          });
          if (clash) continue;
          const resourceClash = input.resourceBlocks.some(
            (block) =>
              block.sessionId !== joinable?.sessionId && blocked.some((m) => block.start / MINUTE <= m && m < block.end / MINUTE),
          );
          if (resourceClash) continue;
          if (!joinable) {
            const slotDay = clock.date(start);
            const monday = (d: number) => d - ((new Date(d * DAY_MINUTES * MINUTE).getUTCDay() + 6) % 7);
            const sameDay = sessionsOfService.filter((session) => sessionDay(session) === slotDay).length;
            const sameWeek = sessionsOfService.filter((session) => monday(sessionDay(session)) === monday(slotDay)).length;
            if (service.limitPerDay != null && sameDay >= service.limitPerDay) continue;
            if (service.limitPerWeek != null && sameWeek >= service.limitPerWeek) continue;
          }
          const seatsLeft = service.capacity - (joinable?.seatsTaken ?? 0);
          const existing = found.get(start);
          if (existing) {
            if (!existing.staffIds.includes(staff.staffId)) existing.staffIds.push(staff.staffId);
            existing.seatsLeft = Math.max(existing.seatsLeft, seatsLeft);
          } else {
            found.set(start, {
              start: new Date(start * MINUTE).toISOString(),
              date: dateOf(visitor.date(start)),
              localTime: hhmm(visitor.wall(start)),
              staffIds: [staff.staffId],
              seatsLeft,
            });
          }
        }
      }
    }
  }
  return [...found.values()]
    .map((slot) => ({ ...slot, staffIds: slot.staffIds.sort() }))
    .sort((a, b) => a.start.localeCompare(b.start));
}
