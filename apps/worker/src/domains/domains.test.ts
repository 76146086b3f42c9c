// Re-verification by the worker: real pg-boss, a real DNS server on loopback, and a webhook
// receiver subscribed to domain.* to hear what the checks conclude.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Scenario, scenario, type TestUser } from '@dramac/api/testing';
import { startTestDns, type TestDns } from '@dramac/api/testing/domains';
import { until } from '@dramac/api/testing/until';
import { schedules } from '@dramac/jobs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWorker } from '../index.ts';

let s: Scenario;
let owner: TestUser;
let dns: TestDns;
let worker: Awaited<ReturnType<typeof startWorker>>;
let receiver: http.Server;
const received: { type: string; data: { domain: { hostname: string; status: string }; detail?: string } }[] = [];

beforeAll(async () => {
  dns = await startTestDns();
  vi.stubEnv('DNS_SERVERS', dns.servers);
  vi.stubEnv('DOMAIN_VERIFY_TIMEOUT_MS', '1000');
  vi.stubEnv('WEBHOOKS_ALLOW_PRIVATE_TARGETS', '1');
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  s = await scenario();
  owner = await s.user('Olivia');
  worker = await startWorker(s.url, { pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await worker?.stop();
  receiver?.closeAllConnections();
  await new Promise((r) => receiver?.close(r));
  await dns?.close();
  vi.unstubAllEnvs();
});

/** A site whose domain.* events go to the receiver. */
async function siteHearingDomains() {
  const site = await s.site(owner);
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  await owner.api.webhooks.create({ siteId: site.id, url, eventTypes: ['domain.*'] });
  return site;
}

/** Makes the domain due and runs the schedule, as its cron would; resolves after the check. */
async function scheduledCheck(domainId: string) {
  const { db, boss } = s.services;
  const before = await db.domainCheck.count({ where: { domainId } });
  await db.siteDomain.update({ where: { id: domainId }, data: { nextCheckAt: new Date(Date.now() - 1000) } });
  await boss.send('domains.schedule', {});
  await until('the scheduled check', async () => (await db.domainCheck.count({ where: { domainId } })) > before);
  return db.siteDomain.findUniqueOrThrow({ where: { id: domainId } });
}

describe('the domain schedule', () => {
  it('is registered with the worker every five minutes', async () => {
    expect(schedules['domains.schedule']).toBe('*/5 * * * *');
    const registered = await worker.boss.getSchedules('domains.schedule');
    expect(registered.map((r) => r.cron)).toEqual(['*/5 * * * *']);
  });

  it('leaves domains that are not due alone', async () => {
    const site = await s.site(owner);
    const domain = await owner.api.domains.add({ siteId: site.id, hostname: 'not-due.example.com' });
    await s.services.boss.send('domains.schedule', {});
    await new Promise((r) => setTimeout(r, 2000));
    expect(await s.services.db.domainCheck.count({ where: { domainId: domain.id } })).toBe(0);
  });
});

describe('re-verification', () => {
  it('fails a verified domain whose record disappeared after three checks in a row, and says so', async () => {
    const site = await siteHearingDomains();
    const domain = await owner.api.domains.add({ siteId: site.id, hostname: 'lapsed.example.com' });
    dns.set(domain.instructions.dnsTxt.name, { txt: [domain.instructions.dnsTxt.value] });
    await owner.api.domains.verify({ siteId: site.id, domainId: domain.id });
    await until('domain.verified at the receiver', async () => received.some((e) => e.type === 'domain.verified'));

    // the record still there: the daily re-check keeps it verified
    let row = await scheduledCheck(domain.id);
    expect(row).toMatchObject({ status: 'verified', consecutiveFailures: 0, lastOutcome: 'found' });

    dns.delete(domain.instructions.dnsTxt.name);
    row = await scheduledCheck(domain.id);
    expect(row).toMatchObject({ status: 'verified', consecutiveFailures: 1, lastOutcome: 'missing' });
    // within the grace it is looked at again within the hour, not a day later
    expect(row.nextCheckAt!.getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
    row = await scheduledCheck(domain.id);
    expect(row).toMatchObject({ status: 'verified', consecutiveFailures: 2 });
    row = await scheduledCheck(domain.id);
    expect(row).toMatchObject({ status: 'failed', consecutiveFailures: 0 });

    const history = await owner.api.domains.history({ siteId: site.id, domainId: domain.id });
    expect(history.map((c) => [c.manual, c.outcome, c.statusAfter])).toEqual([
      [false, 'missing', 'failed'],
      [false, 'missing', 'verified'],
      [false, 'missing', 'verified'],
      [false, 'found', 'verified'],
      [true, 'found', 'verified'],
    ]);
    expect(history[0]!.detail).toBe('No TXT record: _dramac-verify.lapsed.example.com does not exist (NXDOMAIN)');

    const failed = await until('domain.failed at the receiver', async () => received.find((e) => e.type === 'domain.failed'));
    expect(failed.data).toMatchObject({
      domain: { hostname: 'lapsed.example.com', status: 'failed' },
      detail: 'No TXT record: _dramac-verify.lapsed.example.com does not exist (NXDOMAIN)',
    });
    expect(await s.services.db.event.count({ where: { siteId: site.id, type: 'domain.failed' } })).toBe(1);

    // the record comes back: the next scheduled check verifies it again
    dns.set(domain.instructions.dnsTxt.name, { txt: [domain.instructions.dnsTxt.value] });
    row = await scheduledCheck(domain.id);
    expect(row.status).toBe('verified');
    await until('the second domain.verified', async () => received.filter((e) => e.type === 'domain.verified').length === 2);
  });

  it('keeps a verified domain through checks that cannot tell (DNS timeouts), looking again within the hour', async () => {
    const site = await s.site(owner);
    const domain = await owner.api.domains.add({ siteId: site.id, hostname: 'flaky.example.com' });
    dns.set(domain.instructions.dnsTxt.name, { txt: [domain.instructions.dnsTxt.value] });
    await owner.api.domains.verify({ siteId: site.id, domainId: domain.id });
    dns.set(domain.instructions.dnsTxt.name, 'timeout');
    let row = await scheduledCheck(domain.id);
    for (let i = 0; i < 3; i++) row = await scheduledCheck(domain.id);
    expect(row).toMatchObject({ status: 'verified', consecutiveFailures: 0, lastOutcome: 'timeout' });
    expect(row.nextCheckAt!.getTime() - row.lastCheckedAt!.getTime()).toBe(3600_000);
    expect(row.lastDetail).toBe(`DNS lookup of ${domain.instructions.dnsTxt.name} timed out after 1 s`);
    expect(await s.services.db.event.count({ where: { siteId: site.id, type: 'domain.failed' } })).toBe(0);
  });

  it('retries a pending domain with backoff, then expires it after 7 days', async () => {
    const site = await s.site(owner);
    const domain = await owner.api.domains.add({ siteId: site.id, hostname: 'never.example.com' });
    let row = await scheduledCheck(domain.id);
    expect(row).toMatchObject({ status: 'pending', consecutiveFailures: 1 });
    const first = row.nextCheckAt!.getTime() - row.lastCheckedAt!.getTime();
    row = await scheduledCheck(domain.id);
    const second = row.nextCheckAt!.getTime() - row.lastCheckedAt!.getTime();
    expect([first, second]).toEqual([5 * 60_000, 10 * 60_000]);

    await s.services.db.siteDomain.update({
      where: { id: domain.id },
      data: { statusSince: new Date(Date.now() - 7 * 86_400_000 - 1000) },
    });
    row = await scheduledCheck(domain.id);
    expect(row).toMatchObject({ status: 'expired', nextCheckAt: null });
    // "verify now" still works on an expired domain
    dns.set(domain.instructions.dnsTxt.name, { txt: [domain.instructions.dnsTxt.value] });
    expect((await owner.api.domains.verify({ siteId: site.id, domainId: domain.id })).domain.status).toBe('verified');
  });

  it('checks a domain removed while its job waited as nothing at all', async () => {
    const site = await s.site(owner);
    const domain = await owner.api.domains.add({ siteId: site.id, hostname: 'gone.example.com' });
    await s.services.db.siteDomain.update({ where: { id: domain.id }, data: { nextCheckAt: new Date(Date.now() - 1000) } });
    await owner.api.domains.remove({ siteId: site.id, domainId: domain.id });
    await s.services.boss.send('domains.verify', { domainId: domain.id });
    const job = await until('the verify job to finish', async () => {
      const jobs = await s.services.boss.findJobs('domains.verify', { data: { domainId: domain.id } });
      return jobs.find((j) => j.state === 'completed');
    });
    expect(job.output).toEqual({ status: 'removed' });
  });
});
