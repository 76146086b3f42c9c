import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest.ts';
import { contactFormManifest, widgetManifest } from './testing/fixtures.ts';

/** The errors a manifest gets, as `path: message` lines, for readable assertions. */
function errorsOf(input: unknown): { path: string; message: string }[] {
  const result = parseManifest(input);
  if (result.ok) throw new Error('expected the manifest to be refused');
  return result.errors;
}

function expectRefusedAt(input: unknown, path: string, message?: RegExp) {
  const errors = errorsOf(input);
  expect(errors.map((e) => e.path)).toContain(path);
  if (message) expect(errors.find((e) => e.path === path)?.message).toMatch(message);
}

describe('a valid manifest', () => {
  it('accepts a widget and fills in defaults', () => {
    const result = parseManifest(widgetManifest({ permissions: undefined, embed: undefined, tags: undefined }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.manifest.id).toBe('hello-widget');
    expect(result.manifest.permissions).toEqual([]);
    expect(result.manifest.embed).toEqual({ allowed: false });
    expect(result.manifest.events).toEqual([]);
    expect(result.manifest.settings[0]).toMatchObject({ key: 'greeting', type: 'text', required: true });
  });

  it('accepts an app with data, every setting type, events and network access', () => {
    const result = parseManifest(contactFormManifest());
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.manifest.data?.tables[0]?.name).toBe('submissions');
    expect(result.manifest.settings.map((s) => s.type)).toEqual([
      'text',
      'textarea',
      'number',
      'boolean',
      'select',
      'color',
      'url',
      'email',
      'secret',
    ]);
    expect(result.manifest.events[0]?.name).toBe('form.submitted');
  });

  it('keeps tables away from embedded visitors unless the table says what they may do', () => {
    const table = (embed?: string) => ({ name: 'submissions', columns: [{ name: 'email', type: 'text' }], embed });
    const parsed = parseManifest(contactFormManifest({ data: { tables: [table(), { ...table('insert'), name: 'ratings' }] } }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.manifest.data?.tables.map((t) => t.embed ?? 'none')).toEqual(['none', 'insert']);
    expectRefusedAt(contactFormManifest({ data: { tables: [table('write')] } }), '$.data.tables[0].embed');
  });

  it('accepts the file text as well as the parsed value', () => {
    expect(parseManifest(JSON.stringify(widgetManifest())).ok).toBe(true);
  });

  it('lets a system module use a reserved prefix', () => {
    expect(parseManifest(widgetManifest({ id: 'dramac-crm', type: 'system' })).ok).toBe(true);
  });
});

describe('every bad field is reported at its JSON path', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['id with capitals', { id: 'Hello' }, '$.id'],
    ['id too short', { id: 'ab' }, '$.id'],
    ['id too long', { id: `a${'b'.repeat(48)}` }, '$.id'],
    ['id starting with a digit', { id: '1widget' }, '$.id'],
    ['empty name', { name: ' ' }, '$.name'],
    ['unknown type', { type: 'plugin' }, '$.type'],
    ['unknown category', { category: 'games' }, '$.category'],
    ['tag with spaces', { tags: ['ok', 'not ok'] }, '$.tags[1]'],
    ['icon outside the package', { icon: '../icon.svg' }, '$.icon'],
    ['icon that is not an image', { icon: 'assets/icon.js' }, '$.icon'],
    ['publisher email', { publisher: { name: 'A', email: 'nope' } }, '$.publisher.email'],
    ['publisher url scheme', { publisher: { name: 'A', url: 'javascript:alert(1)' } }, '$.publisher.url'],
    ['license', { license: 'MIT license!' }, '$.license'],
    ['platform range', { compatibility: { platform: 'latest' } }, '$.compatibility.platform'],
    ['absolute entry point', { entryPoints: { widget: { path: '/dist/widget.html' } } }, '$.entryPoints.widget.path'],
    ['backslash entry point', { entryPoints: { widget: { path: 'dist\\widget.html' } } }, '$.entryPoints.widget.path'],
    [
      'entry point height',
      { entryPoints: { widget: { path: 'w.html', defaultHeight: 5 } } },
      '$.entryPoints.widget.defaultHeight',
    ],
    ['embed heights reversed', { embed: { allowed: true, minHeight: 500, maxHeight: 100 } }, '$.embed.maxHeight'],
    ['changelog date', { changelog: [{ version: '1.2.0', date: '2 March 2025', notes: 'x' }] }, '$.changelog[0].date'],
    ['unknown top-level key', { homepage: 'https://x.test' }, '$.homepage'],
    ['unknown nested key', { publisher: { name: 'A', twitter: '@a' } }, '$.publisher.twitter'],
    [
      'event name',
      { events: [{ name: 'Form Submitted', description: 'd', payload: { type: 'object', properties: {} } }] },
      '$.events[0].name',
    ],
    [
      'event payload required names a missing property',
      { events: [{ name: 'form.sent', description: 'd', payload: { type: 'object', properties: {}, required: ['id'] } }] },
      '$.events[0].payload.required[0]',
    ],
    [
      'data column type',
      { permissions: ['data:own'], data: { tables: [{ name: 'rows', columns: [{ name: 'x', type: 'float' }] }] } },
      '$.data.tables[0].columns[0].type',
    ],
  ];
  it.each(cases)('%s', (_, overrides, path) => expectRefusedAt(widgetManifest(overrides), path));

  it('reports a missing required field', () => {
    const { publisher: _, ...withoutPublisher } = widgetManifest();
    expectRefusedAt(withoutPublisher, '$.publisher');
  });

  it('reports several problems at once', () => {
    const paths = errorsOf(
      widgetManifest({ id: 'X', license: '', settings: [{ key: 'a', label: 'A', type: 'number', default: 'x' }] }),
    ).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['$.id', '$.license', '$.settings[0].default']));
  });

  it('reports text that is not JSON at the root', () => {
    expect(errorsOf('{ "id": ')).toEqual([{ path: '$', message: expect.stringMatching(/^Not valid JSON/) }]);
  });
});

