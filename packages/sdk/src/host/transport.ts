// How the host reaches the module gateway (/api/modules/{moduleId}/…). A transport is one function,
// so the dashboard (session cookie) and the embed SDK (bearer embed token) share the host code and
// differ only in how a call is authorised.

export interface GatewayRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** below /api/modules/{moduleId}, like "/data/submissions" */
  path: string;
  query?: [string, string][];
  body?: unknown;
}

export interface GatewayResponse {
  status: number;
  /** the parsed JSON body; null when there is none */
  body: unknown;
}

/** Performs one gateway call. Rejects only when the gateway could not be reached. */
export type GatewayTransport = (request: GatewayRequest) => Promise<GatewayResponse>;

export interface FetchTransportOptions {
  moduleId: string;
  /** the dashboard's origin; empty for same-origin calls */
  baseUrl?: string;
  headers?: Record<string, string>;
  credentials?: RequestCredentials;
}

export function fetchTransport({
  moduleId,
  baseUrl = '',
  headers = {},
  credentials = 'omit',
}: FetchTransportOptions): GatewayTransport {
  return async ({ method, path, query, body }) => {
    const search = query && query.length > 0 ? `?${new URLSearchParams(query)}` : '';
    const response = await fetch(`${baseUrl}/api/modules/${encodeURIComponent(moduleId)}${path}${search}`, {
      method,
      credentials,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = null;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = { error: { code: 'BAD_GATEWAY', message: `The gateway answered ${response.status} without JSON` } };
      }
    }
    return { status: response.status, body: parsed };
  };
}

/** The dashboard's transport: the signed-in session, for one site. */
export function sessionTransport({ moduleId, siteId }: { moduleId: string; siteId: string }): GatewayTransport {
  return fetchTransport({
    moduleId,
    credentials: 'same-origin',
    // X-Dramac-Request cannot be sent cross-site without CORS: the gateway's CSRF guard
    headers: { 'X-Dramac-Site': siteId, 'X-Dramac-Request': '1' },
  });
}
