// The client's address comes from the socket unless TRUST_PROXY names the proxies in front of us:
// a header the client writes itself must never choose its rate-limit bucket or its log line.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientIp } from '../http/session.ts';
import { CLIENT_IP_HEADER, parseTrustProxy, resolveClientAddress, type TrustProxy } from './client-address.ts';

let trust: TrustProxy = parseTrustProxy(undefined);
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => res.end(resolveClientAddress(req, trust)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The address the server sees for a request sent from `from` (a loopback address) with `headers`. */
function seenAs(setting: string | undefined, from: string, headers: Record<string, string> = {}): Promise<string> {
  trust = parseTrustProxy(setting);
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, localAddress: from, headers, agent: false }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

describe('without TRUST_PROXY', () => {
  it('takes the socket address, whatever X-Forwarded-For says', async () => {
    expect(await seenAs(undefined, '127.0.0.7', { 'x-forwarded-for': '203.0.113.9' })).toBe('127.0.0.7');
    expect(await seenAs('', '127.0.0.8', { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' })).toBe('127.0.0.8');
    expect(await seenAs('false', '127.0.0.9')).toBe('127.0.0.9');
  });
});

describe('with TRUST_PROXY', () => {
  it('a hop count trusts that many proxies nearest to the server', async () => {
    expect(await seenAs('1', '127.0.0.7', { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' })).toBe('203.0.113.9');
    expect(await seenAs('2', '127.0.0.7', { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' })).toBe('198.51.100.1');
    // a request that did not pass through the proxy names only its socket
    expect(await seenAs('1', '127.0.0.7')).toBe('127.0.0.7');
  });

  it('address ranges trust only those proxies: a forged hop from elsewhere is the client', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' };
    expect(await seenAs('127.0.0.0/8', '127.0.0.7', headers)).toBe('203.0.113.9');
    expect(await seenAs('loopback, 203.0.113.0/24', '127.0.0.7', headers)).toBe('198.51.100.1');
    expect(await seenAs('10.0.0.0/8', '127.0.0.7', headers)).toBe('127.0.0.7');
  });

  it('refuses settings that would trust everyone or cannot be read', () => {
    expect(() => parseTrustProxy('true')).toThrow(/hop count/);
    expect(() => parseTrustProxy('not-an-address')).toThrow(/TRUST_PROXY/);
  });
});

describe('clientIp', () => {
  const from = (value?: string) =>
    clientIp(
      new Request('http://x.test/', { headers: value ? { [CLIENT_IP_HEADER]: value, 'x-forwarded-for': '203.0.113.9' } : {} }),
    );

  it('reads only the address the server decided, spelling IPv4-mapped IPv6 as IPv4', () => {
    expect(from('203.0.113.7')).toBe('203.0.113.7');
    expect(from('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(from('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(from('2001:db8::1')).toBe('2001:db8::1');
    expect(from('::ffff:abcd')).toBe('::ffff:abcd');
    expect(from()).toBe('unknown');
  });
});
