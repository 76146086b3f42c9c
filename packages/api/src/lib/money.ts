// Money is exact: an integer count of the currency's minor units (cents for EUR, yen for JPY)
// beside its ISO 4217 code, never a float. Sums are exact integer sums; the one place a fraction
// appears (a share such as a deal's weighted value) rounds half away from zero to the minor unit.
import { z } from 'zod';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const currencyCode = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine((c) => CURRENCIES.has(c), 'Use an ISO 4217 currency code such as EUR or USD');

/** Minor units: a safe integer (floats and strings with decimals are refused, never rounded). */
export const minorUnits = z
  .number()
  .int('Money is a whole number of minor units (cents): 12.50 EUR is 1250')
  .min(-Number.MAX_SAFE_INTEGER)
  .max(Number.MAX_SAFE_INTEGER);

export const money = z.object({ amountMinor: minorUnits, currency: currencyCode });
export type Money = z.infer<typeof money>;

/** How many decimals a currency's minor unit has (EUR 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `amount × numerator / denominator`, rounded half away from zero, exactly (BigInt). */
export function share(amountMinor: bigint, numerator: number, denominator: number): bigint {
  const n = amountMinor * BigInt(numerator);
  const d = BigInt(denominator);
  const half = n >= 0n ? d / 2n : -(d / 2n);
  return (n + half) / d;
}

/** A BigInt from the database as minor units for the API; beyond 2^53 it would lose digits, so it refuses. */
export function toMinorUnits(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`An amount of ${value} minor units is beyond what the API represents exactly`);
  }
  return Number(value);
}

/** Parses "1,234.56" or "1234,56" style text of `currency` into minor units; null when it is not a plain amount. */
export function parseAmount(text: string, currency: string): number | null {
  const t = text.trim().replace(/[\s'_]/g, '');
  if (!/^-?[\d.,]+$/.test(t)) return null;
  // the last separator followed by 1..3 digits at the end is the decimal point, if the currency has decimals
  const digits = minorDigits(currency);
  const m = t.match(/^(-?)([\d.,]*?)(?:[.,](\d{1,3}))?$/);
  if (!m) return null;
  let [, sign = '', whole = '', frac = ''] = m;
  // "1,234" in a currency with cents: a thousands separator, not three decimals
  if (frac.length === 3 && digits < 3) {
    whole = `${whole}${whole ? ',' : ''}${frac}`;
    frac = '';
  }
  if (frac.length > digits) return null;
  if (whole.length > 0 && !/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(whole)) return null;
  const units = BigInt(`${whole.replace(/[.,]/g, '') || '0'}${frac.padEnd(digits, '0')}`);
  const value = sign ? -units : units;
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(value);
}
