// Both proofs against real servers on loopback: a DNS server (dns2) for TXT records and the meta
// check's addresses, and an HTTPS server whose certificate our own test CA signed.
import type http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { metaTokens, proveOwnership } from './prove-ownership.ts';
import { startTestDns, startTestHttps, type TestDns, type TestHttps } from './test-servers.ts';

const TOKEN = 'tok_3xJ9qLm0Vb2R';
const page = (head: string) => `<!doctype html><html><head><title>Shop</title>${head}</head><body>Hello</body></html>`;
const tag = (content: string) => `<meta name="dramac-verify" content="${content}">`;

/** What each test host serves on https://<host>/. */
const sites: Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void> = {
  'found.example.com': (_req, res) => res.end(page(tag(TOKEN))),
  'other-token.example.com': (_req, res) => res.end(page(tag('someone-elses'))),
  'no-tag.example.com': (_req, res) => res.end(page('<meta name="description" content="A shop">')),
  // a regex would find these; an HTML parser knows the first is a comment and the second text
  'commented.example.com': (_req, res) => res.end(page(`<!-- ${tag(TOKEN)} --><script>document.write('${tag(TOKEN)}')</script>`)),
  'attribute-order.example.com': (_req, res) => res.end(page(`<META CONTENT="${TOKEN}" Name="Dramac-Verify" />`)),
  'huge.example.com': (_req, res) => {
    // 300 KB before the tag, streamed: the check reads 256 KB and hangs up
    res.write('<!doctype html><html><head><title>Huge</title>');
    for (let i = 0; i < 300; i++) res.write(`<!-- ${'x'.repeat(1010)} -->`);
    res.end(`${tag(TOKEN)}</head><body></body></html>`);
  },
  'huge-tag-first.example.com': (_req, res) => {
    res.write(page(tag(TOKEN)));
    for (let i = 0; i < 1000; i++) res.write(`<p>${'x'.repeat(1000)}</p>`);
    res.end();
  },
  'slow.example.com': () => {}, // never answers
  'slow-body.example.com': (_req, res) => res.write('<!doctype html><html><head>'), // starts, never ends
  'redirect-away.example.com': (_req, res) => res.writeHead(302, { location: 'https://found.example.com/' }).end(),
  'redirect-http.example.com': (_req, res) => res.writeHead(301, { location: 'http://redirect-http.example.com/' }).end(),
  'redirect-loop.example.com': (req, res) => res.writeHead(302, { location: `${req.url}x` }).end(),
  'redirect-same.example.com': (req, res) =>
    req.url === '/en/' ? res.end(page(tag(TOKEN))) : res.writeHead(301, { location: '/en/' }).end(),
  'gone.example.com': (_req, res) => res.writeHead(404).end(page(tag(TOKEN))),
};

let dns: TestDns;
let web: TestHttps;

beforeAll(async () => {
  dns = await startTestDns();
  web = await startTestHttps((req, res) => {
    const host = String(req.headers.host).replace(/:\d+$/, '');
    const serve = sites[host];
    if (serve) serve(req, res);
    else res.writeHead(421).end();
  });
  for (const host of Object.keys(sites)) dns.set(host, { a: ['127.0.0.1'] });
});
afterAll(async () => {
  await web?.close();
  await dns?.close();
});
beforeEach(() => {
  vi.unstubAllEnvs();
  vi.stubEnv('DNS_SERVERS', dns.servers);
  vi.stubEnv('DOMAIN_VERIFY_TIMEOUT_MS', '1000');
  vi.stubEnv('DOMAIN_VERIFY_ALLOW_PRIVATE_TARGETS', '1');
  vi.stubEnv('DOMAIN_VERIFY_CA_FILE', web.caFile);
  vi.stubEnv('DOMAIN_VERIFY_HTTPS_PORT', String(web.port));
});

