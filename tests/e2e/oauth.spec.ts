// OAuth from both sides of the screen: a developer registers an app in Settings → Apps; the owner
// of another agency follows the app's authorization link, signs in, sees the consent screen (the
// app, its publisher, the scopes in plain words, a choice of site) and allows it; the browser
// lands on the app's callback with code, state and iss; the app trades the code (PKCE) for a
// token and reads the site over REST; the owner disconnects it and the token stops working.
// A tampered redirect_uri is refused on our own page.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { nav, newPerson, type Person, screenshot, signIn, signUp } from './helpers';

// a 1×1 PNG, the app's logo
const LOGO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The app's callback: answers a small page and remembers the query it was called with. */
function startCallback() {
  const calls: URLSearchParams[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://callback.invalid');
    if (url.pathname !== '/callback') return void res.writeHead(404).end(); // the browser's favicon request
    calls.push(url.searchParams);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Back at the app</h1>');
  });
  return new Promise<{ url: string; calls: URLSearchParams[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/callback`,
        calls,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

let callback: Awaited<ReturnType<typeof startCallback>>;
test.beforeAll(async () => {
  callback = await startCallback();
});
test.afterAll(async () => {
  await callback?.close();
});

async function personPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function signUpWithSite(page: Page, person: Person, site: string) {
  await page.goto('/sign-up');
  await signUp(page, person);
  await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);
  await page.getByRole('link', { name: 'Create your first site' }).click();
  await page.getByLabel('Site name').fill(site);
  await page.getByRole('button', { name: 'Create site' }).click();
  await expect(page.getByRole('link', { name: new RegExp(site) })).toBeVisible();
}

/** An authorization request as a public client builds it: PKCE S256 and a state. */
function authorizationRequest(baseURL: string, clientId: string, redirectUri: string) {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const url = new URL('/oauth/authorize', baseURL);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'site:read webhooks:read',
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  return { url: url.toString(), verifier, state };
}

test('an owner connects another agency’s app on the consent screen, and disconnects it', async ({
  browser,
  baseURL,
}, testInfo) => {
  const dana = newPerson('Dana'); // publishes the app
  const owen = newPerson('Owen'); // owns the site that connects it
  const dev = await personPage(browser);
  let clientId = '';

  await test.step('the developer registers a public app with a logo', async () => {
    await dev.goto('/sign-up');
    await signUp(dev, dana);
    await expect(dev).toHaveURL(/\/a\/[^/]+\/sites$/);
    await nav(dev, 'Settings').click();
    await dev.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Apps' }).click();
    await expect(dev.getByRole('heading', { name: 'No OAuth apps yet' })).toBeVisible();
    await expect(dev.getByRole('heading', { name: 'No connected apps' })).toBeVisible();
    await dev.getByRole('button', { name: 'Register app' }).first().click();
    const dialog = dev.getByRole('dialog');
    await dialog.getByLabel('App name').fill('Tidy Books');
    await dialog.getByLabel('Public').check();
    await dialog.getByLabel('Redirect URLs').fill('http://example.com/callback');
    await dialog.getByLabel('webhooks:read').check();
    await dialog.locator('input[type=file]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: LOGO });
    await dialog.getByRole('button', { name: 'Register app' }).click();
    // plain http is refused beside the field, for anything but loopback
    await expect(dialog.getByText('Use https; plain http is only allowed for localhost, 127.0.0.1 and [::1]')).toBeVisible();
    await dialog.getByLabel('Redirect URLs').fill(callback.url);
    await screenshot(dev, testInfo, 'oauth-register-app');
    await dialog.getByRole('button', { name: 'Register app' }).click();
    await expect(dev.getByRole('heading', { name: 'Tidy Books is registered' })).toBeVisible();
    clientId = await dev.getByLabel('Client ID').inputValue();
    expect(clientId).toMatch(/^dci_/);
    await expect(dev.getByLabel('Client secret')).toHaveCount(0); // a public app has none
    await screenshot(dev, testInfo, 'oauth-app-registered');
    await dev.getByRole('button', { name: 'Done' }).click();
    await expect(dev.getByRole('listitem', { name: 'Tidy Books' })).toContainText(clientId);
    await screenshot(dev, testInfo, 'oauth-apps-list');
  });

  const owner = await personPage(browser);
  await test.step('the site owner signs up and creates a site', async () => {
    await signUpWithSite(owner, owen, 'Harbour Bakery');
    await owner.context().clearCookies(); // signed out again, to follow the link as a visitor
  });

  const request = authorizationRequest(baseURL!, clientId, callback.url);
  await test.step('a tampered redirect_uri is refused on our page, never followed', async () => {
    const tampered = authorizationRequest(baseURL!, clientId, 'https://evil.example/callback');
    await owner.goto(tampered.url);
    await signIn(owner, owen.email, owen.password);
    await expect(owner.getByRole('heading', { name: 'This app link cannot be used' })).toBeVisible();
    await expect(owner.getByText('The redirect_uri is not one this app registered')).toBeVisible();
    expect(new URL(owner.url()).origin).toBe(new URL(baseURL!).origin);
    await screenshot(owner, testInfo, 'oauth-bad-redirect');
  });

  await test.step('the owner sees who asks for what, in plain words, and picks the site', async () => {
    await owner.goto(request.url);
    await expect(owner).toHaveURL(/\/oauth\/consent\?/);
    await expect(owner.getByRole('heading', { name: 'Tidy Books wants to connect to a site' })).toBeVisible();
    await expect(owner.getByText(`Published by ${dana.agency}`)).toBeVisible();
    await expect(owner.getByText('See the site’s name, time zone, currency and language')).toBeVisible();
    await expect(owner.getByText('See where this site sends change notifications')).toBeVisible();
    await expect(owner.getByRole('radio', { name: 'Harbour Bakery' })).toBeChecked();
    await expect(owner.getByRole('button', { name: 'Allow' })).toBeEnabled(); // not framed
    await screenshot(owner, testInfo, 'oauth-consent');
  });

  let code = '';
  await test.step('Allow sends the browser back to the app with code, state and iss', async () => {
    await owner.getByRole('button', { name: 'Allow' }).click();
    await expect(owner.getByRole('heading', { name: 'Back at the app' })).toBeVisible();
    const returned = callback.calls.at(-1)!;
    expect(returned.get('state')).toBe(request.state);
    expect(returned.get('iss')).toBe(new URL(baseURL!).origin);
    code = returned.get('code') ?? '';
    expect(code).toMatch(/^doc_/);
  });

  let accessToken = '';
  await test.step('the app trades the code for a token and reads the site', async () => {
    const res = await fetch(new URL('/oauth/token', baseURL), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: callback.url,
        client_id: clientId,
        code_verifier: request.verifier,
      }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    accessToken = ((await res.json()) as { access_token: string }).access_token;
    const headers = { authorization: `Bearer ${accessToken}` };
    const me = (await (await fetch(new URL('/api/v1/token', baseURL), { headers })).json()) as { siteId: string };
    const site = await fetch(new URL(`/api/v1/sites/${me.siteId}`, baseURL), { headers });
    expect(await site.json()).toMatchObject({ name: 'Harbour Bakery' });
  });

  await test.step('the owner finds it under Connected apps and disconnects it', async () => {
    await owner.goto('/');
    await nav(owner, 'Settings').click();
    await owner.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Apps' }).click();
    const row = owner.getByRole('row', { name: /Tidy Books/ });
    await expect(row).toContainText('Harbour Bakery');
    await expect(row).toContainText(`by ${dana.agency}`);
    await expect(row).toContainText('webhooks:read');
    await expect(row).toContainText(`by ${owen.name}`);
    await screenshot(owner, testInfo, 'oauth-connected-apps');
    await row.getByRole('button', { name: 'Disconnect Tidy Books from Harbour Bakery' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click();
    await expect(owner.getByText('Tidy Books can no longer reach Harbour Bakery.')).toBeVisible();
    await expect(owner.getByRole('heading', { name: 'No connected apps' })).toBeVisible();
    const after = await fetch(new URL('/api/v1/token', baseURL), { headers: { authorization: `Bearer ${accessToken}` } });
    expect(after.status).toBe(401);
  });
});
