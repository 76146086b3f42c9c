// The external request log: one row per REST or gateway call (client, site, route template,
// status, latency, IP, user agent), queued by the request and written in batches after the answer
// went out; searchable per site by its admins only.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../testing/harness.ts';
import { until } from '../../testing/until.ts';
import { type RequestLogRow, RequestLogWriter } from './request-log.ts';
import { request, type TrafficScenario, trafficScenario } from './traffic.fixtures.ts';

let t: TrafficScenario;
let writer: RequestLogWriter;
beforeAll(async () => {
  t = await trafficScenario();
  // batches of 3 and no timer: each test decides when a batch is due
  await t.s.services.requestLog!.close();
  writer = new RequestLogWriter(t.s.url, { batchSize: 3, flushIntervalMs: 3_600_000 });
  t.s.services.requestLog = writer;
});
afterAll(() => writer.close());

const rowsOf = (siteId: string) => t.s.services.db.requestLog.findMany({ where: { siteId }, orderBy: { id: 'asc' } });
const call = (path: string, bearer?: string, headers: Record<string, string> = {}) =>
  request(`${t.server.url}${path}`, { headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers } });

describe('writing', () => {
  it('writes rows in batches, not one INSERT per request', async () => {
    const site = await t.s.site(t.owner);
    const { token } = await t.token(['site:read'], site.id);
    for (let i = 0; i < 2; i++) expect((await call(`/api/v1/sites/${site.id}`, token)).status).toBe(200);
    expect(await rowsOf(site.id)).toEqual([]);
    expect(writer.pending).toBe(2);
    // the third completes a batch of 3: written at once, in one statement
    await call(`/api/v1/sites/${site.id}`, token);
    await until('the batch is written', async () => (await rowsOf(site.id)).length === 3);
    expect(writer.pending).toBe(0);
  });

  it('answers before its row is written: a blocked log does not hold up requests', async () => {
    const site = await t.s.site(t.owner);
    const { token } = await t.token(['site:read'], site.id);
    // the log's table is locked: a request that waited for its row could not finish
    const blocker = new pg.Client({ connectionString: t.s.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table external.request_log in access exclusive mode');
    try {
      for (let i = 0; i < 4; i++) {
        const started = performance.now();
        expect((await call(`/api/v1/sites/${site.id}`, token)).status).toBe(200);
        expect(performance.now() - started).toBeLessThan(2_000);
      }
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
    // once the lock is gone the waiting batch goes in, and the row after it with the next flush
    await writer.flush();
    expect(await rowsOf(site.id)).toHaveLength(4);
  });

  it('records who called which route template, the answer, its latency and the caller', async () => {
    const site = await t.s.site(t.owner);
    const { id: tokenId, token } = await t.token(['webhooks:read'], site.id);
    const endpoint = await t.owner.api.webhooks.create({ siteId: site.id, url: 'https://hooks.example/in', eventTypes: ['*'] });
    const longAgent = `probe/${'x'.repeat(400)}`;
    await call(`/api/v1/sites/${site.id}/webhooks/${endpoint.id}`, token, {
      'user-agent': longAgent,
      origin: 'https://app.example',
    });
    await call('/api/v1/webhooks/event-types', token);
    await call(`/api/v1/sites/${site.id}`, token);
    await writer.flush();

    const rows = await rowsOf(site.id);
    expect(rows).toEqual([
      expect.objectContaining({
        clientKind: 'api_token',
        clientId: tokenId,
        siteId: site.id,
        method: 'GET',
        route: '/api/v1/sites/{siteId}/webhooks/{endpointId}',
        status: 200,
        ip: '127.0.0.1',
        userAgent: longAgent.slice(0, 256),
        origin: 'https://app.example',
      }),
      // a literal segment wins over a parameter in the same place
      expect.objectContaining({ route: '/api/v1/webhooks/event-types', status: 200 }),
      // the token lacks site:read
      expect.objectContaining({ route: '/api/v1/sites/{siteId}', status: 403 }),
    ]);
    for (const row of rows) {
      expect(row.route).not.toContain(site.id);
      expect(row.latencyMs).toBeGreaterThanOrEqual(0);
      expect(row.latencyMs).toBeLessThan(10_000);
      expect(Math.abs(row.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    }
  });

  it('records calls without valid credentials under the site they name, and unknown paths as such', async () => {
    const site = await t.s.site(t.owner);
    await call(`/api/v1/sites/${site.id}/webhooks`, 'dra_revoked-or-never-issued-000000000');
    await call(`/api/v1/sites/${site.id}/no/such/thing`);
    await writer.flush();
    expect(await rowsOf(site.id)).toEqual([
      expect.objectContaining({ clientKind: 'anonymous', clientId: null, route: '/api/v1/sites/{siteId}/webhooks', status: 401 }),
      expect.objectContaining({ clientKind: 'anonymous', route: '/api/v1/*', status: 404 }),
    ]);
  });
});

describe('when the database cannot take the rows', () => {
  it('keeps a bounded buffer, drops the oldest with a count, and never blocks the caller', async () => {
    const failing = new RequestLogWriter('postgresql://nobody:nothing@127.0.0.1:1/none', {
      batchSize: 2,
      maxBuffered: 5,
      flushIntervalMs: 3_600_000,
    });
    const row = (n: number): RequestLogRow => ({
      createdAt: new Date(),
      siteId: null,
      clientKind: 'anonymous',
      clientId: null,
      method: 'GET',
      route: `/api/v1/${n}`,
      status: 200,
      latencyMs: 1,
      ip: '127.0.0.1',
      userAgent: null,
      origin: null,
    });
    const started = performance.now();
    for (let i = 0; i < 8; i++) failing.record(row(i));
    expect(performance.now() - started).toBeLessThan(50);
    await failing.flush();
    expect(failing.pending).toBe(5);
    expect(failing.dropped).toBe(3);
    await failing.close();
  });
});

describe('reading, in the dashboard', () => {
  let admin: TestUser;
  let site: { id: string };
  let tokenId: string;

  beforeAll(async () => {
    site = await t.s.site(t.owner);
    const first = await t.token(['site:read'], site.id);
    const second = await t.token(['webhooks:read'], site.id);
    tokenId = first.id;
    await call(`/api/v1/sites/${site.id}`, first.token); // 200
    await call(`/api/v1/sites/${site.id}`, second.token); // 403
    await call(`/api/v1/sites/${site.id}/webhooks`, second.token); // 200
    await call(`/api/v1/sites/${site.id}/webhooks`, first.token); // 403
    await writer.flush();
    admin = t.owner;
  });

  it('lists the site’s rows newest first, with the client’s name, page by page', async () => {
    const page1 = await admin.api.requestLog.list({ siteId: site.id, limit: 3 });
    expect(page1.items.map((r) => [r.route, r.status, r.clientName])).toEqual([
      ['/api/v1/sites/{siteId}/webhooks', 403, 'token site:read'],
      ['/api/v1/sites/{siteId}/webhooks', 200, 'token webhooks:read'],
      ['/api/v1/sites/{siteId}', 403, 'token webhooks:read'],
    ]);
    const page2 = await admin.api.requestLog.list({ siteId: site.id, limit: 3, cursor: page1.nextCursor });
    expect(page2.items.map((r) => [r.route, r.status])).toEqual([['/api/v1/sites/{siteId}', 200]]);
    expect(page2.nextCursor).toBeUndefined();
  });

  it('filters by status class, method, route, client and time range', async () => {
    const list = (filters: Record<string, unknown>) =>
      admin.api.requestLog.list({ siteId: site.id, ...filters }).then((p) => p.items.map((r) => r.status));
    expect(await list({ status: '4xx' })).toEqual([403, 403]);
    expect(await list({ status: '2xx' })).toEqual([200, 200]);
    expect(await list({ status: '5xx' })).toEqual([]);
    expect(await list({ method: 'POST' })).toEqual([]);
    expect(await list({ route: '/api/v1/sites/{siteId}' })).toEqual([403, 200]);
    expect(await list({ client: tokenId })).toEqual([403, 200]);
    expect(await list({ from: new Date(Date.now() - 60_000) })).toHaveLength(4);
    expect(await list({ to: new Date(Date.now() - 60_000) })).toEqual([]);
    await expect(list({ from: new Date(), to: new Date(Date.now() - 1000) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('sums up the last 24 hours per hour, the routes called and the possible clients', async () => {
    const summary = await admin.api.requestLog.summary({ siteId: site.id });
    expect(summary.hours).toHaveLength(24);
    const totals = summary.hours.reduce(
      (sum, h) => ({
        ok: sum.ok + h.ok,
        clientErrors: sum.clientErrors + h.clientErrors,
        serverErrors: sum.serverErrors + h.serverErrors,
      }),
      { ok: 0, clientErrors: 0, serverErrors: 0 },
    );
    expect(totals).toEqual({ ok: 2, clientErrors: 2, serverErrors: 0 });
    // the current hour is the last bucket
    expect(summary.hours.at(-1)!.ok + summary.hours.at(-1)!.clientErrors).toBe(4);
    expect(summary.routes).toEqual([
      { route: '/api/v1/sites/{siteId}', count: 2 },
      { route: '/api/v1/sites/{siteId}/webhooks', count: 2 },
    ]);
    expect(summary.clients.map((c) => [c.kind, c.name])).toEqual([
      ['api_token', 'token site:read'],
      ['api_token', 'token webhooks:read'],
    ]);
  });

  it('shows another agency nothing: their site is not found, their token filter finds nothing', async () => {
    const bob = await t.s.user('Bob');
    const bobsSite = await t.s.site(bob);
    await expect(bob.api.requestLog.list({ siteId: site.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(bob.api.requestLog.summary({ siteId: site.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await bob.api.requestLog.list({ siteId: bobsSite.id, client: tokenId })).items).toEqual([]);
  });

  it('is for the agency’s admins: a member is refused', async () => {
    const mel = await t.s.user('Mel');
    await t.s.join(t.owner, mel, 'member');
    await expect(mel.api.requestLog.list({ siteId: site.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
