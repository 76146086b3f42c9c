// The host's side of every module call: what reaches the gateway for good arguments, and what a
// module hears back for bad ones (nothing reaches the gateway then).
import { describe, expect, it } from 'vitest';
import type { ToastKind } from '../protocol.ts';
import { createHostMethods, type HostOptions } from './methods.ts';
import type { GatewayRequest, GatewayResponse } from './transport.ts';

const ROW_ID = '0b9f4a3e-5c1d-4e2f-9a7b-3c6d8e1f2a4b';

function host(
  answer: (req: GatewayRequest) => GatewayResponse = () => ({ status: 200, body: { ok: true } }),
  extra: Partial<HostOptions> = {},
) {
  const requests: GatewayRequest[] = [];
  const heights: number[] = [];
  const toasts: { message: string; kind: ToastKind }[] = [];
  const visited: string[] = [];
  const methods = createHostMethods({
    transport: async (req) => {
      requests.push(req);
      return answer(req);
    },
    minHeight: 120,
    maxHeight: 800,
    onResize: (h) => heights.push(h),
    onToast: (t) => toasts.push(t),
    navigation: { basePath: '/a/ag1/sites/s1', navigate: (p) => visited.push(p) },
    ...extra,
  });
  return { methods, requests, heights, toasts, visited };
}

/** What the module receives when a call is refused: a plain object (it crosses postMessage). */
async function refusal(run: () => unknown) {
  try {
    await run();
  } catch (error) {
    expect(error).not.toBeInstanceOf(Error);
    return error as { code: string; message: string; fields?: Record<string, string>; status?: number };
  }
  throw new Error('expected the call to be refused');
}

describe('data calls', () => {
  it('list turns the query into the gateway’s filters, order, limit and cursor', async () => {
    const { methods, requests } = host(() => ({ status: 200, body: { rows: [], nextCursor: null } }));
    const page = await methods.data.list('submissions', {
      where: {
        email: 'a@b.test',
        archived: false,
        deleted_at: null,
        score: { gte: 10, lt: 20 },
        name: { like: 'ann' },
        status: { in: ['new', 'a,b', 'say "hi"'] },
        phone: { is: 'notnull' },
      },
      order: ['status.asc', 'created_at.desc'],
      limit: 10,
      cursor: 'abc',
    });
    expect(page).toEqual({ rows: [], nextCursor: null });
    expect(requests).toEqual([
      {
        method: 'GET',
        path: '/data/submissions',
        query: [
          ['email', 'eq.a@b.test'],
          ['archived', 'eq.false'],
          ['deleted_at', 'is.null'],
          ['score', 'lt.20'],
          ['score', 'gte.10'],
          ['name', 'like.ann'],
          ['status', 'in.("new","a,b","say \\"hi\\"")'],
          ['phone', 'is.notnull'],
          ['order', 'status.asc,created_at.desc'],
          ['limit', '10'],
          ['cursor', 'abc'],
        ],
      },
    ]);
  });

  it('get, create, update and remove address one table and row', async () => {
    const { methods, requests } = host((req) => ({ status: req.method === 'POST' ? 201 : 200, body: { id: ROW_ID } }));
    await methods.data.get('submissions', ROW_ID);
    expect(await methods.data.create('submissions', { name: 'Ann', tags: ['a'], meta: { n: 1 } })).toEqual({ id: ROW_ID });
    await methods.data.update('submissions', ROW_ID, { name: 'Anna' });
    expect(await methods.data.remove('submissions', ROW_ID)).toBeUndefined();
    expect(requests).toEqual([
      { method: 'GET', path: `/data/submissions/${ROW_ID}` },
      { method: 'POST', path: '/data/submissions', body: { name: 'Ann', tags: ['a'], meta: { n: 1 } } },
      { method: 'PATCH', path: `/data/submissions/${ROW_ID}`, body: { name: 'Anna' } },
      { method: 'DELETE', path: `/data/submissions/${ROW_ID}` },
    ]);
  });

  it('passes the gateway’s refusal on with its code, message, fields and status', async () => {
    const { methods } = host(() => ({
      status: 400,
      body: { error: { code: 'BAD_REQUEST', message: 'Some fields are not valid', fields: { email: 'Required' } } },
    }));
    expect(await refusal(() => methods.data.create('submissions', { name: 'Ann' }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'Some fields are not valid',
      fields: { email: 'Required' },
      status: 400,
    });
  });

  it('says so when the gateway cannot be reached, or answers something unexpected', async () => {
    const down = host(() => {
      throw new TypeError('fetch failed');
    });
    expect(await refusal(() => down.methods.context())).toMatchObject({ code: 'NETWORK_ERROR' });
    const odd = host(() => ({ status: 502, body: '<html>' }));
    expect(await refusal(() => odd.methods.context())).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'The gateway answered 502',
      status: 502,
    });
  });

  it.each([
    ['a table name that is not an identifier', (m: Methods) => m.data.list('Submissions; drop table x', {}), 'table'],
    ['a path in the table name', (m: Methods) => m.data.get('../context', ROW_ID), 'table'],
    ['a row id that is not a UUID', (m: Methods) => m.data.get('submissions', '../../context'), 'id'],
    ['a limit above 100', (m: Methods) => m.data.list('submissions', { limit: 500 }), 'query.limit'],
    ['an unknown filter op', (m: Methods) => m.data.list('submissions', { where: { a: { regex: '.*' } } }), 'query.where.a'],
    ['an order that is not column.direction', (m: Methods) => m.data.list('submissions', { order: 'id; drop' }), 'query.order'],
    ['an unknown query option', (m: Methods) => m.data.list('submissions', { select: '*' }), 'query'],
    ['a row that is not an object', (m: Methods) => m.data.create('submissions', 'name=Ann'), 'row'],
    ['a Date in a row (not JSON)', (m: Methods) => m.data.create('submissions', { at: new Date() }), 'row.at'],
    ['a changes object that is not JSON', (m: Methods) => m.data.update('submissions', ROW_ID, { n: Number.NaN }), 'changes.n'],
    ['an extra argument', (m: Methods) => m.data.remove('submissions', ROW_ID, 'cascade'), 'arguments'],
  ])('refuses %s before calling the gateway', async (_what, run, field) => {
    const { methods, requests } = host();
    const error = await refusal(() => run(methods));
    expect(error.code).toBe('BAD_REQUEST');
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(requests).toEqual([]);
  });

  it('refuses rows larger than 256 KB', async () => {
    const { methods, requests } = host();
    const error = await refusal(() => methods.data.create('submissions', { message: 'x'.repeat(300 * 1024) }));
    expect(error.message).toContain('larger than 256 KB');
    expect(requests).toEqual([]);
  });
});

