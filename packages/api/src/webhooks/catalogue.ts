// The event catalogue: every event type a webhook endpoint can subscribe to, with its payload
// schema, a description and an example: the platform's own (platform-events.ts) and those each
// registered domain declares. The docs (GET /api/v1/webhooks/event-types, /docs/events, the
// dashboard's event picker) and subscription checks are generated from it.
import { z } from 'zod';
import { domainEvents } from '../registry/index.ts';
import { platformEvents } from './platform-events.ts';

export const catalogue = { ...platformEvents, ...domainEvents() } as const;

export type EventType = keyof typeof catalogue;
export const eventTypes = Object.keys(catalogue) as EventType[];

/** The JSON body of every delivery (the Standard Webhooks payload shape). */
export interface WebhookPayload {
  id: string;
  type: string;
  timestamp: string;
  siteId: string | null;
  data: unknown;
}

/** `crm.*` matches `crm.contact.created`; `*` matches everything; otherwise an exact type. */
export function matchesFilter(type: string, filters: string[]): boolean {
  return filters.some((f) => f === '*' || f === type || (f.endsWith('.*') && type.startsWith(f.slice(0, -1))));
}

/** A valid subscription: a known type, `*`, or a prefix wildcard that matches at least one type. */
export const eventFilter = z
  .string()
  .trim()
  .max(100)
  .refine(
    (f) => f === '*' || f in catalogue || (f.endsWith('.*') && eventTypes.some((t) => t.startsWith(f.slice(0, -1)))),
    'Choose an event type from the catalogue, a wildcard such as "site.*", or "*"',
  );
