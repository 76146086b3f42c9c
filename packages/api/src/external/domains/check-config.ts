// How ownership checks reach the outside, read from the environment on every check so tests and
// operators can change it without restarting:
//   DNS_SERVERS=127.0.0.1:5353[,…]            resolvers for TXT records and for the meta check's address
//                                             (default: the system's, from /etc/resolv.conf)
//   DOMAIN_VERIFY_TIMEOUT_MS=5000              deadline of one check (DNS and HTTPS alike)
//   DOMAIN_VERIFY_ALLOW_PRIVATE_TARGETS=1      lifts the SSRF guard (development, tests)
//   DOMAIN_VERIFY_CA_FILE=/path/ca.pem         extra CAs trusted for the meta check (tests' own CA)
//   DOMAIN_VERIFY_HTTPS_PORT=8443              tests only: the port the meta check connects to instead of 443

import { Resolver } from 'node:dns/promises';
import fs from 'node:fs';
import type { LookupFunction } from 'node:net';
import tls from 'node:tls';

export const DEFAULT_TIMEOUT_MS = 5000;

export interface CheckConfig {
  timeoutMs: number;
  allowPrivate: boolean;
  /** trusted CAs for https: Node's roots plus DOMAIN_VERIFY_CA_FILE; undefined: Node's defaults */
  ca: string[] | undefined;
  httpsPort: number | null;
  /** a resolver of its own for one check, so cancelling it at the deadline touches no other check */
  resolver(): Resolver;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

const caFiles = new Map<string, string>();
function extraCa(file: string | undefined): string[] | undefined {
  if (!file) return undefined;
  let pem = caFiles.get(file);
  if (pem === undefined) {
    pem = fs.readFileSync(file, 'utf8');
    caFiles.set(file, pem);
  }
  return [...tls.rootCertificates, pem];
}

export function checkConfig(): CheckConfig {
  const env = process.env;
  const timeoutMs = positive(env.DOMAIN_VERIFY_TIMEOUT_MS, DEFAULT_TIMEOUT_MS);
  const servers = (env.DNS_SERVERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    timeoutMs,
    allowPrivate: env.DOMAIN_VERIFY_ALLOW_PRIVATE_TARGETS === '1',
    ca: extraCa(env.DOMAIN_VERIFY_CA_FILE),
    httpsPort: env.DOMAIN_VERIFY_HTTPS_PORT ? positive(env.DOMAIN_VERIFY_HTTPS_PORT, 443) : null,
    resolver() {
      // one try per server, each bounded by the check's deadline; the caller cancels at the deadline
      const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
      if (servers.length > 0) resolver.setServers(servers);
      return resolver;
    },
  };
}

/**
 * A `lookup` for node:net that asks `resolver` (A and AAAA), so the meta check connects to the
 * addresses our configured DNS gives; the SSRF guard then checks each one. `localhost` names
 * resolve to loopback without asking DNS (RFC 6761).
 */
export function lookupVia(resolver: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
    const found = (addresses: { address: string; family: number }[]) => {
      const usable = addresses.filter((a) => family === 0 || a.family === family);
      if (usable.length === 0) {
        const err = Object.assign(new Error(`${hostname} has no A or AAAA record`), { code: 'ENOTFOUND', hostname });
        return callback(err, '', 0);
      }
      if (options.all) return (callback as (e: null, a: typeof usable) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    };
    if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
      return found([
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ]);
    }
    Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]).then(([v4, v6]) => {
      const addresses = [
        ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 })) : []),
        ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 })) : []),
      ];
      if (addresses.length === 0 && v4.status === 'rejected') {
        const reason = v4.reason as NodeJS.ErrnoException;
        // NXDOMAIN or no record: say so; anything else (timeout, SERVFAIL) as the resolver said it
        if (reason.code !== 'ENODATA' && reason.code !== 'ENOTFOUND') return callback(reason, '', 0);
      }
      found(addresses);
    });
  };
}
