// The two proofs of control over a domain, and what each finds in words a user can act on.
//   DNS:  a TXT record at _dramac-verify.<hostname> whose value is "dramac-verify=<token>". A name
//         of its own (not the hostname itself) works for hostnames that are CNAMEs and keeps the
//         apex's TXT records (SPF…) untouched.
//   HTML: <meta name="dramac-verify" content="<token>"> in https://<hostname>/, read with a real
//         HTML parser from at most the first 256 KB, within the check's deadline, through the SSRF
//         guard. Redirects are followed only within the same origin (/ → /en/), at most 3;
//         another host or http would prove control of something else.
import type { DomainCheckOutcome, DomainVerificationMethod } from '@dramac/db';
import { Parser } from 'htmlparser2';
import { safeRequest } from '../../lib/safe-http.ts';
import { type CheckConfig, checkConfig, lookupVia } from './check-config.ts';
import { isDevDomain } from './hostname.ts';

export const TXT_PREFIX = 'dramac-verify=';
export const META_NAME = 'dramac-verify';
export const MAX_PAGE_BYTES = 256 * 1024;
const MAX_REDIRECTS = 3;

export interface Proof {
  outcome: DomainCheckOutcome;
  detail: string;
  durationMs: number;
}

/** What the user publishes for each method. */
export function instructionsFor(hostname: string, token: string) {
  return {
    dnsTxt: { name: `_dramac-verify.${hostname}`, value: `${TXT_PREFIX}${token}` },
    htmlMeta: {
      tag: `<meta name="${META_NAME}" content="${token}">`,
      url: isDevDomain(hostname) ? `http://${hostname}/` : `https://${hostname}/`,
    },
  };
}

const seconds = (ms: number) => `${Number.isInteger(ms / 1000) ? ms / 1000 : (ms / 1000).toFixed(1)} s`;
const quoted = (values: string[]) =>
  values
    .slice(0, 3)
    .map((v) => `"${v.length > 80 ? `${v.slice(0, 80)}…` : v}"`)
    .join(', ');

export async function proveOwnership(
  hostname: string,
  method: DomainVerificationMethod,
  token: string,
  config: CheckConfig = checkConfig(),
): Promise<Proof> {
  const started = performance.now();
  const result = method === 'dns_txt' ? await checkTxt(hostname, token, config) : await checkMeta(hostname, token, config);
  return { ...result, durationMs: Math.round(performance.now() - started) };
}

type Found = Omit<Proof, 'durationMs'>;

async function checkTxt(hostname: string, token: string, config: CheckConfig): Promise<Found> {
  if (isDevDomain(hostname)) return { outcome: 'error', detail: 'localhost has no DNS: verify it with the meta tag' };
  const name = `_dramac-verify.${hostname}`;
  const expected = `${TXT_PREFIX}${token}`;
  const resolver = config.resolver();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), config.timeoutMs);
  });
  try {
    const records = await Promise.race([resolver.resolveTxt(name), deadline]);
    if (records === 'timeout') {
      resolver.cancel();
      return { outcome: 'timeout', detail: `DNS lookup of ${name} timed out after ${seconds(config.timeoutMs)}` };
    }
    // a long TXT value arrives in 255-byte chunks: a record is their concatenation
    const values = records.map((chunks) => chunks.join('').trim());
    if (values.includes(expected)) return { outcome: 'found', detail: `TXT record ${name} holds the token` };
    const ours = values.filter((v) => v.startsWith(TXT_PREFIX));
    if (ours.length > 0) {
      return {
        outcome: 'mismatch',
        detail: `TXT record found but value differs: ${name} holds ${quoted(ours)}, expected "${expected}"`,
      };
    }
    return {
      outcome: 'mismatch',
      detail: `TXT record found but value differs: ${name} holds ${quoted(values)}, none of them "${expected}"`,
    };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND') return { outcome: 'missing', detail: `No TXT record: ${name} does not exist (NXDOMAIN)` };
    if (code === 'ENODATA') return { outcome: 'missing', detail: `No TXT record at ${name}` };
    if (code === 'ETIMEOUT' || code === 'ECANCELLED') {
      return { outcome: 'timeout', detail: `DNS lookup of ${name} timed out after ${seconds(config.timeoutMs)}` };
    }
    if (code === 'ESERVFAIL') return { outcome: 'error', detail: `DNS server failure (SERVFAIL) looking up ${name}` };
    if (code === 'EREFUSED') return { outcome: 'error', detail: `The DNS server refused to answer for ${name}` };
    return { outcome: 'error', detail: `DNS lookup of ${name} failed: ${code ?? (err as Error).message}` };
  } finally {
    clearTimeout(timer);
  }
}

/** The `content` of every `<meta name="dramac-verify">` in `html` (names compared case-insensitively). */
export function metaTokens(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'meta' && attributes.name?.trim().toLowerCase() === META_NAME) found.push((attributes.content ?? '').trim());
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

async function checkMeta(hostname: string, token: string, config: CheckConfig): Promise<Found> {
  const dev = isDevDomain(hostname);
  const start = dev ? new URL(`http://${hostname}/`) : new URL(`https://${hostname}/`);
  if (!dev && config.httpsPort) start.port = String(config.httpsPort);
  const resolver = config.resolver();
  const deadline = performance.now() + config.timeoutMs;
  let url = start;
  try {
    for (let hop = 0; ; hop++) {
      const res = await safeRequest(url, {
        headers: { accept: 'text/html', 'user-agent': 'Dramac-DomainVerification/1' },
        timeoutMs: Math.max(1, Math.round(deadline - performance.now())),
        maxResponseBytes: MAX_PAGE_BYTES,
        // a localhost domain exists only in development, where it is served from loopback
        allowPrivate: config.allowPrivate || dev,
        lookup: lookupVia(resolver),
        ca: config.ca,
      });
      if (res.failure === 'timeout') {
        return { outcome: 'timeout', detail: `${url.href} timed out after ${seconds(config.timeoutMs)}` };
      }
      if (res.failure === 'refused') return { outcome: 'refused', detail: res.error ?? 'refused' };
      if (res.statusCode === null) return { outcome: 'error', detail: `Could not fetch ${url.href}: ${res.error}` };
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
        const next = URL.canParse(res.headers.location, url) ? new URL(res.headers.location, url) : null;
        if (!next || next.origin !== start.origin) {
          return {
            outcome: 'error',
            detail: `${url.href} redirects to ${res.headers.location.slice(0, 200)}: serve the tag at ${start.href} itself (redirects to another host or to http are not followed)`,
          };
        }
        if (hop >= MAX_REDIRECTS) return { outcome: 'error', detail: `${start.href} redirects more than ${MAX_REDIRECTS} times` };
        url = next;
        continue;
      }
      if (res.statusCode < 200 || res.statusCode >= 300) {
        return { outcome: 'error', detail: `${url.href} answered HTTP ${res.statusCode}; the page must answer 200` };
      }
      const tokens = metaTokens(res.body.toString('utf8'));
      if (tokens.includes(token)) return { outcome: 'found', detail: `Meta tag found on ${url.href}` };
      if (tokens.length > 0) {
        return { outcome: 'mismatch', detail: `Meta tag found but its content differs: ${quoted(tokens)} on ${url.href}` };
      }
      return {
        outcome: 'missing',
        detail: res.truncated
          ? `No dramac-verify meta tag in the first 256 KB of ${url.href}: put it in the page's <head>`
          : `No dramac-verify meta tag on ${url.href}`,
      };
    }
  } finally {
    resolver.cancel(); // a lookup still in flight at the deadline
  }
}
