// The methods a module may call on its host, and nothing else. A module is untrusted code: every
// argument is checked here before anything happens, and failures reach it as plain
// { code, message, fields } objects (they cross postMessage, and carry no host stack).
import { z } from 'zod';
import type { BridgeErrorData, ListQuery, ToastKind } from '../protocol.ts';
import type { GatewayRequest, GatewayTransport } from './transport.ts';

export const MAX_TOAST_LENGTH = 200;
const MAX_PATH_LENGTH = 500;
/** JSON a module sends (rows, payloads) in one call; the gateway has its own, larger body limit */
const MAX_JSON_CHARS = 256 * 1024;

export interface HostOptions {
  transport: GatewayTransport;
  /** the frame's height limits in CSS pixels; resize requests are clamped into them */
  minHeight: number;
  maxHeight: number;
  onResize(height: number): void;
  onToast?(toast: { message: string; kind: ToastKind }): void;
  /** where a module may send the dashboard: paths inside `basePath` (the site's area) only */
  navigation?: { basePath: string; navigate(path: string): void };
}

const identifier = (what: string) =>
  z.string({ error: `Use the name of a ${what}` }).regex(/^[a-z][a-z0-9_]{0,47}$/, `Use the name of a ${what}`);
const table = identifier('table your module declares');
const rowId = z.uuid({ error: 'Use a row id (a UUID)' });

/** Only JSON crosses to the gateway: no Dates, Maps, Blobs or functions, and a bounded size. */
const jsonObject = (what: string) =>
  z
    .record(z.string(), z.json(), { error: `Send the ${what} as an object of JSON values` })
    .refine((v) => JSON.stringify(v).length <= MAX_JSON_CHARS, `The ${what} is larger than ${MAX_JSON_CHARS / 1024} KB`);

const filterValue = z.union([z.string().max(1000), z.number(), z.boolean()], { error: 'Use a string, number or boolean' });
const filter = z.union([
  filterValue,
  z.null(),
  z
    .strictObject({
      eq: filterValue,
      neq: filterValue,
      lt: filterValue,
      lte: filterValue,
      gt: filterValue,
      gte: filterValue,
      like: z.string().max(1000),
      in: z.array(filterValue).max(100),
      is: z.enum(['null', 'notnull']),
    })
    .partial()
    .refine((f) => Object.keys(f).length > 0, 'Give at least one condition, like { gte: 10 }'),
]);
const orderKey = z.string().regex(/^[a-z][a-z0-9_]{0,47}\.(asc|desc)$/, 'Use column.asc or column.desc, like created_at.desc');

const listQuery = z
  .strictObject({
    where: z.record(identifier('column of the table'), filter).optional(),
    order: z.union([orderKey, z.array(orderKey).min(1).max(5)]).optional(),
    limit: z.number().int().min(1).max(100).optional(),
    cursor: z.string().max(2000).nullable().optional(),
  })
  .optional();

const eventName = z
  .string({ error: 'Use the name of an event your module declares' })
  .max(64)
  .regex(/^[a-z][a-z0-9_.]*$/, 'Use the name of an event your module declares, like form.submitted');

/** A path segment that names something rather than moving up or sideways: not ".", "..", nor an encoded "/" or "\\". */
function segmentStaysPut(segment: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return false;
  }
  return decoded !== '.' && decoded !== '..' && !/[/\\]/.test(decoded);
}

const sitePath = z
  .string({ error: 'Use a path inside the site, like "/webhooks"' })
  .max(MAX_PATH_LENGTH)
  // no scheme, host, "//", backslashes or control characters: a path, and only a path
  .regex(/^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/, 'Use a path inside the site, like "/webhooks"')
  .refine(
    (p) => p.split(/[?#]/)[0]!.split('/').every(segmentStaysPut),
    'Use a path inside the site, without "." or ".." segments (encoded or not)',
  );

const toastArgs = z.tuple(
  [
    z
      .string({ error: 'Use text for the message' })
      .trim()
      .min(1, 'Give the toast a message')
      .max(MAX_TOAST_LENGTH, `Keep the message to ${MAX_TOAST_LENGTH} characters`),
    z.strictObject({ kind: z.enum(['success', 'error', 'info']).optional() }).optional(),
  ],
  { error: 'Call toast(message, { kind })' },
);

/** Each method's arguments, as a tuple: extra arguments are refused too. */
const args = {
  context: z.tuple([]),
  list: z.tuple([table, listQuery]),
  get: z.tuple([table, rowId]),
  create: z.tuple([table, jsonObject('row')]),
  update: z.tuple([table, rowId, jsonObject('changes')]),
  remove: z.tuple([table, rowId]),
  resize: z.tuple([z.number({ error: 'Use a height in pixels' }).min(0).max(100_000)]),
  navigate: z.tuple([sitePath]),
  toast: toastArgs,
  emit: z.tuple([eventName, jsonObject('payload').optional()]),
};

const ARGUMENT_NAMES: Record<string, string[]> = {
  list: ['table', 'query'],
  get: ['table', 'id'],
  create: ['table', 'row'],
  update: ['table', 'id', 'changes'],
  remove: ['table', 'id'],
  resize: ['height'],
  navigate: ['path'],
  toast: ['message', 'options'],
  emit: ['name', 'payload'],
};

function refused(method: string, error: z.ZodError): BridgeErrorData {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    // [1, 'where', 'email'] → "query.where.email": the argument's name rather than its index
    const [first, ...rest] = issue.path;
    const head =
      typeof first === 'number'
        ? ((Object.hasOwn(ARGUMENT_NAMES, method) ? ARGUMENT_NAMES[method]![first] : undefined) ?? String(first))
        : '';
    const key = [head, ...rest.map(String)].filter(Boolean).join('.') || 'arguments';
    fields[key] ??= issue.message;
  }
  const summary = Object.entries(fields)
    .map(([k, m]) => `${k}: ${m}`)
    .join('; ');
  return { code: 'BAD_REQUEST', message: `${method}() was refused: ${summary}`, fields };
}

function parse<T extends z.ZodType>(method: string, schema: T, input: unknown[]): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw refused(method, result.error);
  return result.data;
}

