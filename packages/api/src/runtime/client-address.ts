// Which address is the client's? The socket's, unless TRUST_PROXY names the proxies in front of
// the web server that may say who they forwarded for (X-Forwarded-For). The web server resolves it
// once per request (apps/web/server) and hands it on in CLIENT_IP_HEADER, replacing whatever the
// client sent under that name; handlers read nothing else (http/session.ts clientIp).
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

export const CLIENT_IP_HEADER = 'x-dramac-client-ip';

export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * TRUST_PROXY: unset, empty or `false` trusts no proxy (the socket's address is the client's);
 * a number `n` trusts the `n` hops nearest to the server (a load balancer and a CDN: 2);
 * otherwise a comma-separated list of addresses and CIDR ranges, or the names `loopback`,
 * `linklocal` and `uniquelocal` (proxy-addr's vocabulary, as Express reads it).
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const setting = value?.trim() ?? '';
  if (setting === '' || setting === 'false' || setting === '0') return () => false;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address, hop) => hop < hops;
  }
  if (setting === 'true') {
    throw new Error('TRUST_PROXY=true would let any client choose its address: give a hop count or the proxies’ addresses');
  }
  const entries = setting
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    return proxyaddr.compile(entries);
  } catch (err) {
    throw new Error(`TRUST_PROXY: ${(err as Error).message} (expected a hop count, addresses or CIDR ranges)`);
  }
}

/** One client, one spelling: an IPv4 client on a dual-stack socket arrives as ::ffff:203.0.113.7. */
export function normaliseAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/** The client's address for a request that reached this server's socket. */
export function resolveClientAddress(req: IncomingMessage, trust: TrustProxy): string {
  if (!req.socket.remoteAddress) return 'unknown';
  return normaliseAddress(proxyaddr(req, trust));
}

/** Sets CLIENT_IP_HEADER on an incoming request, over any value the client sent. */
export function stampClientAddress(req: IncomingMessage, trust: TrustProxy): string {
  const address = resolveClientAddress(req, trust);
  req.headers[CLIENT_IP_HEADER] = address;
  return address;
}
