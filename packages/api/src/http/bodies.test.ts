// No handler may hang on a body, whatever its shape: chunked past the limit, a Content-Length
// that lies either way, a body that trickles in, one cut short. Each route that reads a body is
// sent each shape over a real socket and must answer (or close the connection) by itself. And an
// upload-sized body is only read once the caller is known.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, scenario } from '../testing/harness.ts';
import { startTestServer, type TestServer } from '../testing/http-server.ts';

let s: Scenario;
let server: TestServer;
beforeAll(async () => {
  s = await scenario();
  server = await startTestServer(s.services);
});
afterAll(() => server?.close());

/** Every route that reads a request body, with the content type it expects. */
const routes = [
  ['REST', '/api/v1/sites/ckxxxxxxxxxxxxxxxxxxxxxxx/webhooks', 'application/json'],
  ['tRPC', '/api/trpc/sites.create', 'application/json'],
  ['tRPC upload', '/api/trpc/modules.uploadVersion', 'application/json'],
  ['module gateway', '/api/modules/ckxxxxxxxxxxxxxxxxxxxxxxx/data/notes', 'application/json'],
  ['embed token', '/embed/token', 'application/json'],
  ['OAuth token', '/oauth/token', 'application/x-www-form-urlencoded'],
  ['OAuth revoke', '/oauth/revoke', 'application/x-www-form-urlencoded'],
] as const;

interface Outcome {
  /** the status line's code, or null when the server closed the connection without answering */
  status: number | null;
}

/**
 * Writes a raw request (head, then `body` chunks with `gapMs` between them, then `end` or not)
 * and resolves with the answer's status once it arrives or the server closes. A hang fails the
 * test by its timeout.
 */
function raw(head: string, body: Buffer[], opts: { gapMs?: number; endWrites?: boolean } = {}): Promise<Outcome> {
  const { port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let text = '';
    const done = () => {
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : null });
      socket.destroy();
    };
    socket.on('data', (d) => {
      text += d.toString('latin1');
      if (text.includes('\r\n\r\n')) done();
    });
    socket.on('close', done);
    socket.on('error', () => {});
    socket.on('connect', async () => {
      socket.write(head);
      for (const chunk of body) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs));
      }
      if (opts.endWrites) socket.end();
    });
  });
}

const headOf = (path: string, type: string, headers: string) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${type}\r\n${headers}Connection: close\r\n\r\n`;
const chunked = (data: Buffer) => Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);

describe.each(routes)('%s (%s)', (_name, path, type) => {
  it('answers a chunked body far past any limit (20 MB) without reading it all', async () => {
    const megabyte = chunked(Buffer.alloc(1024 * 1024, 'a'));
    const outcome = await raw(headOf(path, type, 'Transfer-Encoding: chunked\r\n'), Array(20).fill(megabyte));
    expect(outcome.status === null || outcome.status === 413 || (outcome.status >= 400 && outcome.status < 500)).toBe(true);
  });

  it('answers a body shorter than its Content-Length once the client stops sending', async () => {
    const outcome = await raw(headOf(path, type, 'Content-Length: 5000\r\n'), [Buffer.from('{"a":')], { endWrites: true });
    // the connection ends mid-body: an answer or a close, but never a socket held open
    expect(outcome.status === null || outcome.status < 500).toBe(true);
  });

  it('answers a body longer than its Content-Length (the rest is not a request)', async () => {
    const outcome = await raw(headOf(path, type, 'Content-Length: 2\r\n'), [Buffer.from('{}{"more":"than declared"}')]);
    expect(outcome.status).not.toBeNull();
    expect(outcome.status!).toBeLessThan(500);
  });

  it('answers a body that trickles in, chunk by chunk', async () => {
    const parts = ['{"na', 'me":', '"x"', '}'].map((p) => chunked(Buffer.from(p)));
    const outcome = await raw(headOf(path, type, 'Transfer-Encoding: chunked\r\n'), [...parts, Buffer.from('0\r\n\r\n')], {
      gapMs: 50,
    });
    expect(outcome.status).not.toBeNull();
    expect(outcome.status!).toBeLessThan(500);
  });
});

describe('an upload-sized body', () => {
  it('is refused before it is read when nobody is signed in', async () => {
    // 14 MB declared, one byte sent: the answer comes without waiting for the rest
    const outcome = await raw(headOf('/api/trpc/modules.uploadVersion', 'application/json', 'Content-Length: 14000000\r\n'), [
      Buffer.from('{'),
    ]);
    expect(outcome.status).toBe(413);
  });
});
