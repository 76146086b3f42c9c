// A site's installed modules and their data over the REST API (/api/v1) with API tokens: what an
// installation shows (never secrets), the rows of a module's tables through the gateway's own
// services (filters, order, pages, checks against the manifest), scopes, other sites' ids, and
// every refusal in the one error shape.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../external/scopes.ts';
import type { TestUser } from '../../testing/harness.ts';
import type { JsonAnswer } from '../../testing/http-server.ts';
import { moduleSchemaName } from '../data/module-schema.ts';
import { type GatewayScenario, gatewayScenario } from '../gateway/gateway.fixtures.ts';

let gw: GatewayScenario;
let owner: TestUser;
let catalog: { id: string; shortId: string };
/** the catalog installed on a site of `owner`, with a token holding every modules scope */
let site: { siteId: string; installationId: string; token: string };
let db: pg.Client;

const allModuleScopes: Scope[] = ['modules:read', 'modules.data:read', 'modules.data:write'];

const tokenFor = async (siteId: string, scopes: Scope[]) =>
  (await owner.api.apiTokens.create({ agencyId: owner.agencyId, siteId, name: 'integration', scopes })).token;

async function installedSite() {
  const installed = await gw.install(owner, catalog.id);
  return { ...installed, token: await tokenFor(installed.siteId, allModuleScopes) };
}

