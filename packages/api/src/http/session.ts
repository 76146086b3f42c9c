// Dashboard sessions: next-auth with the credentials provider and JWT sessions. Sign-in attempts
// are limited per email and per IP (PostgreSQL store shared by every web process). Each cookie
// names a server-side session row (platform/auth/sessions.ts), checked on every request, so
// signing out (or out everywhere, or changing the password) ends it on the server.
import type { Db } from '@dramac/db';
import type { AuthOptions } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Services, SessionUser } from '../context.ts';
import { credentialsInput } from '../platform/auth/auth.schemas.ts';
import { verifyCredentials } from '../platform/auth/auth.service.ts';
import { currentSessionUser, endSession, SESSION_MAX_AGE_SECONDS, startSession } from '../platform/auth/sessions.ts';
import { CLIENT_IP_HEADER, normaliseAddress } from '../runtime/client-address.ts';
import { limitBody } from './body-limit.ts';
import { jsonError } from './errors.ts';
import { decodeSession, encodeSession } from './session-jwt.ts';

export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set (pnpm start generates one under .data/)');
  return secret;
}

/** Thrown by the jwt callback for a cookie whose session ended: next-auth then clears the cookie. */
class SessionEnded extends Error {
  override name = 'SessionEnded';
}

export function authOptions(services: () => Promise<Services>): AuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { encode: encodeSession, decode: decodeSession },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const parsed = credentialsInput.safeParse(credentials);
          if (!parsed.success) return null;
          const { db, limits } = await services();
          const user = await verifyCredentials(db, parsed.data.email, parsed.data.password);
          if (!user) return null;
          await limits.byEmail.reset(parsed.data.email);
          const userAgent = req.headers?.['user-agent'];
          return {
            ...user,
            sid: await startSession(db, user.id, { userAgent: typeof userAgent === 'string' ? userAgent : null }),
          };
        },
      }),
    ],
    callbacks: {
      // runs at sign-in (with `user`) and whenever next-auth reads the cookie (pages, /api/auth/session)
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = (user as { sid?: string }).sid;
          return token;
        }
        const current = await currentSessionUser((await services()).db, token.sid, token.sub);
        if (!current) throw new SessionEnded();
        // the name and address as they are now (the profile may have changed them)
        return { ...token, name: current.name, email: current.email };
      },
      session({ session, token }) {
        if (session.user) (session.user as SessionUser).id = token.sub as string;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        await endSession((await services()).db, token?.sid);
      },
    },
    logger: {
      // an ended session is an expected answer (the cookie is cleared), not a server error
      error(code, metadata) {
        if (metadata instanceof SessionEnded) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
  };
}

/**
 * The client address as the web server decided it, from the socket or a trusted proxy
 * (runtime/client-address.ts, TRUST_PROXY); never from a header the client chose.
 */
export function clientIp(req: Request): string {
  return normaliseAddress(req.headers.get(CLIENT_IP_HEADER) ?? 'unknown');
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

/** The signed-in user behind a request's session cookie, if any: a valid cookie whose session is current. */
export async function sessionUser(req: Request, db: Db): Promise<SessionUser | null> {
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
  return currentSessionUser(db, token.sid, token.sub);
}
