import { z } from 'zod';
import { dateTime } from '../../lib/schemas.ts';

const timeZones = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));
const currencies = new Set(Intl.supportedValuesOf('currency'));

export const siteFields = z.object({
  name: z.string().trim().min(2, 'Use at least 2 characters').max(100, 'Use at most 100 characters'),
  slug: z
    .string()
    .trim()
    .min(2, 'Use at least 2 characters')
    .max(48, 'Use at most 48 characters')
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes'),
  timeZone: z.string().refine((tz) => timeZones.has(tz), 'Choose a time zone from the list (IANA name)'),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => currencies.has(c), 'Choose an ISO 4217 currency code such as EUR or USD'),
  locale: z.string().refine((l) => {
    try {
      return Intl.getCanonicalLocales(l)[0] === l;
    } catch {
      return false;
    }
  }, 'Use a locale such as en-US or de-DE'),
});

export const createSiteInput = siteFields;
export const updateSiteInput = siteFields.partial();

/** What the dashboard and the REST API show of a site. */
export const siteOutput = z.object({
  id: z.string(),
  agencyId: z.string(),
  name: z.string(),
  slug: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  locale: z.string(),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

export const timeZoneList = [...timeZones].sort();
