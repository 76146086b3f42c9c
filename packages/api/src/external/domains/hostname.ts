// What a domain is to us: a public DNS hostname, stored the way browsers write it in an Origin
// (lowercase ASCII, internationalised names as punycode through the WHATWG URL parser), without
// scheme, port or path. A verified hostname allows exactly the origin https://<hostname>; no
// http, no other port, no implied subdomain (www is a domain of its own).
//
// Development only (DOMAINS_ALLOW_LOCALHOST=1): `localhost` and `*.localhost`, with an optional
// port since local servers rarely run on 443, allowing both http:// and https:// origins.
import net from 'node:net';

/** Special-use names (RFC 6761, 6762, 7686) and `.internal`: never a public website. (`.test` and
 *  `.example` are allowed: they never verify publicly, but tests and documentation use them.) */
const reservedTlds = new Set(['local', 'localhost', 'internal', 'invalid', 'onion', 'arpa']);

export const localhostAllowed = () => process.env.DOMAINS_ALLOW_LOCALHOST === '1';

/** `localhost`, `app.localhost`, optionally with a port: the development-only domains. */
export const isDevDomain = (hostname: string) => /^(?:[a-z0-9-]+\.)*localhost(?::\d{1,5})?$/.test(hostname);

const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type Normalised = { ok: true; hostname: string } | { ok: false; error: string };

/** The stored form of what a user typed, or why it is not a domain we accept. */
export function normaliseHostname(input: string): Normalised {
  const fail = (error: string): Normalised => ({ ok: false, error });
  const raw = input.trim();
  if (raw === '') return fail('Enter a domain such as shop.example.com');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) return fail('Enter the domain without http:// or https://');
  if (/[/?#\\]/.test(raw)) return fail('Enter the domain only, without a path');
  if (raw.includes('@')) return fail('Enter the domain only, without a user name');
  if (raw.includes('*')) return fail('Wildcards are not supported: add each domain on its own');
  if (/[\s%]/.test(raw)) return fail('A domain cannot contain spaces or % signs');
  if (/^\[|^[0-9.]+(?::\d+)?$/.test(raw) || net.isIP(raw)) return fail('Enter a domain name, not an IP address');

  let url: URL;
  try {
    url = new URL(`http://${raw}`);
  } catch {
    return fail('This is not a valid domain name');
  }
  // the URL parser reads "0x7f.1" or "2130706433" as IPv4 addresses
  if (net.isIP(url.hostname.replace(/^\[|\]$/g, ''))) return fail('Enter a domain name, not an IP address');
  const hostname = url.hostname.replace(/\.$/, ''); // a fully qualified name's trailing dot
  const port = url.port || (raw.endsWith(':80') ? '80' : ''); // the parser drops http's default port

  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    if (!localhostAllowed()) return fail('localhost can only be added in development');
    return { ok: true, hostname: port ? `${hostname}:${port}` : hostname };
  }
  if (port || /:\d*$/.test(raw)) return fail('Enter the domain without a port: it is verified and allowed on https (443)');
  if (hostname.length > 253) return fail('A domain has at most 253 characters');
  const labels = hostname.split('.');
  if (labels.length < 2) return fail('Enter a full domain such as example.com');
  for (const part of labels) {
    if (part.length === 0) return fail('A domain cannot contain empty parts (..)');
    if (part.length > 63) return fail('Each part of a domain has at most 63 characters');
    if (!label.test(part)) {
      return fail(`"${part}" is not valid in a domain: use letters, digits and hyphens, not at the start or end`);
    }
  }
  const tld = labels.at(-1) ?? '';
  if (reservedTlds.has(tld)) return fail(`.${tld} is reserved and not a public domain`);
  return { ok: true, hostname };
}

/** The exact origins a verified domain allows (what a browser sends in `Origin`). */
export function originsOf(hostname: string): string[] {
  if (isDevDomain(hostname)) return [`http://${hostname}`, `https://${hostname}`];
  return [`https://${hostname}`];
}
