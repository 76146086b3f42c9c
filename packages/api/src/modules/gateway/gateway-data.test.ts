// A module's tables through /api/modules/{id}/data, over HTTP on a real database: typed CRUD,
// PostgREST-style filters, sorting with keyset pagination, and every way a caller can get it
// wrong answered with a 4xx in the gateway's one error shape.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../testing/harness.ts';
import { moduleSchemaName } from '../data/module-schema.ts';
import { type Call, type GatewayScenario, gatewayScenario } from './gateway.fixtures.ts';

let gw: GatewayScenario;
let owner: TestUser;
let catalog: { id: string; shortId: string };
let db: pg.Client;

/** A new site with the catalog installed, and the owner's calls to it. */
async function newSite() {
  const { siteId } = await gw.install(owner, catalog.id);
  return { siteId, api: gw.asMember(owner, siteId, catalog.id) };
}

beforeAll(async () => {
  gw = await gatewayScenario();
  owner = await gw.s.user('Olga');
  catalog = await gw.publish();
  db = new pg.Client({ connectionString: gw.s.url });
  await db.connect();
});
afterAll(() => db.end());

/** An ISO timestamp with up to six fractional digits, as microseconds: comparable exactly. */
const micros = (ts: string) => {
  const [, seconds, fraction = ''] = /^(.*?)(?:\.(\d+))?Z$/.exec(ts)!;
  return BigInt(Date.parse(`${seconds}Z`)) * 1000n + BigInt(fraction.padEnd(6, '0'));
};

const tulip = {
  name: 'Tulip',
  sku: 'T-1',
  qty: 3,
  price: '2.50',
  active: true,
  launch: '2026-03-01',
  seen_at: '2026-03-01T10:00:00.123456+02:00',
  meta: { colours: ['red', 'yellow'], fragrant: false },
  ref: '3f2b8c1e-9d4a-4c5b-8e7f-1a2b3c4d5e6f',
};

describe('a row from create to delete', () => {
  let api: Call;
  let siteId: string;
  beforeAll(async () => ({ api, siteId } = await newSite()));

  it('creates a row of every column type and answers 201 with it', async () => {
    const res = await api('POST', 'data/products', tulip);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Tulip',
      sku: 'T-1',
      qty: 3,
      price: '2.50',
      active: true,
      launch: '2026-03-01',
      // stored in UTC, to the microsecond
      seen_at: '2026-03-01T08:00:00.123456Z',
      meta: { colours: ['red', 'yellow'], fragrant: false },
      ref: tulip.ref,
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
      updated_at: expect.stringMatching(/Z$/),
    });
    expect(res.body).not.toHaveProperty('site_id');
    // the row belongs to the caller's site, whatever the body said
    const stored = await db.query(`select site_id from ${moduleSchemaName(catalog.shortId)}.products where id = $1`, [
      res.body.id,
    ]);
    expect(stored.rows).toEqual([{ site_id: siteId }]);
  });

  it('reads, changes and deletes it', async () => {
    const created = (await api('POST', 'data/products', { name: 'Rose', price: 4.5, qty: null })).body;
    expect(created).toMatchObject({ name: 'Rose', price: '4.5', qty: null, sku: null, meta: null });

    expect(await api('GET', `data/products/${created.id}`)).toMatchObject({ status: 200, body: created });

    const changed = await api('PATCH', `data/products/${created.id}`, { qty: 12, sku: 'R-1' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ ...created, qty: 12, sku: 'R-1', updated_at: expect.any(String) });
    expect(micros(changed.body.updated_at) > micros(created.updated_at)).toBe(true);
    expect(changed.body.created_at).toBe(created.created_at);

    expect(await api('DELETE', `data/products/${created.id}`)).toMatchObject({ status: 200, body: { id: created.id } });
    expect((await api('GET', `data/products/${created.id}`)).status).toBe(404);
    expect(await api('DELETE', `data/products/${created.id}`)).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
  });

  it('clears an optional column with null and refuses to clear a required one', async () => {
    const row = (await api('POST', 'data/products', { name: 'Iris', sku: 'I-1' })).body;
    expect((await api('PATCH', `data/products/${row.id}`, { sku: null })).body.sku).toBeNull();
    const refused = await api('PATCH', `data/products/${row.id}`, { name: null });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual({ name: expect.any(String) });
  });

  it('refuses an empty change', async () => {
    const row = (await api('POST', 'data/products', { name: 'Lily' })).body;
    expect(await api('PATCH', `data/products/${row.id}`, {})).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_REQUEST', message: expect.stringMatching(/at least one column/) } },
    });
  });

  it('answers 409 naming the column when a unique index refuses the row', async () => {
    await api('POST', 'data/products', { name: 'First', sku: 'DUP' });
    const res = await api('POST', 'data/products', { name: 'Second', sku: 'DUP' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', fields: { sku: expect.any(String) } });
  });

  it("keeps another site's identical sku apart: uniqueness is per site", async () => {
    const other = await newSite();
    await api('POST', 'data/products', { name: 'Here', sku: 'SAME' });
    expect((await other.api('POST', 'data/products', { name: 'There', sku: 'SAME' })).status).toBe(201);
  });
});

