// /api/trpc behind the traffic layer: a bearer token is an external caller whatever procedure it
// names (identified, limited and logged once, as on REST); the dashboard's session is limited per
// user, generously, and shares that budget with its module gateway calls; batches are bounded.
import type { AnyRouter } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_ITEMS } from '../../client.ts';
import { appRouter } from '../../router.ts';
import { sessionCookie } from '../../testing/http-server.ts';
import { request, type TrafficScenario, trafficHeaders, trafficScenario } from './traffic.fixtures.ts';

// read per request, so they apply to this file's server
process.env.API_RATE_LIMIT_PER_MINUTE = '3';
process.env.API_RATE_LIMIT_ANON_PER_MINUTE = '2';
process.env.DASHBOARD_RATE_LIMIT_PER_MINUTE = '4';

let t: TrafficScenario;
beforeAll(async () => {
  t = await trafficScenario();
});

/** The procedure REST serves as GET /sites/{siteId}, by its tRPC path. */
function restProcedure(method: string, path: string): string {
  const procedures = (appRouter as AnyRouter)._def.procedures as Record<
    string,
    { _def: { meta?: { openapi?: { method: string; path: string } } } }
  >;
  const found = Object.entries(procedures).find(
    ([, p]) => p._def.meta?.openapi?.method === method && p._def.meta.openapi.path === path,
  );
  if (!found) throw new Error(`no procedure for ${method} ${path}`);
  return found[0];
}

const trpcGet = (procedure: string, input: unknown, headers: Record<string, string>, from?: string) =>
  request(`${t.server.url}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, {
    headers,
    from,
  });

async function logRows(siteId: string | null) {
  await t.s.services.requestLog!.flush();
  return t.s.services.db.requestLog.findMany({ where: { siteId }, orderBy: { id: 'asc' } });
}

describe('a bearer token on /api/trpc', () => {
  it('is limited and logged once per request, like REST', async () => {
    const getSite = restProcedure('GET', '/sites/{siteId}');
    const { id, token } = await t.token(['site:read']);
    const auth = { authorization: `Bearer ${token}` };
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await trpcGet(getSite, { siteId: t.site.id }, auth));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(trafficHeaders(answers[0]!)).toMatchObject({ 'ratelimit-policy': '"client";q=3;w=60' });
    expect(answers[3]!.body).toEqual({
      error: {
        json: {
          message: expect.stringMatching(/^Too many requests\. This client is limited to 3 per minute/),
          code: -32029,
          data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429 },
        },
      },
    });
    const rows = (await logRows(t.site.id)).filter((r) => r.clientId === id);
    expect(rows.map((r) => [r.clientKind, r.method, r.route, r.status])).toEqual([
      ['api_token', 'GET', `/api/trpc/${getSite}`, 200],
      ['api_token', 'GET', `/api/trpc/${getSite}`, 200],
      ['api_token', 'GET', `/api/trpc/${getSite}`, 200],
      ['api_token', 'GET', `/api/trpc/${getSite}`, 429],
    ]);
  });

  it('is counted per IP when it is not valid, whatever else the request carries', async () => {
    const from = '127.0.0.41';
    const cookie = await sessionCookie(t.s.services.db, t.owner);
    const bad = { authorization: 'Bearer dra_not-a-real-token-000000000000', cookie };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await trpcGet('sites.get', { siteId: t.site.id }, bad, from));
    // the session cookie beside the token is not used: the caller is the (invalid) token
    expect(answers.map((a) => a.status)).toEqual([401, 401, 429]);
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('"anonymous";q=2;w=60');
    const rows = (await logRows(null)).filter((r) => r.ip === from);
    expect(rows.map((r) => [r.clientKind, r.status])).toEqual([
      ['anonymous', 401],
      ['anonymous', 401],
      ['anonymous', 429],
    ]);
  });
});

describe('a dashboard session', () => {
  it('is limited per user, across tRPC and the module gateway, and is not logged as API traffic', async () => {
    const user = await t.s.user('Busy');
    const site = await t.s.site(user);
    const cookie = await sessionCookie(t.s.services.db, user);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await trpcGet('sites.get', { siteId: site.id }, { cookie }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    // the fourth request of the minute goes to the gateway (a 404: no such module), the fifth is refused
    const gateway = await request(`${t.server.url}/api/modules/nope/context`, {
      headers: { cookie, 'x-dramac-site': site.id, 'x-dramac-request': '1' },
    });
    expect(gateway.status).toBe(404);
    const refused = await trpcGet('sites.get', { siteId: site.id }, { cookie });
    expect(refused.status).toBe(429);
    expect(refused.body.error.json.data).toEqual({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // another user is not held back
    const other = await t.s.user('Calm');
    const otherSite = await t.s.site(other);
    expect(
      (await trpcGet('sites.get', { siteId: otherSite.id }, { cookie: await sessionCookie(t.s.services.db, other) })).status,
    ).toBe(200);
    expect(await logRows(site.id)).toEqual([]);
  });
});

describe('a batch', () => {
  it(`holds at most ${MAX_BATCH_ITEMS} procedures; a larger one is refused with 400`, async () => {
    const user = await t.s.user('Batcher');
    const site = await t.s.site(user);
    const headers = { cookie: await sessionCookie(t.s.services.db, user) };
    const batch = (n: number) => {
      const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: { siteId: site.id } }]));
      const paths = Array.from({ length: n }, () => 'sites.get').join(',');
      return request(`${t.server.url}/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
    };
    const allowed = await batch(MAX_BATCH_ITEMS);
    expect(allowed.status).toBe(200);
    expect(allowed.body).toHaveLength(MAX_BATCH_ITEMS);
    const refused = await batch(MAX_BATCH_ITEMS + 1);
    expect(refused.status).toBe(400);
    expect(refused.body.error.json).toMatchObject({
      message: `A batch holds at most ${MAX_BATCH_ITEMS} procedures; this one names ${MAX_BATCH_ITEMS + 1}`,
      data: { code: 'BAD_REQUEST', httpStatus: 400 },
    });
  });
});
