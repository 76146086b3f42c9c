// One of each row an agency owns, for tests that walk every procedure (tenancy, bad input), and
// a valid call of each procedure on those rows.
import { buildTgz, widgetFiles, widgetManifest } from '@dramac/manifest/testing';
import { scopes } from '../external/scopes.ts';
import { createCaller, createContext } from '../index.ts';
import type { DomainRouters } from '../registry/index.ts';
import { registeredDomains } from '../registry/index.ts';
import type { Scenario, TestUser } from './harness.ts';
import type { InputAt, Path } from './router-walk.ts';

/** One of each row an agency owns that an input can point at, and a REST caller for its site. */
export interface AgencyRows {
  agencyId: string;
  siteId: string;
  memberId: string;
  invitationId: string;
  tokenId: string;
  endpointId: string;
  deliveryId: string;
  /** a module the agency publishes (1.0.0 published), and a draft version of it (2.0.0) */
  moduleId: string;
  versionId: string;
  /** the module's 1.0.0, installed on `siteId` */
  installationId: string;
  /** a row of that installation's table `notes` */
  rowId: string;
  /** a pending domain of `siteId` */
  domainId: string;
  /** a confidential OAuth app whose client credentials are bound to `siteId`, and that grant */
  appId: string;
  grantId: string;
  /** base64 package of the module's next version, for `modules.uploadVersion` */
  nextPackage: string;
  /** holds an API token with every scope for `siteId` (not `tokenId`, which a case revokes) */
  rest: ReturnType<typeof createCaller>;
  /** the registered domains' rows on `siteId` (their modules installed), by the input key that names each */
  domainIds: Record<string, string>;
}

/** Installs each registered domain's module on the site and creates the rows its definition seeds. */
async function domainRows(s: Scenario, owner: TestUser, siteId: string, n: number) {
  const ids: Record<string, string> = {};
  for (const domain of registeredDomains()) {
    const module = await s.services.db.module.findUniqueOrThrow({ where: { slug: domain.module.id } });
    await owner.api.installations.install({ siteId, moduleId: module.id, acceptPermissions: domain.module.permissions });
    const seeded = await domain.tenancy?.rows({ services: s.services, userId: owner.id, agencyId: owner.agencyId, siteId, n });
    Object.assign(ids, seeded);
  }
  return ids;
}

/** The agency's widget at `version`: it keeps notes in a table of its own (`data:own`). */
const tenantWidget = (slug: string, version: string) =>
  widgetManifest({
    id: slug,
    version,
    permissions: ['site:read', 'data:own'],
    data: { tables: [{ name: 'notes', columns: [{ name: 'body', type: 'text', required: true, maxLength: 500 }] }] },
    changelog: [{ version, date: '2026-01-01', notes: `Release ${version}` }],
  });