describe('a row that does not fit its columns', () => {
  let api: Call;
  beforeAll(async () => ({ api } = await newSite()));

  it('answers 400 with a message for each column, and writes nothing', async () => {
    const res = await api('POST', 'data/products', {
      name: 'x'.repeat(101),
      qty: 'many',
      price: '1e5',
      active: 'yes',
      launch: '2026-02-30',
      seen_at: 'yesterday',
      ref: 'not-a-uuid',
      colour: 'red',
      id: '3f2b8c1e-9d4a-4c5b-8e7f-1a2b3c4d5e6f',
      site_id: 'someone-else',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(
      ['active', 'colour', 'id', 'launch', 'name', 'price', 'qty', 'ref', 'seen_at', 'site_id'].sort(),
    );
    expect(res.body.error.fields.name).toMatch(/100 characters/);
    expect(res.body.error.fields.colour).toMatch(/No column "colour"/);
    expect((await api('GET', 'data/products')).body.rows).toEqual([]);
  });

  it('requires the required columns', async () => {
    const res = await api('POST', 'data/products', { sku: 'NO-NAME' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['name']);
  });

  it('refuses integers a JSON number cannot hold exactly', async () => {
    const res = await api('POST', 'data/products', { name: 'Big', qty: 2 ** 60 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.qty).toMatch(/whole number/);
  });

  it('answers 400 to a body that is not a JSON object', async () => {
    for (const body of ['[1, 2]', '"row"', 'null']) {
      const res = await api('POST', 'data/products', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
    }
    const broken = await api('POST', 'data/products', '{"name": ');
    expect(broken).toMatchObject({ status: 400, body: { error: { code: 'PARSE_ERROR' } } });
  });

  it('refuses NUL characters, in the body and in filters', async () => {
    const res = await api('POST', 'data/products', { name: 'bad\u0000name', meta: { deep: ['ok', 'x\u0000'] } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      name: 'Remove the NUL character (\\u0000)',
      'meta.deep.1': 'Remove the NUL character (\\u0000)',
    });
    const filtered = await api('GET', 'data/products?name=eq.a%00b');
    expect(filtered.status).toBe(400);
    expect(filtered.body.error.fields).toEqual({ name: expect.stringMatching(/NUL/) });
  });

  it('answers 413 to a body over the limit and 415 to one that is not JSON', async () => {
    const huge = await api('POST', 'data/products', { name: 'x', message: 'y'.repeat(2_000_000) });
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    const form = await api('POST', 'data/products', 'name=Tulip', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } } });
  });
});

describe('tables, columns and routes that do not exist', () => {
  let api: Call;
  beforeAll(async () => ({ api } = await newSite()));

  it('answers 404 for a table the module does not declare', async () => {
    for (const [method, path] of [
      ['GET', 'data/orders'],
      ['POST', 'data/orders'],
      ['GET', 'data/pg_class'],
      ['GET', `data/${encodeURIComponent('products"; drop table x; --')}`],
    ] as const) {
      const res = await api(method, path, method === 'POST' ? { name: 'x' } : undefined);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await api('GET', 'data/orders')).body.error.message).toMatch(/no table "orders"/);
  });

  it('answers 404 for a row id that is not a UUID', async () => {
    expect((await api('GET', 'data/products/42')).status).toBe(404);
    expect((await api('PATCH', 'data/products/not-an-id', { qty: 1 })).status).toBe(404);
  });

  it('answers 400 naming each unknown column, op or value in a filter', async () => {
    const res = await api('GET', 'data/products?colour=eq.red&qty=approx.3&price=lt.cheap&active=gt.true&launch=eq.someday');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      colour: 'No column "colour" in this table',
      qty: expect.stringMatching(/op\.value/),
      price: expect.stringMatching(/not a decimal/),
      active: expect.stringMatching(/"gt" does not apply to a boolean column/),
      launch: expect.stringMatching(/not a date/),
    });
  });

  it('answers 400 for a bad order, limit or cursor', async () => {
    for (const [query, field] of [
      ['order=colour.asc', 'order'],
      ['order=name.sideways', 'order'],
      ['order=meta.asc', 'order'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
    ]) {
      const res = await api('GET', `data/products?${query}`);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.error.fields), query).toEqual([field]);
    }
  });

  it('answers 404 for an unknown route and 405 for a method a route does not take', async () => {
    expect((await api('GET', 'tables')).status).toBe(404);
    expect((await api('GET', 'data/products/3f2b8c1e-9d4a-4c5b-8e7f-1a2b3c4d5e6f/extra')).status).toBe(404);
    const put = await api('PUT', 'data/products', { name: 'x' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
  });
});

