// The gateway's test scenario: a real HTTP server over a real database, a publisher whose
// "product catalog" module declares tables, settings and events, sites that install it, and
// callers of /api/modules as a dashboard member or as an embedding page.
import { buildTgz, contactFormManifest, widgetFiles } from '@dramac/manifest/testing';
import pg from 'pg';
import { afterAll } from 'vitest';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';
import { sessionCookie, startTestServer, type TestServer } from '../../testing/http-server.ts';
import { dropModuleData } from '../data/provision.ts';

const tables = [
  {
    name: 'submissions',
    embed: 'insert',
    columns: [
      { name: 'email', type: 'text', required: true, maxLength: 320 },
      { name: 'message', type: 'text', maxLength: 5000 },
    ],
    indexes: [{ columns: ['email'] }],
  },
  {
    name: 'products',
    embed: 'read',
    columns: [
      { name: 'name', type: 'text', required: true, maxLength: 100 },
      { name: 'sku', type: 'text', maxLength: 20 },
      { name: 'qty', type: 'integer' },
      { name: 'price', type: 'decimal' },
      { name: 'active', type: 'boolean' },
      { name: 'launch', type: 'date' },
      { name: 'seen_at', type: 'timestamp' },
      { name: 'meta', type: 'json' },
      { name: 'ref', type: 'uuid' },
    ],
    indexes: [{ columns: ['sku'], unique: true }],
  },
  // no `embed`: dashboard only
  { name: 'notes', columns: [{ name: 'body', type: 'text', required: true }] },
];

export const events = [
  {
    name: 'form.submitted',
    description: 'A visitor sent the form',
    payload: {
      type: 'object',
      properties: {
        submissionId: { type: 'string', format: 'uuid' },
        email: { type: 'string', format: 'email' },
        rating: { type: 'integer' },
        channel: { type: 'string', enum: ['web', 'phone'] },
      },
      required: ['submissionId'],
    },
  },
];

/** The catalog module's manifest at `version`; `overrides` replace whole fields. */
function catalogManifest(slug: string, version = '1.0.0', overrides: Record<string, unknown> = {}) {
  return contactFormManifest({
    id: slug,
    version,
    compatibility: { platform: '^1.0.0' },
    permissions: ['data:own'],
    settings: [
      { key: 'title', label: 'Title', type: 'text', default: 'Our products' },
      { key: 'accent', label: 'Accent', type: 'color' },
      { key: 'apiKey', label: 'API key', type: 'secret' },
    ],
    entryPoints: { widget: { path: 'dist/widget.html' }, dashboardPage: { path: 'dist/widget.html', title: 'Catalog' } },
    data: { tables },
    events,
    embed: { allowed: true },
    changelog: [{ version, date: '2026-01-01', notes: `Release ${version}` }],
    ...overrides,
  });
}

import type { JsonAnswer as Answer } from '../../testing/http-server.ts';

export type { Answer };

/** A gateway caller: `call('GET', 'data/products?limit=2')`, relative to /api/modules/{moduleId}/. */
export type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

export interface GatewayScenario {
  s: Scenario;
  server: TestServer;
  publisher: TestUser;
  /** publishes a new module (1.0.0 unless `version`) and returns its id and short id */
  publish(overrides?: Record<string, unknown>, version?: string): Promise<{ id: string; shortId: string; slug: string }>;
  /** publishes another version of `moduleId` */
  publishVersion(moduleId: string, slug: string, version: string, overrides?: Record<string, unknown>): Promise<{ id: string }>;
  /** installs `moduleId` on a new site of `owner`, consenting to what it requests */
  install(owner: TestUser, moduleId: string, permissions?: string[]): Promise<{ siteId: string; installationId: string }>;
  /** `user`'s dashboard session, for `siteId`, calling `moduleId` */
  asMember(user: TestUser, siteId: string, moduleId: string): Call;
  /** a page on `origin` holding `token`, calling `moduleId` */
  asEmbed(token: string, origin: string, moduleId: string): Call;
  /** a caller with exactly these headers */
  raw(moduleId: string, headers: Record<string, string>): Call;
}

export async function gatewayScenario(): Promise<GatewayScenario> {
  const s = await scenario();
  const server = await startTestServer(s.services);
  const publisher = await s.user('Pia');
  await s.services.db.user.update({ where: { id: publisher.id }, data: { isPlatformAdmin: true } });
  // module roles belong to the whole cluster, shared by every test file: dropped when this file ends
  const shortIds: string[] = [];
  afterAll(async () => {
    await server.close();
    const client = new pg.Client({ connectionString: s.url });
    await client.connect();
    for (const shortId of shortIds) await dropModuleData(client, shortId);
    await client.end();
  });
  let n = 0;

  const publishVersion: GatewayScenario['publishVersion'] = async (moduleId, slug, version, overrides = {}) => {
    const agencyId = publisher.agencyId;
    const tgz = await buildTgz(widgetFiles(catalogManifest(slug, version, overrides)));
    const v = await publisher.api.modules.uploadVersion({ agencyId, moduleId, packageBase64: tgz.toString('base64') });
    const ref = { agencyId, moduleId, versionId: v.id };
    await publisher.api.modules.submit(ref);
    await publisher.api.modules.review({ versionId: v.id, approve: true, notes: 'ok' });
    await publisher.api.modules.publish(ref);
    return { id: v.id };
  };

  const call =
    (moduleId: string, headers: () => Promise<Record<string, string>>): Call =>
    async (method, path, body, extra = {}) => {
      const res = await fetch(`${server.url}/api/modules/${moduleId}/${path}`, {
        method,
        headers: {
          ...(await headers()),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...extra,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    };

  return {
    s,
    server,
    publisher,
    async publish(overrides = {}, version = '1.0.0') {
      n += 1;
      const slug = `catalog-${n}`;
      const type = (overrides.type as 'app' | 'widget' | undefined) ?? 'app';
      const module = await publisher.api.modules.create({ agencyId: publisher.agencyId, slug, name: 'Catalog', type });
      shortIds.push(module.shortId);
      await publishVersion(module.id, slug, version, overrides);
      return { id: module.id, shortId: module.shortId, slug };
    },
    publishVersion,
    async install(owner, moduleId, permissions = ['data:own']) {
      const site = await s.site(owner);
      const inst = await owner.api.installations.install({ siteId: site.id, moduleId, acceptPermissions: permissions });
      return { siteId: site.id, installationId: inst.id };
    },
    asMember: (user, siteId, moduleId) =>
      call(moduleId, async () => ({
        cookie: await sessionCookie(s.services.db, user),
        'x-dramac-site': siteId,
        'x-dramac-request': '1',
      })),
    asEmbed: (token, origin, moduleId) => call(moduleId, async () => ({ authorization: `Bearer ${token}`, origin })),
    raw: (moduleId, headers) => call(moduleId, async () => headers),
  };
}
