// Outgoing HTTP to addresses our users choose. The SSRF guard runs at connect time on the
// resolved address (request-filtering-agent), so DNS tricks cannot reach private, loopback,
// link-local or cloud metadata ranges. Redirects are never followed; the response body is read
// up to a limit; each attempt has a timeout. WEBHOOKS_ALLOW_PRIVATE_TARGETS=1 lifts the address
// check for local development and tests.
import http from 'node:http';
import https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

export interface PostResult {
  statusCode: number | null;
  body: string;
  durationMs: number;
  error: string | null;
}

const allowPrivate = () => process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS === '1';

let agents: { http: http.Agent; https: https.Agent; allowPrivate: boolean } | undefined;
function agentFor(url: URL) {
  if (agents?.allowPrivate !== allowPrivate()) {
    const options = { keepAlive: true, maxSockets: 256, allowPrivateIPAddress: allowPrivate(), allowMetaIPAddress: false };
    agents = {
      http: new RequestFilteringHttpAgent(options),
      https: new RequestFilteringHttpsAgent(options),
      allowPrivate: allowPrivate(),
    };
  }
  return url.protocol === 'https:' ? agents.https : agents.http;
}

export function postJson(
  target: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs?: number; maxResponseBytes?: number } = {},
): Promise<PostResult> {
  const timeoutMs = opts.timeoutMs ?? Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000);
  const maxBytes = opts.maxResponseBytes ?? 4096;
  const started = performance.now();
  const done = (statusCode: number | null, text: string, error: string | null): PostResult => ({
    statusCode,
    body: text,
    durationMs: Math.round(performance.now() - started),
    error,
  });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return resolve(done(null, '', 'Invalid URL'));
    }
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      {
        method: 'POST',
        agent: agentFor(url),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Dramac-Webhooks/1',
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < maxBytes) chunks.push(chunk.subarray(0, maxBytes - size));
          size += chunk.length;
          if (size >= maxBytes) res.destroy(); // enough for the log; do not read a huge body
        });
        const finish = () => resolve(done(res.statusCode ?? null, Buffer.concat(chunks).toString('utf8'), null));
        res.on('end', finish);
        res.on('close', finish);
      },
    );
    const deadline = setTimeout(() => req.destroy(new Error(`Timed out after ${timeoutMs} ms`)), timeoutMs);
    req.on('timeout', () => req.destroy(new Error(`Timed out after ${timeoutMs} ms`)));
    req.on('error', (err) => resolve(done(null, '', err.message)));
    req.on('close', () => clearTimeout(deadline));
    req.end(body);
  });
}
