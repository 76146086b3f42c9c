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

export const upgradeInput = installationRef.extend({ versionId: id });

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
  previousVersionId: z.string().nullable(),
  status: installationStatus,
  settings: z.record(z.string(), settingValue),
  grantedPermissions: z.array(z.string()),
  uninstalledAt: z.date().nullable(),
  purgeAfter: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
