// Domains as a site admin uses them (dashboard procedures) and a REST client reads them: adding,
// proving ownership now, the one-agency rule, the limit on "verify now", removal, and the
// origins that verified domains allow.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { validationDetails } from '../../errors.ts';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';
import { startTestServer, type TestServer } from '../../testing/http-server.ts';
import { createApiToken } from '../api-tokens/api-tokens.service.ts';
import { startTestDns, type TestDns } from './test-servers.ts';
import { ORIGINS_TTL_MS, verifiedOrigins } from './verified-origins.ts';

let s: Scenario;
let dns: TestDns;
let owner: TestUser;

beforeAll(async () => {
  s = await scenario();
  dns = await startTestDns();
  owner = await s.user('Olivia');
});
afterAll(async () => {
  await dns?.close();
});
beforeEach(() => {
  vi.unstubAllEnvs();
  vi.stubEnv('DNS_SERVERS', dns.servers);
  vi.stubEnv('DOMAIN_VERIFY_TIMEOUT_MS', '1000');
});

/** Publishes the TXT record the domain's instructions ask for. */
function publishTxt(domain: { instructions: { dnsTxt: { name: string; value: string } } }) {
  dns.set(domain.instructions.dnsTxt.name, { txt: [domain.instructions.dnsTxt.value] });
}

/** Lets "verify now" run again at once, as if its 10 s had passed. */
const forgetManualCheck = (domainId: string) =>
  s.services.db.siteDomain.update({ where: { id: domainId }, data: { manualCheckAt: null } });

const eventsOf = (siteId: string, type: string) =>
  s.services.db.event.findMany({ where: { siteId, type }, orderBy: { createdAt: 'asc' } });

