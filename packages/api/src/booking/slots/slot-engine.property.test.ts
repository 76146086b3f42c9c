import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AvailabilityInput, checkSlot, listSlots, type SlotQuery, type StaffAvailability } from './slot-engine.ts';
import { bruteForceSlots } from './testing/brute-force.ts';
import { addDays, MINUTE } from './wall-time.ts';

/**
 * The engine against the brute-force reference over random schedules, time zones and dates that
 * sit on or near daylight-saving changes.
 */

// Zones with unusual changes: half-hour DST (Lord_Howe), two hours (Troll), at midnight (Havana,
// Santiago, Asuncion), 45-minute offsets (Chatham, Kathmandu), southern hemisphere, none (UTC).
const trickyZones = [
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Havana',
  'America/Santiago',
  'America/Asuncion',
  'Europe/London',
  'Europe/Berlin',
  'Africa/Casablanca',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Australia/Sydney',
  'Pacific/Chatham',
  'Pacific/Auckland',
  'Antarctica/Troll',
  'UTC',
];
const anyZone = fc.oneof(fc.constantFrom(...trickyZones), fc.constantFrom(...Intl.supportedValuesOf('timeZone')));

/** A change of a zone's clock: its local date and the wall minutes skipped or repeated. */
interface ClockChange {
  date: string;
  /** wall minutes on that date inside, at the edges of and next to the changed stretch */
  minutes: number[];
}

const offsetMinutes = (format: Intl.DateTimeFormat, instant: number) => {
  const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
};

/** The clock changes of a zone in a year, found through Intl (independently of the engine). */
const changesCache = new Map<string, ClockChange[]>();
function clockChanges(timeZone: string, year: number): ClockChange[] {
  const key = `${timeZone} ${year}`;
  let changes = changesCache.get(key);
  if (changes) return changes;
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  changes = [];
  for (let day = 1; day <= 366; day++) {
    let low = Date.UTC(year, 0, day, 12);
    let high = Date.UTC(year, 0, day + 1, 12);
    const before = offsetMinutes(format, low);
    const after = offsetMinutes(format, high);
    if (before === after) continue;
    while (high - low > MINUTE) {
      const middle = low + Math.floor((high - low) / MINUTE / 2) * MINUTE;
      if (offsetMinutes(format, middle) === before) low = middle;
      else high = middle;
    }
    const wall = high + before * MINUTE; // the clock's reading just before it changes
    const date = new Date(wall).toISOString().slice(0, 10);
    const at = Math.round((wall - Date.parse(`${date}T00:00:00Z`)) / MINUTE);
    const [from, to] = after > before ? [at, at + after - before] : [at - (before - after), at];
    const minutes = [from - 15, from, Math.round((from + to) / 2), to - 1, to, to + 15].filter((m) => m >= 0 && m <= 1440);
    changes.push({ date, minutes });
  }
  changesCache.set(key, changes);
  return changes;
}

/**
 * A zone, a first date to show and wall minutes worth using as hours: mostly a date on which the
 * zone's clocks change, with the changed stretch's minutes.
 */
const focus = fc
  .record({
    zone: anyZone,
    year: fc.integer({ min: 2025, max: 2030 }),
    pick: fc.nat(),
    anyDate: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 4, arbitrary: fc.constant(false) }),
  })
  .chain(
    ({
      zone,
      year,
      pick,
      anyDate,
    }): fc.Arbitrary<{ zone: string; from: string; minutes: number[]; changeDate: string | null }> => {
      const changes = clockChanges(zone, year);
      const change = changes[pick % Math.max(1, changes.length)];
      if (!change || anyDate) {
        return fc
          .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
          .map((date) => ({ zone, from: date.toISOString().slice(0, 10), minutes: [120, 150, 180], changeDate: null }));
      }
      return fc
        .integer({ min: -1, max: 0 })
        .map((shift) => ({ zone, from: addDays(change.date, shift), minutes: change.minutes, changeDate: change.date }));
    },
  );

