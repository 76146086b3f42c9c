// The module side of the bridge as one browser file (window.Dramac), which module pages load with
// <script src="/module-assets/sdk/module-bridge.js"> under their CSP's script-src 'self' (Node only).
// It is built from source with esbuild on first request and kept in memory: nothing generated is
// committed or can go stale on disk, and the dev server, the production server and the tests all
// serve the same build of the same source.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BrowserBundle {
  code: Buffer;
  sha256: string;
}

let moduleBridge: Promise<BrowserBundle> | undefined;

async function build(): Promise<BrowserBundle> {
  const { build } = await import('esbuild');
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'module', 'index.ts');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    globalName: 'Dramac',
    target: 'es2020',
    minify: true,
    charset: 'utf8',
    legalComments: 'eof',
    logLevel: 'silent',
  });
  const code = Buffer.from(result.outputFiles[0]!.contents);
  return { code, sha256: createHash('sha256').update(code).digest('hex') };
}

export function moduleBridgeBundle(): Promise<BrowserBundle> {
  moduleBridge ??= build().catch((error: unknown) => {
    moduleBridge = undefined; // a failed build is retried by the next request
    throw error;
  });
  return moduleBridge;
}
