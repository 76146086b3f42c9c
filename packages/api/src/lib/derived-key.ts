// Keys derived from the platform secret (DRAMAC_ENCRYPTION_KEY, falling back to NEXTAUTH_SECRET),
// one per purpose: each label gives an unrelated key, so one kind of token can never stand in
// for another.
import { hkdfSync } from 'node:crypto';

const cache = new Map<string, { source: string; key: Uint8Array }>();

export function derivedKey(label: string): Uint8Array {
  const source = process.env.DRAMAC_ENCRYPTION_KEY ?? process.env.NEXTAUTH_SECRET;
  if (!source) throw new Error(`Set DRAMAC_ENCRYPTION_KEY (or NEXTAUTH_SECRET) for ${label}`);
  const cached = cache.get(label);
  if (cached?.source === source) return cached.key;
  const key = new Uint8Array(hkdfSync('sha256', source, 'dramac', label, 32));
  cache.set(label, { source, key });
  return key;
}
