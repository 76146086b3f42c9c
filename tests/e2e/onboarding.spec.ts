// The first day of an agency: its owner signs up, creates a site and invites a colleague, who
// finds the link in the Outbox (no SMTP here), creates an account in another browser and joins.
import { expect, test } from '@playwright/test';
import { nav, newPerson, pathOf, screenshot, signUp } from './helpers';

test('an owner signs up, creates a site and invites a member who joins', async ({ page, browser }, testInfo) => {
  const owner = newPerson('Olivia');
  const invitee = newPerson('Ivan');
  let agencyPath = '';

  await test.step('the owner signs up and lands in an empty agency', async () => {
    await page.goto('/sign-up');
    await signUp(page, owner);
    await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);
    agencyPath = new URL(page.url()).pathname.replace(/\/sites$/, '');
    await expect(page.getByRole('heading', { name: 'No sites yet' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Switch agency/ })).toContainText(owner.agency);
  });

  await test.step('creates a site; the slug follows the name', async () => {
    await page.getByRole('link', { name: 'Create your first site' }).click();
    await page.getByLabel('Site name').fill('Bloom Florists');
    await expect(page.getByLabel('Slug')).toHaveValue('bloom-florists');
    await page.getByLabel('Time zone').fill('berlin');
    await page.getByRole('option', { name: /Europe\/Berlin/ }).click();
    await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
    await page.getByLabel('Currency').fill('EUR');
    await page.getByRole('option', { name: /^EUR/ }).click();
    await page.getByLabel('Locale').fill('de-DE');
    await page.getByRole('option', { name: /^de-DE/ }).click();
    await page.getByRole('button', { name: 'Create site' }).click();

    await expect(page).toHaveURL(new RegExp(`${agencyPath}/sites$`));
    const card = page.getByRole('link', { name: /Bloom Florists/ });
    await expect(card).toBeVisible();
    await expect(card).toContainText('bloom-florists');
    await expect(card).toContainText('Europe/Berlin');
    await expect(card).toContainText('EUR');
    await screenshot(page, testInfo, 'sites-list');
  });

  await test.step('invites a member by email', async () => {
    await nav(page, 'Members').click();
    await page.getByLabel('Email address').fill(invitee.email);
    await page.getByLabel('Role', { exact: true }).selectOption('member');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${invitee.email}` })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: invitee.email })).toBeVisible();
  });

  let link = '';
  await test.step('finds the invitation email, held, in the Outbox', async () => {
    await nav(page, 'Outbox').click();
    await expect(page.getByText('Set SMTP_URL to deliver mail', { exact: false })).toBeVisible();
    const message = page.getByRole('button', { name: new RegExp(`Join ${owner.agency} on Dramac`) });
    // the worker marks it held within seconds; the page refreshes itself while mail is queued
    await expect(message).toContainText('Held', { timeout: 20_000 });
    await expect(message).toContainText(invitee.email);
    await message.click();
    const anchor = page.getByRole('link', { name: /\/invitations\/inv_/ });
    await expect(anchor).toBeVisible();
    link = (await anchor.getAttribute('href')) ?? '';
    expect(link).toMatch(/\/invitations\/inv_/);
    await screenshot(page, testInfo, 'outbox');
  });

  await test.step('the invitee opens the link in another browser, creates an account and accepts', async () => {
    const context = await browser.newContext();
    const guest = await context.newPage();
    await guest.goto(link);
    await expect(guest.getByRole('heading', { name: `Join ${owner.agency}` })).toBeVisible();
    await expect(guest.getByText(owner.name, { exact: false }).first()).toBeVisible();
    await expect(guest.getByText('Pending', { exact: true })).toBeVisible();
    await screenshot(guest, testInfo, 'invitation');

    await guest.getByRole('link', { name: 'Create an account' }).click();
    await expect(guest.getByLabel('Email')).toHaveValue(invitee.email);
    // joining an agency needs no agency of one's own
    await expect(guest.getByLabel('Agency name')).toHaveCount(0);
    await signUp(guest, invitee, { withAgency: false });

    await expect(guest).toHaveURL(pathOf(link));
    await guest.getByRole('button', { name: 'Accept invitation' }).click();
    await expect(guest).toHaveURL(new RegExp(`${agencyPath}/sites$`));
    await expect(guest.getByRole('link', { name: /Bloom Florists/ })).toBeVisible();
    // a member may look but not create
    await expect(guest.getByRole('link', { name: 'New site' })).toHaveCount(0);
    await screenshot(guest, testInfo, 'member-sites');
    await context.close();
  });

  await test.step('the owner sees the new member', async () => {
    await nav(page, 'Members').click();
    const row = page.getByRole('row').filter({ hasText: invitee.email });
    await expect(row).toBeVisible();
    await expect(row.getByRole('combobox', { name: `Role of ${invitee.name}` })).toHaveValue('member');
    await expect(page.getByText('No pending invitations.')).toBeVisible();
    await screenshot(page, testInfo, 'members');
  });
});
