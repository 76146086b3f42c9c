// What a person sees when the form or the password is wrong.
import { expect, test } from '@playwright/test';
import { formAlert, newPerson, pathOf, signIn, signUp } from './helpers';

test('sign-up shows the server’s message beside each wrong field', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Vera Validation');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByLabel('Agency name').fill('V');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByText('Use at least 8 characters')).toBeVisible();
  await expect(page.getByText('Use at least 2 characters')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Your name')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/sign-up$/);

  // fixing the fields clears the messages and creates the account
  const person = newPerson('Vera');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByLabel('Agency name').fill(person.agency);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);
});

test('a taken email is refused with a way to sign in', async ({ page, browser }) => {
  const person = newPerson('Tina');
  await page.goto('/sign-up');
  await signUp(page, person);
  await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);

  const other = await browser.newContext();
  const again = await other.newPage();
  await again.goto('/sign-up');
  await signUp(again, { ...person, name: 'Tina Again' });
  await expect(formAlert(again)).toContainText('An account with this email already exists');
  await expect(again.getByRole('link', { name: 'Go to sign in' })).toBeVisible();
  await other.close();
});

test('a wrong password is refused; the right one signs in and returns to `next`', async ({ page, browser }) => {
  const person = newPerson('Walter');
  await page.goto('/sign-up');
  await signUp(page, person);
  await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);
  const membersPath = new URL(page.url()).pathname.replace(/sites$/, 'members');

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(membersPath);
  await expect(visitor).toHaveURL(/\/sign-in\?next=/);

  await signIn(visitor, person.email, 'not-the-password');
  await expect(formAlert(visitor)).toHaveText('Wrong email or password.');
  await expect(visitor).toHaveURL(/\/sign-in/);

  await signIn(visitor, person.email, person.password);
  await expect(visitor).toHaveURL(pathOf(membersPath));
  await expect(visitor.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible();
  await context.close();
});

test('`next` never leads to another site', async ({ page }) => {
  const person = newPerson('Nina');
  await page.goto(`/sign-up?next=${encodeURIComponent('//evil.example/steal')}`);
  await signUp(page, person);
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\//);
  expect(new URL(page.url()).host).not.toBe('evil.example');
});

test('too many wrong passwords are slowed down', async ({ page }) => {
  const person = newPerson('Rita');
  await page.goto('/sign-up');
  await signUp(page, person);
  await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);
  await page.context().clearCookies();

  await page.goto('/sign-in');
  const limit = Number(process.env.SIGNIN_MAX_PER_EMAIL ?? 10);
  const alert = formAlert(page);
  for (let i = 0; i < limit; i++) {
    await signIn(page, person.email, `wrong-${i}`);
    await expect(alert).toHaveText('Wrong email or password.');
    // wait for the form to be ready again before the next attempt
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await signIn(page, person.email, person.password);
  await expect(alert).toHaveText('Too many attempts, try again in a few minutes');
});

test('an error carried in the sign-in URL is shown, and does not spoil the next attempt', async ({ page }) => {
  const person = newPerson('Ezra');
  await page.goto('/sign-up');
  await signUp(page, person);
  await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);
  await page.context().clearCookies();

  // where next-auth sends a failed sign-in it handled itself
  await page.goto('/sign-in?error=CredentialsSignin');
  await expect(formAlert(page)).toHaveText('Wrong email or password.');
  await signIn(page, person.email, person.password);
  await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);
});
