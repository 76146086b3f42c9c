// The session cookie's JWT, as next-auth writes it (a JWE, `dir` + A256GCM, under a key derived
// from NEXTAUTH_SECRET with HKDF), with two savings: the key is derived once per secret instead
// of on every call, and a decoded session is remembered until it expires, so a signed-in request
// decrypts nothing. The format is next-auth's own, so either side reads the other's cookies.
// (Checks that must run per request, such as whether a session was revoked, read the decoded
// token afterwards; caching the decryption does not skip them.)
import { hkdfSync, randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

const DEFAULT_MAX_AGE = 30 * 86_400;
/** next-auth accepts a token this long past its expiry (clock skew) */
const CLOCK_TOLERANCE_S = 15;
const MAX_DECODED = 10_000;

const keys = new Map<string, Uint8Array>();

function keyFor(secret: string | Buffer, salt = ''): Uint8Array {
  const id = `${salt}\n${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`;
    key = new Uint8Array(hkdfSync('sha256', secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

export async function encodeSession({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = '' }: JWTEncodeParams) {
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(randomUUID())
    .encrypt(keyFor(secret, salt));
}

/** decoded sessions by cookie value, each until it expires (oldest dropped first past the bound) */
const decoded = new Map<string, { payload: JWT; until: number }>();

export async function decodeSession({ token, secret, salt = '' }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const id = `${salt}\n${secret.toString()}\n${token}`;
  const hit = decoded.get(id);
  if (hit && hit.until > Date.now()) return hit.payload;
  const { payload } = await jwtDecrypt(token, keyFor(secret, salt), { clockTolerance: CLOCK_TOLERANCE_S });
  if (typeof payload.exp === 'number') {
    if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value as string);
    decoded.set(id, { payload: payload as JWT, until: payload.exp * 1000 });
  }
  return payload as JWT;
}
