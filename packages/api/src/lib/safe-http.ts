// Outgoing HTTP to hosts our users choose (webhook URLs, domains being verified). The SSRF guard
// runs at connect time on the resolved address (request-filtering-agent), so DNS tricks cannot
// reach private, loopback, link-local, unique-local, multicast or cloud metadata addresses.
// Redirects are never followed here (callers decide), the body is read up to a limit, and the
// whole exchange, body included, has one deadline.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

export interface SafeRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** the most body bytes read; the connection is closed past it */
  maxResponseBytes: number;
  /** lifts the address check (development and tests only) */
  allowPrivate: boolean;
  /** reuse connections (webhooks: many deliveries to one receiver) */
  keepAlive?: boolean;
  /** resolves the hostname instead of the system resolver; the guard still checks what it returns */
  lookup?: LookupFunction;
  /** the CAs to trust for https, instead of Node's bundled roots */
  ca?: string[];
}

export interface SafeResponse {
  statusCode: number | null;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** the body was longer than maxResponseBytes: `body` is its beginning */
  truncated: boolean;
  durationMs: number;
  /** why no response arrived, in words for a log or a user; null when one did */
  error: string | null;
  failure: 'timeout' | 'refused' | 'error' | null;
}

const agents = new Map<string, http.Agent>();

/** One guarded agent per protocol and policy, shared by every request of the process. */
function agentFor(url: URL, allowPrivate: boolean, keepAlive: boolean): http.Agent {
  const key = `${url.protocol}${allowPrivate}${keepAlive}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive, maxSockets: 256, allowPrivateIPAddress: allowPrivate, allowMetaIPAddress: false };
    agent = url.protocol === 'https:' ? new RequestFilteringHttpsAgent(options) : new RequestFilteringHttpAgent(options);
    agents.set(key, agent);
  }
  return agent;
}

/** request-filtering-agent's refusal ("DNS lookup 10.0.0.5(family:4, host:x) is not allowed…"), in plain words. */
function describeRefusal(message: string): string | null {
  const m = message.match(/^DNS lookup (\S+?)\((?:family:\S*, host:(\S*?))?\) is not allowed/);
  if (!m) return null;
  const [, address, host] = m;
  const target = host && host !== 'undefined' ? `${host} resolves to ${address}` : address;
  return `refused: ${target}, a private, loopback or link-local address; such targets are not allowed`;
}

export function safeRequest(target: string | URL, opts: SafeRequest): Promise<SafeResponse> {
  const started = performance.now();
  const done = (
    res: { statusCode: number | null; headers?: http.IncomingHttpHeaders; body?: Buffer; truncated?: boolean },
    error: string | null = null,
    failure: SafeResponse['failure'] = null,
  ): SafeResponse => ({
    statusCode: res.statusCode,
    headers: res.headers ?? {},
    body: res.body ?? Buffer.alloc(0),
    truncated: res.truncated ?? false,
    durationMs: Math.round(performance.now() - started),
    error,
    failure,
  });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return resolve(done({ statusCode: null }, 'Invalid URL', 'error'));
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return resolve(done({ statusCode: null }, 'Only http and https URLs can be requested', 'error'));
    }
    const client = url.protocol === 'https:' ? https : http;
    const timeoutMessage = `Timed out after ${opts.timeoutMs} ms`;
    let expired = false;
    const expire = () => {
      expired = true;
      req.destroy(new Error(timeoutMessage));
    };
    const failed = (statusCode: number | null, err: Error) => {
      const refusal = describeRefusal(err.message);
      if (expired) resolve(done({ statusCode }, timeoutMessage, 'timeout'));
      else if (refusal) resolve(done({ statusCode }, refusal, 'refused'));
      else resolve(done({ statusCode }, err.message, 'error'));
    };
    const req = client.request(url, {
      method: opts.method ?? 'GET',
      agent: agentFor(url, opts.allowPrivate, opts.keepAlive ?? false),
      headers: {
        ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}),
        ...opts.headers,
      },
      ...(opts.lookup ? { lookup: opts.lookup } : {}),
      ...(opts.ca ? { ca: opts.ca } : {}),
      timeout: opts.timeoutMs,
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const finish = () =>
        resolve(done({ statusCode: res.statusCode ?? null, headers: res.headers, body: Buffer.concat(chunks), truncated }));
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        if (size + chunk.length > opts.maxResponseBytes) {
          chunks.push(chunk.subarray(0, opts.maxResponseBytes - size));
          truncated = true;
          finish();
          res.destroy(); // enough: do not read a huge body
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', finish);
      res.on('error', (err) => failed(res.statusCode ?? null, err));
      // closed before its end without an error event: an incomplete body is no answer
      res.on('close', () => !res.complete && failed(res.statusCode ?? null, new Error('the connection closed mid-response')));
    });
    const deadline = setTimeout(expire, opts.timeoutMs);
    req.on('timeout', expire);
    req.on('error', (err) => failed(null, err));
    req.on('close', () => clearTimeout(deadline));
    req.end(opts.body);
  });
}
