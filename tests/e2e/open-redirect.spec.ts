// `next` on the sign-in and sign-up pages leads only to a path of this site: signed in, the pages
// redirect at once (307); signed out, after the form. The unit test of the guard is
// apps/web/lib/safe-next.test.ts; this checks what the browser is actually sent.
import { expect as baseExpect, test } from '@playwright/test';
import { newPerson, signIn, signUp } from './helpers';

// the machine is shared: give navigation more time than the default 10 s
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const bypasses = [
  '/.//evil.example/x',
  '//evil.example/x',
  '/\\evil.example/x',
  '/%2F%2Fevil.example/x',
  '/\t/evil.example/x',
  '/\n/evil.example/x',
  'https://evil.example/x',
  '/a/..//evil.example/x',
];

const pages = ['/sign-in', '/sign-up'] as const;

test('signed in, both pages redirect only to a local path', async ({ page, baseURL }) => {
  const person = newPerson('Rhea');
  await page.goto('/sign-up');
  await signUp(page, person);
  await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);

  for (const path of pages) {
    for (const next of bypasses) {
      const res = await page.request.get(`${path}?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
      expect(res.status(), `${path} next=${JSON.stringify(next)}`).toBe(307);
      const location = res.headers().location ?? '';
      expect(new URL(location, baseURL).origin, `${path} next=${JSON.stringify(next)} → ${location}`).toBe(
        new URL(baseURL ?? '').origin,
      );
      expect(location.startsWith('/') && !location.startsWith('//'), location).toBe(true);
    }
    // a local path is kept
    const ok = await page.request.get(`${path}?next=${encodeURIComponent('/welcome?from=x')}`, { maxRedirects: 0 });
    expect(ok.headers().location).toBe('/welcome?from=x');
  }
});

test('signed out, signing in with a hostile `next` stays on the site', async ({ page, browser, baseURL }) => {
  const person = newPerson('Remy');
  await page.goto('/sign-up');
  await signUp(page, person);
  await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(`/sign-in?next=${encodeURIComponent('/.//evil.example/x')}`);
  // the sign-up link carries no hostile target either
  await expect(visitor.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', /^\/sign-up(\?next=%2F)?$/);
  await signIn(visitor, person.email, person.password);
  await expect(visitor).toHaveURL(/\/a\/[^/]+\/sites$/);
  expect(new URL(visitor.url()).origin).toBe(new URL(baseURL ?? '').origin);
  await context.close();
});

test('signed out, signing up with a hostile `next` stays on the site', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(`/sign-up?next=${encodeURIComponent('/.//evil.example/x')}`);
  await signUp(visitor, newPerson('Rory'));
  await expect(visitor).toHaveURL(/\/(a\/[^/]+\/sites|welcome)$/);
  expect(new URL(visitor.url()).origin).toBe(new URL(baseURL ?? '').origin);
  await context.close();
});