/** A new set of rows in `owner`'s agency; `n` keeps slugs and emails unique within a scenario. */
export async function agencyRows(s: Scenario, owner: TestUser, n: number): Promise<AgencyRows> {
  const { db } = s.services;
  const agencyId = owner.agencyId;
  const site = await s.site(owner, `site-${n}`);
  // a colleague who never signs in: no password hashing needed
  const colleague = await db.user.create({
    data: { email: `colleague-${n}@example.test`, name: 'Colleague', passwordHash: '-' },
  });
  const member = await db.membership.create({ data: { agencyId, userId: colleague.id, role: 'member' } });
  const invitation = await owner.api.invitations.create({ agencyId, email: `invitee-${n}@example.test` });
  const restToken = await owner.api.apiTokens.create({ agencyId, siteId: site.id, name: 'rest', scopes: [...scopes] });
  const token = await owner.api.apiTokens.create({ agencyId, siteId: site.id, name: 'ci', scopes: ['site:read'] });
  const endpoint = await owner.api.webhooks.create({ siteId: site.id, url: 'https://hooks.example/in', eventTypes: ['*'] });
  const test = await owner.api.webhooks.sendTest({ siteId: site.id, endpointId: endpoint.id });
  const slug = `tenant-widget-${n}`;
  const module = await owner.api.modules.create({ agencyId, slug, name: 'Tenant widget', type: 'widget' });
  const packageOf = async (version: string) => (await buildTgz(widgetFiles(tenantWidget(slug, version)))).toString('base64');
  const published = await owner.api.modules.uploadVersion({
    agencyId,
    moduleId: module.id,
    packageBase64: await packageOf('1.0.0'),
  });
  // review has its own tests: published directly
  await db.moduleVersion.update({ where: { id: published.id }, data: { status: 'published' } });
  const installation = await owner.api.installations.install({
    siteId: site.id,
    moduleId: module.id,
    acceptPermissions: ['site:read', 'data:own'],
  });
  const rest = createCaller(createContext(s.services, null, { authorization: `Bearer ${restToken.token}` }));
  const row = await rest.installedModules.createRow({
    siteId: site.id,
    installationId: installation.id,
    tableName: 'notes',
    body: 'First',
  });
  const domain = await owner.api.domains.add({ siteId: site.id, hostname: `shop-${n}.example.com` });
  const version = await owner.api.modules.uploadVersion({
    agencyId,
    moduleId: module.id,
    packageBase64: await packageOf('2.0.0'),
  });
  const { app } = await owner.api.oauthApps.create({
    agencyId,
    name: 'Tenant app',
    clientType: 'confidential',
    redirectUris: ['https://app.example/callback'],
    scopes: ['site:read'],
  });
  await owner.api.oauthApps.setCredentialsSite({ agencyId, appId: app.id, siteId: site.id });
  const grant = await db.oAuthGrant.findFirstOrThrow({ where: { appId: app.id } });
  return {
    agencyId,
    siteId: site.id,
    memberId: member.id,
    invitationId: invitation.id,
    tokenId: token.id,
    endpointId: endpoint.id,
    deliveryId: test.deliveryId,
    moduleId: module.id,
    versionId: version.id,
    installationId: installation.id,
    rowId: String(row.id),
    domainId: domain.id,
    appId: app.id,
    grantId: grant.id,
    nextPackage: await packageOf('3.0.0'),
    rest,
    domainIds: await domainRows(s, owner, site.id, n),
  };
}

/** The domains' procedures are called as their definitions say (`tenancy.calls`), not from the table below. */
type PlatformPath = Exclude<Path, `${keyof DomainRouters & string}.${string}`>;

/** The call of `path` that the platform's table or the path's domain gives, on `rows`; undefined when neither has one. */
export function validCall(path: string, rows: AgencyRows): { input: unknown } | undefined {
  if (path in validInput) return { input: validInput[path as PlatformPath](rows) };
  const call = registeredDomains().flatMap((d) => (d.tenancy?.calls[path] ? [d.tenancy.calls[path]] : []))[0];
  return call && { input: call({ ...rows.domainIds, agencyId: rows.agencyId, siteId: rows.siteId }) };
}

/** A valid call for each procedure: what the sweep breaks one field at a time. `sites.delete`
 *  names the wrong slug so that no variant deletes the site the other cases need. */
