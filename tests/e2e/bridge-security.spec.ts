// The module bridge talks only to its counterpart. Self-contained: a small server on its own port
// (no dashboard needed) serves a host page running the real host code (@dramac/sdk/host) and
// module pages through the real asset handler, with its CSP and sandbox. Other frames play the
// attackers: another module on the same page, a page of a foreign origin, a frame posing as the
// module's host. Every attacker's attempt must go unanswered on both sides.
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { handleModuleAsset } from '../../packages/api/src/modules/assets/assets.ts';
import { inspectPackage } from '../../packages/manifest/src/package.ts';
import { buildTgz, widgetFiles, widgetManifest } from '../../packages/manifest/src/testing/fixtures.ts';

const SDK = path.resolve(import.meta.dirname, '../../packages/sdk');
// esbuild is the SDK's dependency, not the root's
const esbuild = createRequire(path.join(SDK, 'package.json'))('esbuild') as {
  build(options: object): Promise<{ outputFiles: { text: string }[] }>;
};

async function bundle(contents: string): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: path.join(SDK, 'src'), loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The dashboard's side, with a gateway that only records what reaches it. */
const HOST = `
import { connectModuleFrame } from './host/index.ts';
const log = [];
window.bridgeLog = log;
const params = new URLSearchParams(location.search);
const hash = document.body.dataset.hash;
const frame = (src, sandboxed) => {
  const f = document.createElement('iframe');
  if (sandboxed) f.setAttribute('sandbox', 'allow-scripts allow-forms');
  f.src = src;
  document.body.append(f);
  return f;
};
const told = params.get('tell') ?? location.origin;
const iframe = frame('/module-assets/' + hash + '/' + params.get('page') + '#origin=' + encodeURIComponent(told), true);
iframe.id = 'module';
if (params.get('connect') !== 'no') {
  const connection = connectModuleFrame({
    iframe,
    transport: async (req) => {
      log.push({ kind: 'gateway', method: req.method, path: req.path, body: req.body });
      if (req.path === '/context') return { status: 200, body: { site: { name: 'Corner Bakery' }, settings: {} } };
      return { status: 201, body: { id: '0b9f4a3e-5c1d-4e2f-9a7b-3c6d8e1f2a4b', ...req.body } };
    },
    minHeight: 50,
    maxHeight: 600,
    timeout: 5000,
    onResize: () => {},
    onToast: (t) => log.push({ kind: 'toast', message: t.message }),
    navigation: { basePath: '/a/x/sites/y', navigate: (p) => log.push({ kind: 'navigate', path: p }) },
  });
  connection.connected.then(() => log.push({ kind: 'connected' }), (e) => log.push({ kind: 'failed', code: e.code }));
}
for (const src of params.getAll('sandboxed')) frame(src.replace('{hash}', hash), true);
for (const src of params.getAll('foreign')) frame(src, false);
`;

/** A frame that is not the module's counterpart, trying anyway; `#impersonate` or `#fake-host`. */
const ATTACKER = `
import { connect, WindowMessenger } from 'penpal';
const out = document.getElementById('result');
const done = (v) => { out.textContent = String(v); };
if (location.hash === '#impersonate') {
  // pose as the module to the host page, then also throw raw penpal calls at it
  const c = connect({ messenger: new WindowMessenger({ remoteWindow: parent, allowedOrigins: ['*'] }), timeout: 2500 });
  for (const methodPath of [['toast'], ['data', 'create']])
    parent.postMessage({ namespace: 'penpal', channel: undefined, type: 'CALL', id: 'x' + methodPath, methodPath, args: ['pwned', { kind: 'error' }] }, '*');
  c.promise.then((remote) => remote.toast('pwned')).then(() => done('answered'), (e) => done(e.code));
} else {
  // pose as the host to the module frame (the host page's first frame)
  const c = connect({
    messenger: new WindowMessenger({ remoteWindow: parent.frames[0], allowedOrigins: ['*'] }),
    methods: { context: () => ({ site: { name: 'EVIL' }, settings: {} }) },
    timeout: 2500,
  });
  c.promise.then(() => done('answered'), (e) => done(e.code));
}
`;

