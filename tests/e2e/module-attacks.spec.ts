// Malicious packages through the dashboard's file picker: too large for the browser to send, a
// decompression bomb, a single huge file, entries that escape the folder or are links or
// programs, a manifest that claims another module, a file that is no archive at all. Each is
// refused with what is wrong, and nothing is stored: no version, no package bytes.
// (modules-publish.spec.ts reads the manifest errors and the "../" entry in detail.)
import { expect, type Page, test } from '@playwright/test';
import { buildTgz, type TarEntry, widgetFiles, widgetManifest } from '../../packages/manifest/src/testing/fixtures.ts';
import { e2eQuery, nav, newPerson, screenshot, signUp } from './helpers';

const tgz = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/gzip', buffer });
const MB = 1024 * 1024;

/** The problems the dashboard lists for the last refused upload. */
const problems = (page: Page) => page.getByRole('alert').filter({ hasText: 'The package was refused' });

test('malicious packages are refused with their problems, and nothing is stored', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const slug = `mallory-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const good = widgetFiles(
    widgetManifest({ id: slug, version: '1.0.0', changelog: [{ version: '1.0.0', date: '2026-01-01', notes: 'Hi' }] }),
  );
  const upload = (name: string, buffer: Buffer) => page.getByLabel('Package file').setInputFiles(tgz(name, buffer));
  const withFiles = async (...extra: TarEntry[]) => buildTgz([...good, ...extra]);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('modules.uploadVersion')) sent.push(r.url());
  });
  const packagesBefore = (await e2eQuery<{ n: number }>('select count(*)::int as n from modules.module_packages'))[0]!.n;

  await test.step('a publisher creates a module', async () => {
    await page.goto('/sign-up');
    await signUp(page, newPerson('Mallory'));
    await expect(page).toHaveURL(/\/a\/[^/]+\/sites$/);
    await nav(page, 'Modules').click();
    await page.getByRole('button', { name: 'New module' }).first().click();
    await page.getByRole('dialog').getByLabel('Name').fill('Mallory');
    await page.getByRole('dialog').getByLabel('Module id').fill(slug);
    await page.getByRole('dialog').getByRole('button', { name: 'Create module' }).click();
    await expect(page.getByRole('heading', { name: 'No versions yet' })).toBeVisible();
  });

  await test.step('a file over 10 MB is refused in the browser, before anything is sent', async () => {
    await upload('huge.tgz', Buffer.alloc(10 * MB + 1));
    const alert = page.getByRole('alert').filter({ hasText: 'This file is too large' });
    // just over the limit, and shown as over it
    await expect(alert).toContainText('huge.tgz is 10.1 MB; packages are limited to 10 MB');
    expect(sent).toEqual([]);
    await screenshot(page, testInfo, 'attacks-too-large');
  });

  await test.step('a small archive that unpacks to more than 50 MB is refused', async () => {
    const bomb = Array.from({ length: 6 }, (_, i) => ({ name: `dist/pad-${i}.js`, zeros: 9 * MB }));
    const buffer = await withFiles(...bomb);
    expect(buffer.length).toBeLessThan(MB);
    await upload('bomb.tgz', buffer);
    await expect(problems(page).getByRole('list', { name: 'The package' })).toContainText(
      'The package extracts to more than 50 MB',
    );
  });

  await test.step('one file over 10 MB inside the archive is refused', async () => {
    await upload('big-file.tgz', await withFiles({ name: 'dist/bundle.js', zeros: 11 * MB }));
    await expect(problems(page).getByRole('list', { name: 'The package' })).toContainText(
      'dist/bundle.js is 11 MB, larger than the 10 MB allowed for one file',
    );
  });

  await test.step('entries that escape the folder, links and programs are each named', async () => {
    await upload(
      'escape.tgz',
      await withFiles(
        { name: '/etc/cron.d/job.js', body: 'x' },
        { name: 'dist/../../up.js', body: 'x' },
        { name: 'dist/keys.js', type: 'symlink', linkname: '/etc/passwd' },
        { name: 'dist/copy.js', type: 'link', linkname: 'dist/widget.js' },
        { name: 'dist/run.sh', body: '#!/bin/sh\nrm -rf /' },
      ),
    );
    await expect(problems(page)).toContainText('The package was refused: 5 problems');
    const archive = problems(page).getByRole('list', { name: 'In the archive' });
    await expect(archive.getByRole('listitem')).toHaveCount(5);
    await expect(archive.getByRole('listitem').filter({ hasText: '/etc/cron.d/job.js' })).toContainText(
      'Absolute paths are not allowed',
    );
    await expect(archive.getByRole('listitem').filter({ hasText: 'dist/../../up.js' })).toContainText('path traversal');
    await expect(archive.getByRole('listitem').filter({ hasText: 'dist/keys.js' })).toContainText('this is a symbolic link');
    await expect(archive.getByRole('listitem').filter({ hasText: 'dist/copy.js' })).toContainText('this is a hard link');
    await expect(archive.getByRole('listitem').filter({ hasText: 'dist/run.sh' })).toContainText('File type not allowed');
    await screenshot(page, testInfo, 'attacks-archive');
  });

  await test.step('a manifest that claims another module is refused at $.id', async () => {
    const other = widgetManifest({
      id: 'hello-widget',
      version: '1.0.0',
      changelog: [{ version: '1.0.0', date: '2026-01-01', notes: 'Hi' }],
    });
    await upload('impostor.tgz', await buildTgz(widgetFiles(other)));
    const manifest = problems(page).getByRole('list', { name: 'In dramac.module.json' });
    await expect(manifest).toContainText('$.id');
    await expect(manifest).toContainText(`this module's id is "${slug}"`);
  });

  await test.step('a file that is not an archive is refused', async () => {
    await upload('notes.tgz', Buffer.from('just some text, renamed'));
    await expect(problems(page).getByRole('list', { name: 'The package' })).toContainText(
      'Not a gzip-compressed tar archive (.tgz)',
    );
  });

  await test.step('nothing was stored', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name: 'No versions yet' })).toBeVisible();
    const versions = await e2eQuery<{ n: number }>(
      'select count(*)::int as n from modules.module_versions v join modules.modules m on m.id = v."moduleId" where m.slug = $1',
      [slug],
    );
    expect(versions[0]!.n).toBe(0);
    const packages = await e2eQuery<{ n: number }>('select count(*)::int as n from modules.module_packages');
    expect(packages[0]!.n).toBe(packagesBefore);
  });
});
