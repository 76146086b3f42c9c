// What a user may type as a domain, what we store, and which origins it allows.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normaliseHostname, originsOf } from './hostname.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a domain as typed', () => {
  it.each([
    ['shop.example.com', 'shop.example.com'],
    ['  Shop.Example.COM  ', 'shop.example.com'],
    ['shop.example.com.', 'shop.example.com'],
    ['bücher.example.com', 'xn--bcher-kva.example.com'],
    ['BÜCHER.de', 'xn--bcher-kva.de'],
    ['例え.jp', 'xn--r8jz45g.jp'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['a-b.c-d.example.co.uk', 'a-b.c-d.example.co.uk'],
    ['shop。example。com', 'shop.example.com'],
  ])('%j is stored as %j', (input, stored) => {
    expect(normaliseHostname(input)).toEqual({ ok: true, hostname: stored });
  });

  it.each([
    ['https://shop.example.com', /without http/],
    ['http://shop.example.com/', /without http/],
    ['shop.example.com/path', /without a path/],
    ['shop.example.com?x=1', /without a path/],
    ['shop.example.com#top', /without a path/],
    ['user@shop.example.com', /user name/],
    ['shop.example.com:443', /without a port/],
    ['shop.example.com:8080', /without a port/],
    ['*.example.com', /Wildcards/],
    ['127.0.0.1', /not an IP address/],
    ['10.0.0.5:80', /not an IP address/],
    ['[::1]', /not an IP address/],
    ['::1', /not an IP address/],
    ['0x7f.1', /not an IP address/],
    ['2130706433', /not an IP address/],
    ['localhost', /only be added in development/],
    ['app.localhost:3000', /only be added in development/],
    ['printer.local', /reserved/],
    ['db.internal', /reserved/],
    ['nothing.invalid', /reserved/],
    ['com', /full domain/],
    ['under_score.example.com', /not valid in a domain/],
    ['-dash.example.com', /not valid in a domain/],
    ['a..example.com', /empty parts|not a valid/],
    [`${'a'.repeat(64)}.example.com`, /at most 63/],
    [`${'abcdefghi.'.repeat(26)}com`, /at most 253/],
    ['shop example.com', /spaces/],
    ['ex%61mple.com', /% signs/],
    ['', /Enter a domain/],
  ])('%j is refused (%s)', (input, message) => {
    const result = normaliseHostname(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  it('takes localhost, with a port, only in development', () => {
    vi.stubEnv('DOMAINS_ALLOW_LOCALHOST', '1');
    expect(normaliseHostname('localhost:4010')).toEqual({ ok: true, hostname: 'localhost:4010' });
    expect(normaliseHostname('Shop.localhost')).toEqual({ ok: true, hostname: 'shop.localhost' });
    expect(normaliseHostname('localhost:80')).toEqual({ ok: true, hostname: 'localhost:80' });
    // a public domain still has no port
    expect(normaliseHostname('shop.example.com:4010').ok).toBe(false);
    expect(normaliseHostname('127.0.0.1:4010').ok).toBe(false);
  });
});

describe('the origins a verified domain allows', () => {
  it('is exactly https on the default port for a public domain', () => {
    expect(originsOf('shop.example.com')).toEqual(['https://shop.example.com']);
    expect(originsOf('xn--bcher-kva.de')).toEqual(['https://xn--bcher-kva.de']);
  });

  it('is http and https on its port for a development domain', () => {
    expect(originsOf('localhost:4010')).toEqual(['http://localhost:4010', 'https://localhost:4010']);
  });
});