/** A module that talks to its host with raw penpal, asking for what the bridge does not offer. */
const ROGUE = `
import { connect, WindowMessenger } from 'penpal';
const origin = new URLSearchParams(location.hash.slice(1)).get('origin');
const c = connect({ messenger: new WindowMessenger({ remoteWindow: parent, allowedOrigins: [origin] }), timeout: 4000 });
c.promise.then(async (host) => {
  const out = {};
  const attempts = { 'constructor.constructor': () => host.constructor.constructor('return document.cookie'), toString: () => host.toString(), proto: () => host.data.__proto__.valueOf(), hasOwnProperty: () => host.hasOwnProperty('toast') };
  for (const [name, run] of Object.entries(attempts)) {
    try { await run(); out[name] = 'answered'; } catch (e) { out[name] = e.code; }
  }
  await host.toast('legit');
  document.getElementById('result').textContent = JSON.stringify(out);
});
`;

const page = (script: string, extra = '') =>
  `<!doctype html><html><head>${extra}<script src="/module-assets/sdk/module-bridge.js"></script><script src="${script}" defer></script></head><body><p id="result"></p></body></html>`;

const GOOD = `(async () => {
  const out = {};
  try {
    const dramac = await Dramac.connect({ timeout: 4000 });
    out.site = (await dramac.context()).site.name;
    out.row = (await dramac.data.create('notes', { text: 'hi' })).text;
    await dramac.toast('hello from the module', { kind: 'success' });
    try { await dramac.navigate('//evil.example'); } catch (e) { out.navigate = e.code; }
  } catch (e) { out.error = e.code; }
  document.getElementById('result').textContent = JSON.stringify(out);
})();`;

const CSP_PROBE = `(async () => {
  const out = { origin: self.origin, inlineRan: window.inlineRan === true, bridge: typeof Dramac };
  try { await fetch('/module-assets/sdk/module-bridge.js'); out.fetch = 'allowed'; } catch { out.fetch = 'blocked'; }
  try { void parent.document.title; out.parentDom = 'allowed'; } catch { out.parentDom = 'blocked'; }
  try { void document.cookie; out.cookie = 'allowed'; } catch { out.cookie = 'blocked'; }
  out.style = getComputedStyle(document.getElementById('result')).color;
  document.getElementById('result').textContent = JSON.stringify(out);
})();`;

let server: http.Server;
let port = 0;