function hoursArbitrary(keyMinutes: number[]) {
  const minuteOfDay = fc.oneof(
    fc.constantFrom(...keyMinutes),
    fc.integer({ min: 0, max: 300 }),
    fc.integer({ min: 0, max: 1440 }),
  );
  const range = fc.oneof(
    {
      weight: 2,
      arbitrary: fc.tuple(minuteOfDay, minuteOfDay).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.oneof(fc.constantFrom(...keyMinutes), fc.integer({ min: 0, max: 600 })), fc.integer({ min: 120, max: 840 }))
        .map(([start, length]) => ({ start, end: Math.min(1440, start + length) })),
    },
  );
  /** 0–2 ranges on each weekday */
  const week = fc
    .array(fc.array(range, { maxLength: 2 }), { minLength: 7, maxLength: 7 })
    .map((days) => days.flatMap((ranges, weekday) => ranges.map((hours) => ({ weekday, ...hours }))));
  return { range, week };
}

function staffArbitrary(
  staffId: string,
  from: string,
  zone: fc.Arbitrary<string>,
  keyMinutes: number[],
  changeDate: string | null,
) {
  const hours = hoursArbitrary(keyMinutes);
  const near = fc.integer({ min: -3, max: 6 }).map((offset) => addDays(from, offset));
  const instantNear = fc
    .integer({ min: -2 * 1440, max: 7 * 1440 })
    .map((minutes) => Date.parse(`${from}T00:00:00Z`) + minutes * MINUTE);
  return fc.record({
    staffId: fc.constant(staffId),
    timeZone: zone,
    schedules: fc.array(
      fc.record({
        validFrom: fc.option(near, { nil: null, freq: 3 }),
        validUntil: fc.option(near, { nil: null, freq: 3 }),
        hours: hours.week,
      }),
      { minLength: 1, maxLength: 2 },
    ),
    overrides: fc
      .tuple(
        fc.uniqueArray(fc.record({ date: near, hours: fc.array(hours.range, { maxLength: 2 }) }), {
          maxLength: 2,
          selector: (override) => override.date,
        }),
        // often: hours on the change date that start or end inside the skipped or repeated stretch
        fc.option(fc.array(hours.range, { minLength: 1, maxLength: 2 }), { nil: null }),
      )
      .map(([overrides, changeDayHours]) =>
        changeDate && changeDayHours
          ? [...overrides.filter((override) => override.date !== changeDate), { date: changeDate, hours: changeDayHours }]
          : overrides,
      ),
    timeOff: fc.array(
      fc
        .tuple(instantNear, fc.integer({ min: 1, max: 600 }))
        .map(([start, minutes]) => ({ start, end: start + minutes * MINUTE })),
      { maxLength: 2 },
    ),
    busy: fc
      .array(
        fc.record({
          start: instantNear,
          minutes: fc.integer({ min: 5, max: 120 }),
          service: fc.constantFrom('service', 'other'),
          bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
          bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
          seatsTaken: fc.integer({ min: 1, max: 3 }),
        }),
        { maxLength: 5 },
      )
      .map((sessions) =>
        sessions.map((session, index) => ({
          sessionId: `${staffId}-${index}`,
          serviceId: session.service,
          start: session.start,
          end: session.start + session.minutes * MINUTE,
          bufferBeforeMinutes: session.bufferBeforeMinutes,
          bufferAfterMinutes: session.bufferAfterMinutes,
          seatsTaken: session.seatsTaken,
        })),
      ),
    durationMinutes: fc.option(fc.integer({ min: 15, max: 120 }), { nil: null }),
  }) satisfies fc.Arbitrary<StaffAvailability>;
}

