// The event catalogue: every event type a webhook endpoint can subscribe to, with its payload
// schema, a description and an example. Emitting an event validates its payload here, and the
// docs (GET /api/v1/webhooks/events, the dashboard's event picker) are generated from it.
import { z } from 'zod';

const site = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  locale: z.string(),
});
const exampleSite = {
  id: 'cm3site0000example',
  name: 'Bloom Florists',
  slug: 'bloom-florists',
  timeZone: 'Europe/Berlin',
  currency: 'EUR',
  locale: 'de-DE',
};
const member = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: z.enum(['owner', 'admin', 'member']) });
const exampleMember = { userId: 'cm3user0000example', email: 'mia@example.com', name: 'Mia', role: 'member' as const };

const installedModule = z.object({
  module: z.object({ id: z.string(), slug: z.string(), version: z.string() }),
  siteId: z.string(),
});
const exampleInstall = { module: { id: 'cm3mod0000example', slug: 'contact-form', version: '1.2.0' }, siteId: exampleSite.id };

function event<S extends z.ZodType>(description: string, schema: S, example: z.infer<S>) {
  return { description, schema, example };
}

export const catalogue = {
  'site.created': event('A site was created in the agency.', z.object({ site }), { site: exampleSite }),
  'site.updated': event('A site was renamed or its settings changed.', z.object({ site }), { site: exampleSite }),
  'site.deleted': event('A site was deleted with everything in it.', z.object({ site }), { site: exampleSite }),
  'member.joined': event('Someone accepted an invitation and joined the agency.', z.object({ member }), {
    member: exampleMember,
  }),
  'member.role_changed': event(
    "A member's role changed.",
    z.object({ member, previousRole: z.enum(['owner', 'admin', 'member']) }),
    { member: { ...exampleMember, role: 'admin' }, previousRole: 'member' },
  ),
  'member.removed': event('A member left or was removed from the agency.', z.object({ member }), { member: exampleMember }),
  'module.installed': event('A module was installed on a site.', installedModule, exampleInstall),
  'module.configured': event("A module's settings on a site were saved.", installedModule, exampleInstall),
  'module.enabled': event('An installed module was enabled.', installedModule, exampleInstall),
  'module.disabled': event('An installed module was disabled.', installedModule, exampleInstall),
  'module.upgraded': event('An installed module was upgraded to a newer version.', installedModule, exampleInstall),
  'module.rolled_back': event('An installed module went back to its previous version.', installedModule, exampleInstall),
  'module.uninstalled': event('A module was uninstalled from a site.', installedModule, exampleInstall),
  'webhook.test': event('Sent by "Send test event" to check an endpoint. Safe to ignore.', z.object({ message: z.string() }), {
    message: 'This is a test event from Dramac.',
  }),
} as const;

export type EventType = keyof typeof catalogue;
export type EventData<T extends EventType> = z.infer<(typeof catalogue)[T]['schema']>;
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
