// Signing out ends the session on the server: the cookie saved before, replayed afterwards (as a
// thief who copied it would), opens no page and answers no API call.
import { expect as baseExpect, test } from '@playwright/test';
import { newPerson, signUp } from './helpers';

// the machine is shared: give navigation more time than the default 10 s
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

test('a cookie replayed after sign-out signs nobody in', async ({ page, browser, baseURL }) => {
  const person = newPerson('Sigrid');
  await page.goto('/sign-up');
  await signUp(page, person);
  await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);
  const sitesUrl = page.url();
  const saved = await page.context().cookies();
  expect(saved.some((c) => c.name.includes('next-auth.session-token'))).toBe(true);

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const thief = await browser.newContext();
  await thief.addCookies(saved);
  const replay = await thief.newPage();
  await replay.goto(sitesUrl);
  await expect(replay).toHaveURL(/\/sign-in\?next=/);
  const api = await thief.request.get(`${baseURL}/api/trpc/auth.me`);
  expect(api.status()).toBe(401);
  await thief.close();
});
