import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  instantAt,
  isoWeekStart,
  type LocalDate,
  localDateOf,
  localTimeOf,
  MINUTE,
  utcOffsetOf,
  weekdayOf,
} from './wall-time.ts';

/**
 * The slot engine: which start times can a visitor book? Pure code (no database, no clock): the
 * service layer loads the rows, passes `now`, and calls `listSlots` to show slots and
 * `checkSlot` (the same rules, for one start) inside the booking transaction, so a slot that was
 * shown is a slot that books.
 *
 * The rules, in the order `checkCandidate` applies them:
 * - Working windows come from the staff member's wall clock in their own time zone (see
 *   wall-time.ts for the skipped and repeated hour): a site holiday closes the date; a date
 *   override replaces the weekly hours (no hours = closed); otherwise the weekly schedule valid on
 *   that date (the one with the latest `validFrom` when several are). Touching or overlapping
 *   windows of one date merge.
 * - Slot starts step by the service's interval from the start of each window; the appointment
 *   (not its buffers) must end inside the window.
 * - Minimum notice and maximum advance are durations from `now`.
 * - Time off blocks the appointment itself.
 * - Buffers: an appointment blocks [start − before, end + after]; a new one's blocked range must
 *   not overlap any existing one's (the same rule the database's exclusion constraint enforces).
 * - Seats: an existing session of the same service, staff member and start with seats left is
 *   joined instead (it ignores its own block and the day/week limits).
 * - Limits count sessions of the service per staff member per local day and ISO week.
 */

export interface HoursRange {
  /** minutes after local midnight, 0–1440 */
  start: number;
  end: number;
}

