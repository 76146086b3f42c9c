import { z } from 'zod';
import { dateTime } from '../../lib/schemas.ts';
import { normaliseHostname } from './hostname.ts';

export const verificationMethod = z.enum(['dns_txt', 'html_meta']);
export const domainStatus = z.enum(['pending', 'verified', 'failed', 'expired']);
export const checkOutcome = z.enum(['found', 'missing', 'mismatch', 'timeout', 'refused', 'claimed', 'error']);

/** What a user types, checked and normalised (lowercase, punycode) in one step. */
export const hostnameInput = z
  .string()
  .max(300, 'A domain has at most 253 characters')
  .transform((value, ctx) => {
    const result = normaliseHostname(value);
    if (result.ok) return result.hostname;
    ctx.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  });

export const addDomainFields = z.object({
  hostname: hostnameInput,
  method: verificationMethod.default('dns_txt'),
});

export const domainOutput = z.object({
  id: z.string(),
  siteId: z.string(),
  hostname: z.string().describe('lowercase ASCII (punycode), no scheme, port or path'),
  method: verificationMethod,
  status: domainStatus,
  statusSince: dateTime(),
  verifiedAt: dateTime().nullable(),
  consecutiveFailures: z.number().describe('scheduled checks in a row that found the proof missing'),
  lastCheckedAt: dateTime().nullable(),
  lastOutcome: checkOutcome.nullable(),
  lastDetail: z.string().nullable(),
  nextCheckAt: dateTime().nullable(),
  createdAt: dateTime(),
  origins: z.array(z.string()).describe('the exact origins this domain allows once verified'),
  instructions: z.object({
    dnsTxt: z.object({ name: z.string(), value: z.string() }),
    htmlMeta: z.object({ tag: z.string(), url: z.string() }),
  }),
});

export const checkOutput = z.object({
  id: z.string(),
  checkedAt: dateTime(),
  method: verificationMethod,
  outcome: checkOutcome,
  detail: z.string(),
  manual: z.boolean(),
  statusAfter: domainStatus,
  durationMs: z.number(),
});
