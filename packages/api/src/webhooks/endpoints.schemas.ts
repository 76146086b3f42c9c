import { z } from 'zod';
import { dateTime } from '../lib/schemas.ts';
import { eventFilter } from './catalogue.ts';

export const endpointUrl = z
  .string()
  .trim()
  .max(2000, 'Use at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter an http(s) URL such as https://example.com/webhooks' }))
  // zod runs this even after the URL check failed: parse defensively
  .refine((u) => {
    const url = URL.canParse(u) ? new URL(u) : null;
    return !url?.username && !url?.password;
  }, 'Put credentials in a header on your side, not in the URL');

export const endpointFields = z.object({
  url: endpointUrl,
  description: z.string().trim().max(500, 'Use at most 500 characters').default(''),
  eventTypes: z.array(eventFilter).min(1, 'Choose at least one event type (or "*")').max(50),
});

export const updateEndpointFields = z.object({
  url: endpointUrl.optional(),
  description: z.string().trim().max(500).optional(),
  eventTypes: z.array(eventFilter).min(1, 'Choose at least one event type (or "*")').max(50).optional(),
  enabled: z.union([z.literal(true), z.literal(false)]).optional(),
});

export const endpointOutput = z.object({
  id: z.string(),
  siteId: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  failingSince: dateTime().nullable(),
  previousSecretExpiresAt: dateTime().nullable(),
  createdAt: dateTime(),
});

export const deliveryStatus = z.enum(['pending', 'succeeded', 'failed', 'abandoned']);

export const deliveryFilters = z.object({
  endpointId: z.string().max(64).optional(),
  status: deliveryStatus.optional(),
  eventType: z.string().max(100).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const attemptOutput = z.object({
  id: z.string(),
  attempt: z.number(),
  startedAt: dateTime(),
  durationMs: z.number(),
  statusCode: z.number().nullable(),
  responseBody: z.string().nullable(),
  error: z.string().nullable(),
  manual: z.boolean(),
});

export const deliveryOutput = z.object({
  id: z.string(),
  endpointId: z.string(),
  endpointUrl: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: deliveryStatus,
  attemptCount: z.number(),
  lastStatusCode: z.number().nullable(),
  createdAt: dateTime(),
  completedAt: dateTime().nullable(),
  attempts: z.array(attemptOutput),
});
