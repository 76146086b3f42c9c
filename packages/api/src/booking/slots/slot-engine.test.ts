import { describe, expect, it } from 'vitest';
import { bookingScenario } from './testing/scenario.ts';
import { instantAt, localTimeOf } from './wall-time.ts';

const NY = 'America/New_York';
const week = (from: string, to: string) => ({ from, to, timeZone: NY });

describe('wall time in a zone', () => {
  it('reads a skipped wall time as the moment the clock jumps, a repeated one as its first occurrence', () => {
    // 2026-03-08 02:00 → 03:00 in New York; 2026-11-01 02:00 → 01:00
    expect(new Date(instantAt('2026-03-08', 150, NY)).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(new Date(instantAt('2026-03-08', 180, NY)).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(new Date(instantAt('2026-11-01', 90, NY)).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // Lord Howe moves by half an hour (02:00 → 02:30 in October, 02:00 → 01:30 in April)
    expect(new Date(instantAt('2026-10-04', 135, 'Australia/Lord_Howe')).toISOString()).toBe('2026-10-03T15:30:00.000Z');
    expect(new Date(instantAt('2026-04-05', 105, 'Australia/Lord_Howe')).toISOString()).toBe('2026-04-04T14:45:00.000Z');
  });
});

describe('slot engine: the regressions cal.com users met', () => {
  it('availability from 9:00 America/New_York is still shown from 9:00 in the weeks after the November change', () => {
    const consultant = bookingScenario({ now: '2026-10-20T12:00:00Z', service: { duration: 60, notice: '24h' } }).staff(
      'ana',
      NY,
      { 'mon-fri': '09:00-17:00' },
    );
    const days = consultant.times(week('2026-10-26', '2026-11-27'));
    const hours = ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00'];
    expect(Object.keys(days)).toHaveLength(25);
    for (const [date, times] of Object.entries(days)) expect({ date, times }).toEqual({ date, times: hours });
    // the same slots in UTC move by the hour the clocks moved
    const utc = consultant.slots({ from: '2026-10-30', to: '2026-11-02', timeZone: 'UTC' });
    expect(utc.find((day) => day.date === '2026-10-30')?.slots[0]?.localTime).toBe('13:00');
    expect(utc.find((day) => day.date === '2026-11-02')?.slots[0]?.localTime).toBe('14:00');
  });

  it('a minimum notice that ends on the change day does not offset the rest of the month', () => {
    // 24 h notice from Saturday noon ends on Sunday 2026-11-01, the day New York falls back
    const clinic = bookingScenario({ now: '2026-10-31T16:00:00Z', service: { duration: 30, notice: '24h' } })
      .staff('ana', NY, { daily: '09:00-12:00' })
      .staff('ben', 'Europe/London', { daily: '09:00-12:00' });
    const inNewYork = clinic.times({ from: '2026-11-01', to: '2026-11-30', timeZone: NY });
    // the notice ends at 16:00 UTC, 11:00 on New York's clock that day (EST since 06:00 UTC)
    expect(inNewYork['2026-11-01']).toEqual(['11:00', '11:30']);
    for (let day = 2; day <= 30; day++) {
      const date = `2026-11-${String(day).padStart(2, '0')}`;
      // ben's 09:00–12:00 London is 04:00–07:00 in New York; ana's own hours follow
      expect(inNewYork[date]).toEqual([
        '04:00',
        '04:30',
        '05:00',
        '05:30',
        '06:00',
        '06:30',
        '09:00',
        '09:30',
        '10:00',
        '10:30',
        '11:00',
        '11:30',
      ]);
    }
  });

  it('every slot shown around the March change books, and none is shown inside the skipped hour', () => {
    const night = bookingScenario({ now: '2026-03-01T00:00:00Z', service: { duration: 60 } }).staff('ana', NY, {
      sun: '00:00-06:00',
    });
    const shown = night.slots({ from: '2026-03-08', to: '2026-03-08', timeZone: NY })[0]!.slots;
    // 00:00–06:00 on the change night is five real hours
    expect(shown.map((slot) => slot.localTime)).toEqual(['00:00', '01:00', '03:00', '04:00', '05:00']);
    expect(shown.map((slot) => slot.utcOffset)).toEqual(['-05:00', '-05:00', '-04:00', '-04:00', '-04:00']);
    for (const slot of shown) expect({ at: slot.start, check: night.check(slot.start) }).toMatchObject({ check: { ok: true } });
    // seen from Berlin (already on summer time? not yet: Europe changes on 2026-03-29), the same instants book
    const fromBerlin = night.slots({ from: '2026-03-08', to: '2026-03-08', timeZone: 'Europe/Berlin' })[0]!.slots;
    expect(fromBerlin.map((slot) => slot.start)).toEqual(shown.map((slot) => slot.start));
    expect(fromBerlin.map((slot) => slot.localTime)).toEqual(['06:00', '07:00', '08:00', '09:00', '10:00']);
    for (const slot of fromBerlin) expect(night.check(slot.start, ['ana']).ok).toBe(true);
  });

  it('a visitor who switches time zone back and forth sees the same times each time', () => {
    const salon = bookingScenario({ now: '2026-03-01T00:00:00Z', service: { duration: 45, interval: 15 } })
      .staff('ana', NY, { 'mon-sat': '09:00-13:00,14:00-18:00' })
      .booked('ana', '2026-03-09T14:00:00Z');
    const range = { from: '2026-03-06', to: '2026-03-12' };
    const first = salon.slots({ ...range, timeZone: NY });
    const inKolkata = salon.slots({ ...range, timeZone: 'Asia/Kolkata' });
    const again = salon.slots({ ...range, timeZone: NY });
    const backToKolkata = salon.slots({ ...range, timeZone: 'Asia/Kolkata' });
    expect(again).toEqual(first);
    expect(backToKolkata).toEqual(inKolkata);
    // each Kolkata label is the same instant read on a Kolkata clock
    for (const slot of inKolkata.flatMap((day) => day.slots)) {
      expect(slot.localTime).toBe(localTimeOf(Date.parse(slot.start), 'Asia/Kolkata'));
    }
    // after the change (2026-03-08) New York 09:00 is 18:30 in Kolkata, before it 19:30
    const kolkataSlot = (start: string) => inKolkata.flatMap((day) => day.slots).find((slot) => slot.start === start);
    expect(kolkataSlot('2026-03-06T14:00:00.000Z')?.localTime).toBe('19:30');
    expect(kolkataSlot('2026-03-09T13:00:00.000Z')?.localTime).toBe('18:30');
  });
});

describe('slot engine: availability rules', () => {
  const monday = { from: '2026-06-01', to: '2026-06-01', timeZone: NY };
  const base = () => bookingScenario({ now: '2026-05-01T00:00:00Z', service: { duration: 60 } });

  it('repeats the hour the clocks fall back: 00:00–04:00 is five real hours', () => {
    const night = base().at('2026-10-25T00:00:00Z').staff('ana', NY, { sun: '00:00-04:00' });
    const shown = night.slots({ from: '2026-11-01', to: '2026-11-01', timeZone: NY })[0]!.slots;
    expect(shown.map((slot) => `${slot.localTime}${slot.utcOffset}`)).toEqual([
      '00:00-04:00',
      '01:00-04:00',
      '01:00-05:00',
      '02:00-05:00',
      '03:00-05:00',
    ]);
  });

  it('a date override replaces the weekly hours, an empty one closes the day, a holiday closes it for everyone', () => {
    const salon = base()
      .staff('ana', NY, { 'mon-fri': '09:00-12:00' })
      .override('ana', '2026-06-01', '14:00-16:00')
      .override('ana', '2026-06-02', '')
      .holiday('2026-06-03');
    expect(salon.times({ from: '2026-06-01', to: '2026-06-04', timeZone: NY })).toEqual({
      '2026-06-01': ['14:00', '15:00'],
      '2026-06-04': ['09:00', '10:00', '11:00'],
    });
  });

  it('uses the schedule valid on each date, the newer one where two apply', () => {
    const salon = base()
      .staff('ana', NY, { 'mon-fri': '09:00-11:00' })
      .schedule('ana', { validFrom: '2026-06-02', validUntil: '2026-06-03' }, { 'mon-fri': '15:00-16:00' });
    expect(salon.times({ from: '2026-06-01', to: '2026-06-04', timeZone: NY })).toEqual({
      '2026-06-01': ['09:00', '10:00'],
      '2026-06-02': ['15:00'],
      '2026-06-03': ['15:00'],
      '2026-06-04': ['09:00', '10:00'],
    });
  });

  it('keeps buffers between appointments and time off out of the appointment', () => {
    const salon = bookingScenario({ now: '2026-05-01T00:00:00Z', service: { duration: 60, interval: 30, bufferAfter: 30 } })
      .staff('ana', NY, { mon: '09:00-14:00' })
      .booked('ana', '2026-06-01T14:00:00Z') // 10:00–11:00, blocked until 11:30
      .timeOff('ana', '2026-06-01T17:00:00Z', '2026-06-01T17:30:00Z'); // 13:00–13:30
    // 09:00 would block until 10:30 and overlap the 10:00 appointment; 11:30 is the first after it
    expect(salon.times(monday)).toEqual({ '2026-06-01': ['11:30', '12:00'] });
    expect(salon.check('2026-06-01T13:00:00Z')).toEqual({ ok: false, reason: 'taken' });
    expect(salon.check('2026-06-01T16:30:00Z')).toEqual({ ok: false, reason: 'time-off' });
  });

  it('respects minimum notice and maximum advance', () => {
    const salon = bookingScenario({ now: '2026-06-01T14:00:00Z', service: { duration: 60, notice: '2h', advance: '2d' } }).staff(
      'ana',
      NY,
      { daily: '09:00-13:00' },
    );
    expect(salon.times({ from: '2026-06-01', to: '2026-06-04', timeZone: NY })).toEqual({
      '2026-06-01': ['12:00'],
      '2026-06-02': ['09:00', '10:00', '11:00', '12:00'],
      '2026-06-03': ['09:00', '10:00'],
    });
    expect(salon.check('2026-06-01T15:00:00Z')).toEqual({ ok: false, reason: 'too-soon' });
    expect(salon.check('2026-06-03T16:00:00Z')).toEqual({ ok: false, reason: 'too-far' });
    expect(salon.check('2026-06-01T16:30:00Z')).toEqual({ ok: false, reason: 'not-a-slot' });
  });

  it('fills the seats of a group session before refusing it', () => {
    const yoga = bookingScenario({ now: '2026-05-01T00:00:00Z', service: { duration: 60, capacity: 3 } })
      .staff('ana', NY, { mon: '09:00-11:00' })
      .booked('ana', '2026-06-01T13:00:00Z', { seats: 2 });
    const shown = yoga.slots(monday)[0]!.slots;
    expect(shown.map((slot) => [slot.localTime, slot.seatsLeft])).toEqual([
      ['09:00', 1],
      ['10:00', 3],
    ]);
    expect(yoga.check('2026-06-01T13:00:00Z')).toMatchObject({ ok: true, joins: { ana: 'session-1' } });
    yoga.booked('ana', '2026-06-01T14:00:00Z', { seats: 3 });
    expect(yoga.check('2026-06-01T14:00:00Z')).toEqual({ ok: false, reason: 'full' });
  });

  it('stops new sessions at the day and week limits, per staff member', () => {
    const consult = bookingScenario({ now: '2026-05-01T00:00:00Z', service: { duration: 60, limitPerDay: 1, limitPerWeek: 2 } })
      .staff('ana', NY, { 'mon-fri': '09:00-11:00' })
      .booked('ana', '2026-06-01T13:00:00Z')
      .booked('ana', '2026-06-02T13:00:00Z');
    expect(consult.times({ from: '2026-06-01', to: '2026-06-08', timeZone: NY })).toEqual({
      '2026-06-08': ['09:00', '10:00'],
    });
    expect(consult.check('2026-06-03T13:00:00Z')).toEqual({ ok: false, reason: 'limit-reached' });
  });

  it('offers "any available" staff per slot and refuses a slot whose resource is taken', () => {
    const clinic = base()
      .staff('ana', NY, { mon: '09:00-11:00' })
      .staff('ben', 'America/Chicago', { mon: '08:00-10:00' }) // 09:00–11:00 in New York
      .booked('ben', '2026-06-01T14:00:00Z')
      .resourceBusy('2026-06-01T13:00:00Z', '2026-06-01T13:30:00Z');
    const shown = clinic.slots(monday)[0]!.slots;
    expect(shown.map((slot) => [slot.localTime, slot.staffIds])).toEqual([['10:00', ['ana']]]);
    expect(clinic.check('2026-06-01T14:00:00Z', ['ben'])).toEqual({ ok: false, reason: 'taken' });
    expect(clinic.check('2026-06-01T14:00:00Z', ['nobody'])).toEqual({ ok: false, reason: 'unknown-staff' });
  });
});
