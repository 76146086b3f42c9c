import { z } from 'zod';
import { agencyProcedure, protectedProcedure, roles, router } from '../../trpc.ts';
import { agencyName } from '../auth/auth.schemas.ts';

const agencyRef = z.object({ id: z.string(), name: z.string() });

export const agenciesRouter = router({
  get: agencyProcedure()
    .output(agencyRef.extend({ role: z.enum(roles), counts: z.object({ sites: z.number(), members: z.number() }) }))
    .query(async ({ ctx }) => {
      const [sites, members] = await Promise.all([
        ctx.db.site.count({ where: { agencyId: ctx.agency.id } }),
        ctx.db.membership.count({ where: { agencyId: ctx.agency.id } }),
      ]);
      return { id: ctx.agency.id, name: ctx.agency.name, role: ctx.membership.role, counts: { sites, members } };
    }),
  /** Another agency owned by the caller (agencies that run several brands). */
  create: protectedProcedure
    .input(z.object({ name: agencyName }))
    .output(agencyRef)
    .mutation(({ ctx, input }) =>
      ctx.db.agency.create({
        data: { name: input.name, memberships: { create: { userId: ctx.user.id, role: 'owner' } } },
        select: { id: true, name: true },
      }),
    ),
  update: agencyProcedure('admin')
    .input(z.object({ name: agencyName }))
    .output(agencyRef)
    .mutation(({ ctx, input }) =>
      ctx.db.agency.update({ where: { id: ctx.agency.id }, data: { name: input.name }, select: { id: true, name: true } }),
    ),
});