async function api(method: string, path: string, token: string, body?: unknown, contentType = 'application/json') {
  const res = await fetch(`${gw.server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null } satisfies Pick<JsonAnswer, 'status' | 'body'>;
}

/** `/sites/{siteId}/modules/{installationId}/data/{table}` of `at`, plus `rest`. */
const data = (at: { siteId: string; installationId: string }, rest: string) =>
  `/sites/${at.siteId}/modules/${at.installationId}/data/${rest}`;

beforeAll(async () => {
  gw = await gatewayScenario();
  owner = await gw.s.user('Olga');
  catalog = await gw.publish();
  site = await installedSite();
  await owner.api.installations.configure({
    siteId: site.siteId,
    installationId: site.installationId,
    settings: { accent: '#ff0066', apiKey: 'sk_live_very_secret' },
  });
  db = new pg.Client({ connectionString: gw.s.url });
  await db.connect();
});
afterAll(() => db.end());

describe('installed modules', () => {
  it('lists the installations with version, status, settings without secrets, permissions and tables', async () => {
    const res = await api('GET', `/sites/${site.siteId}/modules`, site.token);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    const [installation] = res.body;
    expect(installation).toMatchObject({
      id: site.installationId,
      module: { id: catalog.id, slug: expect.stringMatching(/^catalog-/), name: 'Catalog', type: 'app' },
      version: '1.0.0',
      status: 'enabled',
      settings: { title: 'Our products', accent: '#ff0066' },
      permissions: ['data:own'],
      installedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
    });
    expect(JSON.stringify(res.body)).not.toContain('sk_live');
    expect(installation.settings).not.toHaveProperty('apiKey');
    expect(installation.tables.map((t: { name: string }) => t.name)).toEqual(['submissions', 'products', 'notes']);
    expect(installation.tables[2].columns).toEqual([
      { name: 'id', type: 'uuid', writable: false, required: false },
      { name: 'body', type: 'text', writable: true, required: true },
      { name: 'created_at', type: 'timestamp', writable: false, required: false },
      { name: 'updated_at', type: 'timestamp', writable: false, required: false },
    ]);
    const one = await api('GET', `/sites/${site.siteId}/modules/${site.installationId}`, site.token);
    expect(one).toEqual({ status: 200, body: installation });
  });

  it('shows a disabled installation as disabled, and an uninstalled one no more', async () => {
    const other = await installedSite();
    const ref = { siteId: other.siteId, installationId: other.installationId };
    await owner.api.installations.setEnabled({ ...ref, enabled: false });
    const disabled = await api('GET', `/sites/${other.siteId}/modules/${other.installationId}`, other.token);
    expect(disabled.body.status).toBe('disabled');
    await owner.api.installations.uninstall(ref);
    expect((await api('GET', `/sites/${other.siteId}/modules`, other.token)).body).toEqual([]);
    expect(await api('GET', `/sites/${other.siteId}/modules/${other.installationId}`, other.token)).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Installation not found' } },
    });
  });
});

describe('rows of a module table', () => {
  it('creates, reads, changes, lists and deletes a row, stored for the token’s site', async () => {
    const created = await api('POST', data(site, 'products'), site.token, { name: 'Tulip', sku: 'T-1', qty: 3, price: '2.50' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Tulip', qty: 3, price: '2.50' });
    const stored = await db.query(`select site_id from ${moduleSchemaName(catalog.shortId)}.products where id = $1`, [
      created.body.id,
    ]);
    expect(stored.rows).toEqual([{ site_id: site.siteId }]);

    const path = data(site, `products/${created.body.id}`);
    expect(await api('GET', path, site.token)).toEqual({ status: 200, body: created.body });
    const changed = await api('PATCH', path, site.token, { qty: 5, sku: null });
    expect(changed).toMatchObject({ status: 200, body: { qty: 5, sku: null, name: 'Tulip' } });
    expect((await api('GET', data(site, 'products'), site.token)).body.rows).toContainEqual(changed.body);
    expect(await api('DELETE', path, site.token)).toEqual({ status: 200, body: { id: created.body.id } });
    expect(await api('GET', path, site.token)).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Row not found' } },
    });
  });

  it('filters, sorts and pages with the gateway’s query syntax', async () => {
    const shop = await installedSite();
    for (const [name, qty] of [
      ['Aster', 1],
      ['Begonia', 4],
      ['Crocus', 6],
      ['Dahlia', 9],
      ['Erica', 12],
    ] as const) {
      expect((await api('POST', data(shop, 'products'), shop.token, { name, qty })).status).toBe(200);
    }
    const names = (body: { rows: { name: string }[] }) => body.rows.map((r) => r.name);
    const range = await api('GET', data(shop, 'products?qty=gte.4&qty=lte.9&order=qty.desc'), shop.token);
    expect(names(range.body)).toEqual(['Dahlia', 'Crocus', 'Begonia']);
    const listed = await api('GET', data(shop, 'products?name=in.(Aster,Erica)&order=name.asc'), shop.token);
    expect(names(listed.body)).toEqual(['Aster', 'Erica']);

    const first = await api('GET', data(shop, 'products?order=qty.asc&limit=2'), shop.token);
    expect(names(first.body)).toEqual(['Aster', 'Begonia']);
    const second = await api('GET', data(shop, `products?order=qty.asc&limit=2&cursor=${first.body.nextCursor}`), shop.token);
    expect(names(second.body)).toEqual(['Crocus', 'Dahlia']);
    const last = await api('GET', data(shop, `products?order=qty.asc&limit=2&cursor=${second.body.nextCursor}`), shop.token);
    expect(last.body).toEqual({ rows: [expect.objectContaining({ name: 'Erica' })], nextCursor: null });
  });

  it('shows the rows the dashboard writes through the gateway, and the other way round', async () => {
    const viaGateway = await gw.asMember(owner, site.siteId, catalog.id)('POST', 'data/notes', { body: 'Call the supplier' });
    const viaRest = await api('POST', data(site, 'notes'), site.token, { body: 'Order more tulips' });
    const rest = await api('GET', data(site, 'notes?order=created_at.asc'), site.token);
    expect(rest.body.rows).toEqual([viaGateway.body, viaRest.body]);
    const gateway = await gw.asMember(owner, site.siteId, catalog.id)('GET', 'data/notes?order=created_at.asc');
    expect(gateway.body.rows).toEqual(rest.body.rows);
  });
});

describe('scopes', () => {
  it('need modules:read for installations, modules.data:read to read rows, modules.data:write to change them', async () => {
    const readOnly = await tokenFor(site.siteId, ['modules:read', 'modules.data:read']);
    const siteOnly = await tokenFor(site.siteId, ['site:read']);
    const lacks = (scope: string) => ({
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: `This token lacks the "${scope}" scope` } },
    });

    expect(await api('GET', `/sites/${site.siteId}/modules`, siteOnly)).toEqual(lacks('modules:read'));
    expect(await api('GET', data(site, 'notes'), siteOnly)).toEqual(lacks('modules.data:read'));
    expect((await api('GET', data(site, 'notes'), readOnly)).status).toBe(200);

    const before = await db.query(`select count(*)::int as n from ${moduleSchemaName(catalog.shortId)}.notes`);
    expect(await api('POST', data(site, 'notes'), readOnly, { body: 'Not allowed' })).toEqual(lacks('modules.data:write'));
    const row = (await api('POST', data(site, 'notes'), site.token, { body: 'Allowed' })).body;
    expect(await api('PATCH', data(site, `notes/${row.id}`), readOnly, { body: 'Changed' })).toEqual(lacks('modules.data:write'));
    expect(await api('DELETE', data(site, `notes/${row.id}`), readOnly)).toEqual(lacks('modules.data:write'));
    const after = await db.query(`select count(*)::int as n from ${moduleSchemaName(catalog.shortId)}.notes`);
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);
    expect((await api('GET', data(site, `notes/${row.id}`), readOnly)).body.body).toBe('Allowed');
  });
});

describe("another site's ids", () => {
  it('answer 404 and leave that site’s rows alone, even within the same agency', async () => {
    const neighbour = await installedSite();
    const theirs = (await api('POST', data(neighbour, 'notes'), neighbour.token, { body: 'Theirs' })).body;
    // the token's own site in the path, the neighbour's installation and row
    const crossed = { siteId: site.siteId, installationId: neighbour.installationId };
    const notInstalled = {
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'This module is not installed on the site' } },
    };
    expect(await api('GET', `/sites/${site.siteId}/modules/${neighbour.installationId}`, site.token)).toMatchObject({
      status: 404,
    });
    expect(await api('GET', data(crossed, 'notes'), site.token)).toEqual(notInstalled);
    expect(await api('POST', data(crossed, 'notes'), site.token, { body: 'Planted' })).toEqual(notInstalled);
    expect(await api('PATCH', data(crossed, `notes/${theirs.id}`), site.token, { body: 'Defaced' })).toEqual(notInstalled);
    // the token's own installation, the neighbour's row: the site bound to the SQL finds nothing
    const ownInstallationTheirRow = data(site, `notes/${theirs.id}`);
    expect((await api('GET', ownInstallationTheirRow, site.token)).status).toBe(404);
    expect((await api('PATCH', ownInstallationTheirRow, site.token, { body: 'Defaced' })).status).toBe(404);
    expect((await api('DELETE', ownInstallationTheirRow, site.token)).status).toBe(404);
    // the neighbour's site in the path
    expect((await api('GET', data(neighbour, 'notes'), site.token)).body).toEqual({
      error: { code: 'NOT_FOUND', message: 'Site not found' },
    });

    const rows = await api('GET', data(neighbour, 'notes'), neighbour.token);
    expect(rows.body.rows).toEqual([theirs]);
  });
});

describe('refusals, in the one error shape', () => {
  it('answers 403 for a module that was not granted data:own', async () => {
    const widget = await gw.publish({ type: 'widget', permissions: ['site:read'], data: { tables: [] }, events: [] });
    const installed = await gw.install(owner, widget.id, ['site:read']);
    const token = await tokenFor(installed.siteId, allModuleScopes);
    expect(await api('GET', data(installed, 'notes'), token)).toEqual({
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: 'This module was not granted "data:own", so it has no data to reach' } },
    });
    expect((await api('GET', `/sites/${installed.siteId}/modules/${installed.installationId}`, token)).body).toMatchObject({
      permissions: ['site:read'],
      tables: [],
    });
  });

  it('answers 403 while the module is disabled', async () => {
    const paused = await installedSite();
    await owner.api.installations.setEnabled({ siteId: paused.siteId, installationId: paused.installationId, enabled: false });
    expect(await api('GET', data(paused, 'notes'), paused.token)).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: expect.stringContaining('disabled') } },
    });
  });

  it('answers 400 naming each column at fault, and writes nothing', async () => {
    const res = await api('POST', data(site, 'products'), site.token, { name: 42, qty: 1.5, colour: 'red' });
    expect(res).toEqual({
      status: 400,
      body: {
        error: {
          code: 'BAD_REQUEST',
          message: 'Some columns are not valid',
          fields: {
            name: 'Use text',
            qty: 'Use a whole number',
            colour: 'No column "colour" in this table, or not one a caller may set',
          },
        },
      },
    });
    const stored = await db.query(`select count(*)::int as n from ${moduleSchemaName(catalog.shortId)}.products where qty = 1.5`);
    expect(stored.rows[0].n).toBe(0);
  });

  it('answers 400 naming each bad filter, order, limit and cursor', async () => {
    const res = await api('GET', data(site, 'products?qty=gte.many&colour=eq.red&order=price.sideways'), site.token);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'BAD_REQUEST',
      message: 'Some query parameters are not valid',
      fields: {
        qty: '"many" is not a whole number',
        colour: 'No column "colour" in this table',
        order: 'Use column.asc or column.desc, like created_at.desc',
      },
    });
    const cursor = await api('GET', data(site, 'products?cursor=nonsense'), site.token);
    expect(cursor.body.error.fields).toEqual({ cursor: 'This cursor is not valid; start again from the first page' });
    for (const limit of ['500', '0', 'all']) {
      const res = await api('GET', data(site, `products?limit=${limit}`), site.token);
      expect(res, limit).toMatchObject({
        status: 400,
        body: { error: { code: 'BAD_REQUEST', fields: { limit: 'Use a whole number from 1 to 100' } } },
      });
    }
  });

  it('answers 409 naming the column a unique index refuses', async () => {
    expect((await api('POST', data(site, 'products'), site.token, { name: 'Rose', sku: 'R-1' })).status).toBe(200);
    const twice = await api('POST', data(site, 'products'), site.token, { name: 'Rose again', sku: 'R-1' });
    expect(twice).toEqual({
      status: 409,
      body: {
        error: {
          code: 'CONFLICT',
          message: 'A row with the same sku already exists',
          fields: { sku: 'Another row already has this value' },
        },
      },
    });
  });

  it('answers 404 for a table the module does not declare and a row id that is not one', async () => {
    expect(await api('GET', data(site, 'invoices'), site.token)).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'This module declares no table "invoices"' } },
    });
    expect((await api('GET', data(site, 'notes/not-a-uuid'), site.token)).status).toBe(404);
  });

  it('answers 415 to a body that is not JSON and 400 to JSON that does not parse', async () => {
    expect(await api('POST', data(site, 'notes'), site.token, 'body=hi', 'text/plain')).toEqual({
      status: 415,
      body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json' } },
    });
    expect(await api('POST', data(site, 'notes'), site.token, '{"body": ')).toEqual({
      status: 400,
      body: { error: { code: 'PARSE_ERROR', message: 'The body is not valid JSON' } },
    });
  });
});
