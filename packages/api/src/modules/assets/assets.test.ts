// /module-assets over real HTTP: a package uploaded through the registry is served file by file,
// sandboxed by its CSP, cached for good by content hash, and nothing else is reachable through it:
// not the manifest, not dotfiles, not another path by traversal.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { buildTgz, type TarEntry, widgetFiles, widgetManifest } from '@dramac/manifest/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';
import { startTestServer, type TestServer } from '../../testing/http-server.ts';
import { MODULE_ASSET_CSP } from './assets.ts';

let s: Scenario;
let server: TestServer;
let publisher: TestUser;
let hash: string;
let n = 0;

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const WIDGET_JS = 'document.body.textContent = "Hello!";';

const extraFiles: TarEntry[] = [
  { name: 'dist/app.mjs', body: 'export const x = 1;' },
  { name: 'dist/style.css', body: 'p { color: red }' },
  { name: 'dist/widget.js.map', body: '{"version":3}' },
  { name: 'dist/data.json', body: '{"a":1}' },
  { name: 'assets/logo.png', body: PNG },
  { name: 'assets/photo.jpg', body: 'jpg' },
  { name: 'assets/anim.gif', body: 'gif' },
  { name: 'assets/pic.webp', body: 'webp' },
  { name: 'assets/font.woff2', body: 'woff2' },
  { name: 'notes.txt', body: 'notes' },
  { name: '.secret.txt', body: 'not for the web' },
  { name: 'dist/.hidden/x.js', body: 'hidden' },
];

/** Uploads a widget package with these files to a new module; returns its content hash. */
async function uploaded(files: TarEntry[], prefix = ''): Promise<string> {
  n += 1;
  const slug = `assets-widget-${n}`;
  const module = await publisher.api.modules.create({ agencyId: publisher.agencyId, slug, name: 'Assets', type: 'widget' });
  const manifest = widgetManifest({
    id: slug,
    version: '1.0.0',
    changelog: [{ version: '1.0.0', date: '2026-01-01', notes: 'First' }],
  });
  const tgz = await buildTgz([...widgetFiles(manifest, prefix), ...files.map((f) => ({ ...f, name: `${prefix}${f.name}` }))]);
  const version = await publisher.api.modules.uploadVersion({
    agencyId: publisher.agencyId,
    moduleId: module.id,
    packageBase64: tgz.toString('base64'),
  });
  return version.packageHash!;
}

