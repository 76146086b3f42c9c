// temporary (engineer G): traffic against the dev server, then screenshots of the API log page
import { createApiToken } from '@dramac/api';
import { createDb } from '@dramac/db';
import { chromium } from '@playwright/test';
import { encode } from 'next-auth/jwt';

const base = 'http://localhost:3871';
const url = process.env.DATABASE_URL!;
const db = createDb(url, { max: 2 });
const user = await db.user.findUniqueOrThrow({ where: { email: 'demo@dramac.dev' }, include: { memberships: true } });
const agencyId = user.memberships[0]!.agencyId;
const site = await db.site.findFirstOrThrow({ where: { agencyId } });
if (process.argv[2] !== 'shots') {
  const reader = await createApiToken(db, {
    agencyId,
    siteId: site.id,
    name: 'Storefront sync',
    scopes: ['site:read'],
    expiresInDays: 30,
    createdById: user.id,
  });
  const hooks = await createApiToken(db, {
    agencyId,
    siteId: site.id,
    name: 'Zapier',
    scopes: ['webhooks:read'],
    expiresInDays: 30,
    createdById: user.id,
  });
  // a day of history
  const now = Date.now();
  const rows = [];
  for (let h = 1; h < 24; h++) {
    const n = 5 + Math.round(20 * Math.abs(Math.sin(h / 3)));
    for (let i = 0; i < n; i++) {
      const status = i % 17 === 0 ? 500 : i % 7 === 0 ? 404 : i % 11 === 0 ? 429 : 200;
      rows.push({
        createdAt: new Date(now - h * 3_600_000 + i * 1000),
        siteId: site.id,
        clientKind: 'api_token' as const,
        clientId: i % 3 ? reader.id : hooks.id,
        method: i % 5 ? 'GET' : 'POST',
        route: i % 5 ? '/api/v1/sites/{siteId}' : '/api/v1/sites/{siteId}/webhooks',
        status,
        latencyMs: 8 + ((i * 37) % 140),
        ip: '203.0.113.7',
        userAgent: 'storefront-sync/2.1 (+https://shop.example.com)',
        origin: null,
      });
    }
  }
  await db.requestLog.createMany({ data: rows });
  const call = (path: string, token?: string, origin?: string) =>
    fetch(`${base}/api/v1${path}`, {
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(origin ? { origin } : {}),
        'user-agent': 'curl/8.5.0',
      },
    });
  for (let i = 0; i < 12; i++) await call(`/sites/${site.id}`, reader.token);
  for (let i = 0; i < 3; i++) await call(`/sites/${site.id}/webhooks`, reader.token);
  await call(`/sites/${site.id}/webhooks`, hooks.token);
  await call(`/sites/${site.id}/webhooks/ckmissing000000000000000`, hooks.token);
  await call(`/sites/${site.id}`, 'dra_this-token-was-never-issued-0000');
  for (let i = 0; i < 14; i++) {
    const r = await call(`/sites/${site.id}`, reader.token, 'https://shop.example.com');
    if (i === 13)
      console.log(r.status, Object.fromEntries([...r.headers].filter(([k]) => /ratelimit|retry|access-control|vary/.test(k))));
  }
  await new Promise((r) => setTimeout(r, 2500));
  console.log('rows', await db.requestLog.count({ where: { siteId: site.id } }));
}
const cookie = await encode({
  token: { sub: user.id, email: user.email, name: user.name },
  secret: process.env.NEXTAUTH_SECRET!,
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.addCookies([{ name: 'next-auth.session-token', value: cookie, domain: 'localhost', path: '/' }]);
const page = await context.newPage();
await page.goto(`${base}/a/${agencyId}/sites/${site.id}/api-log`, { timeout: 240_000 });
await page.getByRole('table').waitFor({ timeout: 60_000 });
await page.screenshot({ path: '/tmp/g-api-log.png' });
await page
  .getByRole('img')
  .first()
  .hover({ position: { x: 600, y: 50 } });
await page.getByLabel('Status').selectOption('429');
await page.waitForTimeout(1500);
await page
  .getByRole('button', { name: /Show details/ })
  .first()
  .click();
await page.screenshot({ path: '/tmp/g-api-log-429.png' });
await context.close();
const small = await browser.newContext({ viewport: { width: 420, height: 900 } });
await small.addCookies([{ name: 'next-auth.session-token', value: cookie, domain: 'localhost', path: '/' }]);
const p2 = await small.newPage();
await p2.goto(`${base}/a/${agencyId}/sites/${site.id}/api-log`, { timeout: 240_000 });
await p2.getByRole('table').waitFor({ timeout: 60_000 });
await p2.screenshot({ path: '/tmp/g-api-log-narrow.png' });
await browser.close();
await db.$disconnect();
