// Checks an uploaded module package (a .tgz of the module folder) before anything is stored.
// The archive is streamed: file bodies are hashed as they pass and never kept (only the manifest
// is), and reading stops at the first exceeded limit, so a small archive that inflates to
// gigabytes costs no more than the limits allow.
import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { MANIFEST_FILE, type Manifest, parseManifest } from './manifest.ts';

export interface PackageLimits {
  /** size of the .tgz itself */
  maxCompressedBytes: number;
  /** sum of all file sizes once extracted */
  maxUncompressedBytes: number;
  maxFiles: number;
  maxFileBytes: number;
}

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxCompressedBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxFiles: 500,
  maxFileBytes: 10 * 1024 * 1024,
};

export const ALLOWED_EXTENSIONS = [
  'html',
  'js',
  'mjs',
  'css',
  'json',
  'svg',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'woff',
  'woff2',
  'txt',
  'md',
  'map',
] as const;

const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_PATH_LENGTH = 256;

export interface PackageFile {
  /** relative to the module root (a single top-level folder such as `package/` is stripped) */
  path: string;
  size: number;
  sha256: string;
}

export interface PackageError {
  /** the archive entry for package problems; a JSON path (`$.…`) for manifest problems */
  path?: string;
  message: string;
}

export type PackageInspection =
  | { ok: true; manifest: Manifest; files: PackageFile[]; contentHash: string }
  | { ok: false; errors: PackageError[] };

/** Thrown inside the stream to stop reading; turned into a PackageError, never escapes. */
class Refused extends Error {}

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Normalised path of an archive entry, or why it is refused. */
function entryPath(raw: string): { path: string } | { error: string } {
  if (raw.includes('\0')) return { error: 'Path contains a NUL byte' };
  if (raw.includes('\\')) return { error: 'Path contains a backslash; use "/"' };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(raw)) return { error: 'Path contains a control character' };
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) return { error: 'Absolute paths are not allowed' };
  const segments = raw.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { error: 'Paths may not contain ".." (path traversal)' };
  const path = segments.join('/');
  if (path.length > MAX_PATH_LENGTH) return { error: `Path is longer than ${MAX_PATH_LENGTH} characters` };
  return { path };
}

function extensionAllowed(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 && (ALLOWED_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}

/** Counts the bytes coming out of gunzip, so tar headers and padding are bounded too. */
function byteLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > max) callback(new Refused(`The package extracts to more than ${mib(max)}`));
      else callback(null, chunk);
    },
  });
}

interface ReadEntry extends PackageFile {
  /** kept only for manifest candidates */
  body?: Buffer;
}

async function readArchive(tgz: Buffer, limits: PackageLimits, errors: PackageError[]): Promise<ReadEntry[]> {
  const entries: ReadEntry[] = [];
  const source = Readable.from([tgz]);
  const gunzip = createGunzip();
  // Headers, padding and pax records on top of the file bodies.
  const counter = byteLimit(limits.maxUncompressedBytes + (limits.maxFiles * 2 + 16) * 1536);
  const extract = tar.extract();
  const fail = (error: Error) => extract.destroy(error);
  gunzip.on('error', fail);
  counter.on('error', fail);
  source.pipe(gunzip).pipe(counter).pipe(extract);

  let total = 0;
  let fileCount = 0;
  let entryCount = 0;
  try {
    for await (const entry of extract) {
      const { header } = entry;
      const parsed = entryPath(header.name);
      entryCount += 1;
      if (entryCount > limits.maxFiles * 2) throw new Refused(`The package has more than ${limits.maxFiles * 2} entries`);
      if ('error' in parsed) {
        errors.push({ path: header.name, message: parsed.error });
        entry.resume();
        continue;
      }
      const { path } = parsed;
      if (header.type === 'directory') {
        entry.resume();
        continue;
      }
      if (header.type !== 'file') {
        const kind = header.type === 'symlink' ? 'symbolic link' : header.type === 'link' ? 'hard link' : header.type;
        errors.push({ path, message: `Only regular files are allowed, this is a ${kind}` });
        entry.resume();
        continue;
      }
      fileCount += 1;
      if (fileCount > limits.maxFiles) throw new Refused(`The package has more than ${limits.maxFiles} files`);
      const size = header.size ?? 0;
      if (!Number.isSafeInteger(size) || size < 0) throw new Refused(`Invalid size for ${path}`);
      if (size > limits.maxFileBytes)
        throw new Refused(`${path} is ${mib(size)}, larger than the ${mib(limits.maxFileBytes)} allowed for one file`);
      total += size;
      if (total > limits.maxUncompressedBytes)
        throw new Refused(`The package extracts to more than ${mib(limits.maxUncompressedBytes)}`);
      if (!extensionAllowed(path)) {
        errors.push({ path, message: `File type not allowed; allowed: ${ALLOWED_EXTENSIONS.join(', ')}` });
        entry.resume();
        continue;
      }

      const keep = path.endsWith(MANIFEST_FILE) && path.split('/').length <= 2 && size <= MAX_MANIFEST_BYTES;
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        hash.update(chunk);
        if (keep) chunks.push(chunk);
      }
      entries.push({ path, size, sha256: hash.digest('hex'), body: keep ? Buffer.concat(chunks) : undefined });
    }
  } catch (error) {
    if (error instanceof Refused) errors.push({ message: error.message });
    else errors.push({ message: `Not a valid .tgz package: ${(error as Error).message}` });
  } finally {
    source.destroy();
    gunzip.destroy();
    counter.destroy();
    extract.destroy();
  }
  return entries;
}