/** A GET with the path sent exactly as written (fetch would normalise "..", "%2e" and the like first). */
function rawGet(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const { hostname, port } = new URL(server.url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const asset = (path: string, init?: RequestInit) => fetch(`${server.url}/module-assets/${hash}/${path}`, init);
const sha256 = (body: string | Buffer) => createHash('sha256').update(body).digest('hex');

beforeAll(async () => {
  s = await scenario();
  server = await startTestServer(s.services);
  publisher = await s.user('Pia');
  hash = await uploaded(extraFiles);
});

afterAll(() => server?.close());

describe('serving a package file', () => {
  it('answers with the file, its type, the sandboxing CSP and immutable caching', async () => {
    const res = await asset('dist/widget.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(WIDGET_JS);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'content-length': String(Buffer.byteLength(WIDGET_JS)),
      'content-security-policy': MODULE_ASSET_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${sha256(WIDGET_JS)}"`,
      'referrer-policy': 'no-referrer',
    });
  });

  it('sandboxes every document: scripts from the package only, no network, no same origin', async () => {
    const csp = (await asset('dist/widget.html')).headers.get('content-security-policy')!;
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'none'",
      'form-action': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'self'",
      sandbox: 'allow-scripts allow-forms',
    });
  });

  it.each([
    ['dist/widget.html', 'text/html; charset=utf-8'],
    ['dist/app.mjs', 'text/javascript; charset=utf-8'],
    ['dist/style.css', 'text/css; charset=utf-8'],
    ['dist/data.json', 'application/json; charset=utf-8'],
    ['dist/widget.js.map', 'application/json; charset=utf-8'],
    ['assets/icon.svg', 'image/svg+xml'],
    ['assets/logo.png', 'image/png'],
    ['assets/photo.jpg', 'image/jpeg'],
    ['assets/anim.gif', 'image/gif'],
    ['assets/pic.webp', 'image/webp'],
    ['assets/font.woff2', 'font/woff2'],
    ['notes.txt', 'text/plain; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const res = await asset(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('serves binary files byte for byte', async () => {
    expect(Buffer.from(await (await asset('assets/logo.png')).arrayBuffer())).toEqual(PNG);
  });

  it('answers 304 to a client holding the current ETag, still with the CSP', async () => {
    const etag = (await asset('dist/widget.js')).headers.get('etag')!;
    const res = await asset('dist/widget.js', { headers: { 'if-none-match': etag } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(res.headers.get('etag')).toBe(etag);
    expect(res.headers.get('content-security-policy')).toBe(MODULE_ASSET_CSP);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // one of several, or weak, still matches; another file's does not
    expect((await asset('dist/widget.js', { headers: { 'if-none-match': `"abc", W/${etag}` } })).status).toBe(304);
    expect((await asset('dist/widget.js', { headers: { 'if-none-match': `"${sha256('other')}"` } })).status).toBe(200);
  });

  it('answers HEAD with the headers only, and refuses other methods', async () => {
    const head = await asset('dist/widget.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(`"${sha256(WIDGET_JS)}"`);
    const post = await asset('dist/widget.js', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('serves a package packed inside one top-level folder without that folder in the paths', async () => {
    const wrapped = await uploaded([], 'package/');
    const res = await fetch(`${server.url}/module-assets/${wrapped}/dist/widget.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(WIDGET_JS);
  });
});

describe('what is never served', () => {
  const notFound = async (path: string) => {
    const res = await rawGet(path);
    expect(res.status, path).toBe(404);
    expect(res.headers['content-security-policy']).toBe(MODULE_ASSET_CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    return res;
  };

  it('the manifest', async () => {
    await notFound(`/module-assets/${hash}/dramac.module.json`);
    await notFound(`/module-assets/${hash}/./dramac.module.json`);
    await notFound(`/module-assets/${hash}/DRAMAC.MODULE.JSON`);
  });

  it('dotfiles and files inside dot-folders', async () => {
    await notFound(`/module-assets/${hash}/.secret.txt`);
    await notFound(`/module-assets/${hash}/dist/.hidden/x.js`);
    await notFound(`/module-assets/${hash}/%2esecret.txt`);
  });

  it('missing files, folders and the package root (no listing)', async () => {
    await notFound(`/module-assets/${hash}/dist/missing.js`);
    await notFound(`/module-assets/${hash}/dist`);
    await notFound(`/module-assets/${hash}/dist/`);
    await notFound(`/module-assets/${hash}/`);
    await notFound(`/module-assets/${hash}`);
  });

  it('unknown and malformed hashes', async () => {
    await notFound(`/module-assets/${sha256('no such package')}/dist/widget.js`);
    await notFound(`/module-assets/${hash.toUpperCase()}/dist/widget.js`);
    await notFound(`/module-assets/${hash.slice(1)}/dist/widget.js`);
    await notFound(`/module-assets/not-a-hash/dist/widget.js`);
  });

  it('paths that try to leave the package or smuggle a separator', async () => {
    const attempts = [
      `dist/..%2fdramac.module.json`,
      `dist/..%2Fdramac.module.json`,
      `..%2f..%2f..%2fetc%2fpasswd`,
      `dist/..%5cdramac.module.json`,
      `..%5c..%5cetc%5cpasswd`,
      `dist%2fwidget.js`,
      `dist/%2e%2e/dramac.module.json`,
      `dist/widget.js%00.png`,
      `dist//widget.js`,
      `dist/%252e%252e/dramac.module.json`,
      `%E0%A4%A`,
    ];
    for (const attempt of attempts) {
      const res = await notFound(`/module-assets/${hash}/${attempt}`);
      expect(res.body.toString()).toBe('Not found');
    }
  });

  it('an unrelated path under /module-assets/sdk', async () => {
    await notFound('/module-assets/sdk/other.js');
    await notFound('/module-assets/sdk/');
  });
});

describe('the module bridge', () => {
  it('is one browser script at a stable URL, defining window.Dramac, revalidated by ETag', async () => {
    const res = await fetch(`${server.url}/module-assets/sdk/module-bridge.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const code = await res.text();
    expect(code).toMatch(/^"use strict";var Dramac=/);
    expect(res.headers.get('etag')).toBe(`"${sha256(code)}"`);
    const again = await fetch(`${server.url}/module-assets/sdk/module-bridge.js`, {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });
});
