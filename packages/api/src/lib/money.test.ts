import { describe, expect, it } from 'vitest';
import { minorDigits, money, parseAmount, share, toMinorUnits } from './money.ts';

describe('money', () => {
  it('is whole minor units with an ISO 4217 currency', () => {
    expect(money.parse({ amountMinor: 1250, currency: 'eur' })).toEqual({ amountMinor: 1250, currency: 'EUR' });
    expect(money.safeParse({ amountMinor: 12.5, currency: 'EUR' }).success).toBe(false);
    expect(money.safeParse({ amountMinor: 1, currency: 'EURO' }).success).toBe(false);
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('rounds a share half away from zero, exactly', () => {
    expect(share(1002n, 25, 100)).toBe(251n);
    expect(share(1001n, 25, 100)).toBe(250n);
    expect(share(-1002n, 25, 100)).toBe(-251n);
    expect(share(9_007_199_254_740_991n, 99, 100)).toBe(8_917_127_262_193_581n);
    expect(() => toMinorUnits(9_007_199_254_740_992n)).toThrow(RangeError);
  });

  it('reads amounts as people type them', () => {
    expect(parseAmount('1,234.56', 'EUR')).toBe(123456);
    expect(parseAmount('1.234,56', 'EUR')).toBe(123456);
    expect(parseAmount('1,234', 'EUR')).toBe(123400);
    expect(parseAmount('12.5', 'EUR')).toBe(1250);
    expect(parseAmount('-3', 'EUR')).toBe(-300);
    expect(parseAmount('1500', 'JPY')).toBe(1500);
    expect(parseAmount('12.345', 'KWD')).toBe(12345);
    expect(parseAmount('12.345', 'EUR')).toBe(1234500);
    expect(parseAmount('1.2.3', 'EUR')).toBeNull();
    expect(parseAmount('lots', 'EUR')).toBeNull();
  });
});
