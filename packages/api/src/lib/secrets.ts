// Passwords are argon2id hashes; tokens (invitation links, API tokens) are random and stored as
// sha256 hashes, so a database leak reveals neither.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A stable hash to compare against when the user does not exist, so timing tells nothing. */
let dummyHash: Promise<string> | undefined;
export const passwordHashForMissingUser = () => {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
};

export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
