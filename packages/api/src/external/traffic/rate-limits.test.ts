// Rate limits on the REST surface, over real HTTP on a real database: per API token, per OAuth app
// and site with the app's own limit, per IP without credentials, shared by every web process, and
// told to the client in the RateLimit headers (draft-ietf-httpapi-ratelimit-headers-11).
import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, request, type TrafficScenario, trafficHeaders, trafficScenario } from './traffic.fixtures.ts';

// read per request, so they apply to this file's servers
process.env.API_RATE_LIMIT_PER_MINUTE = '5';
process.env.API_RATE_LIMIT_ANON_PER_MINUTE = '3';

let t: TrafficScenario;
beforeAll(async () => {
  t = await trafficScenario();
});

const getSite = (bearer: string | null, opts: { from?: string; server?: string } = {}) =>
  request(`${opts.server ?? t.server.url}/api/v1/sites/${t.site.id}`, {
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    from: opts.from,
  });

async function times(n: number, call: () => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < n; i++) answers.push(await call());
  return answers;
}

/** The counter row the PostgreSQL store keeps for a key. */
const counter = async (key: string) =>
  (await t.s.services.db.rateLimit.findUnique({ where: { key: `api:${key}` } }))?.points ?? null;

describe('an API token', () => {
  it('gets its limit per minute, then 429 with Retry-After, in the API’s error shape', async () => {
    const { id, token } = await t.token();
    const answers = await times(5, () => getSite(token));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.headers.get('ratelimit'))).toEqual(
      [4, 3, 2, 1, 0].map((r) => expect.stringMatching(new RegExp(`^"client";r=${r};t=\\d+$`))),
    );
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('"client";q=5;w=60');

    const refused = await getSite(token);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        code: 'TOO_MANY_REQUESTS',
        message: expect.stringMatching(/^Too many requests\. This client is limited to 5 per minute; try again in \d+ s\.$/),
      },
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit')).toBe(`"client";r=0;t=${retryAfter}`);
    expect(refused.headers.get('ratelimit-policy')).toBe('"client";q=5;w=60');

    // a page on the site's verified domain can read the refusal and its Retry-After
    await t.verify(t.site.id, 'shop.example.com');
    const fromPage = await request(`${t.server.url}/api/v1/sites/${t.site.id}`, {
      headers: { authorization: `Bearer ${token}`, origin: 'https://shop.example.com' },
    });
    expect(trafficHeaders(fromPage)).toMatchObject({
      'access-control-allow-origin': 'https://shop.example.com',
      'access-control-expose-headers': 'RateLimit, RateLimit-Policy, Retry-After',
      'retry-after': expect.stringMatching(/^\d+$/),
    });

    // the key used its quota: this process refuses from memory, the store is not asked again
    for (let i = 0; i < 5; i++) expect((await getSite(token)).status).toBe(429);
    expect(await counter(`token:${id}`)).toBe(5);
  });

  it('does not spend another token’s quota', async () => {
    const [a, b] = [await t.token(), await t.token()];
    await times(5, () => getSite(a.token));
    expect((await getSite(a.token)).status).toBe(429);
    expect((await getSite(b.token)).status).toBe(200);
  });

  it('shares its quota between web processes on the same database', async () => {
    const second = await t.secondServer();
    const { token } = await t.token();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await getSite(token, { server: i % 2 ? second.url : t.server.url })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('counts requests the API refuses too (an unknown endpoint, an unknown route)', async () => {
    const { token } = await t.token();
    const auth = { authorization: `Bearer ${token}` };
    expect((await request(`${t.server.url}/api/v1/sites/${t.site.id}/webhooks/nope`, { headers: auth })).status).toBe(404);
    expect((await request(`${t.server.url}/api/v1/nowhere`, { headers: auth })).status).toBe(404);
    const answers = await times(4, () => getSite(token));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
  });
});

describe('an OAuth app', () => {
  /** A confidential app with `rateLimitPerMinute`, bound to the site, and an access token from client credentials. */
  async function appToken(rateLimitPerMinute?: number) {
    const { app, clientSecret } = await t.owner.api.oauthApps.create({
      agencyId: t.owner.agencyId,
      name: 'Sync',
      clientType: 'confidential',
      redirectUris: ['https://sync.example/callback'],
      scopes: ['site:read'],
      ...(rateLimitPerMinute ? { rateLimitPerMinute } : {}),
    });
    await t.owner.api.oauthApps.setCredentialsSite({ agencyId: t.owner.agencyId, appId: app.id, siteId: t.site.id });
    const basic = Buffer.from(`${app.clientId}:${clientSecret}`).toString('base64');
    const res = await fetch(`${t.server.url}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=site:read',
    });
    const body = (await res.json()) as { access_token: string };
    expect(res.status).toBe(200);
    return { appId: app.id, token: body.access_token };
  }

  it('is limited by its own per-minute limit, per site', async () => {
    const { appId, token } = await appToken(2);
    const answers = await times(3, () => getSite(token));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('"client";q=2;w=60');
    expect(answers[2]!.body.error.message).toMatch(/limited to 2 per minute/);
    expect(await counter(`oauth:${appId}:${t.site.id}`)).toBe(2);
  });

  it('can be allowed more than the default', async () => {
    const { token } = await appToken(8);
    const answers = await times(8, () => getSite(token));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.at(-1)!.headers.get('ratelimit')).toMatch(/^"client";r=0;t=\d+$/);
    expect((await getSite(token)).status).toBe(429);
  });
});

describe('calls without valid credentials', () => {
  it('are limited per IP address, whatever token they try', async () => {
    const from = '127.0.0.21';
    const tries = [null, 'dra_not-a-real-token-000000000000', 'doa_not-a-real-token-000000000000'];
    const answers = await Promise.all(tries.map((bearer) => getSite(bearer, { from })));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('"anonymous";q=3;w=60');

    const refused = await getSite(null, { from });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(
      /^Too many requests\. Calls without valid credentials are limited to 3 per minute/,
    );
    expect(trafficHeaders(refused)).toMatchObject({ 'retry-after': expect.stringMatching(/^\d+$/) });

    // another address has its own quota, and a valid token is not held back by its address
    expect((await getSite(null, { from: '127.0.0.22' })).status).toBe(401);
    const { token } = await t.token();
    expect((await getSite(token, { from })).status).toBe(200);
  });
});
