// Choices for a site's time zone, currency and locale, labelled for people. The server validates
// against the same Intl data, so anything offered here is accepted.
import type { ComboboxChoice } from '@/components/ui/combobox';

function offsetOf(timeZone: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

export function timeZoneChoices(zones: string[]): ComboboxChoice[] {
  const now = new Date();
  return zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' '), hint: offsetOf(zone, now) }));
}

export function currencyChoices(): ComboboxChoice[] {
  const names = new Intl.DisplayNames(['en'], { type: 'currency' });
  return Intl.supportedValuesOf('currency').map((code) => ({ value: code, hint: names.of(code) }));
}

const commonLocales = [
  'en-US',
  'en-GB',
  'en-AU',
  'en-CA',
  'en-IE',
  'en-IN',
  'en-NZ',
  'en-ZA',
  'de-DE',
  'de-AT',
  'de-CH',
  'fr-FR',
  'fr-BE',
  'fr-CA',
  'fr-CH',
  'es-ES',
  'es-MX',
  'es-AR',
  'it-IT',
  'nl-NL',
  'nl-BE',
  'pt-PT',
  'pt-BR',
  'sv-SE',
  'da-DK',
  'nb-NO',
  'fi-FI',
  'pl-PL',
  'cs-CZ',
  'hu-HU',
  'ro-RO',
  'el-GR',
  'tr-TR',
  'uk-UA',
  'ja-JP',
  'ko-KR',
  'zh-CN',
  'zh-TW',
  'he-IL',
  'ar-AE',
  'hi-IN',
  'th-TH',
  'id-ID',
  'vi-VN',
];

export function localeChoices(): ComboboxChoice[] {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  return commonLocales.map((tag) => ({ value: tag, hint: names.of(tag) }));
}

/** The browser's own settings, when they make a sensible default for a new site. */
export function browserDefaults(zones: Set<string>): { timeZone?: string; locale?: string } {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [locale] = Intl.getCanonicalLocales(navigator.language || 'en-US');
  return { timeZone: zones.has(timeZone) ? timeZone : undefined, locale: locale?.includes('-') ? locale : undefined };
}

/** "Bloom Florists GmbH" → "bloom-florists-gmbh": what the server's slug rule accepts. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}