/** npm pack and most archivers put everything under one folder: strip it when the manifest is inside it. */
function stripTopFolder(entries: ReadEntry[]): ReadEntry[] {
  if (entries.some((e) => e.path === MANIFEST_FILE)) return entries;
  const top = entries[0]?.path.split('/')[0];
  if (top === undefined || !entries.every((e) => e.path.startsWith(`${top}/`))) return entries;
  if (!entries.some((e) => e.path === `${top}/${MANIFEST_FILE}`)) return entries;
  return entries.map((e) => ({ ...e, path: e.path.slice(top.length + 1) }));
}

/** Code-unit order, the same on every machine (localeCompare is not). */
const byPath = (a: PackageFile, b: PackageFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** sha256 over the sorted (path, sha256) pairs: the same files give the same hash whatever their order or mtimes. */
function contentHash(files: readonly PackageFile[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort(byPath)) hash.update(`${f.path}\0${f.sha256}\n`);
  return hash.digest('hex');
}

export async function inspectPackage(tgz: Buffer, limits: Partial<PackageLimits> = {}): Promise<PackageInspection> {
  const max: PackageLimits = { ...DEFAULT_PACKAGE_LIMITS, ...limits };
  if (tgz.length > max.maxCompressedBytes)
    return { ok: false, errors: [{ message: `The package is ${mib(tgz.length)}, larger than ${mib(max.maxCompressedBytes)}` }] };
  if (tgz[0] !== 0x1f || tgz[1] !== 0x8b) return { ok: false, errors: [{ message: 'Not a gzip-compressed tar archive (.tgz)' }] };

  const errors: PackageError[] = [];
  const entries = stripTopFolder(await readArchive(tgz, max, errors));

  const seen = new Map<string, string>();
  for (const { path } of entries) {
    const folded = path.toLowerCase();
    const previous = seen.get(folded);
    if (previous === path) errors.push({ path, message: 'This path appears twice in the archive' });
    else if (previous !== undefined) errors.push({ path, message: `Differs from ${previous} only by letter case` });
    seen.set(folded, path);
  }
  // A refused archive is reported as such; its manifest is not worth reading.
  if (errors.length > 0) return { ok: false, errors };

  const manifestEntry = entries.find((e) => e.path === MANIFEST_FILE);
  if (!manifestEntry)
    return { ok: false, errors: [{ path: MANIFEST_FILE, message: `${MANIFEST_FILE} is missing at the package root` }] };
  if (!manifestEntry.body)
    return {
      ok: false,
      errors: [{ path: MANIFEST_FILE, message: `${MANIFEST_FILE} is larger than ${mib(MAX_MANIFEST_BYTES)}` }],
    };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(manifestEntry.body);
  } catch {
    return { ok: false, errors: [{ path: MANIFEST_FILE, message: `${MANIFEST_FILE} is not UTF-8` }] };
  }
  const parsed = parseManifest(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };

  const { manifest } = parsed;
  const present = new Set(entries.map((e) => e.path));
  const referenced: [string, string | undefined][] = [
    ['$.icon', manifest.icon],
    ['$.entryPoints.widget.path', manifest.entryPoints.widget?.path],
    ['$.entryPoints.dashboardPage.path', manifest.entryPoints.dashboardPage?.path],
  ];
  for (const [path, file] of referenced)
    if (file !== undefined && !present.has(file)) errors.push({ path, message: `${file} is not in the package` });
  if (errors.length > 0) return { ok: false, errors };

  const files = entries.map(({ path, size, sha256 }) => ({ path, size, sha256 })).sort(byPath);
  return { ok: true, manifest, files, contentHash: contentHash(files) };
}
