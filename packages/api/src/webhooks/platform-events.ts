// The platform's own events (sites, members, modules, domains, webhooks). Business domains declare
// theirs in their folder; catalogue.ts assembles both.
import { z } from 'zod';
import { event } from './events.ts';

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

const moduleEvent = z.object({
  module: installedModule.shape.module,
  siteId: z.string(),
  /** one of the events the installed version's manifest declares */
  name: z.string(),
  /** checked against the payload schema that manifest declares for `name` */
  payload: z.record(z.string(), z.unknown()),
});
const moduleRender = z.object({
  module: installedModule.shape.module,
  siteId: z.string(),
  entry: z.enum(['widget', 'dashboardPage']),
  surface: z.enum(['dashboard', 'embed']),
});

const siteDomain = z.object({
  id: z.string(),
  siteId: z.string(),
  hostname: z.string(),
  method: z.enum(['dns_txt', 'html_meta']),
  status: z.enum(['pending', 'verified', 'failed', 'expired']),
  verifiedAt: z.string().nullable(),
});
const exampleDomain = {
  id: 'cm3dom0000example',
  siteId: exampleSite.id,
  hostname: 'shop.bloom-florists.com',
  method: 'dns_txt' as const,
  status: 'verified' as const,
  verifiedAt: '2026-11-23T09:30:00.000Z',
};

export const platformEvents = {
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
  'module.event': event('An installed module emitted one of the events its manifest declares.', moduleEvent, {
    ...exampleInstall,
    name: 'form.submitted',
    payload: { submissionId: '0b6f1c8e-6a51-4b8e-9d0c-2f1e5f7a9c3d', email: 'visitor@example.com' },
  }),
  'module.rendered': event(
    "A module's widget or page was shown, in the dashboard or embedded on the site's own pages.",
    moduleRender,
    { ...exampleInstall, entry: 'widget', surface: 'embed' },
  ),
  'domain.verified': event(
    "A site's domain proved its ownership (DNS TXT record or meta tag): its origin is now allowed for the API and embeds.",
    z.object({ domain: siteDomain }),
    { domain: exampleDomain },
  ),
  'domain.failed': event(
    "A verified domain's proof was missing for several checks in a row: its origin is no longer allowed.",
    z.object({ domain: siteDomain, detail: z.string().describe('what the last check found') }),
    {
      domain: { ...exampleDomain, status: 'failed' },
      detail: 'No TXT record at _dramac-verify.shop.bloom-florists.com',
    },
  ),
  'webhook.test': event('Sent by "Send test event" to check an endpoint. Safe to ignore.', z.object({ message: z.string() }), {
    message: 'This is a test event from Dramac.',
  }),
} as const;
