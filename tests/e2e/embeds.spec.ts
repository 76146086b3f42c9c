// A module on the client's own website. The example contact form is published and installed on a
// site whose domain is a page server of this spec (http://localhost:<port>, verified the way a
// passed ownership check leaves it). That page embeds the widget with one <script> and
// Dramac.mount(): the widget renders inside it and is sized to its content, a visitor's message is
// stored in the module's table and the page hears form.submitted. Messages forged by the page's
// own scripts change nothing. The same page served from an unverified origin is refused with a
// visible notice and can write nothing. The site owner finds the snippet on the Embed tab.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createCaller, createContext } from '@dramac/api';
import { createServices } from '@dramac/api/http';
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { buildTgz, type TarEntry } from '../../packages/manifest/src/testing/fixtures.ts';
import { screenshot, signIn } from './helpers';

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/modules/contact-form');
const DASHBOARD = new URL(process.env.E2E_BASE_URL ?? 'http://localhost:3000').origin;
const EMBED_FRAME = '[data-dramac-embed] iframe';
/** The widget's own page, nested in the embed page. */
const WIDGET_URL = /\/embed\/[^/]+\/assets\//;

/** The example contact form's files, under another slug and name. */
function contactFormFiles(overrides: Record<string, unknown>): TarEntry[] {
  const files = (fs.readdirSync(EXAMPLE, { recursive: true }) as string[]).filter((f) =>
    fs.statSync(path.join(EXAMPLE, f)).isFile(),
  );
  return files.map((name) => {
    const body = fs.readFileSync(path.join(EXAMPLE, name));
    return name === 'dramac.module.json'
      ? { name, body: JSON.stringify({ ...JSON.parse(body.toString()), ...overrides }) }
      : { name, body };
  });
}

/** The client's page: nothing but the snippet of the Embed tab, and a record of what it heard. */
const clientPage = (installationId: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Corner Bakery</title></head>
<body style="font-family: sans-serif; max-width: 640px; margin: 24px auto">
<h1>Corner Bakery</h1>
<p>Questions about an order? Write to us.</p>
<div id="contact"></div>
<p>Open every day from 7 to 18.</p>
<script src="${DASHBOARD}/embed/sdk.js"></script>
<script>
  window.heard = { dom: [], on: [], lifecycle: [] };
  document.addEventListener('dramac:event', (e) => window.heard.dom.push(e.detail));
  document.addEventListener('dramac:ready', () => window.heard.lifecycle.push('ready'));
  document.addEventListener('dramac:error', (e) => window.heard.lifecycle.push('error ' + e.detail.status));
  const widget = Dramac.mount('#contact', { installationId: '${installationId}' });
  widget.on('form.submitted', (payload) => window.heard.on.push(payload));
</script>
</body>
</html>`;

interface World {
  run: string;
  owner: { email: string; password: string; agencyId: string };
  siteId: string;
  installationId: string;
  moduleId: string;
  moduleName: string;
  table: string;
  verified: string;
  unverified: string;
}

let world: World;
const servers: http.Server[] = [];
let closeServices: (() => Promise<void>) | undefined;

async function listen(html: string): Promise<number> {
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

test.beforeAll(async () => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run the browser tests through scripts/browser-tests.ts');
  const services = await createServices(url, DASHBOARD);
  closeServices = () => services.close();
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const anonymous = createCaller(createContext(services, null));
  const asUser = (user: { id: string; email: string; name: string }) => createCaller(createContext(services, user));

  // a publisher (platform staff too, so it reviews its own release) publishes the example
  const publisher = await anonymous.auth.signUp({
    name: 'Pia Publisher',
    email: `pia-${run}@example.test`,
    password: `pw-pia-${run}`,
    agencyName: `Forms Studio ${run}`,
  });
  await services.db.user.update({ where: { id: publisher.user.id }, data: { isPlatformAdmin: true } });
  const pia = asUser(publisher.user);
  const moduleName = `Bakery contact ${run}`;
  const module = await pia.modules.create({
    agencyId: publisher.agencyId!,
    slug: `bakery-contact-${run}`,
    name: moduleName,
    type: 'widget',
  });
  const tgz = await buildTgz(contactFormFiles({ id: module.slug, name: moduleName }));
  const version = await pia.modules.uploadVersion({
    agencyId: publisher.agencyId!,
    moduleId: module.id,
    packageBase64: tgz.toString('base64'),
  });
  const ref = { agencyId: publisher.agencyId!, moduleId: module.id, versionId: version.id };
  await pia.modules.submit(ref);
  await pia.modules.review({ versionId: version.id, approve: true });
  await pia.modules.publish(ref);

  // the bakery's agency installs it on the bakery's site
  const password = `pw-olga-${run}`;
  const signedUp = await anonymous.auth.signUp({
    name: 'Olga Owner',
    email: `olga-${run}@example.test`,
    password,
    agencyName: `Bakery Agency ${run}`,
  });
  const olga = asUser(signedUp.user);
  const site = await olga.sites.create({
    agencyId: signedUp.agencyId!,
    name: 'Corner Bakery',
    slug: `corner-bakery-${run}`,
    timeZone: 'Europe/Berlin',
    currency: 'EUR',
    locale: 'en-GB',
  });
  const inst = await olga.installations.install({ siteId: site.id, moduleId: module.id, acceptPermissions: ['data:own'] });

  // the bakery's page, on a verified domain and on one the site never verified
  const verifiedPort = await listen(clientPage(inst.id));
  const unverifiedPort = await listen(clientPage(inst.id));
  // verified before the dashboard first asks for the site's origins (it caches them for 10 s)
  await services.db.siteDomain.create({
    data: { siteId: site.id, hostname: `localhost:${verifiedPort}`, token: 'proof', status: 'verified', verifiedAt: new Date() },
  });

  world = {
    run,
    owner: { email: signedUp.user.email, password, agencyId: signedUp.agencyId! },
    siteId: site.id,
    installationId: inst.id,
    moduleId: module.id,
    moduleName,
    table: `mod_${module.shortId}.submissions`,
    verified: `http://localhost:${verifiedPort}`,
    unverified: `http://127.0.0.1:${unverifiedPort}`,
  };
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await closeServices?.();
});

