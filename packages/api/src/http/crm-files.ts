// The CRM's CSV files in and out, which tRPC's JSON bodies cannot carry at this size:
//   POST /api/crm/sites/{siteId}/imports?entity=contact&dedupe=skip&mapping=<json>&fileName=…
//        the CSV as the body (text/csv), streamed into the import as it arrives
//   GET  /api/crm/sites/{siteId}/export?entity=contact&q=…&filter=…&sort=…&segmentId=…
// Both authorise through the CRM's own procedures (crm.imports.create, crm.<entity>.list), so the
// session or bearer token, role, scope, install gate and input checks are exactly theirs.
import { Readable } from 'node:stream';
import { z } from 'zod';
import { type Context, createContext, type Services, type SessionUser } from '../context.ts';
import { crmRouter } from '../crm/crm.router.ts';
import { exportCsv } from '../crm/export.ts';
import { runImport } from '../crm/import.ts';
import { createCallerFactory } from '../trpc.ts';
import { errorResponse, jsonError } from './errors.ts';

export const CRM_FILES_PREFIX = '/api/crm/sites/';
const caller = createCallerFactory(crmRouter);

const positive = (name: string, fallback: number) => {
  const raw = process.env[name];
  const parsed = z.coerce
    .number()
    .int()
    .positive()
    .safeParse(raw ?? fallback);
  if (!parsed.success) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return parsed.data;
};
/** CRM_IMPORT_MAX_BYTES (50 MB) and CRM_IMPORT_MAX_ROWS (100,000): a larger file is refused with 413. */
const importLimits = () => ({
  maxBytes: positive('CRM_IMPORT_MAX_BYTES', 50_000_000),
  maxRows: positive('CRM_IMPORT_MAX_ROWS', 100_000),
});

const query = (url: URL) => Object.fromEntries(url.searchParams.entries());

/** The CSV endpoints for a request whose caller (session user or bearer header) is already read. */
export async function crmFiles(
  req: Request,
  services: Services,
  user: SessionUser | null,
  info: Partial<Context['req']>,
): Promise<Response> {
  const url = new URL(req.url);
  const [siteId, action, ...rest] = url.pathname.slice(CRM_FILES_PREFIX.length).split('/');
  if (!siteId || rest.length > 0) return jsonError(404, 'NOT_FOUND', `No route for ${req.method} ${url.pathname}`);
  // a session reaches these only from the dashboard's own pages (as the module gateway asks)
  if (user && req.headers.get('x-dramac-request') !== '1')
    return jsonError(403, 'FORBIDDEN', 'Send X-Dramac-Request: 1 with a dashboard session');
  const api = caller(createContext(services, user, info));
  const q = query(url);
  try {
    if (action === 'imports' && req.method === 'POST') {
      if (!req.body) return jsonError(400, 'BAD_REQUEST', 'Send the CSV file as the request body');
      let mapping: Record<string, string | null>;
      try {
        mapping = JSON.parse(q.mapping ?? '{}');
      } catch {
        return jsonError(400, 'BAD_REQUEST', 'mapping is JSON: {"CSV column": "field"}');
      }
      const job = await api.imports.create({
        siteId,
        entity: q.entity as 'contact',
        dedupe: q.dedupe as 'skip',
        mapping,
        fileName: q.fileName ?? 'import.csv',
      });
      const site = await services.db.site.findUniqueOrThrow({ where: { id: siteId } });
      const done = await runImport(services, site, user?.id ?? null, job.id, Readable.fromWeb(req.body as never), importLimits());
      if (done.status === 'failed' && /larger than|more than/.test(done.error ?? '')) {
        return jsonError(413, 'PAYLOAD_TOO_LARGE', done.error ?? 'The file is too large');
      }
      return Response.json(done, { status: done.status === 'failed' ? 400 : 200 });
    }
    if (action === 'export' && req.method === 'GET') {
      const entity = q.entity === 'company' ? 'company' : q.entity === 'deal' ? 'deal' : 'contact';
      const list = { siteId, q: q.q, filter: q.filter, sort: q.sort, segmentId: q.segmentId, limit: 1 };
      // the list procedure checks the caller and the filter before the first byte is sent
      if (entity === 'contact') await api.contacts.list(list);
      else if (entity === 'company') await api.companies.list(list);
      else await api.deals.list(list);
      const site = await services.db.site.findUniqueOrThrow({ where: { id: siteId } });
      const { limit: _l, siteId: _s, ...filters } = list;
      const csv = await exportCsv(services, site, user?.id ?? null, entity, filters);
      const name = `${entity === 'company' ? 'companies' : `${entity}s`}-${new Date().toISOString().slice(0, 10)}.csv`;
      return new Response(Readable.toWeb(Readable.from(csv)) as ReadableStream, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${name}"`,
          'cache-control': 'no-store',
        },
      });
    }
    return jsonError(404, 'NOT_FOUND', `No route for ${req.method} ${url.pathname}`);
  } catch (err) {
    return errorResponse(err, { source: 'crm-files' });
  }
}
