// A client generated from the OpenAPI document: openapi-typescript's types (committed, and checked
// against the document here) with openapi-fetch, calling the real HTTP server with an API token.
// tsc compiles this file, so a route whose types break fails the suite too.
import { readFileSync } from 'node:fs';
import createClient from 'openapi-fetch';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { type GatewayScenario, gatewayScenario } from '../../modules/gateway/gateway.fixtures.ts';
import type { components, paths } from './generated/openapi.d.ts';
import { OPENAPI_TYPES_FILE, openApiTypes } from './openapi-types.ts';

type ErrorCode = components['schemas']['Error']['error']['code'];
const rows = '/sites/{siteId}/modules/{installationId}/data/{tableName}';

let gw: GatewayScenario;
let site: { siteId: string; installationId: string };
let otherSiteId: string;
let client: ReturnType<typeof createClient<paths>>;

beforeAll(async () => {
  gw = await gatewayScenario();
  const owner = await gw.s.user('Olga');
  const contactForm = await gw.publish();
  site = await gw.install(owner, contactForm.id);
  otherSiteId = (await gw.s.site(owner)).id;
  const { token } = await owner.api.apiTokens.create({
    agencyId: owner.agencyId,
    siteId: site.siteId,
    name: 'generated client',
    scopes: ['site:read', 'modules:read', 'modules.data:read', 'modules.data:write'],
  });
  client = createClient<paths>({
    baseUrl: `${gw.server.url}/api/v1`,
    headers: { authorization: `Bearer ${token}` },
    // the document's `filter` parameter is an exploded form object: { email: 'eq.…' } → ?email=eq.…
    querySerializer: { object: { style: 'form', explode: true } },
  });
});

describe('the committed types (src/external/rest/generated/openapi.d.ts)', () => {
  it('are what the OpenAPI document generates; run `pnpm -C packages/api generate:openapi` after changing a route', async () => {
    expect(readFileSync(OPENAPI_TYPES_FILE, 'utf8')).toBe(await openApiTypes());
  });
});

describe('a client generated from the OpenAPI document', () => {
  it('reads the site, lists its modules, and creates and lists rows of a module table', async () => {
    const read = await client.GET('/sites/{siteId}', { params: { path: { siteId: site.siteId } } });
    expect(read.data).toMatchObject({ id: site.siteId, timeZone: 'Europe/Berlin', currency: 'EUR' });
    expectTypeOf(read.data!.createdAt).toEqualTypeOf<string>();

    const modules = await client.GET('/sites/{siteId}/modules', { params: { path: { siteId: site.siteId } } });
    expect(modules.data?.map((m) => [m.id, m.status, m.version])).toEqual([[site.installationId, 'enabled', '1.0.0']]);
    const submissions = modules.data?.[0]?.tables.find((t) => t.name === 'submissions');
    expect(submissions?.columns.filter((c) => c.required).map((c) => c.name)).toEqual(['email']);

    const path = { ...site, tableName: 'submissions' };
    const ann = await client.POST(rows, {
      params: { path },
      body: { email: 'ann@example.com', message: 'Do you ship to Oslo?' },
    });
    const bo = await client.POST(rows, { params: { path }, body: { email: 'bo@example.com' } });
    expect(ann.response.status).toBe(200);
    expect(ann.data).toMatchObject({ email: 'ann@example.com', message: 'Do you ship to Oslo?', id: expect.any(String) });
    expect(bo.data).toMatchObject({ email: 'bo@example.com', message: null });

    const all = await client.GET(rows, { params: { path, query: { order: 'created_at.asc', limit: 10 } } });
    expect(all.data).toEqual({ rows: [ann.data, bo.data], nextCursor: null });
    const filtered = await client.GET(rows, { params: { path, query: { filter: { email: 'eq.bo@example.com' } } } });
    expect(filtered.data?.rows).toEqual([bo.data]);
  });

  it('receives errors as the typed error body', async () => {
    const elsewhere = await client.GET('/sites/{siteId}', { params: { path: { siteId: otherSiteId } } });
    expect(elsewhere.response.status).toBe(404);
    expect(elsewhere.data).toBeUndefined();
    expect(elsewhere.error).toEqual({ error: { code: 'NOT_FOUND', message: 'Site not found' } });
    expectTypeOf(elsewhere.error!.error.code).toEqualTypeOf<ErrorCode>();

    const invalid = await client.POST(rows, {
      params: { path: { ...site, tableName: 'submissions' } },
      body: { email: 42, phone: '555-0100' },
    });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error?.error).toEqual({
      code: 'BAD_REQUEST',
      message: 'Some columns are not valid',
      fields: { email: 'Use text', phone: 'No column "phone" in this table, or not one a caller may set' },
    });
  });

  it('refuses calls the document does not allow, at compile time', () => {
    // never run: tsc checks that each of these is an error
    const wrongCalls = () => [
      // @ts-expect-error a route that does not exist
      client.GET('/sites/{siteId}/invoices', { params: { path: { siteId: site.siteId } } }),
      // @ts-expect-error the path parameters are required
      client.GET('/sites/{siteId}/modules', {}),
      // @ts-expect-error limit is a number
      client.GET(rows, { params: { path: { ...site, tableName: 'notes' }, query: { limit: 'all' } } }),
    ];
    expect(typeof wrongCalls).toBe('function');
  });
});
