// The platform's own modules: CRM, booking and accounting. A site installs them like any other
// module (consent, enable/disable, uninstall), but they ship inside the platform: no package, no
// publishing agency, published as soon as the database is prepared. Their data lives in the
// platform's own schemas (crm, booking, accounting), so their manifests declare no tables.
import type { Db } from '@dramac/db';
import { type Manifest, type ManifestInput, manifestSchema } from '@dramac/manifest';
import { newShortId } from '../registry/registry.service.ts';

const PLATFORM = {
  type: 'system',
  publisher: { name: 'Dramac', url: 'https://dramac.dev' },
  license: 'UNLICENSED',
  compatibility: { platform: '>=1.0.0' },
} as const;

export function systemManifest(m: Omit<ManifestInput, keyof typeof PLATFORM>): Manifest {
  return manifestSchema.parse({ ...PLATFORM, ...m });
}

const FIRST_RELEASE = { version: '1.0.0', date: '2026-11-23' } as const;

export const SYSTEM_MODULES = {
  crm: systemManifest({
    id: 'dramac-crm',
    name: 'CRM',
    version: '1.0.0',
    description: 'Contacts, companies and deals for the site, with their activity history.',
    category: 'crm',
    tags: ['contacts', 'sales'],
    changelog: [{ ...FIRST_RELEASE, notes: 'First release.' }],
  }),
  booking: systemManifest({
    id: 'dramac-booking',
    name: 'Booking',
    version: '1.0.0',
    description: 'Services, staff availability and appointments that customers book online.',
    category: 'booking',
    tags: ['appointments', 'calendar'],
    changelog: [{ ...FIRST_RELEASE, notes: 'First release.' }],
  }),
  accounting: systemManifest({
    id: 'dramac-accounting',
    name: 'Accounting',
    version: '1.0.0',
    description: 'Invoices, payments and reports in the site’s currency.',
    category: 'finance',
    tags: ['invoices', 'payments'],
    changelog: [{ ...FIRST_RELEASE, notes: 'First release.' }],
  }),
} as const;

export type SystemModuleKey = keyof typeof SYSTEM_MODULES;

/**
 * Registers every system module (the platform's list and the registered domains' modules) and its
 * current version as published; idempotent, and safe
 * when several processes prepare the database at once. Versions are immutable: a newer platform
 * release adds its version beside the old ones, which installed sites then upgrade to.
 */
export async function registerSystemModules(db: Db, domainModules: readonly Manifest[] = []): Promise<void> {
  const known = new Set(Object.values(SYSTEM_MODULES).map((m) => m.id));
  for (const manifest of [...Object.values(SYSTEM_MODULES), ...domainModules.filter((m) => !known.has(m.id))]) {
    const module = await db.module.upsert({
      where: { slug: manifest.id },
      create: { slug: manifest.id, name: manifest.name, type: 'system', shortId: newShortId(), publisherAgencyId: null },
      update: { name: manifest.name },
    });
    await db.moduleVersion.upsert({
      where: { moduleId_version: { moduleId: module.id, version: manifest.version } },
      create: { moduleId: module.id, version: manifest.version, status: 'published', manifest, packageHash: null },
      update: {},
    });
  }
}
