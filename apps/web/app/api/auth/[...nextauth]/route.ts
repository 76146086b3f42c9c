import { limitSignIn } from '@dramac/api/http';
import NextAuth from 'next-auth';
import { auth } from '@/lib/auth';
import { services } from '@/lib/services';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: RouteContext) {
  const limited = await limitSignIn(req, await services());
  if (limited) return limited;
  return NextAuth(auth())(req, ctx);
}

export { handler as GET, handler as POST };
