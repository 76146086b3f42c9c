import { describe, expect, it } from 'vitest';
import { inspectPackage, type PackageInspection } from './package.ts';
import { buildTgz, type TarEntry, widgetFiles, widgetManifest } from './testing/fixtures.ts';

const MB = 1024 * 1024;

function errorsOf(result: PackageInspection) {
  if (result.ok) throw new Error('expected the package to be refused');
  return result.errors;
}

async function refused(entries: TarEntry[]) {
  return errorsOf(await inspectPackage(await buildTgz(entries)));
}

describe('a valid package', () => {
  it('passes, listing its files with sizes and hashes', async () => {
    const result = await inspectPackage(await buildTgz(widgetFiles()));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.manifest.id).toBe('hello-widget');
    expect(result.files.map((f) => f.path)).toEqual([
      'assets/icon.svg',
      'dist/widget.html',
      'dist/widget.js',
      'dramac.module.json',
    ]);
    expect(result.files[2]).toEqual({ path: 'dist/widget.js', size: 37, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('strips a single top-level folder, as npm pack makes', async () => {
    const result = await inspectPackage(
      await buildTgz([{ name: 'package/', type: 'directory' }, ...widgetFiles(widgetManifest(), 'package/')]),
    );
    expect(result.ok && result.files.map((f) => f.path)).toContain('dramac.module.json');
  });

  it('accepts ./-prefixed paths, as `tar -C dir .` makes', async () => {
    const result = await inspectPackage(await buildTgz(widgetFiles(widgetManifest(), './')));
    expect(result.ok).toBe(true);
  });
});

describe('content hash', () => {
  it('is the same for the same files in another order with other mtimes', async () => {
    const files = widgetFiles();
    const a = await inspectPackage(await buildTgz(files));
    const b = await inspectPackage(await buildTgz([...files].reverse().map((f) => ({ ...f, mtime: new Date('2030-06-01') }))));
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.contentHash).toBe(a.contentHash);
  });

  it('is the same with and without a top-level folder', async () => {
    const a = await inspectPackage(await buildTgz(widgetFiles()));
    const b = await inspectPackage(await buildTgz(widgetFiles(widgetManifest(), 'package/')));
    if (a.ok && b.ok) expect(b.contentHash).toBe(a.contentHash);
    else throw new Error('both should pass');
  });

  it('changes when one byte of content changes', async () => {
    const files = widgetFiles();
    const changed = files.map((f) => (f.name === 'dist/widget.js' ? { ...f, body: 'document.body.textContent = "Hello?";' } : f));
    const a = await inspectPackage(await buildTgz(files));
    const b = await inspectPackage(await buildTgz(changed));
    if (a.ok && b.ok) expect(b.contentHash).not.toBe(a.contentHash);
    else throw new Error('both should pass');
  });

  it('changes when the same content sits at another path', async () => {
    const files = widgetFiles();
    const a = await inspectPackage(await buildTgz([...files, { name: 'dist/extra.js', body: 'x' }]));
    const b = await inspectPackage(await buildTgz([...files, { name: 'dist/other.js', body: 'x' }]));
    if (a.ok && b.ok) expect(b.contentHash).not.toBe(a.contentHash);
    else throw new Error('both should pass');
  });
});

describe('hostile packages are refused', () => {
  it('path traversal', async () => {
    expect(await refused([...widgetFiles(), { name: '../evil.js', body: 'x' }])).toContainEqual({
      path: '../evil.js',
      message: expect.stringMatching(/traversal/),
    });
  });

  it('traversal hidden inside a path', async () => {
    expect(await refused([...widgetFiles(), { name: 'dist/../../evil.js', body: 'x' }])).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/traversal/) }),
    );
  });

  it('an absolute path', async () => {
    expect(await refused([...widgetFiles(), { name: '/etc/passwd', body: 'root:x:0:0' }])).toContainEqual({
      path: '/etc/passwd',
      message: expect.stringMatching(/Absolute/),
    });
  });

  it('a backslash path', async () => {
    expect(await refused([...widgetFiles(), { name: '..\\evil.js', body: 'x' }])).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/backslash/) }),
    );
  });

  it('a symbolic link', async () => {
    expect(
      await refused([...widgetFiles(), { name: 'dist/passwd.txt', type: 'symlink', linkname: '/etc/passwd' }]),
    ).toContainEqual({
      path: 'dist/passwd.txt',
      message: expect.stringMatching(/symbolic link/),
    });
  });

  it('a hard link', async () => {
    expect(await refused([...widgetFiles(), { name: 'dist/copy.js', type: 'link', linkname: 'dist/widget.js' }])).toContainEqual({
      path: 'dist/copy.js',
      message: expect.stringMatching(/hard link/),
    });
  });

  it('a device', async () => {
    expect(await refused([...widgetFiles(), { name: 'dist/null.txt', type: 'character-device' }])).toContainEqual(
      expect.objectContaining({ path: 'dist/null.txt' }),
    );
  });

  it('a file type that is not allowed', async () => {
    expect(await refused([...widgetFiles(), { name: 'bin/setup.exe', body: 'MZ' }])).toContainEqual({
      path: 'bin/setup.exe',
      message: expect.stringMatching(/File type not allowed/),
    });
  });

  it('the same path twice', async () => {
    expect(await refused([...widgetFiles(), { name: 'dist/widget.js', body: 'alert(1)' }])).toContainEqual({
      path: 'dist/widget.js',
      message: expect.stringMatching(/twice/),
    });
  });

  it('paths that differ only by case', async () => {
    expect(await refused([...widgetFiles(), { name: 'dist/Widget.js', body: 'alert(1)' }])).toContainEqual(
      expect.objectContaining({ path: 'dist/Widget.js' }),
    );
  });

  it('a 60 MB file of zeros compressed to a few kilobytes, without inflating it', async () => {
    const tgz = await buildTgz([...widgetFiles(), { name: 'dist/bomb.js', zeros: 60 * MB }]);
    expect(tgz.length).toBeLessThan(200 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const errors = errorsOf(await inspectPackage(tgz));
    // Refused from the entry's header: its body is never inflated, let alone held.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * MB);
    expect(errors).toEqual([{ message: expect.stringMatching(/dist\/bomb\.js is 60 MB, larger than the 10 MB allowed/) }]);
  });

  it('files that together extract past the total limit', async () => {
    const parts = Array.from({ length: 6 }, (_, i) => ({ name: `dist/part${i}.js`, zeros: 9 * MB }));
    const errors = errorsOf(await inspectPackage(await buildTgz([...widgetFiles(), ...parts])));
    expect(errors).toEqual([{ message: expect.stringMatching(/extracts to more than 50 MB/) }]);
  });

  it('a .tgz larger than the upload limit', async () => {
    const errors = errorsOf(await inspectPackage(await buildTgz(widgetFiles()), { maxCompressedBytes: 100 }));
    expect(errors[0]?.message).toMatch(/larger than/);
  });

  it('600 files', async () => {
    const many = Array.from({ length: 600 }, (_, i) => ({ name: `dist/f${i}.js`, body: `${i}` }));
    expect(await refused([...widgetFiles(), ...many])).toEqual([{ message: expect.stringMatching(/more than 500 files/) }]);
  });

  it('something that is not a .tgz', async () => {
    expect(errorsOf(await inspectPackage(Buffer.from('PK\u0003\u0004 a zip file')))[0]?.message).toMatch(/gzip/);
  });

  it('a truncated .tgz', async () => {
    const tgz = await buildTgz(widgetFiles());
    expect(errorsOf(await inspectPackage(tgz.subarray(0, tgz.length / 2)))[0]?.message).toMatch(/Not a valid \.tgz/);
  });
});