const scenarioArbitrary = focus.chain(({ zone, from, minutes, changeDate }) =>
  fc.record({
    query: fc.record({
      from: fc.constant(from),
      to: fc.integer({ min: 0, max: 2 }).map((days) => addDays(from, days)),
      timeZone: fc.oneof(fc.constant(zone), anyZone),
    }),
    input: fc.record({
      now: fc.integer({ min: -3 * 1440, max: 1440 }).map((minutes) => Date.parse(`${from}T00:00:00Z`) + minutes * MINUTE),
      service: fc.record({
        serviceId: fc.constant('service'),
        durationMinutes: fc.integer({ min: 15, max: 120 }),
        bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
        bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
        slotIntervalMinutes: fc.constantFrom(5, 10, 15, 20, 30, 45, 60, 90),
        minimumNoticeMinutes: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 2 * 1440 })),
        maximumAdvanceMinutes: fc.integer({ min: 2 * 1440, max: 10 * 1440 }),
        capacity: fc.integer({ min: 1, max: 3 }),
        limitPerDay: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null, freq: 3 }),
        limitPerWeek: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 3 }),
      }),
      staff: fc
        .tuple(
          staffArbitrary('ana', from, fc.constant(zone), minutes, changeDate),
          staffArbitrary('ben', from, anyZone, minutes, null),
          fc.boolean(),
        )
        .map(([ana, ben, withBen]) => (withBen ? [ana, ben] : [ana])),
      holidays: fc.array(
        fc.integer({ min: -2, max: 4 }).map((offset) => addDays(from, offset)),
        { maxLength: 1 },
      ),
      resourceBlocks: fc.array(
        fc.tuple(fc.integer({ min: -1440, max: 4 * 1440 }), fc.integer({ min: 15, max: 240 })).map(([offset, minutes]) => {
          const start = Date.parse(`${from}T00:00:00Z`) + offset * MINUTE;
          return { start, end: start + minutes * MINUTE, sessionId: 'ana-0' };
        }),
        { maxLength: 1 },
      ),
    }) satisfies fc.Arbitrary<AvailabilityInput>,
  }),
);

const flatten = (input: AvailabilityInput, query: SlotQuery) =>
  listSlots(input, query).flatMap((day) =>
    day.slots.map((slot) => ({
      start: slot.start,
      date: day.date,
      localTime: slot.localTime,
      staffIds: slot.staffIds,
      seatsLeft: slot.seatsLeft,
    })),
  );

describe('slot engine against the brute-force reference', () => {
  it('lists exactly the reference slots, in any time zone, across daylight-saving changes', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ input, query }) => {
        expect(flatten(input, query)).toEqual(bruteForceSlots(input, query));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('accepts every slot it lists when booking, and refuses starts it does not list', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 0, max: 3 * 1440 }), ({ input, query }, probeMinutes) => {
        const slots = flatten(input, query);
        for (const slot of slots) {
          expect(checkSlot(input, Date.parse(slot.start), slot.staffIds)).toMatchObject({ ok: true, staffIds: slot.staffIds });
        }
        // a probe inside the visitor's range books only when it is listed
        const days = Math.round((Date.parse(query.to) - Date.parse(query.from)) / (1440 * MINUTE)) + 1;
        const probe = Date.parse(`${query.from}T00:00:00Z`) + (probeMinutes % (days * 1440)) * MINUTE;
        const listed = slots.find((slot) => Date.parse(slot.start) === probe);
        const inRange = listSlots(input, { ...query, from: addDays(query.from, -1), to: addDays(query.to, 1) })
          .flatMap((day) => day.slots)
          .some((slot) => Date.parse(slot.start) === probe);
        if (listed) expect(inRange).toBe(true);
        expect(checkSlot(input, probe).ok).toBe(inRange);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('shows the same instants whatever the visitor’s time zone', () => {
    fc.assert(
      fc.property(scenarioArbitrary, anyZone, ({ input, query }, otherZone) => {
        const wide = { from: addDays(query.from, -1), to: addDays(query.to, 1) };
        const seenElsewhere = new Map(
          listSlots(input, { ...wide, timeZone: otherZone })
            .flatMap((day) => day.slots)
            .map((slot) => [slot.start, slot.staffIds]),
        );
        for (const slot of flatten(input, query)) expect(seenElsewhere.get(slot.start)).toEqual(slot.staffIds);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
