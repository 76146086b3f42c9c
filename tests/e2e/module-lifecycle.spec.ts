// The whole life of a module, in the real dashboard (production build, real worker), for the
// contact-form example: its developer packs the folder and uploads it through the file picker,
// a platform reviewer approves it with notes, the developer publishes it; an agency installs it on
// a client's site with consent, configures it, a visitor sends the form in the sandboxed frame and
// the submission shows on the module's dashboard page; 1.1.0 (a `phone` column) is released and
// the site upgrades, rolls back and uninstalls, its submissions there at every step, and finally
// deletes the kept data. Every step the platform must hear about is an event in the outbox.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { packModule } from '../../packages/manifest/src/pack.ts';
import { e2eQuery, makePlatformAdmin, nav, newPerson, screenshot, signUp } from './helpers';

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/modules/contact-form');
const NAME = 'Contact form';

type Manifest = {
  id: string;
  version: string;
  tags: string[];
  data: { tables: { name: string; columns: object[] }[] };
  changelog: { version: string; date: string; notes: string }[];
};

/** Replaces `from` in a copied file, loudly when the example no longer has it. */
function edit(dir: string, file: string, from: string, to: string) {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`examples/modules/contact-form/${file} changed: "${from}" is not in it`);
  fs.writeFileSync(full, text.replace(from, to));
}

/**
 * The example folder packed as its developer would (packModule), from a copy whose manifest id is
 * unique to this run (ids are global, and other specs may publish the example too); `change` edits
 * the copy first, for a later release.
 */
