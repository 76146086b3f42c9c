// The files of a stored module package, extracted in memory and kept in a small LRU: a module's
// page and its scripts are asked for together, and often, while the package never changes.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Db } from '@dramac/db';
import { MANIFEST_FILE } from '@dramac/manifest';
import { DEFAULT_PACKAGE_LIMITS } from '@dramac/manifest/package';
import tar from 'tar-stream';

export interface PackageFile {
  body: Buffer;
  /** hex; the file's strong ETag */
  sha256: string;
}

export type PackageFiles = Map<string, PackageFile>;

const CACHE_MAX_BYTES = 64 * 1024 * 1024;
const CACHE_MAX_PACKAGES = 100;

async function extract(tgz: Buffer): Promise<PackageFiles> {
  const files: PackageFiles = new Map();
  const extract = tar.extract();
  const gunzip = createGunzip();
  gunzip.on('error', (error) => extract.destroy(error));
  Readable.from([tgz]).pipe(gunzip).pipe(extract);
  let total = 0;
  for await (const entry of extract) {
    const { name, type } = entry.header;
    const segments = name.split('/').filter((s) => s !== '' && s !== '.');
    // stored packages passed inspectPackage; these checks only keep a damaged row harmless
    if (type !== 'file' || segments.includes('..')) {
      entry.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > DEFAULT_PACKAGE_LIMITS.maxUncompressedBytes) throw new Error('The stored package extracts beyond the limits');
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks);
    files.set(segments.join('/'), { body, sha256: createHash('sha256').update(body).digest('hex') });
  }
  return stripTopFolder(files);
}

/** The rule inspectPackage applies: one top folder holding the manifest is not part of the paths. */
function stripTopFolder(files: PackageFiles): PackageFiles {
  if (files.has(MANIFEST_FILE)) return files;
  const paths = [...files.keys()];
  const top = paths[0]?.split('/')[0];
  if (top === undefined || !files.has(`${top}/${MANIFEST_FILE}`) || !paths.every((p) => p.startsWith(`${top}/`))) return files;
  return new Map([...files].map(([path, file]) => [path.slice(top.length + 1), file]));
}

const sizeOf = (files: PackageFiles) => [...files.values()].reduce((sum, f) => sum + f.body.length, 0);

interface Cached {
  files: PackageFiles;
  bytes: number;
}

/** Least recently used first (a Map iterates in insertion order; a hit re-inserts). */
const cache = new Map<string, Cached>();
let cachedBytes = 0;
/** One database read and extraction per package, however many requests ask at once. */
const loading = new Map<string, Promise<PackageFiles | null>>();

function remember(hash: string, files: PackageFiles) {
  const bytes = sizeOf(files);
  if (bytes > CACHE_MAX_BYTES) return;
  cache.set(hash, { files, bytes });
  cachedBytes += bytes;
  for (const [oldest, entry] of cache) {
    if (cachedBytes <= CACHE_MAX_BYTES && cache.size <= CACHE_MAX_PACKAGES) break;
    cache.delete(oldest);
    cachedBytes -= entry.bytes;
  }
}

/** The package's files by path, or null when no package has this content hash. */
export async function packageFiles(db: Pick<Db, 'modulePackage'>, hash: string): Promise<PackageFiles | null> {
  const hit = cache.get(hash);
  if (hit) {
    cache.delete(hash);
    cache.set(hash, hit);
    return hit.files;
  }
  const pending = loading.get(hash);
  if (pending) return pending;
  const load = (async () => {
    const row = await db.modulePackage.findUnique({ where: { hash }, select: { bytes: true } });
    if (!row) return null;
    const files = await extract(Buffer.from(row.bytes));
    remember(hash, files);
    return files;
  })().finally(() => loading.delete(hash));
  loading.set(hash, load);
  return load;
}