describe('settings', () => {
  const setting = (field: Record<string, unknown>) =>
    widgetManifest({ settings: [{ key: 'ok', label: 'Ok', type: 'text' }, field] });

  it.each([
    ['text with a number default', { key: 'a', label: 'A', type: 'text', default: 3 }],
    ['text default longer than maxLength', { key: 'a', label: 'A', type: 'text', maxLength: 3, default: 'long' }],
    ['number with a string default', { key: 'a', label: 'A', type: 'number', default: '5' }],
    ['number default outside min..max', { key: 'a', label: 'A', type: 'number', min: 1, max: 10, default: 11 }],
    ['boolean with a string default', { key: 'a', label: 'A', type: 'boolean', default: 'true' }],
    [
      'select default not among the options',
      { key: 'a', label: 'A', type: 'select', options: [{ value: 'x', label: 'X' }], default: 'y' },
    ],
    ['color that is not hex', { key: 'a', label: 'A', type: 'color', default: 'red' }],
    ['url default that is not a URL', { key: 'a', label: 'A', type: 'url', default: 'example' }],
    ['email default that is not an email', { key: 'a', label: 'A', type: 'email', default: 'nobody' }],
  ])('refuses a %s at $.settings[1].default', (_, field) => expectRefusedAt(setting(field), '$.settings[1].default'));

  it('refuses a default on a secret, saying why', () =>
    expectRefusedAt(
      setting({ key: 'a', label: 'A', type: 'secret', default: 'hunter2' }),
      '$.settings[1].default',
      /no default/,
    ));

  it('refuses an unknown setting type', () =>
    expectRefusedAt(setting({ key: 'a', label: 'A', type: 'date' }), '$.settings[1].type', /text, textarea, number/));

  it('refuses a select without options', () =>
    expectRefusedAt(setting({ key: 'a', label: 'A', type: 'select', options: [] }), '$.settings[1].options'));

  it('refuses a setting key declared twice', () =>
    expectRefusedAt(setting({ key: 'ok', label: 'Again', type: 'boolean' }), '$.settings[1].key', /twice/));
});

describe('ids', () => {
  it.each(['dramac-tools', 'system-backup', 'admin-panel'])('refuses the reserved id %s for a non-system module', (id) =>
    expectRefusedAt(widgetManifest({ id }), '$.id', /reserved/),
  );
});

describe('versions', () => {
  it.each(['1.0', 'v1.0.0', '1.0.0.0', ' 1.0.0', 'latest'])('refuses version %j', (version) =>
    expectRefusedAt(widgetManifest({ version }), '$.version', /semantic version/),
  );

  it('accepts pre-release and build metadata', () => {
    const version = '2.0.0-rc.1+build.5';
    expect(parseManifest(widgetManifest({ version, changelog: [{ version, date: '2025-04-01', notes: 'RC' }] })).ok).toBe(true);
  });

  it('requires a changelog entry for the current version', () =>
    expectRefusedAt(widgetManifest({ version: '1.3.0' }), '$.changelog', /1\.3\.0/));

  it('refuses a changelog version listed twice', () =>
    expectRefusedAt(
      widgetManifest({
        changelog: [
          { version: '1.2.0', date: '2025-01-01', notes: 'a' },
          { version: '1.2.0', date: '2025-01-02', notes: 'b' },
        ],
      }),
      '$.changelog[1].version',
    ));

  it('refuses a bad changelog version', () =>
    expectRefusedAt(
      widgetManifest({ changelog: [{ version: 'one', date: '2025-01-01', notes: 'a' }] }),
      '$.changelog[0].version',
    ));
});

describe('permissions', () => {
  it('refuses an unknown scope and lists the known ones', () =>
    expectRefusedAt(
      widgetManifest({ permissions: ['site:read', 'crm:everything'] }),
      '$.permissions[1]',
      /Unknown permission.*site:read.*network:<host>/,
    ));

  it.each(['network:https://api.example.com', 'network:localhost', 'network:api.example.com/path', 'network:API.example.com'])(
    'refuses the network permission %s with a hint',
    (scope) => expectRefusedAt(widgetManifest({ permissions: [scope] }), '$.permissions[0]', /network:api\.example\.com/),
  );

  it('refuses a permission listed twice', () =>
    expectRefusedAt(widgetManifest({ permissions: ['site:read', 'site:read'] }), '$.permissions'));

  it('requires data:own from a module that declares tables', () =>
    expectRefusedAt(contactFormManifest({ permissions: ['crm.contacts:write'] }), '$.permissions', /data:own/));
});

describe('entry points follow the type', () => {
  it('a widget needs a widget entry point', () =>
    expectRefusedAt(widgetManifest({ entryPoints: {}, embed: { allowed: false } }), '$.entryPoints.widget'));

  it('an app needs a dashboard page', () =>
    expectRefusedAt(contactFormManifest({ entryPoints: { widget: { path: 'dist/form.html' } } }), '$.entryPoints.dashboardPage'));

  it('embedding needs a widget to embed', () =>
    expectRefusedAt(
      widgetManifest({ type: 'integration', entryPoints: {}, embed: { allowed: true } }),
      '$.embed.allowed',
      /entryPoints\.widget/,
    ));
});