describe('adding a domain', () => {
  it('stores it normalised, pending, with a token to publish either way', async () => {
    const site = await s.site(owner);
    const domain = await owner.api.domains.add({ siteId: site.id, hostname: '  Bücher.Example.COM. ' });
    expect(domain).toMatchObject({
      hostname: 'xn--bcher-kva.example.com',
      method: 'dns_txt',
      status: 'pending',
      verifiedAt: null,
      lastCheckedAt: null,
      origins: ['https://xn--bcher-kva.example.com'],
    });
    const token = domain.instructions.dnsTxt.value.replace('dramac-verify=', '');
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(domain.instructions).toEqual({
      dnsTxt: { name: '_dramac-verify.xn--bcher-kva.example.com', value: `dramac-verify=${token}` },
      htmlMeta: { tag: `<meta name="dramac-verify" content="${token}">`, url: 'https://xn--bcher-kva.example.com/' },
    });
    // the worker's first look comes a few minutes later
    expect(domain.nextCheckAt!.getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(await owner.api.domains.list({ siteId: site.id })).toEqual([domain]);
  });

  it('refuses the same domain twice on a site, however it is written', async () => {
    const site = await s.site(owner);
    await owner.api.domains.add({ siteId: site.id, hostname: 'twice.example.com' });
    await expect(owner.api.domains.add({ siteId: site.id, hostname: 'TWICE.example.com.' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'twice.example.com is already a domain of this site',
    });
    // another site may add it
    await expect(
      owner.api.domains.add({ siteId: (await s.site(owner)).id, hostname: 'twice.example.com' }),
    ).resolves.toMatchObject({
      status: 'pending',
    });
  });

  it.each([
    ['https://shop.example.com', 'Enter the domain without http:// or https://'],
    ['shop.example.com/shop', 'Enter the domain only, without a path'],
    ['203.0.113.7', 'Enter a domain name, not an IP address'],
    ['shop.example.com:8443', 'Enter the domain without a port: it is verified and allowed on https (443)'],
    ['localhost:3000', 'localhost can only be added in development'],
    [`${'a'.repeat(64)}.example.com`, 'Each part of a domain has at most 63 characters'],
    ['x'.repeat(400), 'A domain has at most 253 characters'],
  ])('explains beside the field why %j is not a domain', async (hostname, message) => {
    const site = await s.site(owner);
    const err = await owner.api.domains.add({ siteId: site.id, hostname }).catch((e) => e);
    expect(err.code).toBe('BAD_REQUEST');
    expect(validationDetails(err.cause)?.fieldErrors).toEqual({ hostname: [message] });
    expect(await owner.api.domains.list({ siteId: site.id })).toEqual([]);
  });

  it('is for admins; members see the list', async () => {
    const site = await s.site(owner);
    const member = await s.user('Mia');
    await s.join(owner, member, 'member');
    await owner.api.domains.add({ siteId: site.id, hostname: 'members.example.com' });
    await expect(member.api.domains.add({ siteId: site.id, hostname: 'mine.example.com' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const [domain] = await member.api.domains.list({ siteId: site.id });
    await expect(member.api.domains.verify({ siteId: site.id, domainId: domain!.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(member.api.domains.remove({ siteId: site.id, domainId: domain!.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await member.api.domains.history({ siteId: site.id, domainId: domain!.id })).toEqual([]);
  });
});

describe('verify now', () => {
  it('verifies a domain whose TXT record is published, records the check and emits domain.verified', async () => {
    const site = await s.site(owner);
    const domain = await owner.api.domains.add({ siteId: site.id, hostname: 'verified.example.com' });
    dns.set(domain.instructions.dnsTxt.name, { txt: ['dramac-verify=not-this-one'] });
    const first = await owner.api.domains.verify({ siteId: site.id, domainId: domain.id });
    expect(first.domain).toMatchObject({ status: 'pending', lastOutcome: 'mismatch' });
    expect(first.check).toMatchObject({
      outcome: 'mismatch',
      manual: true,
      statusAfter: 'pending',
      detail: expect.stringContaining('TXT record found but value differs'),
    });
    expect(await verifiedOrigins(s.services.db, site.id)).toEqual([]);

    publishTxt(domain);
    await forgetManualCheck(domain.id);
    const second = await owner.api.domains.verify({ siteId: site.id, domainId: domain.id });
    expect(second.domain).toMatchObject({ status: 'verified', lastOutcome: 'found', consecutiveFailures: 0 });
    expect(second.domain.verifiedAt).toBeInstanceOf(Date);
    // re-checked daily from now on
    expect(second.domain.nextCheckAt!.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect(await verifiedOrigins(s.services.db, site.id)).toEqual(['https://verified.example.com']);

    const history = await owner.api.domains.history({ siteId: site.id, domainId: domain.id });
    expect(history.map((c) => [c.outcome, c.statusAfter])).toEqual([
      ['found', 'verified'],
      ['mismatch', 'pending'],
    ]);
    const events = await eventsOf(site.id, 'domain.verified');
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toEqual({
      domain: {
        id: domain.id,
        siteId: site.id,
        hostname: 'verified.example.com',
        method: 'dns_txt',
        status: 'verified',
        verifiedAt: second.domain.verifiedAt!.toISOString(),
      },
    });

    // proving it again changes nothing and says nothing new
    await forgetManualCheck(domain.id);
    await owner.api.domains.verify({ siteId: site.id, domainId: domain.id });
    expect(await eventsOf(site.id, 'domain.verified')).toHaveLength(1);
  });

  it('runs at most once per domain every 10 seconds', async () => {
    const site = await s.site(owner);
    const domain = await owner.api.domains.add({ siteId: site.id, hostname: 'limited.example.com' });
    const other = await owner.api.domains.add({ siteId: site.id, hostname: 'other-limited.example.com' });
    const clicks = await Promise.allSettled(
      [1, 2, 3].map(() => owner.api.domains.verify({ siteId: site.id, domainId: domain.id })),
    );
    expect(clicks.filter((c) => c.status === 'fulfilled')).toHaveLength(1);
    for (const c of clicks.filter((c) => c.status === 'rejected')) {
      expect(c.reason).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        message: expect.stringMatching(/^limited\.example\.com was checked a moment ago: try again in ([1-9]|10) s$/),
      });
    }
    expect(await owner.api.domains.history({ siteId: site.id, domainId: domain.id })).toHaveLength(1);
    // another domain is not held back
    await expect(owner.api.domains.verify({ siteId: site.id, domainId: other.id })).resolves.toBeTruthy();
  });

  it('switches the proof when asked, and never fails a verified domain on a manual check', async () => {
    const site = await s.site(owner);
    const domain = await owner.api.domains.add({ siteId: site.id, hostname: 'switch.example.com' });
    publishTxt(domain);
    await owner.api.domains.verify({ siteId: site.id, domainId: domain.id });
    dns.delete(domain.instructions.dnsTxt.name);
    dns.set('switch.example.com', 'timeout');
    await forgetManualCheck(domain.id);
    const { domain: after, check } = await owner.api.domains.verify({
      siteId: site.id,
      domainId: domain.id,
      method: 'html_meta',
    });
    expect(check).toMatchObject({ method: 'html_meta', outcome: 'timeout', statusAfter: 'verified' });
    expect(after).toMatchObject({ method: 'html_meta', status: 'verified', consecutiveFailures: 0 });
    // the schedule looks again within the hour, and only its checks count towards failing it
    expect(after.nextCheckAt!.getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
  });

  it('answers NOT_FOUND for a domain of another site', async () => {
    const site = await s.site(owner);
    const elsewhere = await owner.api.domains.add({ siteId: (await s.site(owner)).id, hostname: 'elsewhere.example.com' });
    await expect(owner.api.domains.verify({ siteId: site.id, domainId: elsewhere.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('one agency per verified domain', () => {
  it("tells another agency the domain is claimed, while the holder's sites may share it", async () => {
    const holderSite = await s.site(owner);
    const held = await owner.api.domains.add({ siteId: holderSite.id, hostname: 'claimed.example.com' });
    publishTxt(held);
    await owner.api.domains.verify({ siteId: holderSite.id, domainId: held.id });

    const rival = await s.user('Rita');
    const rivalSite = await s.site(rival);
    const attempt = await rival.api.domains.add({ siteId: rivalSite.id, hostname: 'claimed.example.com' });
    // both tokens are published: the rival's proof is real, yet the domain stays with its holder
    dns.set(held.instructions.dnsTxt.name, { txt: [held.instructions.dnsTxt.value, attempt.instructions.dnsTxt.value] });
    const { domain, check } = await rival.api.domains.verify({ siteId: rivalSite.id, domainId: attempt.id });
    expect(domain.status).toBe('pending');
    expect(check.outcome).toBe('claimed');
    expect(check.detail).toContain('claimed.example.com is verified by another agency');
    expect(await verifiedOrigins(s.services.db, rivalSite.id)).toEqual([]);

    const staging = await s.site(owner);
    const shared = await owner.api.domains.add({ siteId: staging.id, hostname: 'claimed.example.com' });
    dns.set(held.instructions.dnsTxt.name, {
      txt: [held.instructions.dnsTxt.value, shared.instructions.dnsTxt.value, attempt.instructions.dnsTxt.value],
    });
    expect((await owner.api.domains.verify({ siteId: staging.id, domainId: shared.id })).domain.status).toBe('verified');

    // once the holder lets go, the rival's next check verifies it
    await owner.api.domains.remove({ siteId: holderSite.id, domainId: held.id });
    await owner.api.domains.remove({ siteId: staging.id, domainId: shared.id });
    await forgetManualCheck(attempt.id);
    expect((await rival.api.domains.verify({ siteId: rivalSite.id, domainId: attempt.id })).domain.status).toBe('verified');
  });
});

describe('removing a domain', () => {
  it('deletes it with its history, and its origin is no longer allowed', async () => {
    const site = await s.site(owner);
    const domain = await owner.api.domains.add({ siteId: site.id, hostname: 'removed.example.com' });
    publishTxt(domain);
    await owner.api.domains.verify({ siteId: site.id, domainId: domain.id });
    expect(await verifiedOrigins(s.services.db, site.id)).toEqual(['https://removed.example.com']);
    expect(await owner.api.domains.remove({ siteId: site.id, domainId: domain.id })).toEqual({ id: domain.id });
    expect(await verifiedOrigins(s.services.db, site.id)).toEqual([]);
    expect(await owner.api.domains.list({ siteId: site.id })).toEqual([]);
    expect(await s.services.db.domainCheck.count({ where: { domainId: domain.id } })).toBe(0);
    await expect(owner.api.domains.remove({ siteId: site.id, domainId: domain.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('verifiedOrigins', () => {
  it("lists only verified domains' origins, and sees another process's change within its TTL", async () => {
    const site = await s.site(owner);
    const a = await owner.api.domains.add({ siteId: site.id, hostname: 'a.example.com' });
    const b = await owner.api.domains.add({ siteId: site.id, hostname: 'b.example.com' });
    await owner.api.domains.add({ siteId: site.id, hostname: 'pending.example.com' });
    for (const d of [a, b]) {
      publishTxt(d);
      await owner.api.domains.verify({ siteId: site.id, domainId: d.id });
    }
    expect((await verifiedOrigins(s.services.db, site.id)).sort()).toEqual(['https://a.example.com', 'https://b.example.com']);

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // the worker (another process) fails b: this process still answers from its cache…
      await s.services.db.siteDomain.update({ where: { id: b.id }, data: { status: 'failed' } });
      expect(await verifiedOrigins(s.services.db, site.id)).toHaveLength(2);
      // …for at most ORIGINS_TTL_MS
      vi.setSystemTime(Date.now() + ORIGINS_TTL_MS);
      expect(await verifiedOrigins(s.services.db, site.id)).toEqual(['https://a.example.com']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('allows a localhost page in development, over http, proven by its meta tag', async () => {
    vi.stubEnv('DOMAINS_ALLOW_LOCALHOST', '1');
    let body = '<html><head></head></html>';
    const page = http.createServer((_req, res) => res.end(body));
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
    try {
      const port = (page.address() as AddressInfo).port;
      const site = await s.site(owner);
      const domain = await owner.api.domains.add({ siteId: site.id, hostname: `localhost:${port}` });
      expect(domain).toMatchObject({ method: 'html_meta', origins: [`http://localhost:${port}`, `https://localhost:${port}`] });
      expect(domain.instructions.htmlMeta.url).toBe(`http://localhost:${port}/`);
      await expect(owner.api.domains.verify({ siteId: site.id, domainId: domain.id, method: 'dns_txt' })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
      body = `<html><head>${domain.instructions.htmlMeta.tag}</head></html>`;
      expect((await owner.api.domains.verify({ siteId: site.id, domainId: domain.id })).domain.status).toBe('verified');
      expect(await verifiedOrigins(s.services.db, site.id)).toEqual([`http://localhost:${port}`, `https://localhost:${port}`]);
      // outside development a localhost domain allows nothing
      vi.stubEnv('DOMAINS_ALLOW_LOCALHOST', '');
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + ORIGINS_TTL_MS);
      expect(await verifiedOrigins(s.services.db, site.id)).toEqual([]);
    } finally {
      vi.useRealTimers();
      page.closeAllConnections();
      await new Promise((r) => page.close(r));
    }
  });
});

describe('domains over REST', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(s.services);
  });
  afterAll(() => server.close());

  const tokenFor = async (siteId: string, scopes: ('site:read' | 'webhooks:read')[]) =>
    (
      await createApiToken(s.services.db, {
        agencyId: owner.agencyId,
        siteId,
        name: 'rest',
        scopes,
        expiresInDays: 1,
        createdById: owner.id,
      })
    ).token;
  const get = async (path: string, token: string) => {
    const res = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: await res.json() };
  };

  it('lists the domains with their status to a token with site:read', async () => {
    const site = await s.site(owner);
    const domain = await owner.api.domains.add({ siteId: site.id, hostname: 'rest.example.com' });
    publishTxt(domain);
    const { domain: verified } = await owner.api.domains.verify({ siteId: site.id, domainId: domain.id });
    const res = await get(`/sites/${site.id}/domains`, await tokenFor(site.id, ['site:read']));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        ...verified,
        statusSince: verified.statusSince.toISOString(),
        verifiedAt: verified.verifiedAt!.toISOString(),
        lastCheckedAt: verified.lastCheckedAt!.toISOString(),
        nextCheckAt: verified.nextCheckAt!.toISOString(),
        createdAt: verified.createdAt.toISOString(),
      },
    ]);
  });

  it("refuses a token without site:read, and another site's domains", async () => {
    const site = await s.site(owner);
    expect((await get(`/sites/${site.id}/domains`, await tokenFor(site.id, ['webhooks:read']))).status).toBe(403);
    const other = await s.site(owner);
    expect((await get(`/sites/${other.id}/domains`, await tokenFor(site.id, ['site:read']))).status).toBe(404);
  });
});
