// Shared steps for the browser tests: unique people, screenshots kept as artifacts.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';
import pg from 'pg';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** A person no earlier run has used. */
export function newPerson(first: string) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {
    name: `${first} Tester`,
    email: `${first.toLowerCase()}-${id}@example.test`,
    password: `pw-${first}-${id}`,
    agency: `${first} Studio ${id}`,
  };
}
export type Person = ReturnType<typeof newPerson>;

/** A full-page screenshot, attached to the report and kept under test-results/screenshots/. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const body = await page.screenshot({ fullPage: true, path: path.join(SCREENSHOTS, `${name}.png`) });
  await testInfo.attach(name, { body, contentType: 'image/png' });
}

export async function signUp(page: Page, person: Person, opts: { withAgency?: boolean } = {}) {
  await page.getByLabel('Your name').fill(person.name);
  await expect(page.getByLabel('Email')).toBeEditable();
  if ((await page.getByLabel('Email').inputValue()) !== person.email) await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  if (opts.withAgency !== false) await page.getByLabel('Agency name').fill(person.agency);
  await page.getByRole('button', { name: 'Create account' }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A link of the sidebar's main navigation. */
export const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: new RegExp(`^${name}`) });

/** Matches a URL whose path (and query) is exactly that of `url`. */
export function pathOf(url: string): RegExp {
  const { pathname, search } = new URL(url, 'http://any.invalid');
  return new RegExp(`^https?://[^/]+${`${pathname}${search}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The error banner of the page's form (Next.js keeps its own, empty, route announcer alert). */
export const formAlert = (page: Page) => page.locator('form').getByRole('alert');

/** Runs `fn` with a client of the database the dashboard under test uses. */
async function withE2eDatabase<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run the browser tests through scripts/browser-tests.ts');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Makes the user with `email` platform staff, in the database the dashboard under test uses. */
export async function makePlatformAdmin(email: string) {
  await withE2eDatabase(async (client) => {
    const { rowCount } = await client.query('update platform.users set "isPlatformAdmin" = true where email = $1', [email]);
    if (rowCount !== 1) throw new Error(`No user signed up as ${email}`);
  });
}

/** The rows of a query in the dashboard's database: for what no page shows (events, module schemas). */
export function e2eQuery<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return withE2eDatabase(async (client) => (await client.query(sql, params)).rows as T[]);
}