type Methods = ReturnType<typeof createHostMethods>;

describe('context and events', () => {
  it('context() reads the installation’s context, taking no arguments', async () => {
    const { methods, requests } = host();
    await methods.context();
    expect(requests).toEqual([{ method: 'GET', path: '/context' }]);
    expect(await refusal(() => methods.context('settings'))).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('emit() posts the event with its payload, and refuses a name that is not an event name', async () => {
    const { methods, requests } = host(() => ({ status: 202, body: null }));
    expect(await methods.emit('form.submitted', { submissionId: ROW_ID })).toBeUndefined();
    await methods.emit('form.opened');
    expect(requests).toEqual([
      { method: 'POST', path: '/events', body: { name: 'form.submitted', payload: { submissionId: ROW_ID } } },
      { method: 'POST', path: '/events', body: { name: 'form.opened', payload: {} } },
    ]);
    expect((await refusal(() => methods.emit('Form Submitted!'))).fields).toHaveProperty('name');
  });
});

describe('frame and dashboard calls', () => {
  it('resize() clamps the height into the frame’s limits', async () => {
    const { methods, heights } = host();
    methods.resize(300.4);
    methods.resize(5);
    methods.resize(99_999);
    expect(heights).toEqual([300, 120, 800]);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1, '300', null])
      expect(await refusal(() => methods.resize(bad))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(heights).toHaveLength(3);
  });

  it('navigate() opens paths inside the site’s area', () => {
    const { methods, visited } = host();
    methods.navigate('/webhooks');
    methods.navigate('/');
    methods.navigate('/modules/x?tab=settings#top');
    expect(visited).toEqual(['/a/ag1/sites/s1/webhooks', '/a/ag1/sites/s1', '/a/ag1/sites/s1/modules/x?tab=settings#top']);
  });

  it.each([
    'webhooks',
    '//evil.example/phish',
    'https://evil.example',
    'javascript:alert(1)',
    '/../../../settings',
    '/modules/../../s2',
    '/%2e%2e/%2e%2e/settings',
    '/.%2E/x',
    '/a%2f..%2f..%2fx',
    '/a\\..\\x',
    '/line\nbreak',
    `/${'a'.repeat(600)}`,
  ])('navigate() refuses %j', async (path) => {
    const { methods, visited } = host();
    expect(await refusal(() => methods.navigate(path))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(visited).toEqual([]);
  });

  it('navigate() is refused where the host offers no navigation (an embed)', async () => {
    const { methods } = host(undefined, { navigation: undefined });
    expect(await refusal(() => methods.navigate('/webhooks'))).toMatchObject({ code: 'NOT_SUPPORTED' });
  });

  it('toast() shows short messages of a known kind', async () => {
    const { methods, toasts } = host();
    methods.toast('Saved');
    methods.toast('  Deleted  ', { kind: 'success' });
    expect(toasts).toEqual([
      { message: 'Saved', kind: 'info' },
      { message: 'Deleted', kind: 'success' },
    ]);
    expect((await refusal(() => methods.toast('x'.repeat(201)))).fields?.message).toContain('200 characters');
    expect((await refusal(() => methods.toast('   '))).fields).toHaveProperty('message');
    expect((await refusal(() => methods.toast('Hi', { kind: 'html' }))).fields).toHaveProperty('options.kind');
    expect((await refusal(() => methods.toast({ toString: () => 'x' }))).fields).toHaveProperty('message');
    expect(toasts).toHaveLength(2);
  });
});

describe('what a module can call', () => {
  /** How penpal finds the method a CALL message names. */
  const lookup = (path: string[]) =>
    path.reduce<unknown>(
      (at, key) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined),
      host().methods,
    );

  it('is exactly the bridge’s methods', () => {
    const { methods } = host();
    expect(Object.keys(methods).sort()).toEqual(['context', 'data', 'emit', 'navigate', 'resize', 'toast']);
    expect(Object.keys(methods.data).sort()).toEqual(['create', 'get', 'list', 'remove', 'update']);
  });

  it.each([
    'constructor',
    'constructor.constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'data.constructor',
    'data.__proto__.valueOf',
  ])('resolves nothing for the inherited name %s', (path) => {
    expect(lookup(path.split('.'))).toBeUndefined();
  });
});
