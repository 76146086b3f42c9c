// Webhook endpoints over the REST API (/api/v1) with API tokens: scopes, tenancy, strict bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationDetails } from '../errors.ts';
import { createApiToken } from '../external/api-tokens/api-tokens.service.ts';
import { type Scenario, scenario, type TestUser } from '../testing/harness.ts';
import { startTestServer, type TestServer } from '../testing/http-server.ts';

let s: Scenario;
let server: TestServer;
let owner: TestUser;
let site: { id: string };
let otherSite: { id: string };
const tokens: Record<string, string> = {};

beforeAll(async () => {
  s = await scenario();
  server = await startTestServer(s.services);
  owner = await s.user('Olivia');
  site = await s.site(owner);
  otherSite = await s.site(await s.user('Oscar'));
  const make = async (siteId: string, scopes: ('site:read' | 'webhooks:read' | 'webhooks:write')[]) =>
    (
      await createApiToken(s.services.db, {
        agencyId: owner.agencyId,
        siteId,
        name: 't',
        scopes,
        expiresInDays: 1,
        createdById: owner.id,
      })
    ).token;
  tokens.write = await make(site.id, ['webhooks:read', 'webhooks:write']);
  tokens.read = await make(site.id, ['webhooks:read']);
  tokens.siteOnly = await make(site.id, ['site:read']);
});
afterAll(() => server.close());

async function api(method: string, path: string, token: string | undefined, body?: unknown, contentType = 'application/json') {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': contentType } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const endpointBody = { url: 'https://hooks.example.com/dramac', description: 'CRM sync', eventTypes: ['site.*'] };

describe('webhooks over REST', () => {
  it('creates an endpoint and shows its secret only once', async () => {
    const created = await api('POST', `/sites/${site.id}/webhooks`, tokens.write, endpointBody);
    expect(created.status).toBe(200);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(created.body).toMatchObject({ url: endpointBody.url, eventTypes: ['site.*'], enabled: true });
    const listed = await api('GET', `/sites/${site.id}/webhooks`, tokens.read);
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0].secret).toBeUndefined();
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    // stored encrypted, never in clear
    const row = await s.services.db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.secretEncrypted).not.toContain(created.body.secret.slice(6));
  });

  it('enforces scopes: read cannot write, site:read sees no webhooks, no token is 401', async () => {
    expect((await api('POST', `/sites/${site.id}/webhooks`, tokens.read, endpointBody)).status).toBe(403);
    expect((await api('GET', `/sites/${site.id}/webhooks`, tokens.siteOnly)).status).toBe(403);
    expect((await api('GET', `/sites/${site.id}/webhooks`, undefined)).status).toBe(401);
    expect((await api('GET', `/sites/${site.id}/webhooks`, 'dra_forgedforgedforgedforgedforged')).status).toBe(401);
  });

  it("answers 404 for another site's endpoints and deliveries", async () => {
    const theirs = await s.services.db.webhookEndpoint.create({
      data: { agencyId: 'x', siteId: otherSite.id, url: 'https://x.example', eventTypes: ['*'], secretEncrypted: 'v1.a.b.c' },
    });
    expect((await api('GET', `/sites/${otherSite.id}/webhooks`, tokens.read)).status).toBe(404);
    expect((await api('GET', `/sites/${site.id}/webhooks/${theirs.id}`, tokens.read)).status).toBe(404);
    expect((await api('PATCH', `/sites/${site.id}/webhooks/${theirs.id}`, tokens.write, { description: 'mine' })).status).toBe(
      404,
    );
    expect((await api('DELETE', `/sites/${site.id}/webhooks/${theirs.id}`, tokens.write)).status).toBe(404);
    expect((await api('POST', `/sites/${site.id}/webhooks/${theirs.id}/rotate-secret`, tokens.write)).status).toBe(404);
    expect((await api('POST', `/sites/${site.id}/webhook-deliveries/msg_nope/redeliver`, tokens.write)).status).toBe(404);
    expect((await s.services.db.webhookEndpoint.findUniqueOrThrow({ where: { id: theirs.id } })).description).toBe('');
  });

  it('validates bodies strictly: bad URL, unknown event, strings for booleans', async () => {
    const bad = await api('POST', `/sites/${site.id}/webhooks`, tokens.write, { url: 'ftp://nope', eventTypes: ['nope.*'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
    expect(bad.body.error.fields.url).toMatch(/http\(s\) URL/);
    expect(JSON.stringify(bad.body.error.fields)).toMatch(/catalogue/);
    const { body: ep } = await api('POST', `/sites/${site.id}/webhooks`, tokens.write, endpointBody);
    // trpc-to-openapi would coerce "false" to true in a JSON body; our patch keeps JSON types strict
    const coerced = await api('PATCH', `/sites/${site.id}/webhooks/${ep.id}`, tokens.write, { enabled: 'false' });
    expect(coerced.status).toBe(400);
    // … and the shared schema was not mutated for the tRPC path either
    await expect(
      owner.api.webhooks.update({ siteId: site.id, endpointId: ep.id, enabled: 'false' as unknown as boolean }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const ok = await api('PATCH', `/sites/${site.id}/webhooks/${ep.id}`, tokens.write, { enabled: false });
    expect(ok.body).toMatchObject({ enabled: false, disabledReason: 'Disabled by a user' });
    expect((await api('POST', `/sites/${site.id}/webhooks`, tokens.write, 'url=x', 'text/plain')).status).toBe(415);
  });

  it('reports URL problems on the url field, for the form to show', async () => {
    for (const url of ['not a url', 'http://localhost:3000/hooks', 'https://user:pw@hooks.example.com/']) {
      const err = await owner.api.webhooks.create({ siteId: site.id, url, eventTypes: ['*'] }).catch((e) => e);
      expect(err.code).toBe('BAD_REQUEST');
      expect({ url, fields: Object.keys(validationDetails(err.cause)?.fieldErrors ?? {}) }).toMatchObject({
        url,
        fields: ['url'],
      });
    }
  });

  it('rotates the secret and deletes the endpoint', async () => {
    const { body: ep } = await api('POST', `/sites/${site.id}/webhooks`, tokens.write, endpointBody);
    const rotated = await api('POST', `/sites/${site.id}/webhooks/${ep.id}/rotate-secret`, tokens.write);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(ep.secret);
    expect(new Date(rotated.body.previousSecretExpiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect((await api('DELETE', `/sites/${site.id}/webhooks/${ep.id}`, tokens.write)).body).toEqual({ id: ep.id });
    expect((await api('GET', `/sites/${site.id}/webhooks/${ep.id}`, tokens.read)).status).toBe(404);
  });

  it('lists the event catalogue and documents every webhook route', async () => {
    const types = await api('GET', '/webhooks/event-types', tokens.read);
    expect(types.body.map((t: { type: string }) => t.type)).toEqual(expect.arrayContaining(['site.created', 'member.joined']));
    const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/sites/{siteId}/webhooks',
        '/sites/{siteId}/webhooks/{endpointId}',
        '/sites/{siteId}/webhooks/{endpointId}/rotate-secret',
        '/sites/{siteId}/webhook-deliveries',
      ]),
    );
  });
});
