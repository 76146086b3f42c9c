import { z } from 'zod';
import { protectedProcedure, publicProcedure, roles, router } from '../../trpc.ts';
import { signUpInput } from './auth.schemas.ts';
import { signUp } from './auth.service.ts';

const sessionUser = z.object({ id: z.string(), email: z.string(), name: z.string() });

export const authRouter = router({
  /** Creates the account and its agency; the dashboard then signs in through next-auth. */
  signUp: publicProcedure
    .input(signUpInput)
    .output(z.object({ user: sessionUser, agencyId: z.string().optional() }))
    .mutation(({ ctx, input }) => signUp(ctx.db, input)),
  me: protectedProcedure
    .output(
      z.object({
        user: sessionUser,
        agencies: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(roles) })),
      }),
    )
    .query(async ({ ctx }) => {
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
