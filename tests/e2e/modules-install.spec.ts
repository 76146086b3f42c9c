// Modules on a site: a publisher's contact form is published (seeded through the API services);
// a site owner finds it in the catalogue, reads the consent screen, installs it, is taken to its
// settings, saves bad values (each error beside its field) and then good ones (the secret only
// ever shows as "Set"), switches it off and on, upgrades it (consenting to a new permission),
// rolls back, and uninstalls it keeping its data.
import fs from 'node:fs';
import path from 'node:path';
import { createCaller, createContext } from '@dramac/api';
import { createServices } from '@dramac/api/http';
import { expect, type Page, test } from '@playwright/test';
import { buildTgz, contactFormManifest, type TarEntry } from '../../packages/manifest/src/testing/fixtures.ts';
import { newPerson, screenshot, signUp } from './helpers';

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/modules/contact-form');

/** The example contact form's files, its manifest changed by `overrides`. */
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

/**
 * A contact form published by its own agency, with every kind of setting (a required secret
 * among them). 1.0.0 is published first; `release('1.1.0')` later adds a version that also asks to
 * read the site's details.
 */
async function contactFormPublisher(run: string) {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run the browser tests through scripts/browser-tests.ts');
  const services = await createServices(url, process.env.E2E_BASE_URL ?? 'http://localhost:3000');
  const { user, agencyId } = await createCaller(createContext(services, null)).auth.signUp({
    name: 'Pia Publisher',
    email: `pia-${run}@example.test`,
    password: `pw-pia-${run}`,
    agencyName: `Lead Studio ${run}`,
  });
  if (!agencyId) throw new Error('The publisher signed up without an agency');
  // review is the platform staff's part: this publisher is staff too
  await services.db.user.update({ where: { id: user.id }, data: { isPlatformAdmin: true } });
  const api = createCaller(createContext(services, { id: user.id, email: user.email, name: user.name }));
  const name = `Lead form ${run}`;
  const module = await api.modules.create({ agencyId, slug: `lead-form-${run}`, name, type: 'widget' });
  const changelog = [
    { version: '1.0.0', date: '2026-10-01', notes: 'First release.' },
    { version: '1.1.0', date: '2026-11-01', notes: "Greets visitors in the site's language." },
  ];
  const permissions: Record<string, string[]> = {
    '1.0.0': ['data:own', 'crm.contacts:write', 'network:*.hcaptcha.com'],
    '1.1.0': ['data:own', 'crm.contacts:write', 'network:*.hcaptcha.com', 'site:read'],
  };
  const release = async (version: '1.0.0' | '1.1.0') => {
    const files = contactFormFiles({
      id: module.slug,
      name,
      version,
      tags: ['leads', `run-${run}`],
      permissions: permissions[version],
      settings: contactFormManifest().settings,
      changelog: changelog.filter((c) => c.version <= version),
    });
    const packageBase64 = (await buildTgz(files)).toString('base64');
    const v = await api.modules.uploadVersion({ agencyId, moduleId: module.id, packageBase64 });
    const ref = { agencyId, moduleId: module.id, versionId: v.id };
    await api.modules.submit(ref);
    await api.modules.review({ versionId: v.id, approve: true });
    await api.modules.publish(ref);
  };
  await release('1.0.0');
  return { name, release, close: () => services.close() };
}

let publisher: Awaited<ReturnType<typeof contactFormPublisher>> | undefined;
test.afterAll(async () => {
  await publisher?.close();
});

const toast = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

