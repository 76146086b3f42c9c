import { z } from 'zod';

export const email = z.string().trim().toLowerCase().max(254, 'Too long').pipe(z.email('Enter a valid email address'));
export const password = z.string().min(8, 'Use at least 8 characters').max(200, 'Use at most 200 characters');
export const personName = z.string().trim().min(1, 'Enter your name').max(100, 'Use at most 100 characters');
export const agencyName = z.string().trim().min(2, 'Use at least 2 characters').max(100, 'Use at most 100 characters');

// without an agency name (someone joining through an invitation) the account starts with no agency
export const signUpInput = z.object({ name: personName, email, password, agencyName: agencyName.optional() });
export type SignUpInput = z.infer<typeof signUpInput>;

export const credentialsInput = z.object({ email, password: z.string().min(1).max(200) });
