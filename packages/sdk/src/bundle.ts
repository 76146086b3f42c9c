// The SDK's browser files, each built from source with esbuild on first request and kept in memory
// (Node only): nothing generated is committed or can go stale on disk, and the dev server, the
// production server and the tests all serve the same build of the same source.
// - the module side of the bridge (window.Dramac), which module pages load with
//   <script src="/module-assets/sdk/module-bridge.js"> under their CSP's script-src 'self';
// - the embed SDK (window.Dramac.mount) at /embed/sdk.js, for pages on a site's verified domains;
// - the embed page's own script at /embed/frame.js, the bridge host of an embedded widget.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

export interface BrowserBundle {
  code: Buffer;
  sha256: string;
}

const SOURCE = path.dirname(fileURLToPath(import.meta.url));

/**
 * zod's `z` carries every locale (about 260 KB minified) as `z.locales`, which esbuild cannot drop
 * behind the namespace; the host methods use English only, the default.
 */
const englishOnlyZod: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: path.join(args.resolveDir, '../locales'), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: args.path,
      loader: 'js',
    }));
  },
};

async function build(entry: string, globalName: string | undefined): Promise<BrowserBundle> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(SOURCE, entry)],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    globalName,
    target: 'es2020',
    minify: true,
    charset: 'utf8',
    legalComments: 'eof',
    logLevel: 'silent',
    plugins: [englishOnlyZod],
  });
  const code = Buffer.from(result.outputFiles[0]!.contents);
  return { code, sha256: createHash('sha256').update(code).digest('hex') };
}

const builds = new Map<string, Promise<BrowserBundle>>();

function bundle(entry: string, globalName?: string): Promise<BrowserBundle> {
  let built = builds.get(entry);
  if (!built) {
    built = build(entry, globalName).catch((error: unknown) => {
      builds.delete(entry); // a failed build is retried by the next request
      throw error;
    });
    builds.set(entry, built);
  }
  return built;
}

export const moduleBridgeBundle = () => bundle('module/index.ts', 'Dramac');

export const embedSdkBundle = () => bundle('embed/sdk.ts', 'Dramac');

export const embedFrameBundle = () => bundle('embed/frame.ts');
