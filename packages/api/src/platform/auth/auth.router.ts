import { protectedProcedure, publicProcedure, router } from '../../trpc.ts';
import { signUpInput } from './auth.schemas.ts';
import { signUp } from './auth.service.ts';

export const authRouter = router({
  /** Creates the account and its agency; the dashboard then signs in through next-auth. */
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx.db, input)),
  me: protectedProcedure.query(async ({ ctx }) => {
    const memberships = await ctx.db.membership.findMany({
      where: { userId: ctx.user.id },
      include: { agency: { select: { id: true, name: true } } },
      orderBy: { createdAt: 'asc' },
    });
    return {
      user: ctx.user,
      agencies: memberships.map((m) => ({ id: m.agency.id, name: m.agency.name, role: m.role })),
    };
  }),
});