const validInput: { [P in PlatformPath]: (r: AgencyRows) => InputAt<P> } = {
  'auth.signUp': () => ({ name: 'Sam', email: 'sam@example.test', password: 'long enough', agencyName: 'Sam & Co' }),
  'auth.me': () => undefined,
  'agencies.get': (r) => ({ agencyId: r.agencyId }),
  'agencies.create': () => ({ name: 'Spin-off' }),
  'agencies.update': (r) => ({ agencyId: r.agencyId, name: 'Renamed' }),
  'members.list': (r) => ({ agencyId: r.agencyId }),
  'members.changeRole': (r) => ({ agencyId: r.agencyId, memberId: r.memberId, role: 'admin' }),
  'members.remove': (r) => ({ agencyId: r.agencyId, memberId: r.memberId }),
  'invitations.list': (r) => ({ agencyId: r.agencyId }),
  'invitations.create': (r) => ({ agencyId: r.agencyId, email: 'sweep@example.test', role: 'member' }),
  'invitations.revoke': (r) => ({ agencyId: r.agencyId, invitationId: r.invitationId }),
  'invitations.byToken': () => ({ token: 'inv_unknown-but-well-formed' }),
  'invitations.accept': () => ({ token: 'inv_unknown-but-well-formed' }),
  'invitations.decline': () => ({ token: 'inv_unknown-but-well-formed' }),
  'sites.list': (r) => ({ agencyId: r.agencyId }),
  'sites.get': (r) => ({ siteId: r.siteId }),
  'sites.create': (r) => ({
    agencyId: r.agencyId,
    name: 'Swept',
    slug: 'swept',
    timeZone: 'UTC',
    currency: 'EUR',
    locale: 'en-GB',
  }),
  'sites.update': (r) => ({ siteId: r.siteId, name: 'Still valid' }),
  'sites.delete': (r) => ({ siteId: r.siteId, confirmSlug: 'not-the-slug' }),
  'sites.timeZones': (r) => ({ agencyId: r.agencyId }),
  'email.outbox': (r) => ({ agencyId: r.agencyId, limit: 10 }),
  'apiTokens.list': (r) => ({ agencyId: r.agencyId }),
  'apiTokens.scopes': (r) => ({ agencyId: r.agencyId }),
  'apiTokens.create': (r) => ({
    agencyId: r.agencyId,
    siteId: r.siteId,
    name: 'swept',
    scopes: ['site:read'],
    expiresInDays: 30,
  }),
  'apiTokens.revoke': (r) => ({ agencyId: r.agencyId, tokenId: r.tokenId }),
  'oauthApps.list': (r) => ({ agencyId: r.agencyId }),
  'oauthApps.create': (r) => ({
    agencyId: r.agencyId,
    name: 'Swept app',
    clientType: 'public',
    redirectUris: ['https://app.example/swept'],
    scopes: ['site:read'],
    rateLimitPerMinute: 60,
    logo: null,
  }),
  'oauthApps.update': (r) => ({ agencyId: r.agencyId, appId: r.appId, name: 'Still valid', scopes: ['site:read'] }),
  'oauthApps.rotateSecret': (r) => ({ agencyId: r.agencyId, appId: r.appId }),
  'oauthApps.setCredentialsSite': (r) => ({ agencyId: r.agencyId, appId: r.appId, siteId: r.siteId }),
  'oauthApps.delete': (r) => ({ agencyId: r.agencyId, appId: r.appId }),
  'oauthGrants.list': (r) => ({ agencyId: r.agencyId, siteId: r.siteId }),
  'oauthGrants.revoke': (r) => ({ agencyId: r.agencyId, grantId: r.grantId }),
  'webhooks.catalogue': (r) => ({ siteId: r.siteId }),
  'webhooks.list': (r) => ({ siteId: r.siteId }),
  'webhooks.create': (r) => ({ siteId: r.siteId, url: 'https://hooks.example/in', eventTypes: ['*'] }),
  'webhooks.update': (r) => ({ siteId: r.siteId, endpointId: r.endpointId, description: 'still valid' }),
  'webhooks.delete': (r) => ({ siteId: r.siteId, endpointId: r.endpointId }),
  'webhooks.rotateSecret': (r) => ({ siteId: r.siteId, endpointId: r.endpointId }),
  'webhooks.sendTest': (r) => ({ siteId: r.siteId, endpointId: r.endpointId }),
  'webhooks.deliveries': (r) => ({ siteId: r.siteId, endpointId: r.endpointId, status: 'pending', limit: 10 }),
  'webhooks.redeliver': (r) => ({ siteId: r.siteId, deliveryId: r.deliveryId }),
  'apiTokens.current': () => ({}),
  'modules.list': (r) => ({ agencyId: r.agencyId }),
  'modules.get': (r) => ({ agencyId: r.agencyId, moduleId: r.moduleId }),
  'modules.versions': (r) => ({ agencyId: r.agencyId, moduleId: r.moduleId }),
  'modules.create': (r) => ({ agencyId: r.agencyId, slug: 'swept-module', name: 'Swept', type: 'widget' }),
  'modules.uploadVersion': (r) => ({ agencyId: r.agencyId, moduleId: r.moduleId, packageBase64: r.nextPackage }),
  'modules.submit': (r) => ({ agencyId: r.agencyId, moduleId: r.moduleId, versionId: r.versionId }),
  // `versionId` is a draft: publish, deprecate, yank, install and upgrade answer CONFLICT past the tenant check
  'modules.publish': (r) => ({ agencyId: r.agencyId, moduleId: r.moduleId, versionId: r.versionId }),
  'modules.deprecate': (r) => ({ agencyId: r.agencyId, moduleId: r.moduleId, versionId: r.versionId }),
  'modules.yank': (r) => ({ agencyId: r.agencyId, moduleId: r.moduleId, versionId: r.versionId }),
  'modules.review': (r) => ({ versionId: r.versionId, approve: false, notes: 'Swept' }),
  'modules.reviewQueue': () => undefined,
  'modules.reviewDetail': (r) => ({ versionId: r.versionId }),
  'modules.reviewerStatus': () => undefined,
  'modules.catalog': () => undefined,
  'installations.list': (r) => ({ siteId: r.siteId }),
  'installations.get': (r) => ({ siteId: r.siteId, installationId: r.installationId }),
  'installations.available': (r) => ({ siteId: r.siteId, installationId: r.installationId }),
  'installations.install': (r) => ({
    siteId: r.siteId,
    moduleId: r.moduleId,
    versionId: r.versionId,
    acceptPermissions: ['site:read', 'data:own'],
  }),
  'installations.configure': (r) => ({ siteId: r.siteId, installationId: r.installationId, settings: { greeting: 'Hi' } }),
  'installations.setEnabled': (r) => ({ siteId: r.siteId, installationId: r.installationId, enabled: true }),
  'installations.upgrade': (r) => ({ siteId: r.siteId, installationId: r.installationId, versionId: r.versionId }),
  'installations.rollback': (r) => ({ siteId: r.siteId, installationId: r.installationId }),
  'installations.uninstall': (r) => ({ siteId: r.siteId, installationId: r.installationId }),
  'installations.embedToken': (r) => ({ siteId: r.siteId, installationId: r.installationId, origin: 'https://shop.example' }),
  'installations.purgeData': (r) => ({ siteId: r.siteId, installationId: r.installationId }),
  'domains.list': (r) => ({ siteId: r.siteId }),
  'domains.add': (r) => ({ siteId: r.siteId, hostname: 'swept.example.com', method: 'html_meta' }),
  'domains.verify': (r) => ({ siteId: r.siteId, domainId: r.domainId, method: 'dns_txt' }),
  'domains.remove': (r) => ({ siteId: r.siteId, domainId: r.domainId }),
  'domains.history': (r) => ({ siteId: r.siteId, domainId: r.domainId, limit: 10 }),
  'requestLog.list': (r) => ({ siteId: r.siteId, status: '4xx', method: 'GET', client: r.tokenId, limit: 20 }),
  'requestLog.summary': (r) => ({ siteId: r.siteId }),
  'webhooks.eventTypes': () => ({}),
  'webhooks.get': (r) => ({ siteId: r.siteId, endpointId: r.endpointId }),
  'installedModules.list': (r) => ({ siteId: r.siteId }),
  'installedModules.get': (r) => ({ siteId: r.siteId, installationId: r.installationId }),
  'installedModules.listRows': (r) => ({
    siteId: r.siteId,
    installationId: r.installationId,
    tableName: 'notes',
    order: 'created_at.asc',
    body: 'like.first',
  }),
  'installedModules.createRow': (r) => ({
    siteId: r.siteId,
    installationId: r.installationId,
    tableName: 'notes',
    body: 'Swept',
  }),
  'installedModules.getRow': (r) => ({ siteId: r.siteId, installationId: r.installationId, tableName: 'notes', rowId: r.rowId }),
  'installedModules.updateRow': (r) => ({
    siteId: r.siteId,
    installationId: r.installationId,
    tableName: 'notes',
    rowId: r.rowId,
    body: 'Still valid',
  }),
  'installedModules.deleteRow': (r) => ({
    siteId: r.siteId,
    installationId: r.installationId,
    tableName: 'notes',
    rowId: r.rowId,
  }),
};
