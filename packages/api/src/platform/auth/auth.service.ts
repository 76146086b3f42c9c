import type { Db } from '@dramac/db';
import { conflict, isUniqueViolation } from '../../errors.ts';
import { hashPassword, passwordHashForMissingUser, verifyPassword } from '../../lib/secrets.ts';
import type { SignUpInput } from './auth.schemas.ts';

type SignedUp<A> = { user: { id: string; email: string; name: string }; agencyId: A };

/** A new user and, when an agency name is given, their own agency, as its owner. */
export async function signUp(db: Db, input: SignUpInput & { agencyName: string }): Promise<SignedUp<string>>;
export async function signUp(db: Db, input: SignUpInput): Promise<SignedUp<string | undefined>>;
export async function signUp(db: Db, input: SignUpInput): Promise<SignedUp<string | undefined>> {
  const passwordHash = await hashPassword(input.password);
  const agencyName = input.agencyName;
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
      const agency = agencyName
        ? await tx.agency.create({ data: { name: agencyName, memberships: { create: { userId: user.id, role: 'owner' } } } })
        : null;
      return { user: { id: user.id, email: user.email, name: user.name }, agencyId: agency?.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('An account with this email already exists. Sign in instead.');
    throw err;
  }
}

/** The user for these credentials, or null. Takes the same time whether or not the email exists. */
export async function verifyCredentials(db: Db, email: string, password: string) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(user?.passwordHash ?? (await passwordHashForMissingUser()), password);
  return user && ok ? { id: user.id, email: user.email, name: user.name } : null;
}