describe('the DNS TXT record', () => {
  const name = '_dramac-verify.shop.example.com';

  it('is found when _dramac-verify.<domain> holds dramac-verify=<token>', async () => {
    dns.set(name, { txt: ['v=spf1 -all', `dramac-verify=${TOKEN}`] });
    expect(await proveOwnership('shop.example.com', 'dns_txt', TOKEN)).toMatchObject({
      outcome: 'found',
      detail: `TXT record ${name} holds the token`,
    });
  });

  it('is found when a long value comes in 255-byte chunks', async () => {
    const long = 'a'.repeat(300);
    dns.set('_dramac-verify.long.example.com', { txt: [[`dramac-verify=${long.slice(0, 200)}`, long.slice(200)]] });
    expect((await proveOwnership('long.example.com', 'dns_txt', long)).outcome).toBe('found');
  });

  it('reports a record with another value', async () => {
    dns.set(name, { txt: ['dramac-verify=an-old-token'] });
    const proof = await proveOwnership('shop.example.com', 'dns_txt', TOKEN);
    expect(proof.outcome).toBe('mismatch');
    expect(proof.detail).toBe(
      `TXT record found but value differs: ${name} holds "dramac-verify=an-old-token", expected "dramac-verify=${TOKEN}"`,
    );
  });

  it('reports a name that does not exist (NXDOMAIN)', async () => {
    dns.delete(name);
    expect(await proveOwnership('shop.example.com', 'dns_txt', TOKEN)).toMatchObject({
      outcome: 'missing',
      detail: `No TXT record: ${name} does not exist (NXDOMAIN)`,
    });
  });

  it('reports a name without TXT records', async () => {
    dns.set(name, { a: ['192.0.2.1'] });
    expect(await proveOwnership('shop.example.com', 'dns_txt', TOKEN)).toMatchObject({
      outcome: 'missing',
      detail: `No TXT record at ${name}`,
    });
  });

  it('gives up at the deadline when the DNS server does not answer', async () => {
    dns.set(name, 'timeout');
    const proof = await proveOwnership('shop.example.com', 'dns_txt', TOKEN);
    expect(proof).toMatchObject({ outcome: 'timeout', detail: `DNS lookup of ${name} timed out after 1 s` });
    expect(proof.durationMs).toBeGreaterThanOrEqual(900);
    expect(proof.durationMs).toBeLessThan(4000);
  });

  it('reports a failing DNS server', async () => {
    dns.set(name, 'servfail');
    expect(await proveOwnership('shop.example.com', 'dns_txt', TOKEN)).toMatchObject({
      outcome: 'error',
      detail: `DNS server failure (SERVFAIL) looking up ${name}`,
    });
  });
});

