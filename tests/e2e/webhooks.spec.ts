// Webhooks of a site: an owner adds an endpoint pointing at a receiver on this machine, copies the
// secret shown once, sends a test event, sees it succeed in the delivery log, checks in the
// receiver that the request is signed with that secret (Standard Webhooks), then disables it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { newPerson, screenshot, signUp } from './helpers';

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A receiver answering 200 to every POST, remembering what it got. */
function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  return new Promise<{ url: string; received: Received[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/dramac/webhooks`,
        received,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(async () => {
  await receiver?.close();
});

test('an owner adds a webhook endpoint, sends a signed test event and disables the endpoint', async ({ page }, testInfo) => {
  const owner = newPerson('Wendy');
  let webhooksUrl = '';

  await test.step('signs up and creates a site', async () => {
    await page.goto('/sign-up');
    await signUp(page, owner);
    await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);
    await page.getByRole('link', { name: 'Create your first site' }).click();
    await page.getByLabel('Site name').fill('Harbour Bakery');
    await expect(page.getByLabel('Slug')).toHaveValue('harbour-bakery');
    await page.getByRole('button', { name: 'Create site' }).click();
    await page.getByRole('link', { name: /Harbour Bakery/ }).click();
    await expect(page).toHaveURL(/\/a\/[^/]+\/sites\/[^/]+$/);
    webhooksUrl = `${new URL(page.url()).pathname}/webhooks`;
  });

  await test.step('opens Webhooks: nothing yet, with a pointer to the event docs', async () => {
    await page.goto(webhooksUrl);
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No webhook endpoints yet' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Browse the events' })).toHaveAttribute('href', '/docs/events');
  });

  let secret = '';
  await test.step('adds an endpoint for all events and sees its secret once', async () => {
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByLabel('Description').fill('Order sync');
    // nothing chosen yet: the server's message appears under the picker
    await page.getByRole('dialog').getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByText('Choose at least one event type')).toBeVisible();
    await page.getByLabel('All events', { exact: true }).check();
    await expect(page.getByLabel('site.updated', { exact: true })).toBeChecked();
    await page.getByRole('dialog').getByRole('button', { name: 'Add endpoint' }).click();

    await expect(page.getByText('This secret will not be shown again')).toBeVisible();
    const field = page.getByRole('textbox', { name: 'Signing secret' });
    await expect(field).toHaveValue(/^whsec_/);
    secret = await field.inputValue();
    await page.getByRole('button', { name: 'I have stored the secret' }).click();
    await expect(field).toHaveCount(0);
    await expect(page.getByText(secret)).toHaveCount(0);

    const endpoint = page.getByRole('listitem', { name: receiver.url });
    await expect(endpoint).toContainText('Enabled');
    await expect(endpoint).toContainText('Order sync');
    await expect(endpoint.getByRole('list', { name: 'Subscribed events' })).toContainText('All events');
  });

  await test.step('sends a test event and watches it succeed in the delivery log', async () => {
    await page.getByRole('listitem', { name: receiver.url }).getByRole('button', { name: 'Send test' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Test event sent' })).toBeVisible();
    // the log refreshes itself while the delivery is pending
    const row = page.getByRole('region', { name: 'Delivery log' }).getByRole('row').filter({ hasText: 'webhook.test' });
    await expect(row).toContainText('Succeeded', { timeout: 20_000 });
    await expect(row).toContainText('200');
    await row.getByRole('button', { name: /Show attempts/ }).click();
    await expect(page.getByRole('list', { name: 'Attempts' })).toContainText('Attempt 1');
  });

  await test.step('the receiver got a request signed with the secret shown in the dashboard', async () => {
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    const event = new Webhook(secret).verify(request!.body, request!.headers) as { type: string; data: { message: string } };
    expect(event.type).toBe('webhook.test');
    expect(event.data.message).toContain('test event');
    // the log shows the same webhook-id the receiver saw
    await expect(page.getByRole('region', { name: 'Delivery log' })).toContainText(request!.headers['webhook-id']!);
    // a forged signature does not verify
    expect(() => new Webhook(secret).verify(`${request!.body} `, request!.headers)).toThrow();
  });

  await test.step('disables the endpoint', async () => {
    const endpoint = page.getByRole('listitem', { name: receiver.url });
    await endpoint.getByRole('switch', { name: 'Enabled' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Endpoint disabled' })).toBeVisible();
    await expect(endpoint.getByRole('switch', { name: 'Enabled' })).not.toBeChecked();
    await expect(endpoint).toContainText('Disabled');
    await expect(endpoint).toContainText('Disabled by a user');
    await expect(endpoint.getByRole('button', { name: 'Send test' })).toBeDisabled();

    await page.reload();
    await expect(page.getByRole('listitem', { name: receiver.url })).toContainText('Disabled by a user');
    await expect(
      page.getByRole('region', { name: 'Delivery log' }).getByRole('row').filter({ hasText: 'webhook.test' }),
    ).toContainText('Succeeded');
    await screenshot(page, testInfo, 'webhooks');
  });
});
