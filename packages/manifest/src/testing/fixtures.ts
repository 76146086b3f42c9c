// Builders for manifest and package tests: a valid manifest of each kind, and real .tgz files
// (including hostile ones) built with the same tar library the inspector reads with.
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import type { ManifestInput } from '../manifest.ts';

export function widgetManifest(overrides: Record<string, unknown> = {}): ManifestInput {
  return {
    $schema: './node_modules/@dramac/manifest/dramac.module.schema.json',
    id: 'hello-widget',
    name: 'Hello widget',
    version: '1.2.0',
    type: 'widget',
    description: 'Greets visitors.',
    category: 'content',
    tags: ['greeting'],
    icon: 'assets/icon.svg',
    publisher: { name: 'Acme Studio', email: 'dev@acme.test', url: 'https://acme.test' },
    license: 'MIT',
    compatibility: { platform: '^1.0.0' },
    permissions: ['site:read'],
    settings: [{ key: 'greeting', label: 'Greeting', type: 'text', default: 'Hello!', required: true }],
    entryPoints: { widget: { path: 'dist/widget.html', defaultHeight: 240 } },
    embed: { allowed: true, minHeight: 120, maxHeight: 800 },
    changelog: [
      { version: '1.0.0', date: '2025-01-10', notes: 'First release' },
      { version: '1.2.0', date: '2025-03-02', notes: 'Custom greeting' },
    ],
    ...overrides,
  } as ManifestInput;
}

export function contactFormManifest(overrides: Record<string, unknown> = {}): ManifestInput {
  return {
    id: 'contact-form',
    name: 'Contact form',
    version: '0.3.0-beta.1',
    type: 'app',
    description: 'A contact form that keeps submissions in its own table.',
    category: 'forms',
    publisher: { name: 'Acme Studio' },
    license: '(MIT OR Apache-2.0)',
    compatibility: { platform: '>=1.2 <3' },
    permissions: ['data:own', 'crm.contacts:write', 'network:*.hcaptcha.com'],
    settings: [
      { key: 'title', label: 'Title', type: 'text', maxLength: 80, default: 'Contact us' },
      { key: 'intro', label: 'Intro', type: 'textarea' },
      { key: 'maxPerDay', label: 'Submissions per day', type: 'number', min: 1, max: 1000, default: 50 },
      { key: 'notify', label: 'Email me', type: 'boolean', default: true },
      {
        key: 'layout',
        label: 'Layout',
        type: 'select',
        options: [
          { value: 'stacked', label: 'Stacked' },
          { value: 'inline', label: 'Inline' },
        ],
        default: 'stacked',
      },
      { key: 'accent', label: 'Accent', type: 'color', default: '#3366ff' },
      { key: 'thanksUrl', label: 'Thank-you page', type: 'url', default: 'https://example.com/thanks' },
      { key: 'notifyEmail', label: 'Notify address', type: 'email', default: 'owner@example.com' },
      { key: 'captchaSecret', label: 'hCaptcha secret', type: 'secret', required: true },
    ],
    data: {
      tables: [
        {
          name: 'submissions',
          columns: [
            { name: 'email', type: 'text', required: true, maxLength: 320 },
            { name: 'message', type: 'text', maxLength: 5000 },
          ],
          indexes: [{ columns: ['email'] }],
        },
      ],
    },
    entryPoints: {
      widget: { path: 'dist/form.html' },
      dashboardPage: { path: 'dist/submissions.html', title: 'Submissions' },
    },
    events: [
      {
        name: 'form.submitted',
        description: 'A visitor sent the form',
        payload: {
          type: 'object',
          properties: {
            submissionId: { type: 'string', format: 'uuid' },
            email: { type: 'string', format: 'email' },
          },
          required: ['submissionId'],
        },
      },
    ],
    embed: { allowed: true },
    changelog: [{ version: '0.3.0-beta.1', date: '2025-02-01', notes: 'Beta' }],
    ...overrides,
  } as ManifestInput;
}

export interface TarEntry {
  name: string;
  body?: string | Buffer;
  /** a body of this many zero bytes, streamed in so the test never holds it whole */
  zeros?: number;
  type?: tar.Header['type'];
  linkname?: string;
  mtime?: Date;
}

/** The files of a valid widget package, manifest included. */
export function widgetFiles(manifest: ManifestInput = widgetManifest(), prefix = ''): TarEntry[] {
  return [
    { name: `${prefix}dramac.module.json`, body: JSON.stringify(manifest, null, 2) },
    { name: `${prefix}dist/widget.html`, body: '<!doctype html><script type="module" src="./widget.js"></script>' },
    { name: `${prefix}dist/widget.js`, body: 'document.body.textContent = "Hello!";' },
    { name: `${prefix}assets/icon.svg`, body: '<svg xmlns="http://www.w3.org/2000/svg"/>' },
  ];
}

export async function buildTgz(entries: TarEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const gzip = createGzip();
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => gzip.on('end', resolve).on('error', reject));
  pack.pipe(gzip);

  for (const e of entries) {
    const mtime = e.mtime ?? new Date('2025-01-01T00:00:00Z');
    if (e.zeros === undefined) {
      await new Promise<void>((resolve, reject) =>
        pack.entry({ name: e.name, type: e.type ?? 'file', linkname: e.linkname, mtime }, e.body ?? '', (error) =>
          error ? reject(error) : resolve(),
        ),
      );
      continue;
    }
    const block = Buffer.alloc(1024 * 1024);
    await new Promise<void>((resolve, reject) => {
      const stream = pack.entry({ name: e.name, size: e.zeros, mtime }, (error) => (error ? reject(error) : resolve()));
      let left = e.zeros ?? 0;
      const write = () => {
        while (left > 0) {
          const chunk = left >= block.length ? block : block.subarray(0, left);
          left -= chunk.length;
          if (!stream.write(chunk)) return void stream.once('drain', write);
        }
        stream.end(Buffer.alloc(0));
      };
      write();
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** A valid widget package (.tgz) with this id and version (and its changelog entry). */
export function widgetPackage(id: string, version: string, mtime?: Date): Promise<Buffer> {
  const manifest = widgetManifest({ id, version, changelog: [{ version, date: '2026-01-01', notes: `Release ${version}` }] });
  return buildTgz(widgetFiles(manifest).map((e) => ({ ...e, mtime })));
}
