// A domain registers itself: the test domain in testing/notes-domain (which production never
// sees) is added to the registry by the one line below, and appears in the router, the OpenAPI
// document, the event catalogue, the scope list, the worker and the tenancy sweep with no other
// edit. Its procedures serve a member's session and a bearer token alike, behind the install gate.
import { vi } from 'vitest';

vi.mock('./domains.ts', async (original) => ({
  domains: [
    ...(await original<typeof import('./domains.ts')>()).domains,
    (await import('../testing/notes-domain/notes.ts')).notesDomain,
  ],
}));

import { createBoss } from '@dramac/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../external/api-tokens/api-tokens.service.ts';
import { scopeSchema, scopes } from '../external/scopes.ts';
import { openApiDocument } from '../http/index.ts';
import { appRouter } from '../router.ts';
import { prepareDatabase } from '../setup.ts';
import { type Scenario, scenario, type TestUser } from '../testing/harness.ts';
import { startTestServer, type TestServer } from '../testing/http-server.ts';
import { ensureNotesTable, notesModule } from '../testing/notes-domain/notes.ts';
import { schemasMissingFromPrisma } from '../testing/prisma-schemas.ts';
import { domainTableRows, tenancySweep } from '../testing/tenancy-sweep.ts';
import { until } from '../testing/until.ts';
import { catalogue, eventFilter, eventTypes } from '../webhooks/catalogue.ts';
import { domainNavigation, workDomainQueues } from './index.ts';

let s: Scenario;
let server: TestServer;
let owner: TestUser;
let site: { id: string };

beforeAll(async () => {
  s = await scenario();
  // what every start does: queues and system modules as the registry (with the test domain) declares them
  await prepareDatabase(s.url);
  await ensureNotesTable(s.services.db);
  server = await startTestServer(s.services);
  owner = await s.user('Nora');
  site = await s.site(owner);
});
afterAll(() => server?.close());

const tokenFor = async (siteId: string, tokenScopes: string[]) =>
  (
    await createApiToken(s.services.db, {
      agencyId: owner.agencyId,
      siteId,
      name: 'notes',
      scopes: scopeSchema.array().parse(tokenScopes),
      expiresInDays: 1,
      createdById: owner.id,
    })
  ).token;

