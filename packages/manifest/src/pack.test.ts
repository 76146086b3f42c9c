import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PackError, packModule } from './pack.ts';
import { inspectPackage } from './package.ts';
import { buildTgz, type TarEntry, widgetFiles, widgetManifest } from './testing/fixtures.ts';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../examples/modules');
const folders: string[] = [];

async function folderWith(entries: TarEntry[]): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dramac-pack-'));
  folders.push(dir);
  for (const e of entries) {
    const file = path.join(dir, e.name);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, e.body ?? '');
  }
  return dir;
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function packError(folder: string): Promise<PackError> {
  const error = await packModule(folder).catch((e: unknown) => e);
  if (!(error instanceof PackError)) throw new Error(`expected a PackError, got ${String(error)}`);
  return error;
}

describe('packModule', () => {
  it('packs a folder into a package that inspection accepts, with the files at the root', async () => {
    const tgz = await packModule(await folderWith(widgetFiles()));
    const result = await inspectPackage(tgz);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.manifest.id).toBe('hello-widget');
    expect(result.files.map((f) => f.path)).toEqual([
      'assets/icon.svg',
      'dist/widget.html',
      'dist/widget.js',
      'dramac.module.json',
    ]);
    // the same content hash as any other archive of the same files
    const other = await inspectPackage(await buildTgz(widgetFiles()));
    expect(other.ok && other.contentHash).toBe(result.contentHash);
  });

  it('gives the same bytes for the same folder, whatever the files’ mtimes', async () => {
    const dir = await folderWith(widgetFiles());
    const first = await packModule(dir);
    await fs.utimes(path.join(dir, 'dist/widget.js'), new Date('2031-02-03'), new Date('2031-02-03'));
    const second = await packModule(dir);
    expect(sha256(second)).toBe(sha256(first));
  });

  it('changes when a file changes', async () => {
    const dir = await folderWith(widgetFiles());
    const before = await packModule(dir);
    await fs.writeFile(path.join(dir, 'dist/widget.js'), 'document.body.textContent = "Bonjour";');
    expect(sha256(await packModule(dir))).not.toBe(sha256(before));
  });

  it('leaves out dotfiles, dot-folders and node_modules', async () => {
    const dir = await folderWith([
      ...widgetFiles(),
      { name: '.DS_Store', body: 'x' },
      { name: '.git/HEAD', body: 'ref: refs/heads/main' },
      { name: 'node_modules/left-pad/index.js', body: 'module.exports = 1;' },
    ]);
    const result = await inspectPackage(await packModule(dir));
    expect(result.ok && result.files.map((f) => f.path)).toEqual([
      'assets/icon.svg',
      'dist/widget.html',
      'dist/widget.js',
      'dramac.module.json',
    ]);
  });

  it('refuses a file type upload would refuse, naming the file', async () => {
    const error = await packError(await folderWith([...widgetFiles(), { name: 'src/widget.ts', body: 'export {};' }]));
    expect(error.errors).toEqual([{ path: 'src/widget.ts', message: expect.stringContaining('File type not allowed') }]);
  });

  it('refuses symbolic links instead of following them', async () => {
    const dir = await folderWith(widgetFiles());
    await fs.symlink('/etc/passwd', path.join(dir, 'dist/passwd.txt'));
    const error = await packError(dir);
    expect(error.errors).toEqual([{ path: 'dist/passwd.txt', message: 'Symbolic links cannot be packed' }]);
  });

  it('reports manifest problems with their JSON paths', async () => {
    const error = await packError(await folderWith(widgetFiles(widgetManifest({ version: 'v1' }))));
    expect(error.errors).toContainEqual({ path: '$.version', message: expect.stringContaining('semantic version') });
    expect(error.message).toContain('$.version');
  });

  it('refuses a folder without a manifest, and a path that is not a folder', async () => {
    const error = await packError(await folderWith([{ name: 'dist/widget.html', body: '<p>hi</p>' }]));
    expect(error.errors[0]?.message).toContain('dramac.module.json is missing');
    expect((await packError(path.join(os.tmpdir(), 'no-such-module-folder'))).errors[0]?.message).toContain('is not a folder');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const dir = await folderWith([...widgetFiles(), { name: 'assets/big.txt', body: Buffer.alloc(64 * 1024) }]);
    const error = await packModule(dir, { maxFileBytes: 32 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).errors).toEqual([
      { path: 'assets/big.txt', message: '64 KB, larger than the 32 KB allowed for one file' },
    ]);
  });
});

describe('the example modules', () => {
  it.each(['hello-widget', 'contact-form'])('%s packs into a valid package', async (name) => {
    const result = await inspectPackage(await packModule(path.join(EXAMPLES, name)));
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.manifest.id).toBe(name);
  });
});
