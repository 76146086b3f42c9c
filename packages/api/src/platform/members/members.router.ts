import { z } from 'zod';
import { agencyProcedure, id, roles, router } from '../../trpc.ts';
import { changeRole, removeMember } from './members.service.ts';

const memberOutput = z.object({
  id: z.string(),
  role: z.enum(roles),
  joinedAt: z.date(),
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  isYou: z.boolean(),
});

export const membersRouter = router({
  list: agencyProcedure()
    .output(z.array(memberOutput))
    .query(async ({ ctx }) => {
      const rows = await ctx.db.membership.findMany({
        where: { agencyId: ctx.agency.id },
        include: { user: { select: { id: true, name: true, email: true } } },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((m) => ({ id: m.id, role: m.role, joinedAt: m.createdAt, user: m.user, isYou: m.userId === ctx.user.id }));
    }),
  changeRole: agencyProcedure('admin')
    .input(z.object({ memberId: id, role: z.enum(roles) }))
    .output(z.object({ id: z.string(), role: z.enum(roles) }))
    .mutation(({ ctx, input }) =>
      changeRole(ctx, ctx.agency.id, { userId: ctx.user.id, role: ctx.membership.role }, input.memberId, input.role),
    ),
  remove: agencyProcedure()
    .input(z.object({ memberId: id }))
    .output(z.object({ id: z.string(), left: z.boolean().describe('the caller removed themself') }))
    .mutation(({ ctx, input }) =>
      removeMember(ctx, ctx.agency.id, { userId: ctx.user.id, role: ctx.membership.role }, input.memberId),
    ),
});
