// /api/modules/:moduleId/* — a module's window on the platform, as a plain fetch handler (mounted
// by the Next.js route and by the test server):
//   GET  context · GET settings
//   GET|POST data/:table · GET|PATCH|DELETE data/:table/:rowId
//   POST events · POST renders
// Bodies are limited like the REST surface's (413/415); every answer is JSON, errors in the API's
// one shape (http/errors.ts). CORS, rate limits and the request log belong to the traffic wrapper
// (external/traffic) that http/index.ts puts in front of this handler.
import { TRPCError } from '@trpc/server';
import type { Services } from '../../context.ts';
import { limitBody } from '../../http/body-limit.ts';
import { errorResponse, json } from '../../http/errors.ts';
import { authorise } from './caller.ts';
import { listRequestOf } from './list-query.ts';
import { moduleContext, visibleSettings } from './module-context.ts';
import { changeRow, createRow, listTable, readRow, removeRow } from './module-data.ts';
import { emitModuleEvent, recordRender } from './module-events.ts';
import { readJson, refuseNulInQuery } from './request.ts';

type Route =
  | { kind: 'context' | 'settings' | 'events' | 'renders'; moduleId: string }
  | { kind: 'table'; moduleId: string; table: string }
  | { kind: 'row'; moduleId: string; table: string; rowId: string };

const allowed: Record<Route['kind'], string[]> = {
  context: ['GET'],
  settings: ['GET'],
  events: ['POST'],
  renders: ['POST'],
  table: ['GET', 'POST'],
  row: ['GET', 'PATCH', 'DELETE'],
};

const notFound = (message: string) => new TRPCError({ code: 'NOT_FOUND', message });

function matchRoute(pathname: string, base: string): Route {
  const rest = pathname.startsWith(`${base}/`) ? pathname.slice(base.length + 1) : '';
  let parts: string[];
  try {
    parts = rest.split('/').map(decodeURIComponent);
  } catch {
    throw notFound('No such gateway route');
  }
  const [moduleId = '', kind, table, rowId, ...extra] = parts;
  if (!moduleId || moduleId.length > 64 || extra.length > 0) throw notFound('No such gateway route');
  if ((kind === 'context' || kind === 'settings' || kind === 'events' || kind === 'renders') && table === undefined) {
    return { kind, moduleId };
  }
  if (kind === 'data' && table) {
    if (table.length > 64) throw notFound(`This module declares no table "${table.slice(0, 64)}…"`);
    if (rowId === undefined) return { kind: 'table', moduleId, table };
    if (rowId) return { kind: 'row', moduleId, table, rowId };
  }
  throw notFound(`No gateway route ${pathname}: use context, settings, data/{table}, data/{table}/{id}, events or renders`);
}

async function serve(route: Route, req: Request, url: URL, services: Services): Promise<Response> {
  const caller = await authorise(req, services, route.moduleId);
  const body = req.method === 'POST' || req.method === 'PATCH' ? await readJson(req) : undefined;
  switch (route.kind) {
    case 'context':
      return json(200, moduleContext(caller));
    case 'settings':
      return json(200, visibleSettings(caller));
    case 'events':
      return json(202, await emitModuleEvent(services, caller, body));
    case 'renders':
      return json(202, await recordRender(services, caller, body));
    case 'table':
      if (req.method === 'POST') return json(201, await createRow(services, caller, route.table, body));
      refuseNulInQuery(url.searchParams);
      return json(200, await listTable(services, caller, route.table, listRequestOf(url.searchParams)));
    case 'row':
      if (req.method === 'PATCH') return json(200, await changeRow(services, caller, route.table, route.rowId, body));
      if (req.method === 'DELETE') return json(200, await removeRow(services, caller, route.table, route.rowId));
      return json(200, await readRow(services, caller, route.table, route.rowId));
  }
}

/** /api/modules/* for the dashboard (session) and embedded pages (embed token). */
export async function handleModuleGateway(request: Request, services: Services, base = '/api/modules'): Promise<Response> {
  try {
    const url = new URL(request.url);
    const route = matchRoute(url.pathname, base);
    if (!allowed[route.kind].includes(request.method)) {
      const methods = allowed[route.kind].join(', ');
      const refusal = new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: `Use ${methods} here` });
      return errorResponse(refusal, { source: 'modules-gateway', headers: { allow: methods } });
    }
    const limited = await limitBody(request, { requireJson: true });
    if ('response' in limited) return limited.response;
    return await serve(route, limited.req, url, services);
  } catch (err) {
    return errorResponse(err, { source: 'modules-gateway' });
  }
}
