import { z } from 'zod';
import { scopeSchema, scopes } from '../scopes.ts';
import { logoUpload } from './logo.ts';
import { redirectUrisSchema } from './redirect-uris.ts';

const clientTypes = ['confidential', 'public'] as const;

const appFields = {
  name: z.string().trim().min(1, 'Name the app as site admins will see it').max(80, 'Use at most 80 characters'),
  redirectUris: redirectUrisSchema,
  scopes: z
    .array(scopeSchema)
    .min(1, 'Choose at least one scope')
    .max(scopes.length)
    .transform((s) => [...new Set(s)]),
  rateLimitPerMinute: z
    .number()
    .int('Use a whole number')
    .min(1, 'Allow at least 1 request per minute')
    .max(100_000, 'Use at most 100000'),
  /** base64 PNG, JPEG or WebP; null removes the logo */
  logo: logoUpload.nullable(),
};

export const createAppInput = z.object({
  ...appFields,
  clientType: z.enum(clientTypes),
  rateLimitPerMinute: appFields.rateLimitPerMinute.default(600),
  logo: appFields.logo.default(null),
});

export const updateAppInput = z.object({
  name: appFields.name.optional(),
  redirectUris: appFields.redirectUris.optional(),
  scopes: appFields.scopes.optional(),
  rateLimitPerMinute: appFields.rateLimitPerMinute.optional(),
  logo: appFields.logo.optional(),
});

export type CreateAppInput = z.output<typeof createAppInput>;
export type UpdateAppInput = z.output<typeof updateAppInput>;
