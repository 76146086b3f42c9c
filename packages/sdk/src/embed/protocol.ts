// What travels between the embed SDK on a client's page (sdk.ts, at the page's origin) and the embed
// page in its iframe (frame.ts, /embed/{installationId} at the dashboard's origin).
//
// The handshake goes through window.postMessage, each side naming the other's exact origin and
// checking the source window and origin of what it receives:
//   embed page → page   { protocol, type: 'hello', title }      (to the origin in its URL, #origin=…)
//   page → embed page   { protocol, type: 'connect' } + a port   (to the dashboard's origin)
// Everything after that travels over the MessagePort, which only the two of them hold.
//
// The embed page is the module frame's bridge host: it checks every call of the module (host
// methods) and turns it into a gateway request. The page performs that request, since only the
// page can: an embed token is bound to the page's origin, and the browser sets Origin.
import type { GatewayRequest, GatewayResponse } from '../host/transport.ts';

export const EMBED_PROTOCOL = 'dramac-embed/1';

/** The embed page's settings, rendered by the server into the page as JSON (#dramac-embed). */
export interface EmbedPageConfig {
  installationId: string;
  moduleName: string;
  /** the installed widget's page (/embed/{installationId}/assets/{packageHash}/{entry path}) */
  widgetPath: string;
  /** the frame's first height, then its limits: the manifest's widget.defaultHeight and embed.minHeight/maxHeight */
  height: number;
  minHeight: number;
  maxHeight: number;
  /** the exact origins that may frame the page: the site's verified domains */
  origins: string[];
}

export type FrameToPage =
  /** perform this gateway call with the embed token, and answer `response` with the same id */
  | { type: 'request'; id: number; request: GatewayRequest }
  /** the widget's new height in CSS pixels (already clamped to the manifest's limits) */
  | { type: 'resize'; height: number }
  /** the widget connected, or did not (then `message` says why, and the page shows it too) */
  | { type: 'status'; state: 'connected' | 'failed'; message?: string };

export type PageToFrame =
  | { type: 'response'; id: number; response: GatewayResponse }
  /** the call could not be made: the gateway was unreachable, or no embed token could be had */
  | { type: 'unreachable'; id: number; message: string };

export interface HelloMessage {
  protocol: typeof EMBED_PROTOCOL;
  type: 'hello';
  /** the iframe's accessible name: the module's name */
  title: string;
}

export interface ConnectMessage {
  protocol: typeof EMBED_PROTOCOL;
  type: 'connect';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export const isHello = (data: unknown): data is HelloMessage =>
  isRecord(data) && data.protocol === EMBED_PROTOCOL && data.type === 'hello' && typeof data.title === 'string';

export const isConnect = (data: unknown): data is ConnectMessage =>
  isRecord(data) && data.protocol === EMBED_PROTOCOL && data.type === 'connect';

const METHODS = new Set(['GET', 'POST', 'PATCH', 'DELETE']);
// what the host methods build: /context, /events, /renders, /data/{table}, /data/{table}/{uuid}
const GATEWAY_PATH = /^\/[a-z0-9_]+(?:\/[A-Za-z0-9_-]+){0,2}$/;

function isGatewayRequest(value: unknown): value is GatewayRequest {
  if (!isRecord(value) || typeof value.method !== 'string' || !METHODS.has(value.method)) return false;
  if (typeof value.path !== 'string' || value.path.length > 200 || !GATEWAY_PATH.test(value.path)) return false;
  if (value.query === undefined) return true;
  return (
    Array.isArray(value.query) &&
    value.query.length <= 100 &&
    value.query.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((p) => typeof p === 'string'))
  );
}

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/** A message from the embed page, checked field by field (the SDK stays small: no schema library). */
export function readFrameMessage(data: unknown): FrameToPage | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case 'request':
      return isId(data.id) && isGatewayRequest(data.request) ? (data as FrameToPage) : null;
    case 'resize':
      return typeof data.height === 'number' && Number.isFinite(data.height) && data.height >= 0 && data.height <= 100_000
        ? { type: 'resize', height: data.height }
        : null;
    case 'status':
      if (data.state !== 'connected' && data.state !== 'failed') return null;
      return {
        type: 'status',
        state: data.state,
        message: typeof data.message === 'string' ? data.message.slice(0, 500) : undefined,
      };
    default:
      return null;
  }
}

/** A message from the page, checked the same way. */
export function readPageMessage(data: unknown): PageToFrame | null {
  if (!isRecord(data) || !isId(data.id)) return null;
  if (data.type === 'response' && isRecord(data.response) && typeof data.response.status === 'number') {
    return { type: 'response', id: data.id, response: { status: data.response.status, body: data.response.body ?? null } };
  }
  if (data.type === 'unreachable' && typeof data.message === 'string') {
    return { type: 'unreachable', id: data.id, message: data.message.slice(0, 500) };
  }
  return null;
}