describe('the HTML meta tag', () => {
  it('is found in the page at https://<domain>/', async () => {
    expect(await proveOwnership('found.example.com', 'html_meta', TOKEN)).toMatchObject({ outcome: 'found' });
    expect(web.requests.at(-1)).toEqual({ host: `found.example.com:${web.port}`, path: '/' });
  });

  it('is read with an HTML parser: any attribute order and case, never from comments or scripts', async () => {
    expect((await proveOwnership('attribute-order.example.com', 'html_meta', TOKEN)).outcome).toBe('found');
    expect(await proveOwnership('commented.example.com', 'html_meta', TOKEN)).toMatchObject({
      outcome: 'missing',
      detail: expect.stringMatching(/^No dramac-verify meta tag on https:\/\/commented\.example\.com/),
    });
    expect(metaTokens(`<meta name=dramac-verify content='a &amp; b'>`)).toEqual(['a & b']);
  });

  it('reports a tag with another token', async () => {
    expect(await proveOwnership('other-token.example.com', 'html_meta', TOKEN)).toMatchObject({
      outcome: 'mismatch',
      detail: expect.stringContaining('Meta tag found but its content differs: "someone-elses"'),
    });
  });

  it('reports a page without the tag', async () => {
    expect((await proveOwnership('no-tag.example.com', 'html_meta', TOKEN)).outcome).toBe('missing');
  });

  it('reads at most the first 256 KB', async () => {
    expect(await proveOwnership('huge.example.com', 'html_meta', TOKEN)).toMatchObject({
      outcome: 'missing',
      detail: expect.stringContaining('No dramac-verify meta tag in the first 256 KB'),
    });
    // a huge page with the tag in its head is fine: the rest is never downloaded
    expect((await proveOwnership('huge-tag-first.example.com', 'html_meta', TOKEN)).outcome).toBe('found');
  });

  it('gives up at the deadline on a server that does not answer, or answers slowly', async () => {
    for (const host of ['slow.example.com', 'slow-body.example.com']) {
      const proof = await proveOwnership(host, 'html_meta', TOKEN);
      expect(proof).toMatchObject({ outcome: 'timeout', detail: expect.stringContaining('timed out after 1 s') });
      expect(proof.durationMs).toBeLessThan(4000);
    }
  });

  it('follows redirects within the same origin only', async () => {
    expect((await proveOwnership('redirect-same.example.com', 'html_meta', TOKEN)).outcome).toBe('found');
    expect(await proveOwnership('redirect-away.example.com', 'html_meta', TOKEN)).toMatchObject({
      outcome: 'error',
      detail: expect.stringContaining('redirects to https://found.example.com/: serve the tag at'),
    });
    expect((await proveOwnership('redirect-http.example.com', 'html_meta', TOKEN)).detail).toContain(
      'redirects to http://redirect-http.example.com/',
    );
    expect((await proveOwnership('redirect-loop.example.com', 'html_meta', TOKEN)).detail).toContain(
      'redirects more than 3 times',
    );
  });

  it('needs the page to answer 200', async () => {
    expect(await proveOwnership('gone.example.com', 'html_meta', TOKEN)).toMatchObject({
      outcome: 'error',
      detail: expect.stringContaining('answered HTTP 404'),
    });
  });

  it('verifies the certificate', async () => {
    vi.stubEnv('DOMAIN_VERIFY_CA_FILE', '');
    expect(await proveOwnership('found.example.com', 'html_meta', TOKEN)).toMatchObject({
      outcome: 'error',
      detail: expect.stringMatching(/^Could not fetch https:\/\/found\.example\.com:\d+\/: .*certificate/),
    });
  });

  it('reports a domain without an address', async () => {
    expect(await proveOwnership('nowhere.example.com', 'html_meta', TOKEN)).toMatchObject({
      outcome: 'error',
      detail: expect.stringContaining('nowhere.example.com has no A or AAAA record'),
    });
  });
});

describe('the SSRF guard on the meta check', () => {
  beforeEach(() => {
    vi.stubEnv('DOMAIN_VERIFY_ALLOW_PRIVATE_TARGETS', '');
  });

  it('refuses a domain whose DNS points at loopback, without connecting', async () => {
    const before = web.requests.length;
    expect(await proveOwnership('found.example.com', 'html_meta', TOKEN)).toMatchObject({
      outcome: 'refused',
      detail:
        'refused: found.example.com resolves to 127.0.0.1, a private, loopback or link-local address; such targets are not allowed',
    });
    expect(web.requests.length).toBe(before);
  });

  it.each([
    ['a private address', { a: ['10.0.0.5'] }, '10.0.0.5'],
    ['the cloud metadata address', { a: ['169.254.169.254'] }, '169.254.169.254'],
    ['carrier-grade NAT', { a: ['100.64.0.1'] }, '100.64.0.1'],
    ['multicast', { a: ['224.0.0.1'] }, '224.0.0.1'],
    ['the unspecified address', { a: ['0.0.0.0'] }, '0.0.0.0'],
    ['IPv6 loopback', { aaaa: ['::1'] }, '::1'],
    ['IPv6 unique-local', { aaaa: ['fd00::1'] }, 'fd00::1'],
    ['IPv6 link-local', { aaaa: ['fe80::1'] }, 'fe80::1'],
    ['IPv4-mapped loopback', { aaaa: ['::ffff:7f00:1'] }, '::ffff:'],
    ['a reserved (documentation) address', { a: ['192.0.2.10'] }, '192.0.2.10'],
  ])('refuses %s', async (_what, answer, address) => {
    dns.set('inside.example.com', answer);
    const proof = await proveOwnership('inside.example.com', 'html_meta', TOKEN);
    expect(proof.outcome).toBe('refused');
    expect(proof.detail).toContain(address);
  });
});
