import {
  type AvailabilityInput,
  type BusySession,
  checkSlot,
  type DateOverride,
  listSlots,
  type ServiceRules,
  type SlotQuery,
  type StaffAvailability,
  type WeeklyHours,
  type WeeklySchedule,
} from '../slot-engine.ts';
import { instantAt, type LocalDate, MINUTE } from '../wall-time.ts';

/**
 * A small language for slot-engine tests, so a test reads like the situation it checks
 * (after cal.com's bookingScenario):
 *
 *   const salon = bookingScenario({ now: '2026-10-30T12:00:00Z', service: { duration: 60 } })
 *     .staff('ana', 'America/New_York', { 'mon-fri': '09:00-17:00' })
 *     .booked('ana', '2026-11-02T14:00:00Z');
 *   salon.times({ from: '2026-11-02', to: '2026-11-02', timeZone: 'America/New_York' })
 */

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
type Weekday = (typeof weekdays)[number];
/** `mon`, `mon-fri`, `daily`, or several joined by commas: `mon,wed` */
type DaysSpec = string;
/** `09:00-17:00`, several joined by commas: `09:00-12:00,13:00-17:00` */
type HoursSpec = string;

function parseTime(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`scenario: not a time (HH:MM): ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function parseHours(spec: HoursSpec): { start: number; end: number }[] {
  if (spec.trim() === '') return [];
  return spec.split(',').map((range) => {
    const [start, end] = range.split('-');
    if (!start || !end) throw new Error(`scenario: not a range (HH:MM-HH:MM): ${range}`);
    return { start: parseTime(start), end: parseTime(end) };
  });
}

function parseDays(spec: DaysSpec): number[] {
  if (spec === 'daily') return [0, 1, 2, 3, 4, 5, 6];
  return spec.split(',').flatMap((part) => {
    const [from, to] = part.split('-') as [Weekday, Weekday | undefined];
    const first = weekdays.indexOf(from);
    const last = to ? weekdays.indexOf(to) : first;
    if (first < 0 || last < 0) throw new Error(`scenario: not a day range: ${part}`);
    const days: number[] = [];
    for (let day = first; day !== (last + 1) % 7; day = (day + 1) % 7) days.push(day);
    return days;
  });
}

export function weeklyHours(week: Record<DaysSpec, HoursSpec>): WeeklyHours[] {
  return Object.entries(week).flatMap(([days, hours]) =>
    parseDays(days).flatMap((weekday) => parseHours(hours).map((range) => ({ weekday, ...range }))),
  );
}

const minutesIn = (text: string | number): number => {
  if (typeof text === 'number') return text;
  const match = /^(\d+)(m|h|d)$/.exec(text);
  if (!match) throw new Error(`scenario: not a duration (30m, 24h, 90d): ${text}`);
  return Number(match[1]) * { m: 1, h: 60, d: 1440 }[match[2] as 'm' | 'h' | 'd'];
};

export interface ScenarioService {
  duration?: number;
  interval?: number;
  bufferBefore?: number;
  bufferAfter?: number;
  notice?: string | number;
  advance?: string | number;
  capacity?: number;
  limitPerDay?: number;
  limitPerWeek?: number;
}

export class BookingScenario {
  readonly input: AvailabilityInput;
  private sessionCount = 0;

  constructor(now: string, service: ScenarioService = {}) {
    const rules: ServiceRules = {
      serviceId: 'service',
      durationMinutes: service.duration ?? 30,
      bufferBeforeMinutes: service.bufferBefore ?? 0,
      bufferAfterMinutes: service.bufferAfter ?? 0,
      slotIntervalMinutes: service.interval ?? service.duration ?? 30,
      minimumNoticeMinutes: minutesIn(service.notice ?? 0),
      maximumAdvanceMinutes: minutesIn(service.advance ?? '90d'),
      capacity: service.capacity ?? 1,
      limitPerDay: service.limitPerDay ?? null,
      limitPerWeek: service.limitPerWeek ?? null,
    };
    this.input = { now: Date.parse(now), service: rules, staff: [], holidays: [], resourceBlocks: [] };
  }

  private member(staffId: string): StaffAvailability {
    const staff = this.input.staff.find((candidate) => candidate.staffId === staffId);
    if (!staff) throw new Error(`scenario: no staff member ${staffId}`);
    return staff;
  }

  /** A staff member working the given weekly hours in their own time zone. */
  staff(staffId: string, timeZone: string, week: Record<DaysSpec, HoursSpec>): this {
    this.input.staff.push({
      staffId,
      timeZone,
      schedules: [{ hours: weeklyHours(week) }],
      overrides: [],
      timeOff: [],
      busy: [],
    });
    return this;
  }

  /** Another weekly schedule, valid on the given dates (inclusive). */
  schedule(staffId: string, validity: Pick<WeeklySchedule, 'validFrom' | 'validUntil'>, week: Record<DaysSpec, HoursSpec>) {
    this.member(staffId).schedules.push({ ...validity, hours: weeklyHours(week) });
    return this;
  }

  /** Hours for one date instead of the weekly ones; `''` closes the date. */
  override(staffId: string, date: LocalDate, hours: HoursSpec): this {
    const override: DateOverride = { date, hours: parseHours(hours) };
    this.member(staffId).overrides.push(override);
    return this;
  }

  timeOff(staffId: string, from: string, to: string): this {
    this.member(staffId).timeOff.push({ start: Date.parse(from), end: Date.parse(to) });
    return this;
  }

  holiday(date: LocalDate): this {
    this.input.holidays.push(date);
    return this;
  }

  /** An existing appointment (by default of this scenario's service, with its buffers). */
  booked(
    staffId: string,
    start: string,
    options: { serviceId?: string; duration?: number; seats?: number; bufferBefore?: number; bufferAfter?: number } = {},
  ): this {
    const service = this.input.service;
    const startMs = Date.parse(start);
    const session: BusySession = {
      sessionId: `session-${++this.sessionCount}`,
      serviceId: options.serviceId ?? service.serviceId,
      start: startMs,
      end: startMs + (options.duration ?? service.durationMinutes) * MINUTE,
      bufferBeforeMinutes: options.bufferBefore ?? service.bufferBeforeMinutes,
      bufferAfterMinutes: options.bufferAfter ?? service.bufferAfterMinutes,
      seatsTaken: options.seats ?? 1,
    };
    this.member(staffId).busy.push(session);
    return this;
  }

  resourceBusy(from: string, to: string): this {
    this.input.resourceBlocks.push({ start: Date.parse(from), end: Date.parse(to), sessionId: 'elsewhere' });
    return this;
  }

  at(now: string): this {
    this.input.now = Date.parse(now);
    return this;
  }

  slots(query: SlotQuery) {
    return listSlots(this.input, query);
  }

  /** The visitor's clock times per date, days without slots left out: `{ '2026-11-02': ['09:00', …] }`. */
  times(query: SlotQuery): Record<LocalDate, string[]> {
    return Object.fromEntries(
      this.slots(query)
        .filter((day) => day.slots.length > 0)
        .map((day) => [day.date, day.slots.map((slot) => slot.localTime)]),
    );
  }

  check(start: string, staffIds?: string[]) {
    return checkSlot(this.input, Date.parse(start), staffIds);
  }

  /** The instant of a wall time in a zone, as the engine reads it (for readable expectations). */
  static instant(date: LocalDate, time: string, timeZone: string): string {
    return new Date(instantAt(date, parseTime(time), timeZone)).toISOString();
  }
}

export function bookingScenario(options: { now: string; service?: ScenarioService }): BookingScenario {
  return new BookingScenario(options.now, options.service);
}
