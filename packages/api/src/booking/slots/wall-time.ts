import { tzOffset } from '@date-fns/tz';

/**
 * Wall-clock time in an IANA time zone. Offsets come from `@date-fns/tz` (the runtime's tz
 * database through Intl); this file only decides what a wall time that does not exist (the
 * skipped hour) or exists twice (the repeated hour) means, once, for the whole booking domain:
 *
 *   the instant of wall time W on a date = the first instant at which the clock reads W or later.
 *
 * So 02:30 on a spring-forward night is the moment the clock jumps (03:00 new time), and 01:30 on
 * a fall-back night is the first 01:30 (summer time). A working window [a, b) is the instants
 * from instantAt(a) to instantAt(b): 09:00–17:00 is always eight hours at the clock's 9 and 5,
 * and 00:00–04:00 on a change night is three or five real hours.
 */

/** A calendar date, `YYYY-MM-DD`, meaningful only together with a time zone. */
export type LocalDate = string;

export const MINUTE = 60_000;
export const DAY = 86_400_000;

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date (no time zone involved: calendar arithmetic only). */
export function dayNumber(date: LocalDate): number {
  const match = localDatePattern.exec(date);
  if (!match) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY;
}

export function dateOfDayNumber(day: number): LocalDate {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(dayNumber(date) * DAY).getUTCDay();
}

/** The Monday that starts the ISO week of a date. */
export function isoWeekStart(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const QUARTER = 15 * MINUTE;
const quarterOffsets = new Map<string, number>();

function exactOffsetMs(timeZone: string, instant: number): number {
  return tzOffset(timeZone, new Date(instant)) * MINUTE;
}

function quarterOffsetMs(timeZone: string, quarter: number): number {
  const key = `${timeZone}|${quarter}`;
  let offset = quarterOffsets.get(key);
  if (offset === undefined) {
    if (quarterOffsets.size > 200_000) quarterOffsets.clear();
    offset = exactOffsetMs(timeZone, quarter * QUARTER);
    quarterOffsets.set(key, offset);
  }
  return offset;
}

/**
 * The zone's UTC offset at an instant. Asking Intl costs microseconds and a slot listing asks
 * thousands of times, so offsets are remembered per quarter hour: where a quarter starts and ends
 * with the same offset (no zone changes twice in 15 minutes) every instant inside has it; only a
 * quarter holding a change is asked about the exact instant.
 */
function offsetMs(timeZone: string, instant: number): number {
  const quarter = Math.floor(instant / QUARTER);
  const offset = quarterOffsetMs(timeZone, quarter);
  return offset === quarterOffsetMs(timeZone, quarter + 1) ? offset : exactOffsetMs(timeZone, instant);
}

/** The wall clock at an instant, as a "naive" timestamp: its UTC fields are the local fields. */
function wallOf(instant: number, timeZone: string): number {
  return instant + offsetMs(timeZone, instant);
}

export function localDateOf(instant: number, timeZone: string): LocalDate {
  return dateOfDayNumber(Math.floor(wallOf(instant, timeZone) / DAY));
}

/** Minutes since local midnight at an instant. */
export function localMinuteOf(instant: number, timeZone: string): number {
  const wall = wallOf(instant, timeZone);
  return Math.floor((wall - Math.floor(wall / DAY) * DAY) / MINUTE);
}

/** `HH:MM` on the wall clock at an instant. */
export function localTimeOf(instant: number, timeZone: string): string {
  const minute = localMinuteOf(instant, timeZone);
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The UTC offset at an instant, `+01:00` / `-04:00`. */
export function utcOffsetOf(instant: number, timeZone: string): string {
  const minutes = Math.round(offsetMs(timeZone, instant) / MINUTE);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The first instant at which the wall clock in `timeZone` reads `minute` minutes after midnight
 * of `date`, or later (see the file comment). `minute` may be 1440: the next midnight.
 */
export function instantAt(date: LocalDate, minute: number, timeZone: string): number {
  const naive = dayNumber(date) * DAY + minute * MINUTE;
  // Offsets before and after any change near this wall time (no zone changes twice in two days).
  const before = offsetMs(timeZone, naive - DAY);
  const after = offsetMs(timeZone, naive + DAY);
  const candidates = [naive - before, naive - after].filter((instant) => wallOf(instant, timeZone) === naive);
  if (candidates.length > 0) return Math.min(...candidates);
  // The wall time falls in a skipped stretch: the answer is the instant of the jump, which lies
  // between the two readings; offsets change on whole minutes.
  const from = Math.min(naive - before, naive - after);
  const to = Math.max(naive - before, naive - after);
  for (let instant = from; instant <= to; instant += MINUTE) {
    if (wallOf(instant, timeZone) > naive) return instant;
  }
  return to;
}
