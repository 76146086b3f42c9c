// Packs a module folder into the .tgz that upload accepts (Node only; the CLI uses it). The output
// depends only on file paths and contents: entries are sorted, with fixed mtime, mode and owner,
// so packing the same folder twice gives the same bytes, and so the same content hash.
import fs from 'node:fs/promises';
import path from 'node:path';
import { constants, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { DEFAULT_PACKAGE_LIMITS, inspectPackage, type PackageError, type PackageLimits } from './package.ts';

/** Never part of a package: version control, editor and dependency folders. */
const SKIPPED = new Set(['node_modules']);
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export class PackError extends Error {
  constructor(readonly errors: PackageError[]) {
    const list = errors.map((e) => (e.path === undefined ? e.message : `${e.path}: ${e.message}`)).join('\n  ');
    super(`The module cannot be packed:\n  ${list}`);
    this.name = 'PackError';
  }
}

/** Files under `root` as package paths ("dist/widget.html"), skipping dotfiles and node_modules. */
async function listFiles(root: string, errors: PackageError[], limits: PackageLimits): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string, prefix: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), rel);
      else if (entry.isFile()) {
        files.push(rel);
        // checked before reading, so a stray huge file is reported, not loaded
        const bytes = (await fs.stat(path.join(dir, entry.name))).size;
        if (bytes > limits.maxFileBytes)
          errors.push({
            path: rel,
            message: `${size(bytes)}, larger than the ${size(limits.maxFileBytes)} allowed for one file`,
          });
      }
      // upload refuses links and devices; say so here rather than follow them
      else errors.push({ path: rel, message: entry.isSymbolicLink() ? 'Symbolic links cannot be packed' : 'Not a regular file' });
      if (files.length > limits.maxFiles) throw new PackError([{ message: `The folder has more than ${limits.maxFiles} files` }]);
    }
  };
  await walk(root, '');
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function gzipTar(root: string, files: string[]): Promise<Buffer> {
  const pack = tar.pack();
  // level and strategy fixed so the bytes do not depend on zlib defaults
  const gzip = createGzip({ level: 9, strategy: constants.Z_DEFAULT_STRATEGY });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => gzip.on('end', resolve).on('error', reject));
  pack.pipe(gzip);
  for (const file of files) {
    const body = await fs.readFile(path.join(root, ...file.split('/')));
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: file, mtime: FIXED_MTIME, mode: 0o644, uid: 0, gid: 0, uname: '', gname: '' }, body, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/**
 * The folder (with `dramac.module.json` at its root) as a deterministic .tgz. Throws PackError
 * with every problem when upload would refuse the result: the package is checked by the same
 * inspectPackage the server runs.
 */
export async function packModule(folder: string, limits: Partial<PackageLimits> = {}): Promise<Buffer> {
  const max: PackageLimits = { ...DEFAULT_PACKAGE_LIMITS, ...limits };
  const root = path.resolve(folder);
  const stat = await fs.stat(root).catch(() => null);
  if (!stat?.isDirectory()) throw new PackError([{ message: `${folder} is not a folder` }]);

  const errors: PackageError[] = [];
  const files = await listFiles(root, errors, max);
  if (errors.length > 0) throw new PackError(errors);

  const tgz = await gzipTar(root, files);
  const inspection = await inspectPackage(tgz, max);
  if (!inspection.ok) throw new PackError(inspection.errors);
  return tgz;
}