describe('filters', () => {
  let api: Call;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ({ api } = await newSite());
    const rows = [
      { name: 'Alpha', qty: 1, price: '1.00', active: true, sku: 'A', launch: '2026-01-01', meta: { tag: 'a' } },
      { name: 'Beta', qty: 2, price: '2.50', active: false, sku: 'B', launch: '2026-02-01', seen_at: '2026-02-01T12:00:00Z' },
      { name: 'Gamma', qty: 3, price: '10.00', active: true },
      { name: 'delta 50%_off', price: '3', sku: 'D', seen_at: '2026-03-01T12:00:00Z' },
    ];
    for (const row of rows) ids[row.name] = (await api('POST', 'data/products', row)).body.id;
  });

  const names = async (query: string) => {
    const res = await api('GET', `data/products?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.rows as { name: string }[]).map((r) => r.name).sort();
  };

  it.each([
    ['eq', 'qty=eq.2', ['Beta']],
    ['eq on a uuid', () => `id=eq.${ids.Gamma}`, ['Gamma']],
    ['eq on a boolean', 'active=eq.true', ['Alpha', 'Gamma']],
    ['neq (nulls are not "not equal")', 'qty=neq.2', ['Alpha', 'Gamma']],
    ['lt compares numbers as numbers', 'price=lt.3', ['Alpha', 'Beta']],
    ['lte', 'price=lte.3', ['Alpha', 'Beta', 'delta 50%_off']],
    ['gt on a date', 'launch=gt.2026-01-15', ['Beta']],
    ['gte', 'qty=gte.2', ['Beta', 'Gamma']],
    ['gt on a timestamp with an offset', 'seen_at=gt.2026-02-01T13:00:00%2B02:00', ['Beta', 'delta 50%_off']],
    ['gt on a timestamp whose + was not encoded', 'seen_at=gt.2026-02-01T13:00:00+02:00', ['Beta', 'delta 50%_off']],
    ['like is a case-insensitive contains', 'name=like.ALP', ['Alpha']],
    ['like matches % and _ literally', 'name=like.50%25_', ['delta 50%_off']],
    ['in', 'sku=in.(A,D)', ['Alpha', 'delta 50%_off']],
    ['in with a quoted value', `name=in.(${encodeURIComponent('"delta 50%_off"')},Beta)`, ['Beta', 'delta 50%_off']],
    ['in with nothing', 'sku=in.()', []],
    ['is.null', 'sku=is.null', ['Gamma']],
    ['is.notnull on json', 'meta=is.notnull', ['Alpha']],
    ['two filters on one column', 'qty=gte.1&qty=lte.2', ['Alpha', 'Beta']],
    ['filters together', 'active=eq.true&qty=gte.2', ['Gamma']],
  ] as [string, string | (() => string), string[]][])('%s', async (_, query, expected) => {
    expect(await names(typeof query === 'function' ? query() : query)).toEqual(expected);
  });
});

describe('sorting and cursor pagination', () => {
  let api: Call;
  let siteId: string;
  type Row = { id: string; name: string; qty: number | null; created_at: string };
  let all: Row[];

  beforeAll(async () => {
    ({ api, siteId } = await newSite());
    const qtys = [1, 1, 1, 2, 2, null, 3, null, 2, 1, 3];
    for (const [i, qty] of qtys.entries()) await api('POST', 'data/products', { name: `p${String(i).padStart(2, '0')}`, qty });
    // ties on the default order too: half the rows share one created_at
    await db.query(
      `update ${moduleSchemaName(catalog.shortId)}.products set created_at = '2026-01-01T00:00:00Z' where site_id = $1 and qty = 1`,
      [siteId],
    );
    all = (await api('GET', 'data/products?limit=100')).body.rows;
  });

  /** Every page of `query`, `limit` rows at a time, following nextCursor to the end. */
  async function pages(query: string, limit: number) {
    const seen: Row[][] = [];
    let cursor: string | null = null;
    do {
      const url: string = `data/products?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await api('GET', url);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(res.body.rows);
      cursor = res.body.nextCursor;
      expect(seen.length).toBeLessThan(20);
    } while (cursor);
    return seen;
  }

  const byId = (a: Row, b: Row, dir: 1 | -1) => (a.id < b.id ? -dir : a.id > b.id ? dir : 0);
  /** nulls sort as the largest value, as in PostgreSQL */
  const byQty = (a: Row, b: Row, dir: 1 | -1) => {
    if (a.qty === b.qty) return 0;
    if (a.qty === null) return dir;
    if (b.qty === null) return -dir;
    return (a.qty - b.qty) * dir;
  };

  it('lists newest first by default, id breaking ties, and pages through all of them', async () => {
    const expected = [...all].sort((a, b) => {
      const [x, y] = [micros(a.created_at), micros(b.created_at)];
      return x < y ? 1 : x > y ? -1 : byId(a, b, -1);
    });
    const seen = await pages('', 3);
    expect(seen.map((p) => p.length)).toEqual([3, 3, 3, 2]);
    expect(seen.flat().map((r) => r.name)).toEqual(expected.map((r) => r.name));
  });

  it('sorts ascending with ties and nulls last, page after page', async () => {
    const expected = [...all].sort((a, b) => byQty(a, b, 1) || byId(a, b, 1));
    const seen = (await pages('order=qty.asc', 2)).flat();
    expect(seen.map((r) => r.name)).toEqual(expected.map((r) => r.name));
    expect(seen.at(-1)?.qty).toBeNull();
  });

  it('sorts by several columns in mixed directions', async () => {
    const expected = [...all].sort((a, b) => byQty(a, b, -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const seen = (await pages('order=qty.desc,name.asc', 4)).flat();
    expect(seen.map((r) => r.name)).toEqual(expected.map((r) => r.name));
    expect(seen[0]?.qty).toBeNull();
  });

  it('keeps filters applied across pages', async () => {
    const seen = (await pages('qty=eq.1&order=name.desc', 1)).flat();
    expect(seen.map((r) => r.name)).toEqual(
      all
        .filter((r) => r.qty === 1)
        .map((r) => r.name)
        .sort()
        .reverse(),
    );
  });

  it('answers nextCursor null on the last page', async () => {
    expect((await api('GET', 'data/products?limit=100')).body.nextCursor).toBeNull();
  });

  it('refuses a cursor made for another order', async () => {
    const first = (await api('GET', 'data/products?order=qty.asc&limit=2')).body;
    const res = await api('GET', `data/products?order=name.asc&cursor=${first.nextCursor}`);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.cursor).toMatch(/sorted by qty\.asc/);
  });
});

describe("another site's rows", () => {
  it('are invisible: 404 on read, change and delete, and missing from lists', async () => {
    const mine = await newSite();
    const theirs = await newSite();
    const row = (await theirs.api('POST', 'data/products', { name: 'Theirs', qty: 1 })).body;
    await mine.api('POST', 'data/products', { name: 'Mine' });

    expect((await mine.api('GET', `data/products/${row.id}`)).status).toBe(404);
    expect((await mine.api('PATCH', `data/products/${row.id}`, { qty: 99 })).status).toBe(404);
    expect((await mine.api('DELETE', `data/products/${row.id}`)).status).toBe(404);
    expect((await mine.api('GET', `data/products?id=eq.${row.id}`)).body.rows).toEqual([]);
    expect((await mine.api('GET', 'data/products')).body.rows.map((r: { name: string }) => r.name)).toEqual(['Mine']);

    expect((await theirs.api('GET', `data/products/${row.id}`)).body).toEqual(row);
  });
});
