import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { agencyProcedure, id, protectedProcedure, publicProcedure, roles, router } from '../../trpc.ts';
import { email } from '../auth/auth.schemas.ts';
import { findByToken, inviteMember, respond } from './invitations.service.ts';

const token = z.string().trim().min(10, 'Invalid invitation link').max(100, 'Invalid invitation link');

export const invitationsRouter = router({
  list: agencyProcedure().query(({ ctx }) =>
    ctx.db.invitation.findMany({
      where: { agencyId: ctx.agency.id, status: 'pending' },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, invitedBy: { select: { name: true } } },
      orderBy: { createdAt: 'desc' },
    }),
  ),
  create: agencyProcedure('admin')
    .input(z.object({ email, role: z.enum(roles).default('member') }))
    .mutation(async ({ ctx, input }) => {
      const { invitation } = await inviteMember(ctx.db, ctx.boss, {
        agencyId: ctx.agency.id,
        email: input.email,
        role: input.role,
        inviter: { id: ctx.user.id, name: ctx.user.name, role: ctx.membership.role },
        appUrl: ctx.appUrl,
      });
      return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
    }),
  revoke: agencyProcedure('admin')
    .input(z.object({ invitationId: id }))
    .mutation(async ({ ctx, input }) => {
      const res = await ctx.db.invitation.updateMany({
        where: { id: input.invitationId, agencyId: ctx.agency.id, status: 'pending' },
        data: { status: 'revoked', respondedAt: new Date() },
      });
      if (res.count === 0) throw notFound('Pending invitation');
      return { id: input.invitationId };
    }),
  /** What the invitation page shows before the visitor signs in. */
  byToken: publicProcedure.input(z.object({ token })).query(async ({ ctx, input }) => {
    const inv = await findByToken(ctx.db, input.token);
    return {
      agencyName: inv.agency.name,
      invitedBy: inv.invitedBy.name,
      email: inv.email,
      role: inv.role,
      status: inv.status,
      expiresAt: inv.expiresAt,
    };
  }),
  accept: protectedProcedure
    .input(z.object({ token }))
    .mutation(({ ctx, input }) => respond(ctx, input.token, { accept: ctx.user })),
  decline: publicProcedure.input(z.object({ token })).mutation(({ ctx, input }) => respond(ctx, input.token, { decline: true })),
});