async function rest(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

async function installNotes(siteId: string) {
  const module = await s.services.db.module.findUniqueOrThrow({ where: { slug: notesModule.id } });
  return owner.api.installations.install({ siteId, moduleId: module.id, acceptPermissions: [] });
}

describe('a registered domain', () => {
  it('is in the router, under its key', () => {
    expect(Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('notes.'))).toEqual([
      'notes.list',
      'notes.get',
      'notes.create',
    ]);
  });

  it('is in the OpenAPI document, each route with its scope', async () => {
    const document = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(Object.keys(document.paths['/sites/{siteId}/notes'])).toEqual(['get', 'post']);
    expect(document.paths['/sites/{siteId}/notes'].post.security).toContainEqual({ oauth2: ['notes:write'] });
    expect(document.paths['/sites/{siteId}/notes/{noteId}'].get.security).toContainEqual({ oauth2: ['notes:read'] });
    expect(document.components.securitySchemes.oauth2.flows.authorizationCode.scopes).toMatchObject({
      'notes:read': "Read the site's notes",
    });
    expect(openApiDocument('http://x').paths).toHaveProperty(['/sites/{siteId}/notes/{noteId}']);
  });

  it('adds its events to the catalogue, where endpoints can subscribe to them', () => {
    expect(eventTypes).toContain('notes.note.created');
    // the static types know the production domains only: the test domain is looked up by name
    expect((catalogue as Record<string, { description: string }>)['notes.note.created']?.description).toBe(
      'A note was written on a site.',
    );
    expect(eventFilter.safeParse('notes.*').success).toBe(true);
  });

  it('adds its scopes to the list tokens and apps choose from', async () => {
    expect(scopes).toEqual(expect.arrayContaining(['site:read', 'notes:read', 'notes:write']));
    const offered = await owner.api.apiTokens.scopes({ agencyId: owner.agencyId });
    expect(offered).toContainEqual({ scope: 'notes:write', description: 'Write notes' });
  });

  it('adds its tab to the site navigation', () => {
    expect(domainNavigation()).toContainEqual({ key: 'notes', label: 'Notes', segment: 'notes', moduleSlug: 'dramac-notes' });
  });

  it('is refused to both kinds of caller until the site installs its module', async () => {
    const token = await tokenFor(site.id, ['notes:read', 'notes:write']);
    const byToken = await rest('GET', `/sites/${site.id}/notes`, token);
    expect(byToken).toMatchObject({
      status: 403,
      body: { error: { message: expect.stringContaining('Notes is not installed') } },
    });
    await expect(owner.api.installations.list({ siteId: site.id })).resolves.toEqual([]);
    await expect(
      (owner.api as unknown as { notes: { list(i: object): Promise<unknown> } }).notes.list({ siteId: site.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Notes is not installed') });

    const installation = await installNotes(site.id);
    expect((await rest('GET', `/sites/${site.id}/notes`, token)).status).toBe(200);
    await owner.api.installations.setEnabled({ siteId: site.id, installationId: installation.id, enabled: false });
    expect((await rest('GET', `/sites/${site.id}/notes`, token)).body.error.message).toContain('Notes is disabled');
    await owner.api.installations.setEnabled({ siteId: site.id, installationId: installation.id, enabled: true });
  });

  it('serves one procedure to a session and to a token, each held to its own rule', async () => {
    const notes = (owner.api as unknown as { notes: { create(i: object): Promise<{ id: string }> } }).notes;
    const bySession = await notes.create({ siteId: site.id, body: 'From the dashboard' });
    const readOnly = await tokenFor(site.id, ['notes:read']);
    const listed = await rest('GET', `/sites/${site.id}/notes`, readOnly);
    expect(listed.body.map((n: { id: string }) => n.id)).toContain(bySession.id);
    expect(await rest('POST', `/sites/${site.id}/notes`, readOnly, { body: 'no' })).toMatchObject({
      status: 403,
      body: { error: { message: 'This token lacks the "notes:write" scope' } },
    });
    // a member below the procedure's role is refused like a token without the scope
    const member = await s.user('Milo');
    await s.join(owner, member, 'member');
    await expect(
      (member.api as unknown as typeof owner.api & { notes: typeof notes }).notes.create({ siteId: site.id, body: 'no' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // another site's token does not reach this site
    const elsewhere = await s.site(owner);
    await installNotes(elsewhere.id);
    const otherToken = await tokenFor(elsewhere.id, ['notes:read']);
    expect((await rest('GET', `/sites/${site.id}/notes/${bySession.id}`, otherToken)).status).toBe(404);
  });

  it('has its queue worked by the worker, and its events written to the outbox', async () => {
    const token = await tokenFor(site.id, ['notes:read', 'notes:write']);
    const created = await rest('POST', `/sites/${site.id}/notes`, token, { body: 'Call Mia back' });
    expect(created).toMatchObject({ status: 200, body: { body: 'Call Mia back', indexedAt: null } });
    const event = await s.services.db.event.findFirstOrThrow({
      where: { type: 'notes.note.created', siteId: site.id },
      orderBy: { createdAt: 'desc' },
    });
    expect(event.payload).toEqual({ note: created.body });

    const boss = createBoss(s.url, { worker: true });
    boss.on('error', () => {});
    await boss.start();
    try {
      await workDomainQueues(boss, { db: s.services.db, boss, databaseUrl: s.url }, { pollingIntervalSeconds: 0.5 });
      const indexed = await until('the note indexed by the worker', async () => {
        const note = await rest('GET', `/sites/${site.id}/notes/${created.body.id}`, token);
        return note.body.indexedAt ? note.body : null;
      });
      expect(indexed.id).toBe(created.body.id);
    } finally {
      await boss.stop({ graceful: false });
    }
  });

  it('is checked against main.prisma, which lists the schemas Prisma generates', () => {
    expect(schemasMissingFromPrisma()).toEqual(['notes: notes']);
  });

  it('cannot hide a table from the tenancy sweep: one it cannot attribute to a site fails it', async () => {
    await s.services.db.$executeRawUnsafe('create table notes.attachments (id text primary key, "noteId" text not null)');
    try {
      await expect(domainTableRows(s.services.db, owner.agencyId)).rejects.toThrow('notes.attachments has no "siteId" column');
    } finally {
      await s.services.db.$executeRawUnsafe('drop table notes.attachments');
    }
    // the production domains' tables are read alongside (crm.*)
    expect(Object.keys(await domainTableRows(s.services.db, owner.agencyId))).toContain('notes.notes');
  });
});

describe('in the tenancy sweep', () => {
  tenancySweep((path) => path.startsWith('notes.'));
});
