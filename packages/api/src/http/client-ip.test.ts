// One client, one spelling: rate-limit keys and the request log must not split an IPv4 client
// in two because it once arrived over a dual-stack socket.
import { expect, it } from 'vitest';
import { clientIp } from './session.ts';

const from = (headers: Record<string, string>) => clientIp(new Request('http://x.test/', { headers }));

it('takes the last X-Forwarded-For hop, then X-Real-IP', () => {
  expect(from({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' })).toBe('203.0.113.7');
  expect(from({ 'x-real-ip': '203.0.113.9' })).toBe('203.0.113.9');
  expect(from({})).toBe('unknown');
});

it('spells IPv4-mapped IPv6 addresses as IPv4, and leaves real IPv6 alone', () => {
  expect(from({ 'x-forwarded-for': '::ffff:203.0.113.7' })).toBe('203.0.113.7');
  expect(from({ 'x-real-ip': '::FFFF:192.0.2.1' })).toBe('192.0.2.1');
  expect(from({ 'x-forwarded-for': '2001:db8::1' })).toBe('2001:db8::1');
  expect(from({ 'x-forwarded-for': '::ffff:abcd' })).toBe('::ffff:abcd');
});
