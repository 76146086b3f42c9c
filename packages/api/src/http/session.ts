// Dashboard sessions: next-auth with the credentials provider and JWT sessions. Sign-in attempts
// are limited per email and per IP (PostgreSQL store shared by every web process).
import type { AuthOptions } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Services, SessionUser } from '../context.ts';
import { credentialsInput } from '../platform/auth/auth.schemas.ts';
import { verifyCredentials } from '../platform/auth/auth.service.ts';
import { limitBody } from './body-limit.ts';
import { jsonError } from './errors.ts';
import { decodeSession, encodeSession } from './session-jwt.ts';

export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set (pnpm start generates one under .data/)');
  return secret;
}

export function authOptions(services: () => Promise<Services>): AuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: 30 * 86_400 },
    jwt: { encode: encodeSession, decode: decodeSession },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials) {
          const parsed = credentialsInput.safeParse(credentials);
          if (!parsed.success) return null;
          const { db, limits } = await services();
          const user = await verifyCredentials(db, parsed.data.email, parsed.data.password);
          if (user) await limits.byEmail.reset(parsed.data.email);
          return user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user) (session.user as SessionUser).id = token.sub as string;
        return session;
      },
    },
  };
}

/** The client address: the last X-Forwarded-For hop, which our own server or proxy appended. */
export function clientIp(req: Request): string {
  const forwarded = req.headers.get('x-forwarded-for');
  const ip = forwarded?.split(',').at(-1)?.trim() || req.headers.get('x-real-ip') || 'unknown';
  // an IPv4 client on a dual-stack socket arrives as ::ffff:203.0.113.7: one client, one key
  return ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/**
 * Runs before next-auth's credentials callback: counts the attempt and answers 429 with
 * Retry-After once the email or the IP is over its limit. The JSON mirrors next-auth's own
 * answer, so `signIn()` in the browser reports `error: "TooManyAttempts"`.
 */
export async function limitSignIn(req: Request, services: Services): Promise<Response | null> {
  if (req.method !== 'POST' || !new URL(req.url).pathname.endsWith('/callback/credentials')) return null;
  const limited = await limitBody(req.clone(), { maxBytes: 16_384 });
  if ('response' in limited) return limited.response;
  const form = new URLSearchParams(await limited.req.text());
  const email = (form.get('email') ?? '').trim().toLowerCase().slice(0, 254);
  const results = await Promise.all([
    services.limits.byIp.hit(clientIp(req)),
    email ? services.limits.byEmail.hit(email) : Promise.resolve({ allowed: true as const }),
  ]);
  const blocked = results.find((r) => !r.allowed);
  if (!blocked || blocked.allowed) return null;
  const res = jsonError(429, 'TOO_MANY_REQUESTS', `Too many sign-in attempts. Try again in ${blocked.retryAfterSeconds} s.`, {
    'retry-after': String(blocked.retryAfterSeconds),
  });
  const body = { url: `${new URL(req.url).origin}/sign-in?error=TooManyAttempts`, retryAfter: blocked.retryAfterSeconds };
  return new Response(JSON.stringify(body), { status: 429, headers: res.headers });
}

/** The signed-in user behind a request's session cookie, if any. */
export async function sessionUser(req: Request): Promise<SessionUser | null> {
  const cookies = req.headers.get('cookie') ?? '';
  if (!cookies.includes('next-auth.session-token')) return null;
  // next-auth reads a parsed cookie object (it may split a large session over several cookies)
  const parsed = Object.fromEntries(
    cookies
      .split(';')
      .map((part) => part.trim().split('='))
      .filter(([name, ...rest]) => name && rest.length)
      .map(([name, ...rest]) => [name, decodeURIComponent(rest.join('='))]),
  );
  const token = await getToken({
    req: { cookies: parsed, headers: {} } as never,
    secret: authSecret(),
    decode: decodeSession,
    secureCookie: cookies.includes('__Secure-next-auth.session-token'),
  });
  if (!token?.sub || !token.email) return null;
  return { id: token.sub, email: token.email, name: token.name ?? token.email };
}
