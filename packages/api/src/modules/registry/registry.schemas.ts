import { MODULE_TYPES, moduleId, RESERVED_ID_PREFIXES } from '@dramac/manifest';
import { z } from 'zod';
import { dateTime } from '../../lib/schemas.ts';
import { id } from '../../trpc.ts';

export const MAX_PACKAGE_BYTES = 10 * 1024 * 1024;
const MAX_PACKAGE_BASE64 = Math.ceil(MAX_PACKAGE_BYTES / 3) * 4;

/** The HTTP body of one `modules.uploadVersion` call: the base64 package and its small JSON envelope. */
export const UPLOAD_BODY_BYTES = MAX_PACKAGE_BASE64 + 64 * 1024;

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
    .max(MAX_PACKAGE_BASE64, 'The package is larger than 10 MB')
    .pipe(z.base64('Send the package (.tgz) as base64')),
});

export const versionRef = z.object({ moduleId: id, versionId: id });

export const reviewInput = z
  .object({
    versionId: id,
    approve: z.boolean(),
    notes: z.string().trim().max(5000, 'Use at most 5000 characters').optional(),
  })
  // a rejected publisher needs to know what to fix
  .refine((r) => r.approve || (r.notes ?? '') !== '', {
    path: ['notes'],
    message: 'Tell the publisher what to change: notes are required to reject',
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

/** A module as its publisher sees it: every version, and on how many sites it is installed now. */
export const publisherModuleOutput = moduleOutput.extend({
  versions: z.array(versionOutput),
  activeInstallations: z.number().int(),
});

export const catalogEntryOutput = moduleOutput.extend({ latest: versionOutput });

const reviewedModule = z.object({ id: z.string(), slug: z.string(), name: z.string(), type: z.string() });
/** null for the platform's own modules */
const publisher = z.object({ id: z.string(), name: z.string() }).nullable();

/** A submitted version waiting for review, with what it asks beyond the module's live version. */
export const reviewQueueEntryOutput = z.object({
  versionId: z.string(),
  version: z.string(),
  submittedAt: dateTime(),
  module: reviewedModule,
  publisher,
  permissions: z.array(z.string()),
  /** the live (published or deprecated) version it is compared with; null for a first release */
  previousVersion: z.string().nullable(),
  addedPermissions: z.array(z.string()),
});

export const reviewDetailOutput = z.object({
  version: versionOutput,
  /** while the version waits for review */
  submittedAt: dateTime().nullable(),
  module: reviewedModule,
  publisher,
  reviewedBy: z.object({ name: z.string(), email: z.string() }).nullable(),
  previous: z.object({ id: z.string(), version: z.string(), status: versionStatus, permissions: z.array(z.string()) }).nullable(),
  permissionChanges: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
});

export const reviewerStatusOutput = z.object({
  reviewer: z.boolean(),
  /** submitted versions waiting; 0 for anyone who is not a reviewer */
  waiting: z.number().int(),
});
