import { MODULE_TYPES, moduleId, RESERVED_ID_PREFIXES } from '@dramac/manifest';
import { z } from 'zod';
import { dateTime } from '../../lib/schemas.ts';
import { id } from '../../trpc.ts';

export const MAX_PACKAGE_BYTES = 10 * 1024 * 1024;

/** The manifest id rules, and the platform's prefixes are not for agencies. */
export const moduleSlug = moduleId.refine(
  (slug) => !RESERVED_ID_PREFIXES.some((prefix) => slug.startsWith(prefix)),
  `Ids starting with ${RESERVED_ID_PREFIXES.join(', ')} are reserved for the platform`,
);

export const createModuleInput = z.object({
  slug: moduleSlug,
  name: z.string().trim().min(1, 'Required').max(64, 'Use at most 64 characters'),
  // `system` modules are the platform's own
  type: z.enum(MODULE_TYPES.filter((t) => t !== 'system') as ['widget', 'app', 'integration']),
});

export const uploadVersionInput = z.object({
  moduleId: id,
  packageBase64: z
    .string()
    .max(Math.ceil(MAX_PACKAGE_BYTES / 3) * 4, 'The package is larger than 10 MB')
    .pipe(z.base64('Send the package (.tgz) as base64')),
});

export const versionRef = z.object({ moduleId: id, versionId: id });

export const reviewInput = z.object({
  versionId: id,
  approve: z.boolean(),
  notes: z.string().trim().max(5000, 'Use at most 5000 characters').optional(),
});

export const versionStatus = z.enum(['draft', 'submitted', 'approved', 'rejected', 'published', 'deprecated', 'yanked']);

export const versionOutput = z.object({
  id: z.string(),
  moduleId: z.string(),
  version: z.string(),
  status: versionStatus,
  // the parsed dramac.module.json (the @dramac/manifest contract)
  manifest: z.unknown(),
  // null for system modules (they ship inside the platform)
  packageHash: z.string().nullable(),
  reviewNotes: z.string().nullable(),
  reviewedAt: dateTime().nullable(),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

export const moduleOutput = z.object({
  id: z.string(),
  shortId: z.string(),
  slug: z.string(),
  name: z.string(),
  type: z.string(),
  // null for system modules
  publisherAgencyId: z.string().nullable(),
  createdAt: dateTime(),
});

export const moduleWithVersionsOutput = moduleOutput.extend({ versions: z.array(versionOutput) });

export const catalogEntryOutput = moduleOutput.extend({ latest: versionOutput });
