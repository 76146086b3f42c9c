// The session cookie codec (session-jwt.ts) must read and write exactly what next-auth does:
// cookies issued before it (or by next-auth's own helpers) stay valid, and the reverse.
import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSession, encodeSession } from './session-jwt.ts';

const secret = 'session-codec-secret-0123456789';
const token = { sub: 'user-1', email: 'a@example.test', name: 'A' };

describe('the session cookie', () => {
  it("reads next-auth's cookies, and next-auth reads ours", async () => {
    expect(await decodeSession({ token: await encode({ token, secret }), secret })).toMatchObject(token);
    expect(await decode({ token: await encodeSession({ token, secret }), secret })).toMatchObject(token);
  });

  it('reads the same cookie again (from memory) with the same result', async () => {
    const cookie = await encodeSession({ token, secret });
    const first = await decodeSession({ token: cookie, secret });
    expect(await decodeSession({ token: cookie, secret })).toEqual(first);
  });

  it('refuses a cookie sealed with another secret, or altered', async () => {
    const cookie = await encodeSession({ token, secret: 'another-secret-0123456789-abcdef' });
    await expect(decodeSession({ token: cookie, secret })).rejects.toThrow();
    const good = await encodeSession({ token, secret });
    const altered = `${good.slice(0, -4)}${good.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    await expect(decodeSession({ token: altered, secret })).rejects.toThrow();
  });

  it('refuses an expired cookie, even one read while it was valid', async () => {
    const cookie = await encodeSession({ token, secret, maxAge: -60 });
    await expect(decodeSession({ token: cookie, secret })).rejects.toThrow(/exp/);
  });
});
