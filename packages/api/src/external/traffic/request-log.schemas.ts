import { z } from 'zod';
import { dateTime } from '../../lib/schemas.ts';

export const statusClasses = ['2xx', '4xx', '429', '5xx'] as const;
export const logMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const clientKinds = ['api_token', 'oauth_app', 'embed', 'anonymous'] as const;

/** HTTP statuses a class covers: [from, to). `429` is the rate limiter's answer alone. */
export const statusRange: Record<(typeof statusClasses)[number], [number, number]> = {
  '2xx': [200, 300],
  '4xx': [400, 500],
  '429': [429, 430],
  '5xx': [500, 600],
};

export const requestLogFilters = z
  .object({
    status: z.enum(statusClasses).optional(),
    method: z.enum(logMethods).optional(),
    /** a route template, exactly as listed (`/api/v1/sites/{siteId}`) */
    route: z.string().trim().min(1).max(200).optional(),
    /** an API token's, OAuth app's or module installation's id */
    client: z.string().trim().min(1).max(64).optional(),
    from: z.date().optional(),
    to: z.date().optional(),
    /** the id of the last row of the previous page */
    cursor: z
      .string()
      .regex(/^\d{1,18}$/, 'Not a cursor from this log')
      .optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { path: ['to'], message: 'The end of the range must be after its start' });

export const requestLogRow = z.object({
  id: z.string(),
  createdAt: dateTime(),
  method: z.string(),
  route: z.string(),
  status: z.number(),
  latencyMs: z.number(),
  clientKind: z.enum(clientKinds),
  clientId: z.string().nullable(),
  /** the token's, app's or module's name, while it exists */
  clientName: z.string().nullable(),
  ip: z.string(),
  userAgent: z.string().nullable(),
  origin: z.string().nullable(),
});

export const requestLogPage = z.object({ items: z.array(requestLogRow), nextCursor: z.string().optional() });

export const requestLogSummary = z.object({
  /** the last 24 hours, oldest first, one bucket per hour (UTC hour boundaries) */
  hours: z.array(
    z.object({ from: dateTime(), ok: z.number(), clientErrors: z.number(), rateLimited: z.number(), serverErrors: z.number() }),
  ),
  /** the routes called in those 24 hours, busiest first */
  routes: z.array(z.object({ route: z.string(), count: z.number() })),
  /** how long rows are kept */
  retentionDays: z.number(),
  /** whom the site's requests can come from: its tokens, connected apps and installed modules */
  clients: z.array(z.object({ kind: z.enum(clientKinds), id: z.string(), name: z.string() })),
});
