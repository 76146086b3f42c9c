import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

// the usual open-redirect bypasses: each would send a browser to another origin if used as a
// Location (or router target) as is
const bypasses = [
  'https://evil.com',
  'http:evil.com',
  '//evil.com',
  '//evil.com/x',
  '///evil.com',
  '/\\evil.com',
  '\\\\evil.com',
  '/\\/evil.com',
  '/.//evil.com/x',
  '/./\\evil.com',
  '/a/..//evil.com',
  '/%2e%2e//evil.com',
  '/%2E//evil.com',
  '/\t/evil.com',
  '/\n/evil.com',
  '/\r\n/evil.com',
  '/\u0000/evil.com',
  '/ /evil.com'.replace(' ', '\u000b'),
  'javascript:alert(1)',
  ' /sites',
  '%2F%2Fevil.com',
  'evil.com',
  '',
];

describe('safeNext', () => {
  it.each(bypasses)('refuses %j', (next) => {
    expect(safeNext(next)).toBe('/');
    expect(safeNext(next, '/welcome')).toBe('/welcome');
  });

  it('refuses null and undefined', () => {
    expect(safeNext(null)).toBe('/');
    expect(safeNext(undefined)).toBe('/');
  });

  it.each([
    ['/a/ag1/sites', '/a/ag1/sites'],
    ['/invitations/tok?x=1#top', '/invitations/tok?x=1#top'],
    [
      '/oauth/consent?client_id=a&redirect_uri=https%3A%2F%2Fapp.test%2Fcb',
      '/oauth/consent?client_id=a&redirect_uri=https%3A%2F%2Fapp.test%2Fcb',
    ],
    // encoded slashes stay encoded: a path segment of this site, not a host
    ['/%2F%2Fevil.com', '/%2F%2Fevil.com'],
    ['/a/b/../c', '/a/c'],
  ])('keeps the local path %j', (next, kept) => {
    expect(safeNext(next)).toBe(kept);
  });

  it('never returns something a browser reads as another origin', () => {
    for (const next of bypasses) {
      const target = new URL(safeNext(next), 'https://dashboard.test');
      expect(target.origin).toBe('https://dashboard.test');
    }
  });
});
