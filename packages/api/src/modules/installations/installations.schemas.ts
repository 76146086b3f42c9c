import type { Manifest } from '@dramac/manifest';
import { z } from 'zod';
import { id } from '../../trpc.ts';

export const installationStatus = z.enum(['enabled', 'disabled', 'uninstalled']);

export const installInput = z.object({
  moduleId: id,
  /** the latest published version when left out */
  versionId: id.optional(),
  /** the permissions the consent screen showed: exactly the version's requested permissions */
  acceptPermissions: z.array(z.string().max(200)).max(100),
});

export const installationRef = z.object({ installationId: id });

export const configureInput = installationRef.extend({
  settings: z.record(z.string().max(100), z.unknown()),
});

export const setEnabledInput = installationRef.extend({ enabled: z.boolean() });

export const upgradeInput = installationRef.extend({
  versionId: id,
  /** needed when the version asks for permissions not granted yet: all of its permissions */
  acceptPermissions: z.array(z.string().max(200)).max(100).optional(),
});

export const uninstallInput = installationRef.extend({
  /** drop the module's data now instead of after the grace period */
  purgeNow: z.boolean().default(false),
});

/** A setting's value as the dashboard sees it: secrets only say whether they are set. */
const settingValue = z.union([z.string(), z.number(), z.boolean(), z.object({ set: z.boolean() })]);

export const installationOutput = z.object({
  id: z.string(),
  siteId: z.string(),
  moduleId: z.string(),
  module: z.object({ slug: z.string(), name: z.string(), type: z.string() }),
  versionId: z.string(),
  version: z.string(),
  /** the installed version's package (none for a system module, which is part of the platform) */
  packageHash: z.string().nullable(),
  // the installed version's dramac.module.json, checked against the manifest schema at upload
  manifest: z.custom<Manifest>(),
  previousVersionId: z.string().nullable(),
  previousVersion: z.string().nullable(),
  status: installationStatus,
  settings: z.record(z.string(), settingValue),
  grantedPermissions: z.array(z.string()),
  installedBy: z.object({ name: z.string(), email: z.string() }).nullable(),
  uninstalledAt: z.date().nullable(),
  purgeAfter: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** A published version an installation could move up to, with what changes for the site. */
export const availableUpgradeOutput = z.object({
  id: z.string(),
  version: z.string(),
  releasedAt: z.date(),
  /** the entries after the installed version, up to this one, newest first */
  changelog: z.array(z.object({ version: z.string(), date: z.string(), notes: z.string() })),
  permissions: z.array(z.string()),
  /** requested but not granted yet: upgrading needs consent to these */
  newPermissions: z.array(z.string()),
});
