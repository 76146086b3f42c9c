// Publishing a module: a publisher registers it, uploads a broken package and reads every problem
// with its JSON path, uploads a good one and submits it; a platform reviewer (made staff in the
// database) rejects without notes (refused), then approves with notes; the publisher sees the
// notes and publishes. Someone who is not staff gets a 404 from the review pages.
import { expect, type Page, test } from '@playwright/test';
import { buildTgz, widgetFiles, widgetManifest, widgetPackage } from '../../packages/manifest/src/testing/fixtures.ts';
import { makePlatformAdmin, nav, newPerson, screenshot, signUp } from './helpers';

const tgz = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/gzip', buffer });

/** The versions table's row of `version`. */
const versionRow = (page: Page, version: string) =>
  page
    .locator('tbody')
    .filter({ has: page.getByRole('button', { name: new RegExp(`manifest of ${version.replaceAll('.', '\\.')}$`) }) });

test('a publisher uploads a module, a reviewer approves it, the publisher publishes it', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const publisher = newPerson('Paula');
  const reviewer = newPerson('Rex');
  const slug = `greeter-${Date.now().toString(36)}`;
  let moduleUrl = '';

  await test.step('signs up and opens Modules: nothing yet, with a pointer to the manifest docs', async () => {
    await page.goto('/sign-up');
    await signUp(page, publisher);
    await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);
    await nav(page, 'Modules').click();
    await expect(page.getByRole('heading', { name: 'No modules yet' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Read the manifest reference' })).toHaveAttribute('href', '/docs/modules');
    await screenshot(page, testInfo, 'modules-empty');
  });

  await test.step('is not staff: the review queue does not exist for them', async () => {
    const response = await page.goto('/admin/reviews');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.goBack();
  });

  await test.step('creates the module; a reserved id is refused beside the field', async () => {
    await page.getByRole('button', { name: 'New module' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Greeter');
    await dialog.getByLabel('Module id').fill('dramac-greeter');
    await dialog.getByRole('button', { name: 'Create module' }).click();
    await expect(dialog.getByText('Ids starting with dramac-, system-, admin- are reserved for the platform')).toBeVisible();
    await dialog.getByLabel('Module id').fill(slug);
    await dialog.getByRole('button', { name: 'Create module' }).click();
    await expect(page).toHaveURL(/\/a\/[^/]+\/modules\/[^/]+$/);
    await expect(page.getByRole('heading', { name: 'Greeter', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No versions yet' })).toBeVisible();
    moduleUrl = new URL(page.url()).pathname;
  });

  await test.step('uploads broken packages and reads every problem with where it is', async () => {
    const broken = widgetManifest({
      id: slug,
      version: 'v1',
      settings: [{ key: 'shout', label: 'Shout', type: 'boolean', default: 'yes' }],
      colour: 'red',
    });
    await page.getByLabel('Package file').setInputFiles(tgz('broken.tgz', await buildTgz(widgetFiles(broken))));
    const problems = page.getByRole('alert').filter({ hasText: 'The package was refused' });
    await expect(problems).toContainText('The package was refused: 3 problems');
    const manifestList = problems.getByRole('list', { name: 'In dramac.module.json' });
    await expect(manifestList.getByRole('listitem')).toHaveCount(3);
    await expect(manifestList).toContainText('$.version');
    await expect(manifestList).toContainText('Use a semantic version like 1.2.0');
    await expect(manifestList).toContainText('$.settings[0].default');
    await expect(manifestList).toContainText('$.colour');
    await expect(manifestList).toContainText('Unknown field "colour"');
    await screenshot(page, testInfo, 'modules-upload-refused-manifest');

    const good = widgetManifest({
      id: slug,
      version: '1.0.0',
      changelog: [{ version: '1.0.0', date: '2026-01-01', notes: 'Hi' }],
    });
    const escaping = widgetFiles(good).concat({ name: '../escape.js', body: 'alert(1)' });
    await page.getByLabel('Package file').setInputFiles(tgz('escaping.tgz', await buildTgz(escaping)));
    const archiveList = page.getByRole('list', { name: 'In the archive' });
    await expect(archiveList).toContainText('../escape.js');
    await expect(archiveList).toContainText('path traversal');
    await expect(page.getByRole('heading', { name: 'No versions yet' })).toBeVisible();
  });

  await test.step('uploads a good package: a draft whose manifest reads in plain words', async () => {
    await page.getByLabel('Package file').setInputFiles(tgz(`${slug}-1.0.0.tgz`, await widgetPackage(slug, '1.0.0')));
    const row = versionRow(page, '1.0.0');
    await expect(row.getByText('Draft', { exact: true })).toBeVisible();
    await expect(page.getByText('The package was refused')).toHaveCount(0);
    // the fresh upload opens itself
    await expect(row.getByRole('button', { name: /manifest of 1\.0\.0/ })).toHaveAttribute('aria-expanded', 'true');
    await expect(row.getByRole('list', { name: 'Permissions' })).toContainText(
      "See the site's details: its name, language, time zone and currency",
    );
    await screenshot(page, testInfo, 'modules-draft');
    await row.getByRole('button', { name: 'Submit for review' }).click();
    await expect(row.getByText('In review', { exact: true })).toBeVisible();
  });

  const staff = await browser.newContext();
  const review = await staff.newPage();
  await test.step('a platform reviewer finds it in the queue', async () => {
    await review.goto('/sign-up');
    await signUp(review, reviewer);
    await expect(review).toHaveURL(/\/a\/[^/]+\/sites$/);
    await makePlatformAdmin(reviewer.email);
    await review.reload();
    await review.getByRole('button', { name: 'Account menu' }).click();
    await review.getByRole('menuitem', { name: /Module reviews/ }).click();
    await expect(review).toHaveURL(/\/admin\/reviews$/);
    const entry = review.getByRole('row').filter({ hasText: slug });
    await expect(entry).toContainText('1.0.0');
    await expect(entry).toContainText('First release');
    await expect(entry).toContainText(publisher.agency);
    await screenshot(review, testInfo, 'modules-review-queue');
    await entry.getByRole('link', { name: 'Greeter' }).click();
    await expect(review.getByRole('heading', { name: /Greeter/, level: 1 })).toBeVisible();
    await expect(review.getByText('The first release of this module')).toBeVisible();
  });

  await test.step('rejecting needs notes; approving with notes sends it back to the publisher', async () => {
    await review.getByRole('button', { name: 'Reject' }).click();
    await expect(review.getByText('Tell the publisher what to change: notes are required to reject')).toBeVisible();
    await screenshot(review, testInfo, 'modules-review-detail');
    await review.getByLabel('Notes for the publisher').fill('Clean and small. Thanks!');
    await review.getByRole('button', { name: 'Approve' }).click();
    await expect(review).toHaveURL(/\/admin\/reviews$/);
    await expect(review.getByRole('row').filter({ hasText: slug })).toHaveCount(0);
    await staff.close();
  });

  await test.step('the publisher reads the notes and publishes', async () => {
    await page.goto(moduleUrl);
    const row = versionRow(page, '1.0.0');
    await expect(row.getByText('Approved', { exact: true })).toBeVisible();
    await expect(row).toContainText('Clean and small. Thanks!');
    await row.getByRole('button', { name: 'Publish' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText('Every agency can then install Greeter 1.0.0');
    await confirm.getByRole('button', { name: 'Publish' }).click();
    await expect(row.getByText('Published', { exact: true })).toBeVisible();
    await expect(page.getByText('Live: 1.0.0')).toBeVisible();
    await screenshot(page, testInfo, 'modules-published');
  });

  await test.step('the module list shows the published version', async () => {
    await nav(page, 'Modules').click();
    const listed = page.getByRole('row').filter({ hasText: slug });
    await expect(listed).toContainText('1.0.0');
    await expect(listed).toContainText('Published');
    await expect(listed).toContainText('0 sites');
  });
});