describe('the manifest inside the package', () => {
  it('must be there', async () => {
    const files = widgetFiles().filter((f) => f.name !== 'dramac.module.json');
    expect(await refused(files)).toEqual([{ path: 'dramac.module.json', message: expect.stringMatching(/missing/) }]);
  });

  it('must be at the root, not deeper', async () => {
    const files = widgetFiles(widgetManifest(), 'a/b/');
    expect(await refused(files)).toEqual([{ path: 'dramac.module.json', message: expect.stringMatching(/missing/) }]);
  });

  it('reports its errors with JSON paths', async () => {
    const files = widgetFiles(
      widgetManifest({ version: 'one', settings: [{ key: 'n', label: 'N', type: 'number', default: 'x' }] }),
    );
    expect(await refused(files)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '$.version' }),
        expect.objectContaining({ path: '$.settings[0].default' }),
      ]),
    );
  });

  it('must be JSON', async () => {
    const files = widgetFiles().map((f) => (f.name === 'dramac.module.json' ? { ...f, body: '{ id: hello }' } : f));
    expect(await refused(files)).toEqual([{ path: '$', message: expect.stringMatching(/Not valid JSON/) }]);
  });

  it('must name entry points and an icon that exist', async () => {
    const files = widgetFiles().filter((f) => f.name !== 'dist/widget.html' && f.name !== 'assets/icon.svg');
    expect(await refused(files)).toEqual([
      { path: '$.icon', message: 'assets/icon.svg is not in the package' },
      { path: '$.entryPoints.widget.path', message: 'dist/widget.html is not in the package' },
    ]);
  });
});