/** The rows of the module's table, read straight from the database. */
async function submissions(): Promise<{ id: string; name: string; email: string; message: string }[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(`select id, name, email, message from ${world.table} order by created_at`)).rows;
  } finally {
    await client.end();
  }
}

const heard = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { heard: { dom: { name: string; payload: unknown }[]; on: unknown[]; lifecycle: string[] } }).heard,
  );

/** The embed frame's height, and the height the widget's own page needs (clamped as the manifest says: 320–900). */
async function heights(page: Page) {
  const moduleFrame = page.frames().find((f) => WIDGET_URL.test(f.url()));
  if (!moduleFrame) throw new Error('The widget frame is not on the page');
  const content = await moduleFrame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const frame = await page.locator(EMBED_FRAME).evaluate((el) => Math.round(el.getBoundingClientRect().height));
  return { frame, wanted: Math.min(900, Math.max(320, content)) };
}

async function send(page: Page, name: string, email: string, message: string) {
  const widget = page.frameLocator(EMBED_FRAME).frameLocator('iframe');
  await widget.getByLabel('Name').fill(name);
  await widget.getByLabel('Email').fill(email);
  await widget.getByLabel('Message').fill(message);
  await widget.getByRole('button', { name: 'Send' }).click();
  await expect(widget.getByText('Thank you! We will get back to you soon.')).toBeVisible();
}

test('a page on a verified domain shows the widget at its size; a message is stored and the page hears form.submitted', async ({
  page,
}, testInfo) => {
  await page.goto(`${world.verified}/`);
  const widget = page.frameLocator(EMBED_FRAME).frameLocator('iframe');
  await expect(widget.getByLabel('Name')).toBeVisible();
  await expect(page.locator(EMBED_FRAME)).toHaveAttribute('title', world.moduleName);
  await expect.poll(async () => (await heard(page)).lifecycle).toEqual(['ready']);

  // sized to the form, not the browser's 150 px default nor the manifest's first guess
  await expect.poll(async () => (await heights(page)).frame - (await heights(page)).wanted).toBe(0);
  const formHeight = (await heights(page)).frame;
  expect(formHeight).toBeGreaterThan(320);
  await screenshot(page, testInfo, 'embed-verified-page');

  await send(page, 'Ann Visitor', 'ann@example.com', 'Do you bake sourdough on Sundays?');
  const rows = await submissions();
  expect(rows).toEqual([
    { id: expect.any(String), name: 'Ann Visitor', email: 'ann@example.com', message: 'Do you bake sourdough on Sundays?' },
  ]);
  const payload = { submissionId: rows[0]!.id, name: 'Ann Visitor', email: 'ann@example.com' };
  await expect.poll(async () => (await heard(page)).on).toEqual([payload]);
  expect((await heard(page)).dom).toEqual([{ installationId: world.installationId, name: 'form.submitted', payload }]);

  // the thank-you note is shorter than the form: the frame follows it down to the manifest's minimum
  await expect.poll(async () => (await heights(page)).frame).toBe(320);
  expect((await heights(page)).wanted).toBe(320);
  await screenshot(page, testInfo, 'embed-verified-page-sent');
});