export interface WeeklyHours extends HoursRange {
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export interface WeeklySchedule {
  /** first date the schedule applies (inclusive), in the staff member's time zone */
  validFrom?: LocalDate | null;
  /** last date the schedule applies (inclusive) */
  validUntil?: LocalDate | null;
  hours: WeeklyHours[];
}

export interface DateOverride {
  date: LocalDate;
  /** replaces the weekly hours of that date; empty closes it */
  hours: HoursRange[];
}

/** A span of real time, UTC milliseconds, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** An appointment (or a group session) already holding a staff member's time. */
export interface BusySession extends Span {
  sessionId: string;
  serviceId: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  seatsTaken: number;
}

export interface StaffAvailability {
  staffId: string;
  timeZone: string;
  schedules: WeeklySchedule[];
  overrides: DateOverride[];
  timeOff: Span[];
  busy: BusySession[];
  /** the staff member's own duration for this service, when it differs */
  durationMinutes?: number | null;
}

/** A block on a resource the service needs (already including the holder's buffers). */
export interface ResourceBlock extends Span {
  sessionId: string;
}

export interface ServiceRules {
  serviceId: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  slotIntervalMinutes: number;
  minimumNoticeMinutes: number;
  maximumAdvanceMinutes: number;
  /** 1, or the seats of a group session */
  capacity: number;
  limitPerDay?: number | null;
  limitPerWeek?: number | null;
}

export interface AvailabilityInput {
  now: number;
  service: ServiceRules;
  staff: StaffAvailability[];
  /** site holidays, each closing that date in every staff member's time zone */
  holidays: LocalDate[];
  /** blocks on every resource the service needs (one unit each) */
  resourceBlocks: ResourceBlock[];
}

export interface SlotQuery {
  /** first and last date shown, in the visitor's time zone */
  from: LocalDate;
  to: LocalDate;
  timeZone: string;
}

export interface Slot {
  /** UTC instants, ISO 8601 */
  start: string;
  end: string;
  /** the start on the visitor's clock */
  localTime: string;
  utcOffset: string;
  /** staff members who can take it (for "any available") */
  staffIds: string[];
  /** seats left: the best of the staff members' */
  seatsLeft: number;
}

export interface DaySlots {
  date: LocalDate;
  slots: Slot[];
}

export type SlotRefusal =
  | 'not-a-slot' // outside working hours or off the slot grid
  | 'too-soon'
  | 'too-far'
  | 'time-off'
  | 'taken'
  | 'full'
  | 'limit-reached'
  | 'unknown-staff';

export type SlotCheck =
  | { ok: true; staffIds: string[]; seatsLeft: number; joins: Record<string, string | undefined> }
  | { ok: false; reason: SlotRefusal };

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function blockOf(session: BusySession): Span {
  return {
    start: session.start - session.bufferBeforeMinutes * MINUTE,
    end: session.end + session.bufferAfterMinutes * MINUTE,
  };
}

function durationFor(input: AvailabilityInput, staff: StaffAvailability): number {
  return (staff.durationMinutes ?? input.service.durationMinutes) * MINUTE;
}

/** The working hours of one local date, before any conversion to instants. */
export function hoursOn(staff: StaffAvailability, holidays: ReadonlySet<LocalDate>, date: LocalDate): HoursRange[] {
  if (holidays.has(date)) return [];
  const override = staff.overrides.find((candidate) => candidate.date === date);
  if (override) return override.hours;
  const day = dayNumber(date);
  let chosen: WeeklySchedule | undefined;
  for (const schedule of staff.schedules) {
    if (schedule.validFrom && dayNumber(schedule.validFrom) > day) continue;
    if (schedule.validUntil && dayNumber(schedule.validUntil) < day) continue;
    if (!chosen || (schedule.validFrom ?? '') > (chosen.validFrom ?? '')) chosen = schedule;
  }
  const weekday = weekdayOf(date);
  return chosen ? chosen.hours.filter((hours) => hours.weekday === weekday) : [];
}

/** The working windows of one local date as real spans, merged, in order. */
export function windowsOn(staff: StaffAvailability, holidays: ReadonlySet<LocalDate>, date: LocalDate): Span[] {
  const spans = hoursOn(staff, holidays, date)
    .map((hours) => ({ start: instantAt(date, hours.start, staff.timeZone), end: instantAt(date, hours.end, staff.timeZone) }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Sessions of the service a staff member holds, per local date and per ISO week (Monday). */
type SessionCounts = { byDate: Map<LocalDate, number>; byWeek: Map<LocalDate, number> };

function countSessions(input: AvailabilityInput, staff: StaffAvailability): SessionCounts {
  const counts: SessionCounts = { byDate: new Map(), byWeek: new Map() };
  for (const session of staff.busy) {
    if (session.serviceId !== input.service.serviceId) continue;
    const date = localDateOf(session.start, staff.timeZone);
    const week = isoWeekStart(date);
    counts.byDate.set(date, (counts.byDate.get(date) ?? 0) + 1);
    counts.byWeek.set(week, (counts.byWeek.get(week) ?? 0) + 1);
  }
  return counts;
}

/** A staff member's sessions by the start of their blocks, for finding the ones near a slot. */
interface BusyIndex {
  blocks: { start: number; end: number; session: BusySession }[];
  longest: number;
}

function indexBusy(staff: StaffAvailability): BusyIndex {
  const blocks = staff.busy.map((session) => ({ ...blockOf(session), session })).sort((a, b) => a.start - b.start);
  return { blocks, longest: blocks.reduce((max, block) => Math.max(max, block.end - block.start), 0) };
}

/** What one listing or check computes once per staff member: session counts (for limits), the busy index. */
function perCall(input: AvailabilityInput) {
  const counts = new Map<StaffAvailability, SessionCounts>();
  const busy = new Map<StaffAvailability, BusyIndex>();
  return {
    counts(staff: StaffAvailability) {
      let found = counts.get(staff);
      if (!found) {
        found = countSessions(input, staff);
        counts.set(staff, found);
      }
      return found;
    },
    busy(staff: StaffAvailability) {
      let found = busy.get(staff);
      if (!found) {
        found = indexBusy(staff);
        busy.set(staff, found);
      }
      return found;
    },
  };
}

/** The sessions whose blocks overlap `block`: those starting before its end and reaching past its start. */
function overlapping(index: BusyIndex, block: Span): BusySession[] {
  let low = 0;
  let high = index.blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (index.blocks[middle]!.start < block.end) low = middle + 1;
    else high = middle;
  }
  const found: BusySession[] = [];
  for (let i = low - 1; i >= 0 && index.blocks[i]!.start > block.start - index.longest; i--) {
    if (index.blocks[i]!.end > block.start) found.push(index.blocks[i]!.session);
  }
  return found;
}

type CandidateResult = { ok: true; seatsLeft: number; joins?: string } | { ok: false; reason: SlotRefusal };

/** Every rule but the grid, for one staff member and one start on `date`'s grid. */
function checkCandidate(
  input: AvailabilityInput,
  prepared: ReturnType<typeof perCall>,
  staff: StaffAvailability,
  start: number,
): CandidateResult {
  const { service, now } = input;
  if (start < now + service.minimumNoticeMinutes * MINUTE) return { ok: false, reason: 'too-soon' };
  if (start > now + service.maximumAdvanceMinutes * MINUTE) return { ok: false, reason: 'too-far' };
  const slot = { start, end: start + durationFor(input, staff) };
  if (staff.timeOff.some((off) => overlaps(off, slot))) return { ok: false, reason: 'time-off' };

  const block = {
    start: slot.start - service.bufferBeforeMinutes * MINUTE,
    end: slot.end + service.bufferAfterMinutes * MINUTE,
  };
  // a joinable session overlaps the slot's own block, so it is among the overlapping ones
  const near = overlapping(prepared.busy(staff), block);
  const joinable = near.find(
    (session) => session.serviceId === service.serviceId && session.start === slot.start && session.end === slot.end,
  );
  if (joinable && joinable.seatsTaken >= service.capacity) return { ok: false, reason: service.capacity > 1 ? 'full' : 'taken' };
  const clash = near.some((session) => session !== joinable);
  if (clash) return { ok: false, reason: 'taken' };
  const resourceClash = input.resourceBlocks.some(
    (resource) => resource.sessionId !== joinable?.sessionId && overlaps(resource, block),
  );
  if (resourceClash) return { ok: false, reason: 'taken' };
  if (joinable) return { ok: true, seatsLeft: service.capacity - joinable.seatsTaken, joins: joinable.sessionId };

  if (service.limitPerDay != null || service.limitPerWeek != null) {
    const counts = prepared.counts(staff);
    const date = localDateOf(slot.start, staff.timeZone);
    if (service.limitPerDay != null && (counts.byDate.get(date) ?? 0) >= service.limitPerDay) {
      return { ok: false, reason: 'limit-reached' };
    }
    if (service.limitPerWeek != null && (counts.byWeek.get(isoWeekStart(date)) ?? 0) >= service.limitPerWeek) {
      return { ok: false, reason: 'limit-reached' };
    }
  }
  return { ok: true, seatsLeft: service.capacity };
}

/** Grid starts of one window whose appointment ends inside it. */
function* gridStarts(window: Span, durationMs: number, intervalMs: number): Generator<number> {
  for (let start = window.start; start + durationMs <= window.end; start += intervalMs) yield start;
}

/** The staff members' local dates whose windows can reach into [from, to). */
function datesCovering(span: Span, timeZone: string): LocalDate[] {
  const first = addDays(localDateOf(span.start, timeZone), -1);
  const last = localDateOf(span.end, timeZone);
  const dates: LocalDate[] = [];
  for (let day = dayNumber(first); day <= dayNumber(last); day++) dates.push(dateOfDayNumber(day));
  return dates;
}

/** Slots for the visitor's dates `from`…`to`, grouped by the visitor's date (empty days kept). */
export function listSlots(input: AvailabilityInput, query: SlotQuery): DaySlots[] {
  const range = {
    start: instantAt(query.from, 0, query.timeZone),
    end: instantAt(addDays(query.to, 1), 0, query.timeZone),
  };
  const holidays = new Set(input.holidays);
  const prepared = perCall(input);
  const byStart = new Map<number, { staffIds: string[]; seatsLeft: number; end: number }>();
  for (const staff of input.staff) {
    const duration = durationFor(input, staff);
    for (const date of datesCovering(range, staff.timeZone)) {
      for (const window of windowsOn(staff, holidays, date)) {
        for (const start of gridStarts(window, duration, input.service.slotIntervalMinutes * MINUTE)) {
          if (start < range.start || start >= range.end) continue;
          const result = checkCandidate(input, prepared, staff, start);
          if (!result.ok) continue;
          const entry = byStart.get(start);
          if (entry) {
            if (!entry.staffIds.includes(staff.staffId)) entry.staffIds.push(staff.staffId);
            entry.seatsLeft = Math.max(entry.seatsLeft, result.seatsLeft);
          } else {
            byStart.set(start, { staffIds: [staff.staffId], seatsLeft: result.seatsLeft, end: start + duration });
          }
        }
      }
    }
  }

  const days = new Map<LocalDate, Slot[]>();
  for (let day = dayNumber(query.from); day <= dayNumber(query.to); day++) {
    days.set(dateOfDayNumber(day), []);
  }
  for (const [start, entry] of [...byStart].sort(([a], [b]) => a - b)) {
    days.get(localDateOf(start, query.timeZone))?.push({
      start: new Date(start).toISOString(),
      end: new Date(entry.end).toISOString(),
      localTime: localTimeOf(start, query.timeZone),
      utcOffset: utcOffsetOf(start, query.timeZone),
      staffIds: entry.staffIds.sort(),
      seatsLeft: entry.seatsLeft,
    });
  }
  return [...days].map(([date, slots]) => ({ date, slots }));
}

/**
 * Can `start` be booked, with one of `staffIds` (all staff when omitted)? The same rules as
 * `listSlots`; the refusal is the most telling one among the staff members asked.
 */
export function checkSlot(input: AvailabilityInput, start: number, staffIds?: readonly string[]): SlotCheck {
  const asked = staffIds ? input.staff.filter((staff) => staffIds.includes(staff.staffId)) : input.staff;
  if (asked.length === 0) return { ok: false, reason: 'unknown-staff' };
  const holidays = new Set(input.holidays);
  const prepared = perCall(input);
  const refusals: SlotRefusal[] = [];
  const accepted: string[] = [];
  const joins: Record<string, string | undefined> = {};
  let seatsLeft = 0;
  for (const staff of asked) {
    const duration = durationFor(input, staff);
    const onGrid = datesCovering({ start, end: start + 1 }, staff.timeZone).some((candidate) =>
      windowsOn(staff, holidays, candidate).some((window) => {
        if (start < window.start || start + duration > window.end) return false;
        return (start - window.start) % (input.service.slotIntervalMinutes * MINUTE) === 0;
      }),
    );
    if (!onGrid) {
      refusals.push('not-a-slot');
      continue;
    }
    const result = checkCandidate(input, prepared, staff, start);
    if (!result.ok) {
      refusals.push(result.reason);
      continue;
    }
    accepted.push(staff.staffId);
    joins[staff.staffId] = result.joins;
    seatsLeft = Math.max(seatsLeft, result.seatsLeft);
  }
  if (accepted.length > 0) return { ok: true, staffIds: accepted.sort(), seatsLeft, joins };
  const order: SlotRefusal[] = ['full', 'taken', 'limit-reached', 'time-off', 'too-soon', 'too-far', 'not-a-slot'];
  return { ok: false, reason: order.find((reason) => refusals.includes(reason)) ?? 'not-a-slot' };
}
