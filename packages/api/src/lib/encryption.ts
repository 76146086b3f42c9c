// Secrets we must be able to read back (webhook signing secrets, later module settings) are
// encrypted at rest with AES-256-GCM under a key derived from DRAMAC_ENCRYPTION_KEY (falling back
// to NEXTAUTH_SECRET, which `pnpm start` generates). Format: v1.<iv>.<tag>.<ciphertext>, base64url.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

let cachedKey: { source: string; key: Buffer } | undefined;
function key(): Buffer {
  const source = process.env.DRAMAC_ENCRYPTION_KEY ?? process.env.NEXTAUTH_SECRET;
  if (!source) throw new Error('Set DRAMAC_ENCRYPTION_KEY (or NEXTAUTH_SECRET) to encrypt secrets at rest');
  if (cachedKey?.source !== source) {
    cachedKey = { source, key: Buffer.from(hkdfSync('sha256', source, 'dramac', 'secrets-at-rest-v1', 32)) };
  }
  return cachedKey.key;
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('Unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