test("messages forged by the page's own scripts are ignored on both sides", async ({ page }) => {
  const before = (await submissions()).length;
  await page.goto(`${world.verified}/`);
  await expect.poll(async () => (await heard(page)).lifecycle).toEqual(['ready']);

  await page.evaluate(
    ({ dashboard, selector }) => {
      const frame = document.querySelector(selector) as HTMLIFrameElement;
      const target = frame.contentWindow!;
      const forged: unknown[] = [];
      (window as unknown as { forged: unknown[] }).forged = forged;
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => forged.push(e.data);
      // a second handshake, handing the embed page a port of this script's own
      target.postMessage({ protocol: 'dramac-embed/1', type: 'connect' }, dashboard, [channel.port2]);
      // an answer to a call nobody made, on the window rather than the port
      target.postMessage({ type: 'response', id: 1, response: { status: 201, body: {} } }, dashboard);
      // penpal's handshake and a raw call, posing as the module to its host
      target.postMessage({ namespace: 'penpal', type: 'SYN', participantId: 'forger' }, dashboard);
      target.postMessage(
        {
          namespace: 'penpal',
          type: 'CALL',
          id: 'forged-call',
          methodPath: ['data', 'create'],
          args: ['submissions', { name: 'Forged', email: 'forged@example.com', message: 'forged' }],
        },
        dashboard,
      );
      // and to the SDK, a "hello" that comes from the page itself rather than the embed frame
      window.postMessage({ protocol: 'dramac-embed/1', type: 'hello', title: 'Forged' }, '*');
    },
    { dashboard: DASHBOARD, selector: EMBED_FRAME },
  );

  // the real channel still carries the visitor's message; nothing went to the forger or the table
  await send(page, 'Ben Visitor', 'ben@example.com', 'Two loaves for Saturday, please.');
  await expect.poll(async () => (await heard(page)).on.length).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { forged: unknown[] }).forged)).toEqual([]);
  await expect(page.locator(EMBED_FRAME)).toHaveAttribute('title', world.moduleName);
  const rows = await submissions();
  expect(rows.map((r) => r.name)).toEqual([...rows.slice(0, before).map((r) => r.name), 'Ben Visitor']);
  expect(rows.map((r) => r.email)).not.toContain('forged@example.com');
});

test('the same page on an unverified origin is refused with a visible notice and can write nothing', async ({
  page,
}, testInfo) => {
  const before = (await submissions()).length;
  await page.goto(`${world.unverified}/`);
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('This website is not allowed to show this widget.');
  await expect(notice).toContainText(`This website (${world.unverified}) is not a verified domain of the site.`);
  await expect(page.locator(EMBED_FRAME)).toHaveCount(0);
  expect((await heard(page)).lifecycle).toEqual(['error 403']);
  await screenshot(page, testInfo, 'embed-unverified-page');

  // the page's own attempts: frame the embed page itself, write through the gateway without a token
  const attempts = await page.evaluate(
    async ({ dashboard, installationId, moduleId }) => {
      const frame = document.createElement('iframe');
      frame.src = `${dashboard}/embed/${installationId}#origin=${encodeURIComponent(location.origin)}`;
      document.body.append(frame);
      const row = JSON.stringify({ name: 'Mallory', email: 'mallory@example.com', message: 'spam' });
      const results: string[] = [];
      for (const type of ['application/json', 'text/plain']) {
        try {
          const res = await fetch(`${dashboard}/api/modules/${moduleId}/data/submissions`, {
            method: 'POST',
            headers: { 'content-type': type },
            body: row,
          });
          results.push(`${type}: ${res.status}`);
        } catch {
          results.push(`${type}: blocked`);
        }
      }
      return results;
    },
    { dashboard: DASHBOARD, installationId: world.installationId, moduleId: world.moduleId },
  );
  // refused at the preflight, or readable only as an opaque failure: nothing reached the table
  expect(attempts).toEqual(['application/json: blocked', 'text/plain: blocked']);
  // frame-ancestors: the embed page never loads in the unverified page, so neither does the widget
  await page.waitForTimeout(1500);
  expect(page.frames().some((f) => WIDGET_URL.test(f.url()))).toBe(false);
  expect((await submissions()).length).toBe(before);
});

test('the site owner finds the snippet, the verified domain and a preview on the Embed tab', async ({ page }, testInfo) => {
  await page.goto('/sign-in');
  await signIn(page, world.owner.email, world.owner.password);
  await expect(page).toHaveURL(/\/a\/[^/]+/);
  await page.goto(`/a/${world.owner.agencyId}/sites/${world.siteId}/modules/${world.installationId}`);
  await page.getByRole('navigation', { name: 'Module sections' }).getByRole('link', { name: 'Embed' }).click();
  await expect(page).toHaveURL(/\?tab=embed$/);

  const snippet = page.locator('pre code');
  await expect(snippet).toContainText(`<script src="${DASHBOARD}/embed/sdk.js"></script>`);
  await expect(snippet).toContainText(`installationId: '${world.installationId}'`);
  const domains = page.getByRole('list', { name: 'Verified domains' });
  await expect(domains).toContainText(world.verified.replace('http://', ''));
  await expect(domains).toContainText('Verified');
  const previewFrame = page.locator(`iframe[title="${world.moduleName} preview"]`);
  await expect(previewFrame).toBeVisible(); // shown once the widget connected
  await expect(previewFrame.contentFrame().getByLabel('Name')).toBeVisible();
  // tall enough for the whole tab: frames outside the viewport are not painted in a screenshot
  await page.setViewportSize({ width: 1280, height: 1400 });
  await screenshot(page, testInfo, 'embed-dashboard-tab');
});