async function pack(slug: string, tag: string, change?: (dir: string, manifest: Manifest) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dramac-contact-form-'));
  try {
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    const file = path.join(dir, 'dramac.module.json');
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    manifest.id = slug;
    manifest.tags = [...manifest.tags, tag];
    change?.(dir, manifest);
    fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
    return await packModule(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** 1.1.0: an optional `phone` column, the form asks for it, and a changelog entry says so. */
const PHONE_RELEASE = 'Asks visitors for a phone number (optional), kept with each submission.';
function addPhone(dir: string, manifest: Manifest) {
  manifest.version = '1.1.0';
  manifest.data.tables[0]!.columns.push({ name: 'phone', type: 'text', maxLength: 40 });
  manifest.changelog.unshift({ version: '1.1.0', date: '2026-11-20', notes: PHONE_RELEASE });
  edit(
    dir,
    'dist/form.html',
    '      <div class="field">\n        <label for="message">',
    '      <div class="field">\n        <label for="phone">Phone (optional)</label>\n        <input id="phone" name="phone" type="tel" autocomplete="tel" maxlength="40" />\n      </div>\n      <div class="field">\n        <label for="message">',
  );
  edit(
    dir,
    'dist/form.js',
    '    message: form.elements.message.value.trim(),\n',
    '    message: form.elements.message.value.trim(),\n    ...(form.elements.phone.value.trim() ? { phone: form.elements.phone.value.trim() } : {}),\n',
  );
}

const tgz = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/gzip', buffer });
const toast = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

/** The publisher's versions table: the row of `version`. */
const versionRow = (page: Page, version: string) =>
  page
    .locator('tbody')
    .filter({ has: page.getByRole('button', { name: new RegExp(`manifest of ${version.replaceAll('.', '\\.')}$`) }) });

/** The site owner's installation page: its own header (the shell's top bar is the banner). */
const header = (page: Page) => page.locator('main header').first();

test('a contact form goes from a folder to a client site, is upgraded, rolled back and uninstalled', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const slug = `contact-form-${run}`;
  const tag = `run-${run}`;
  const developer = newPerson('Dev');
  const reviewer = newPerson('Rita');
  const owner = newPerson('Olga');
  const visitor = { name: `Vera ${run}`, email: `vera-${run}@example.test`, message: 'Do you open on Sundays?' };
  const thanks = `Thanks, we will call you back within a day (${run}).`;

  const [v1, v2] = await Promise.all([pack(slug, tag), pack(slug, tag, addPhone)]);
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  };
  const dev = await open();
  const staff = await open();
  const site = await open();
  let moduleUrl = '';
  let moduleId = '';

  /** The developer uploads `buffer` through the file picker and submits the new draft. */
  const uploadAndSubmit = async (version: string, buffer: Buffer) => {
    await dev.goto(moduleUrl);
    await dev.getByLabel('Package file').setInputFiles(tgz(`${slug}-${version}.tgz`, buffer));
    const row = versionRow(dev, version);
    await expect(row.getByText('Draft', { exact: true })).toBeVisible();
    await expect(dev.getByText('The package was refused')).toHaveCount(0);
    await row.getByRole('button', { name: 'Submit for review' }).click();
    await expect(row.getByText('In review', { exact: true })).toBeVisible();
  };
  /** The reviewer opens it from the queue and approves it with notes. */
  const approve = async (version: string, notes: string) => {
    await staff.goto('/admin/reviews');
    const entry = staff.getByRole('row').filter({ hasText: slug }).filter({ hasText: version });
    await entry.getByRole('link', { name: NAME }).click();
    await expect(staff.getByRole('heading', { name: new RegExp(NAME), level: 1 })).toBeVisible();
    await staff.getByLabel('Notes for the publisher').fill(notes);
    await staff.getByRole('button', { name: 'Approve' }).click();
    await expect(staff).toHaveURL(/\/admin\/reviews$/);
    await expect(staff.getByRole('row').filter({ hasText: slug })).toHaveCount(0);
  };
  /** The developer reads the notes and publishes. */
  const publish = async (version: string, notes: string) => {
    await dev.goto(moduleUrl);
    const row = versionRow(dev, version);
    await expect(row.getByText('Approved', { exact: true })).toBeVisible();
    await expect(row).toContainText(notes);
    await row.getByRole('button', { name: 'Publish' }).click();
    await dev.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await expect(row.getByText('Published', { exact: true })).toBeVisible();
  };

  try {
    await test.step('the developer creates the module and uploads 1.0.0 through the file picker', async () => {
      await dev.goto('/sign-up');
      await signUp(dev, developer);
      await expect(dev).toHaveURL(/\/a\/[^/]+\/sites$/);
      await nav(dev, 'Modules').click();
      await dev.getByRole('button', { name: 'New module' }).first().click();
      const dialog = dev.getByRole('dialog');
      await dialog.getByLabel('Name').fill(NAME);
      await dialog.getByLabel('Module id').fill(slug);
      await dialog.getByRole('button', { name: 'Create module' }).click();
      await expect(dev.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
      moduleUrl = new URL(dev.url()).pathname;
      moduleId = moduleUrl.split('/').at(-1)!;
      await uploadAndSubmit('1.0.0', v1);
      await expect(versionRow(dev, '1.0.0').getByRole('list', { name: 'Permissions' })).toContainText(
        'Keep its own data for this site',
      );
      await screenshot(dev, testInfo, 'lifecycle-1-submitted');
    });

    await test.step('a platform reviewer approves it with notes; the developer publishes it', async () => {
      await staff.goto('/sign-up');
      await signUp(staff, reviewer);
      await expect(staff).toHaveURL(/\/a\/[^/]+\/sites$/);
      await makePlatformAdmin(reviewer.email);
      await approve('1.0.0', 'Clear form, data kept to its own table. Approved.');
      await publish('1.0.0', 'Clear form, data kept to its own table. Approved.');
      await expect(dev.getByText('Live: 1.0.0')).toBeVisible();
    });

    let installationUrl = '';
    let siteId = '';
    await test.step('an agency finds it for a client site and installs it with consent', async () => {
      await site.goto('/sign-up');
      await signUp(site, owner);
      await expect(site).toHaveURL(/\/a\/[^/]+\/sites$/);
      await site.getByRole('link', { name: 'Create your first site' }).click();
      await site.getByLabel('Site name').fill('Harbour Dental');
      await site.getByRole('button', { name: 'Create site' }).click();
      await site.getByRole('link', { name: /Harbour Dental/ }).click();
      await site.getByRole('navigation', { name: 'Site sections' }).getByRole('link', { name: 'Modules' }).click();
      await site.getByRole('link', { name: 'Add module' }).click();
      await site.getByLabel('Search modules').fill(`#${tag}`);
      const card = site.getByRole('list', { name: 'Modules' }).getByRole('link', { name: NAME });
      await expect(card).toContainText('v1.0.0');
      await card.click();
      const consent = site.getByRole('region', { name: 'Before you install' });
      await expect(consent.getByRole('region', { name: `${NAME} will be able to` })).toContainText(
        'Keep its own data for this site',
      );
      await expect(consent.getByRole('region', { name: 'Data it keeps' })).toContainText('submissions');
      await screenshot(site, testInfo, 'lifecycle-2-consent');
      await consent.getByRole('button', { name: 'Install and allow' }).click();
      // nothing is required: the module's own page opens
      await expect(site).toHaveURL(/\/sites\/[^/]+\/modules\/[^/?]+$/);
      await expect(header(site).getByText('Enabled', { exact: true })).toBeVisible();
      installationUrl = new URL(site.url()).pathname;
      siteId = installationUrl.split('/')[4]!;
    });

    const sections = site.getByRole('navigation', { name: 'Module sections' });
    await test.step('configures it: a bad address is refused beside its field, then the thank-you message is saved', async () => {
      await sections.getByRole('link', { name: 'Settings' }).click();
      await site.getByLabel('Notify address').fill('front desk');
      await site.getByRole('button', { name: 'Save settings' }).click();
      await expect(site.getByLabel('Notify address')).toHaveAttribute('aria-invalid', 'true');
      await expect(site.getByLabel('Notify address')).toHaveAccessibleDescription(/email/i);
      await screenshot(site, testInfo, 'lifecycle-3-settings-error');
      await site.getByLabel('Notify address').fill('');
      await site.getByLabel('Thank-you message').fill(thanks);
      await site.getByRole('button', { name: 'Save settings' }).click();
      await expect(toast(site, 'Settings saved')).toBeVisible();
      await expect(site.getByLabel('Notify address')).not.toHaveAttribute('aria-invalid', 'true');
    });

    await test.step('a visitor sends the form in the sandboxed frame and reads the thank-you message', async () => {
      const form = await openWidget(site);
      await form.getByLabel('Name').fill(visitor.name);
      await form.getByLabel('Email').fill(visitor.email);
      await form.getByLabel('Message').fill(visitor.message);
      await form.getByRole('button', { name: 'Send' }).click();
      await expect(form.getByRole('status')).toHaveText(thanks);
      await screenshot(site, testInfo, 'lifecycle-4-form-sent');
    });

    const submissions = () => site.frameLocator(`iframe[sandbox][title="${NAME}: Submissions"]`);
    /** The Submissions page, opened afresh, lists `names` (and nothing else), newest first. */
    const expectSubmissions = async (...names: string[]) => {
      await site.goto(`${installationUrl}?tab=module`);
      await expect(submissions().locator('article .who')).toHaveText(names);
    };
    await test.step('the Submissions page shows what the visitor sent', async () => {
      await expectSubmissions(visitor.name);
      await expect(submissions().locator('article')).toContainText(visitor.message);
      await screenshot(site, testInfo, 'lifecycle-5-submissions');
    });

    await test.step('1.1.0 adds a phone number: uploaded, reviewed and published', async () => {
      await uploadAndSubmit('1.1.0', v2);
      await approve('1.1.0', 'Additive change only. Approved.');
      await publish('1.1.0', 'Additive change only. Approved.');
    });

    const gateway = (pathname: string) =>
      site.request.get(`/api/modules/${moduleId}${pathname}`, { headers: { 'X-Dramac-Site': siteId, 'X-Dramac-Request': '1' } });
    const shortId = async () =>
      (await e2eQuery<{ shortId: string }>('select "shortId" from modules.modules where slug = $1', [slug]))[0]!.shortId;
    const columns = async () =>
      (
        await e2eQuery<{ column_name: string }>(
          "select column_name from information_schema.columns where table_schema = $1 and table_name = 'submissions'",
          [`mod_${await shortId()}`],
        )
      ).map((c) => c.column_name);

    await test.step('the site upgrades after reading the changelog; the submission is still there, with a phone column', async () => {
      await site.goto(installationUrl);
      await site.getByRole('button', { name: 'Upgrade to 1.1.0' }).click();
      const upgrade = site.getByRole('dialog');
      await expect(upgrade.getByRole('region', { name: "What's new" })).toContainText(PHONE_RELEASE);
      await expect(upgrade.getByRole('region', { name: "What's new" })).not.toContainText('First release');
      await screenshot(site, testInfo, 'lifecycle-6-upgrade');
      await upgrade.getByRole('button', { name: 'Upgrade to 1.1.0' }).click();
      await expect(toast(site, 'Upgraded to 1.1.0')).toBeVisible();
      await expect(header(site)).toContainText('v1.1.0');
      await expectSubmissions(visitor.name);
      expect(await columns()).toContain('phone');
      const rows = await gateway('/data/submissions');
      expect(rows.status()).toBe(200);
      expect((await rows.json()).rows).toEqual([expect.objectContaining({ name: visitor.name, phone: null })]);
    });

    await test.step('the 1.1.0 form asks for a phone number, which is kept', async () => {
      const form = await openWidget(site);
      await form.getByLabel('Name').fill('Walt');
      await form.getByLabel('Email').fill('walt@example.test');
      await form.getByLabel('Phone (optional)').fill('+44 20 7946 0000');
      await form.getByLabel('Message').fill('A check-up next week, please.');
      await screenshot(site, testInfo, 'lifecycle-7-form-with-phone');
      await form.getByRole('button', { name: 'Send' }).click();
      await expect(form.getByRole('status')).toHaveText(thanks);
      const rows = (await (await gateway('/data/submissions?order=created_at.desc')).json()).rows;
      expect(rows).toEqual([
        expect.objectContaining({ name: 'Walt', phone: '+44 20 7946 0000' }),
        expect.objectContaining({ name: visitor.name, phone: null }),
      ]);
      await expectSubmissions('Walt', visitor.name);
    });

    const more = site.getByRole('button', { name: `More actions for ${NAME}` });
    await test.step('rolls back to 1.0.0: both submissions stay, the phone column stays in the table', async () => {
      await more.click();
      await site.getByRole('menuitem', { name: 'Roll back to 1.0.0…' }).click();
      await site.getByRole('dialog').getByRole('button', { name: 'Roll back' }).click();
      await expect(toast(site, 'Rolled back to 1.0.0')).toBeVisible();
      await expect(header(site)).toContainText('v1.0.0');
      await expectSubmissions('Walt', visitor.name);
      expect(await columns()).toContain('phone');
      // 1.0.0 does not know the column: the gateway shows it what it declared
      const rows = (await (await gateway('/data/submissions')).json()).rows as object[];
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row).not.toHaveProperty('phone');
      await screenshot(site, testInfo, 'lifecycle-8-rolled-back');
    });

    const until = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(Date.now() + 30 * 86_400_000));
    await test.step('uninstalls it keeping the data: the status says until when', async () => {
      await more.click();
      await site.getByRole('menuitem', { name: 'Uninstall…' }).click();
      const dialog = site.getByRole('dialog');
      await expect(dialog.getByLabel(/Keep it for 30 days/)).toBeChecked();
      await dialog.getByRole('button', { name: 'Uninstall', exact: true }).click();
      await expect(toast(site, `${NAME} uninstalled`)).toContainText(`kept until ${until}`);
      await expect(header(site).getByText('Uninstalled', { exact: true })).toBeVisible();
      expect((await gateway('/data/submissions')).status()).toBe(404);
      const rows = await e2eQuery<{ n: number }>(
        `select count(*)::int as n from mod_${await shortId()}.submissions where site_id = $1`,
        [siteId],
      );
      expect(rows[0]!.n).toBe(2);
      await site.getByRole('main').getByRole('link', { name: 'Modules', exact: true }).first().click();
      await expect(site.getByRole('listitem', { name: NAME })).toContainText(`data kept until ${until}`);
      await screenshot(site, testInfo, 'lifecycle-9-uninstalled');
    });

    await test.step('deletes the kept data now, typing the module id to confirm', async () => {
      await site.goto(installationUrl);
      await site.getByRole('button', { name: 'Delete data now' }).click();
      const confirm = site.getByRole('dialog');
      const remove = confirm.getByRole('button', { name: 'Delete data' });
      await expect(remove).toBeDisabled();
      await confirm.getByRole('textbox').fill(slug);
      await remove.click();
      await expect(toast(site, 'Data deleted')).toBeVisible();
      await expect(confirm).toBeHidden();
      await expect(site.getByRole('button', { name: 'Delete data now' })).toHaveCount(0);
      // the only site that kept data: the module's schema is gone
      const schemas = await e2eQuery('select 1 from information_schema.schemata where schema_name = $1', [
        `mod_${await shortId()}`,
      ]);
      expect(schemas).toHaveLength(0);
      await screenshot(site, testInfo, 'lifecycle-10-data-deleted');
    });

    await test.step('every step was recorded as an event, and the worker dispatched them', async () => {
      const wanted = [
        'module.installed',
        'module.configured',
        'module.rendered',
        'module.upgraded',
        'module.rolled_back',
        'module.uninstalled',
      ];
      const events = () =>
        e2eQuery<{ type: string; dispatched: boolean; payload: { module?: { version: string }; name?: string; entry?: string } }>(
          `select type, "dispatchedAt" is not null as dispatched, payload from platform.events
            where "siteId" = $1 and type like 'module.%' order by "createdAt"`,
          [siteId],
        );
      const recorded = await events();
      expect(recorded.map((e) => e.type)).toEqual(expect.arrayContaining(wanted));
      const versionAt = (type: string) => recorded.find((e) => e.type === type)?.payload.module?.version;
      expect(versionAt('module.installed')).toBe('1.0.0');
      expect(versionAt('module.upgraded')).toBe('1.1.0');
      expect(versionAt('module.rolled_back')).toBe('1.0.0');
      // the Embed tab's preview shows the widget, the Submissions tab the dashboard page
      const rendered = recorded.filter((e) => e.type === 'module.rendered').map((e) => e.payload.entry);
      expect(new Set(rendered)).toEqual(new Set(['widget', 'dashboardPage']));
      // form.submitted, once per visitor, as the module's own declared event
      expect(recorded.filter((e) => e.type === 'module.event').map((e) => e.payload.name)).toEqual([
        'form.submitted',
        'form.submitted',
      ]);
      await expect.poll(async () => (await events()).every((e) => e.dispatched), { timeout: 20_000 }).toBe(true);
    });
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});

/** The widget as visitors see it: the Embed tab's preview, in its sandboxed frame, once its form can be sent. */
async function openWidget(page: Page) {
  await page.getByRole('navigation', { name: 'Module sections' }).getByRole('link', { name: 'Embed' }).click();
  const frame = page.frameLocator(`iframe[sandbox][title="${NAME} preview"]`);
  // the form enables Send once the bridge has connected and read its settings
  await expect(frame.getByRole('button', { name: 'Send' })).toBeEnabled();
  return frame;
}