/** The gateway's query string for a list: `col=op.value`, `order`, `limit`, `cursor`. */
export function listParams(query: ListQuery = {}): [string, string][] {
  const params: [string, string][] = [];
  for (const [column, condition] of Object.entries(query.where ?? {})) {
    if (condition === null) params.push([column, 'is.null']);
    else if (typeof condition !== 'object') params.push([column, `eq.${condition}`]);
    else
      for (const [op, value] of Object.entries(condition)) {
        if (op === 'in') {
          // always quoted, so commas, quotes and parentheses inside values stay inside them
          const list = (value as unknown[]).map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',');
          params.push([column, `in.(${list})`]);
        } else params.push([column, `${op}.${String(value)}`]);
      }
  }
  if (query.order !== undefined) params.push(['order', Array.isArray(query.order) ? query.order.join(',') : query.order]);
  if (query.limit !== undefined) params.push(['limit', String(query.limit)]);
  if (query.cursor) params.push(['cursor', query.cursor]);
  return params;
}

function gatewayError(status: number, body: unknown): BridgeErrorData {
  // the gateway answers { error: { code, message, fields } }; the body limit in front of it { code, message }
  const shape = z.object({
    code: z.string().max(100),
    message: z.string().max(2000),
    fields: z.record(z.string(), z.string()).optional(),
  });
  const parsed = shape.safeParse(z.object({ error: z.unknown() }).safeParse(body).data?.error ?? body);
  if (parsed.success) return { ...parsed.data, status };
  return { code: status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', message: `The gateway answered ${status}`, status };
}

type Method = (...input: unknown[]) => unknown;
/** What a module may call, as untyped input (validated inside each method). */
export type HostMethodTable = {
  context: Method;
  data: { list: Method; get: Method; create: Method; update: Method; remove: Method };
  resize: Method;
  navigate: Method;
  toast: Method;
  emit: Method;
};

/** Built on null-prototype objects, so that no inherited name ("constructor", "__proto__") resolves to anything. */

export function createHostMethods(options: HostOptions): HostMethodTable {
  const call = async (request: GatewayRequest): Promise<unknown> => {
    let response: Awaited<ReturnType<GatewayTransport>>;
    try {
      response = await options.transport(request);
    } catch {
      throw { code: 'NETWORK_ERROR', message: 'Dramac could not be reached; check the connection and try again' };
    }
    if (response.status < 200 || response.status > 299) throw gatewayError(response.status, response.body);
    return response.body;
  };
  const path = (table: string, id?: string) => `/data/${table}${id === undefined ? '' : `/${id}`}`;

  const data: HostMethodTable['data'] = Object.assign(Object.create(null), {
    list: (...input: unknown[]) => {
      const [t, query] = parse('list', args.list, input);
      return call({ method: 'GET', path: path(t), query: listParams(query) });
    },
    get: (...input: unknown[]) => {
      const [t, id] = parse('get', args.get, input);
      return call({ method: 'GET', path: path(t, id) });
    },
    create: (...input: unknown[]) => {
      const [t, row] = parse('create', args.create, input);
      return call({ method: 'POST', path: path(t), body: row });
    },
    update: (...input: unknown[]) => {
      const [t, id, changes] = parse('update', args.update, input);
      return call({ method: 'PATCH', path: path(t, id), body: changes });
    },
    remove: async (...input: unknown[]) => {
      const [t, id] = parse('remove', args.remove, input);
      await call({ method: 'DELETE', path: path(t, id) });
    },
  });

  const methods: HostMethodTable = Object.assign(Object.create(null), {
    context: (...input: unknown[]) => {
      parse('context', args.context, input);
      return call({ method: 'GET', path: '/context' });
    },
    data,
    resize: (...input: unknown[]) => {
      const [height] = parse('resize', args.resize, input);
      options.onResize(Math.round(Math.min(options.maxHeight, Math.max(options.minHeight, height))));
    },
    navigate: (...input: unknown[]) => {
      const [target] = parse('navigate', args.navigate, input);
      if (!options.navigation) throw { code: 'NOT_SUPPORTED', message: 'navigate() is not available here' };
      const base = options.navigation.basePath.replace(/\/+$/, '');
      const destination = target === '/' ? base : `${base}${target}`;
      // the browser's own reading of the path must agree that it stays inside the site
      const resolved = new URL(destination, 'http://dashboard.invalid').pathname;
      if (resolved !== base && !resolved.startsWith(`${base}/`))
        throw { code: 'BAD_REQUEST', message: 'navigate() was refused: path: Use a path inside the site' };
      options.navigation.navigate(destination);
    },
    toast: (...input: unknown[]) => {
      const [message, toastOptions] = parse('toast', args.toast, input);
      if (!options.onToast) throw { code: 'NOT_SUPPORTED', message: 'toast() is not available here' };
      options.onToast({ message, kind: toastOptions?.kind ?? 'info' });
    },
    emit: async (...input: unknown[]) => {
      const [name, payload] = parse('emit', args.emit, input);
      await call({ method: 'POST', path: '/events', body: { name, payload: payload ?? {} } });
    },
  });
  return methods;
}