test.beforeAll(async () => {
  const [hostJs, attackerJs, rogueJs] = await Promise.all([bundle(HOST), bundle(ATTACKER), bundle(ROGUE)]);
  const tgz = await buildTgz([
    ...widgetFiles(widgetManifest()),
    { name: 'good.html', body: page('good.js') },
    { name: 'good.js', body: GOOD },
    { name: 'csp.html', body: page('csp.js', '<script>window.inlineRan = true</script><link rel="stylesheet" href="csp.css">') },
    { name: 'csp.js', body: CSP_PROBE },
    { name: 'csp.css', body: '#result { color: rgb(1, 2, 3) }' },
    { name: 'rogue.html', body: page('rogue.js') },
    { name: 'rogue.js', body: rogueJs },
    { name: 'attacker.html', body: page('attacker.js') },
    { name: 'attacker.js', body: attackerJs },
  ]);
  const inspection = await inspectPackage(tgz);
  if (!inspection.ok) throw new Error(JSON.stringify(inspection.errors));
  const hash = inspection.contentHash;
  // the asset handler's only use of the database: the package by its hash
  const services = {
    db: {
      modulePackage: {
        findUnique: async ({ where }: { where: { hash: string } }) => (where.hash === hash ? { bytes: tgz } : null),
      },
    },
  } as unknown as Parameters<typeof handleModuleAsset>[1];

  server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const send = (type: string, body: string) => res.writeHead(200, { 'content-type': type }).end(body);
    if (url.pathname === '/host.html')
      return send('text/html', `<!doctype html><html><body data-hash="${hash}"><script src="/host.js"></script></body></html>`);
    if (url.pathname === '/host.js') return send('text/javascript', hostJs);
    // the foreign-origin attacker: an ordinary page, no sandbox, no CSP
    if (url.pathname === '/attacker.html')
      return send('text/html', '<!doctype html><p id="result"></p><script src="/attacker.js"></script>');
    if (url.pathname === '/attacker.js') return send('text/javascript', attackerJs);
    const response = await handleModuleAsset(
      new Request(url, { method: req.method, headers: req.headers as HeadersInit }),
      services,
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const host = (query: string) => `http://127.0.0.1:${port}/host.html?${query}`;
const foreign = (mode: string) => `foreign=${encodeURIComponent(`http://localhost:${port}/attacker.html#${mode}`)}`;
const sibling = (mode: string) => `sandboxed=${encodeURIComponent(`/module-assets/{hash}/attacker.html#${mode}`)}`;

async function frameResult(p: Page, index: number): Promise<string> {
  const result = p.frameLocator('iframe').nth(index).locator('#result');
  await expect(result).not.toBeEmpty({ timeout: 15_000 });
  return (await result.textContent()) ?? '';
}

const bridgeLog = (p: Page) => p.evaluate(() => (window as unknown as { bridgeLog: { kind: string }[] }).bridgeLog);

test('a module page runs sandboxed: its own scripts and styles load; inline scripts, network and the dashboard do not', async ({
  page: p,
}) => {
  await p.goto(host('page=csp.html&connect=no'));
  expect(JSON.parse(await frameResult(p, 0))).toEqual({
    origin: 'null',
    inlineRan: false,
    bridge: 'object',
    fetch: 'blocked',
    parentDom: 'blocked',
    cookie: 'blocked',
    style: 'rgb(1, 2, 3)',
  });
});

test('a module and its host talk, and the host checks what the module asks for', async ({ page: p }) => {
  await p.goto(host('page=good.html'));
  expect(JSON.parse(await frameResult(p, 0))).toEqual({ site: 'Corner Bakery', row: 'hi', navigate: 'BAD_REQUEST' });
  const log = await bridgeLog(p);
  expect(log).toContainEqual({ kind: 'connected' });
  expect(log).toContainEqual({ kind: 'gateway', method: 'POST', path: '/data/notes', body: { text: 'hi' } });
  expect(log).toContainEqual({ kind: 'toast', message: 'hello from the module' });
  expect(log.filter((e) => e.kind === 'navigate')).toEqual([]);
});

test('a module can call the bridge’s methods and nothing else', async ({ page: p }) => {
  await p.goto(host('page=rogue.html'));
  expect(JSON.parse(await frameResult(p, 0))).toEqual({
    'constructor.constructor': 'METHOD_NOT_FOUND',
    toString: 'METHOD_NOT_FOUND',
    proto: 'METHOD_NOT_FOUND',
    hasOwnProperty: 'METHOD_NOT_FOUND',
  });
  expect((await bridgeLog(p)).filter((e) => e.kind === 'toast')).toEqual([{ kind: 'toast', message: 'legit' }]);
});

test('the host ignores every window but its module’s frame: another module, a foreign origin', async ({ page: p }) => {
  await p.goto(host(`page=good.html&${sibling('impersonate')}&${foreign('impersonate')}`));
  expect(JSON.parse(await frameResult(p, 0))).toMatchObject({ site: 'Corner Bakery' });
  expect(await frameResult(p, 1)).toBe('CONNECTION_TIMEOUT');
  expect(await frameResult(p, 2)).toBe('CONNECTION_TIMEOUT');
  const log = await bridgeLog(p);
  expect(log.filter((e) => e.kind === 'toast')).toEqual([{ kind: 'toast', message: 'hello from the module' }]);
  expect(log.filter((e) => e.kind === 'gateway').map((e) => (e as unknown as { path: string }).path)).toEqual([
    '/context',
    '/data/notes',
  ]);
});

test('a module ignores a frame posing as its host, from its own origin or a foreign one', async ({ page: p }) => {
  // the real host stays silent: only the impostors answer
  await p.goto(host(`page=good.html&connect=no&${sibling('fake-host')}&${foreign('fake-host')}`));
  expect(JSON.parse(await frameResult(p, 0))).toEqual({ error: 'CONNECTION_TIMEOUT' });
  expect(await frameResult(p, 1)).toBe('CONNECTION_TIMEOUT');
  expect(await frameResult(p, 2)).toBe('CONNECTION_TIMEOUT');
});

test('a module talks only to the origin it was told, even from its own parent', async ({ page: p }) => {
  await p.goto(host(`page=good.html&tell=${encodeURIComponent(`http://localhost:${port}`)}`));
  expect(JSON.parse(await frameResult(p, 0))).toEqual({ error: 'CONNECTION_TIMEOUT' });
  await expect.poll(() => bridgeLog(p), { timeout: 10_000 }).toContainEqual({ kind: 'failed', code: 'CONNECTION_TIMEOUT' });
  expect((await bridgeLog(p)).filter((e) => e.kind === 'gateway' || e.kind === 'toast')).toEqual([]);
});
