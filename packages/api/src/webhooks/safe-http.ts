// Webhook deliveries go out through the shared SSRF-guarded client (lib/safe-http.ts): the
// resolved address is checked at connect time, redirects are not followed, the response is read
// up to a limit and each attempt has a timeout. WEBHOOKS_ALLOW_PRIVATE_TARGETS=1 lifts the
// address check for local development and tests.
import { safeRequest } from '../lib/safe-http.ts';

export interface PostResult {
  statusCode: number | null;
  body: string;
  durationMs: number;
  error: string | null;
}

export async function postJson(
  target: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs?: number; maxResponseBytes?: number } = {},
): Promise<PostResult> {
  const res = await safeRequest(target, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'user-agent': 'Dramac-Webhooks/1', ...headers },
    timeoutMs: opts.timeoutMs ?? Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000),
    // enough for the delivery log
    maxResponseBytes: opts.maxResponseBytes ?? 4096,
    allowPrivate: process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS === '1',
    keepAlive: true,
  });
  // a receiver that answered and then dropped the connection still answered
  const error = res.statusCode !== null ? null : res.error;
  return { statusCode: res.statusCode, body: res.body.toString('utf8'), durationMs: res.durationMs, error };
}