test('a site owner installs a module with consent, configures it, switches it off and on, and uninstalls it', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  publisher = await contactFormPublisher(run);
  const { name, release } = publisher;
  const owner = newPerson('Mona');
  const secret = `hc-secret-${run}`;
  // every API answer the dashboard receives, to prove the secret never comes back
  const answers: Promise<string>[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/trpc/')) answers.push(r.text().catch(() => ''));
  });

  await test.step('signs up, creates a site and opens its Modules: nothing installed yet', async () => {
    await page.goto('/sign-up');
    await signUp(page, owner);
    await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);
    await page.getByRole('link', { name: 'Create your first site' }).click();
    await page.getByLabel('Site name').fill('Corner Bakery');
    await page.getByRole('button', { name: 'Create site' }).click();
    await page.getByRole('link', { name: /Corner Bakery/ }).click();
    await page.getByRole('navigation', { name: 'Site sections' }).getByRole('link', { name: 'Modules' }).click();
    await expect(page.getByRole('heading', { name: 'Modules', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No modules installed' })).toBeVisible();
  });

  await test.step('browses the catalogue by name, tag, category and type', async () => {
    await page.getByRole('link', { name: 'Add module' }).click();
    await expect(page.getByRole('heading', { name: 'Add a module', level: 1 })).toBeVisible();
    const cards = page.getByRole('list', { name: 'Modules' }).getByRole('listitem');
    await page.getByLabel('Search modules').fill(name);
    await expect(cards).toHaveCount(1);
    await page.getByLabel('Search modules').fill(`#run-${run}`);
    await expect(cards).toHaveCount(1);
    await page.getByLabel('Category').selectOption({ label: 'Finance' });
    await expect(page.getByRole('heading', { name: 'No modules match' })).toBeVisible();
    await page.getByLabel('Category').selectOption({ label: 'Forms' });
    await page.getByLabel('Type').selectOption({ label: 'Widget' });
    const card = cards.getByRole('link', { name });
    await expect(card).toContainText('by Dramac examples');
    await expect(card).toContainText('v1.0.0');
    await screenshot(page, testInfo, 'site-modules-catalog');
    await card.click();
  });

  await test.step('reads on the consent screen what the module may do, then installs it', async () => {
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    const consent = page.getByRole('region', { name: 'Before you install' });
    const may = consent.getByRole('region', { name: `${name} will be able to` });
    await expect(may).toContainText("Add, change and delete the site's CRM contacts");
    await expect(may).not.toContainText("See the site's details");
    await expect(may).toContainText('Keep its own data for this site');
    await expect(consent.getByRole('region', { name: 'Services it may contact' })).toContainText(
      'Connect from its pages to subdomains of hcaptcha.com',
    );
    await expect(consent.getByRole('region', { name: 'Data it keeps' })).toContainText('submissions');
    await expect(consent.getByRole('region', { name: 'Settings' })).toContainText('hCaptcha secret needs a value');
    await screenshot(page, testInfo, 'site-modules-consent');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, testInfo, 'site-modules-consent-narrow');
    await page.setViewportSize({ width: 1280, height: 720 });

    await consent.getByRole('button', { name: 'Install and allow' }).click();
    // a required setting has no value yet: straight to the settings
    await expect(page).toHaveURL(/\/modules\/[^/?]+\?tab=settings&setup=1$/);
    await expect(page.getByText(`${name} is installed. Fill in the required settings`)).toBeVisible();
    await expect(page.getByText('Enabled', { exact: true })).toBeVisible();
  });

  await test.step('saves bad values and reads each error beside its field', async () => {
    await page.getByLabel('Submissions per day').fill('0');
    await page.getByRole('textbox', { name: 'Accent', exact: true }).fill('red');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByLabel('Submissions per day')).toHaveAccessibleDescription(/expected number to be >=1/);
    await expect(page.getByLabel('Submissions per day')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('textbox', { name: 'Accent', exact: true })).toHaveAccessibleDescription(
      'Use a hex colour like #1a2b3c',
    );
    await expect(page.getByLabel('hCaptcha secret')).toHaveAccessibleDescription('hCaptcha secret is required');
    await expect(page.getByText('3 settings need your attention')).toBeVisible();
    await screenshot(page, testInfo, 'site-modules-settings-errors');
  });

  await test.step('saves good values: the secret is "Set" and its value is never shown or sent back', async () => {
    await page.getByLabel('Submissions per day').fill('25');
    await page.getByRole('textbox', { name: 'Accent', exact: true }).fill('#112233');
    await page.getByLabel('hCaptcha secret').fill(secret);
    // unsaved: another tab of the page keeps the form, leaving the page asks first
    const sections = page.getByRole('navigation', { name: 'Module sections' });
    await sections.getByRole('link', { name: 'Details' }).click();
    await sections.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByLabel('Submissions per day')).toHaveValue('25');
    const asked = page.waitForEvent('dialog').then(async (dialog) => {
      await dialog.dismiss();
      return dialog.message();
    });
    await page.getByRole('navigation', { name: 'Site sections' }).getByRole('link', { name: 'Overview' }).click();
    expect(await asked).toContain('not saved');
    await expect(page.getByLabel('Submissions per day')).toHaveValue('25');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(toast(page, 'Settings saved')).toBeVisible();
    const form = page.getByRole('form', { name: `${name} settings` });
    await expect(form.getByText('Set', { exact: true })).toBeVisible();
    await expect(form.getByRole('button', { name: 'Replace' })).toBeVisible();
    await expect(page.getByLabel('Submissions per day')).toHaveValue('25');
    await expect(page.getByText('Finish setting up')).toHaveCount(0);

    await page.reload();
    await expect(page.getByLabel('Submissions per day')).toHaveValue('25');
    await expect(form.getByText('Set', { exact: true })).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    for (const body of await Promise.all(answers)) expect(body).not.toContain(secret);
    await screenshot(page, testInfo, 'site-modules-settings-saved');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, testInfo, 'site-modules-settings-narrow');
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  // the page's own header (the shell's top bar is the banner)
  const header = page.locator('main header').first();
  await test.step('disables and enables it', async () => {
    await page.getByRole('button', { name: 'Disable' }).click();
    await expect(toast(page, `${name} disabled`)).toBeVisible();
    await expect(header.getByText('Disabled', { exact: true })).toBeVisible();
    await page.getByRole('navigation', { name: 'Module sections' }).getByRole('link', { name: 'Submissions' }).click();
    await expect(page.getByRole('heading', { name: `${name} is disabled` })).toBeVisible();
    await page.getByRole('button', { name: 'Enable', exact: true }).first().click();
    await expect(toast(page, `${name} enabled`)).toBeVisible();
    await expect(header.getByText('Enabled', { exact: true })).toBeVisible();
    await expect(page.locator(`iframe[title="${name}: Submissions"]`)).toBeVisible();
    await screenshot(page, testInfo, 'site-modules-installation');
  });

  await test.step('upgrades to 1.1.0 once published, consenting to its new permission, and rolls back', async () => {
    await expect(page.getByRole('button', { name: /^Upgrade to/ })).toHaveCount(0);
    await release('1.1.0');
    await page.reload();
    await page.getByRole('button', { name: 'Upgrade to 1.1.0' }).click();
    const upgrade = page.getByRole('dialog');
    await expect(upgrade).toContainText("Greets visitors in the site's language.");
    await expect(upgrade.getByRole('listitem').filter({ hasText: 'New' })).toContainText("See the site's details");
    await screenshot(page, testInfo, 'site-modules-upgrade');
    await upgrade.getByRole('button', { name: 'Upgrade and allow' }).click();
    await expect(toast(page, 'Upgraded to 1.1.0')).toBeVisible();
    await expect(header).toContainText('v1.1.0');
    await expect(page.getByRole('button', { name: /^Upgrade to/ })).toHaveCount(0);

    await page.getByRole('button', { name: `More actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Roll back to 1.0.0…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Roll back' }).click();
    await expect(toast(page, 'Rolled back to 1.0.0')).toBeVisible();
    await expect(header).toContainText('v1.0.0');
  });

  await test.step('uninstalls it, keeping its data for 30 days', async () => {
    await page.getByRole('button', { name: `More actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Uninstall…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel(/Keep it for 30 days/)).toBeChecked();
    await screenshot(page, testInfo, 'site-modules-uninstall');
    await dialog.getByRole('button', { name: 'Uninstall', exact: true }).click();
    const until = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(Date.now() + 30 * 86_400_000));
    await expect(toast(page, `${name} uninstalled`)).toContainText(`kept until ${until}`);
    await expect(header.getByText('Uninstalled', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Install again' })).toBeVisible();

    await page.getByRole('main').getByRole('link', { name: 'Modules', exact: true }).first().click();
    await expect(page.getByRole('heading', { name: 'No modules installed' })).toBeVisible();
    const kept = page.getByRole('listitem', { name });
    await expect(kept).toContainText('Uninstalled');
    await expect(kept).toContainText(`data kept until ${until}`);
    await screenshot(page, testInfo, 'site-modules-list-uninstalled');
  });
});
