// The CRM over real HTTP: REST under /api/v1/sites/{siteId}/crm/… with and without each scope,
// the install gate for the dashboard and for tokens, the error shape for bad input, and the
// data kept through an uninstall and a reinstall within the retention period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../external/api-tokens/api-tokens.service.ts';
import { scopeInfo, scopeSchema } from '../external/scopes.ts';
import { type Scenario, scenario, type TestUser } from '../testing/harness.ts';
import { startTestServer, type TestServer } from '../testing/http-server.ts';
import { eventTypes } from '../webhooks/catalogue.ts';
import { crmModule } from './crm.router.ts';

let s: Scenario;
let server: TestServer;
let owner: TestUser;
let site: { id: string };

beforeAll(async () => {
  s = await scenario();
  server = await startTestServer(s.services);
  owner = await s.user('Carla');
  site = await s.site(owner);
});
afterAll(() => server?.close());

const tokenFor = async (siteId: string, tokenScopes: string[]) =>
  (
    await createApiToken(s.services.db, {
      agencyId: owner.agencyId,
      siteId,
      name: 'crm',
      scopes: scopeSchema.array().parse(tokenScopes),
      expiresInDays: 1,
      createdById: owner.id,
    })
  ).token;

async function rest(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1/sites/${site.id}/crm${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

async function install() {
  const module = await s.services.db.module.findUniqueOrThrow({ where: { slug: crmModule.id } });
  return owner.api.installations.install({ siteId: site.id, moduleId: module.id, acceptPermissions: crmModule.permissions });
}

describe('the CRM domain', () => {
  it('declares its scopes with consent wording and its events in the catalogue', () => {
    for (const area of ['contacts', 'companies', 'deals', 'activities']) {
      for (const access of ['read', 'write']) expect(scopeInfo[`crm.${area}:${access}`]?.consent).toMatch(/^See|^Add|^Record/);
    }
    expect(eventTypes).toEqual(
      expect.arrayContaining([
        'crm.contact.created',
        'crm.contact.merged',
        'crm.deal.stage_changed',
        'crm.deal.won',
        'crm.task.completed',
      ]),
    );
  });

  it('is refused to the dashboard and to tokens until the site installs it', async () => {
    const token = await tokenFor(site.id, ['crm.contacts:read']);
    expect(await rest('GET', '/contacts', token)).toMatchObject({
      status: 403,
      body: { error: { message: expect.stringContaining('CRM is not installed') } },
    });
    await expect(owner.api.crm.contacts.list({ siteId: site.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await install();
    expect(await rest('GET', '/contacts', token)).toMatchObject({ status: 200, body: { items: [], total: 0 } });
  });

  it('holds each REST route to its scope', async () => {
    const readOnly = await tokenFor(site.id, ['crm.contacts:read']);
    const writer = await tokenFor(site.id, ['crm.contacts:read', 'crm.contacts:write']);
    expect(await rest('POST', '/contacts', readOnly, { contact: { firstName: 'No' } })).toMatchObject({
      status: 403,
      body: { error: { message: 'This token lacks the "crm.contacts:write" scope' } },
    });
    const created = await rest('POST', '/contacts', writer, { contact: { firstName: 'Rest', emails: ['rest@example.test'] } });
    expect(created).toMatchObject({ status: 200, body: { firstName: 'Rest', email: 'rest@example.test' } });
    expect((await rest('GET', `/contacts/${created.body.id}`, readOnly)).body).toMatchObject({ id: created.body.id });
    // the contacts scopes do not open deals or activities
    expect((await rest('GET', '/deals', writer)).status).toBe(403);
    expect((await rest('GET', `/timeline?entity=contact&recordId=${created.body.id}`, writer)).status).toBe(403);
    const deals = await tokenFor(site.id, ['crm.deals:read', 'crm.deals:write']);
    const deal = await rest('POST', '/deals', deals, {
      deal: { name: 'By REST', amount: { amountMinor: 4999, currency: 'EUR' } },
    });
    expect(deal).toMatchObject({ status: 200, body: { amount: { amountMinor: 4999, currency: 'EUR' }, status: 'open' } });
    const board = await rest('GET', '/board?perStage=5', deals);
    expect(board.body.stages[0]).toMatchObject({ count: 1, total: [{ currency: 'EUR', amountMinor: 4999 }] });
    // and the deals scopes do not open contacts
    expect((await rest('GET', '/contacts', deals)).status).toBe(403);
  });

  it('answers bad input with 400 and the field, never a 500, and stores nothing', async () => {
    const token = await tokenFor(site.id, ['crm.deals:read', 'crm.deals:write']);
    const float = await rest('POST', '/deals', token, {
      deal: { name: 'Float', amount: { amountMinor: 10.5, currency: 'EUR' } },
    });
    expect(float).toMatchObject({
      status: 400,
      body: { error: { fields: { 'deal.amount.amountMinor': expect.stringContaining('minor units') } } },
    });
    const asText = await rest('POST', '/deals', token, {
      deal: { name: 'Text', amount: { amountMinor: '100', currency: 'EUR' } },
    });
    expect(asText.status).toBe(400);
    const filter = await rest(
      'GET',
      `/deals?filter=${encodeURIComponent('[{"field":"amount","op":"contains","value":"x"}]')}`,
      token,
    );
    expect(filter).toMatchObject({
      status: 400,
      body: { error: { message: 'contains works on text fields with a text value' } },
    });
    expect((await rest('GET', '/deals', token)).body.items.map((d: { name: string }) => d.name)).toEqual(['By REST']);
  });

  it('imports a CSV streamed as the body and exports the filtered list, for a token with the scope', async () => {
    const token = await tokenFor(site.id, ['crm.contacts:read', 'crm.contacts:write']);
    const files = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/crm/sites/${site.id}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...init.headers },
      });
    const mapping = encodeURIComponent(JSON.stringify({ Name: 'fullName', Email: 'email' }));
    const csv = ['Name,Email', 'Ida Pfeiffer,ida@travel.test', 'No Mail,not-an-email', ''].join('\n');
    const imported = await files(`/imports?entity=contact&dedupe=skip&mapping=${mapping}&fileName=people.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(imported.status).toBe(200);
    const job = await imported.json();
    expect(job).toMatchObject({ status: 'completed', processedRows: 2, createdRows: 1, rejectedRows: 1, fileName: 'people.csv' });
    expect((await rest('GET', `/imports/${job.id}/rejects`, token)).body).toEqual([
      { line: 3, reason: expect.stringContaining('emails.0'), row: { Name: 'No Mail', Email: 'not-an-email' } },
    ]);
    const readOnly = await tokenFor(site.id, ['crm.contacts:read']);
    const refused = await fetch(`${server.url}/api/crm/sites/${site.id}/imports?entity=contact&dedupe=skip&mapping=${mapping}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${readOnly}` },
      body: csv,
    });
    expect(refused.status).toBe(403);

    const exported = await files(`/export?entity=contact&q=${encodeURIComponent('travel.test')}`);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const text = await exported.text();
    expect(text.trim().split('\n')).toHaveLength(2);
    expect(text).toContain('Ida,Pfeiffer');
    const badFilter = await files(`/export?entity=contact&filter=nope`);
    expect(badFilter.status).toBe(400);
  });

  it('keeps the data through an uninstall and gives it back on reinstall within the retention', async () => {
    const token = await tokenFor(site.id, ['crm.contacts:read']);
    const installation = await s.services.db.moduleInstallation.findFirstOrThrow({ where: { siteId: site.id } });
    await owner.api.installations.uninstall({ siteId: site.id, installationId: installation.id });
    expect((await rest('GET', '/contacts', token)).status).toBe(403);
    await install();
    expect(
      (await rest('GET', '/contacts?sort=firstName', token)).body.items.map((c: { firstName: string }) => c.firstName),
    ).toEqual(['Ida', 'Rest']);
  });
});
