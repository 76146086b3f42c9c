// Phone numbers are stored in E.164 (+4930901820). Numbers typed without a country code are read
// in the site's country (its locale's region: de-DE → DE).
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

export function siteCountry(locale: string): CountryCode | undefined {
  const region = new Intl.Locale(locale).maximize().region;
  return region as CountryCode | undefined;
}

/** E.164, or null when `raw` is not a possible phone number. */
export function toE164(raw: string, locale: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), siteCountry(locale));
  return parsed?.isValid() ? parsed.number : null;
}

export const PHONE_HINT =
  'Enter a valid phone number, with its country code (+49 30 901820) when it is not in the site’s country';
