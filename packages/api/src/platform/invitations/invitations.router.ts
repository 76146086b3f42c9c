import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { agencyProcedure, id, protectedProcedure, publicProcedure, roles, router } from '../../trpc.ts';
import { email } from '../auth/auth.schemas.ts';
import { findByToken, inviteMember, respond } from './invitations.service.ts';

/** `expired`: still pending past its expiry */
const invitationStatus = z.enum(['pending', 'accepted', 'declined', 'revoked', 'expired']);
const invitationOutput = z.object({ id: z.string(), email: z.string(), role: z.enum(roles), expiresAt: z.date() });

const token = z.string().trim().min(10, 'Invalid invitation link').max(100, 'Invalid invitation link');

const responded = z.object({ agencyId: z.string(), status: z.enum(['accepted', 'declined']) });

export const invitationsRouter = router({
  list: agencyProcedure()
    .output(z.array(invitationOutput.extend({ createdAt: z.date(), invitedBy: z.object({ name: z.string() }) })))
    .query(({ ctx }) =>
      ctx.db.invitation.findMany({
        where: { agencyId: ctx.agency.id, status: 'pending' },
        select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, invitedBy: { select: { name: true } } },
        orderBy: { createdAt: 'desc' },
      }),
    ),
  create: agencyProcedure('admin')
    .input(z.object({ email, role: z.enum(roles).default('member') }))
    .output(invitationOutput)
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
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const res = await ctx.db.invitation.updateMany({
        where: { id: input.invitationId, agencyId: ctx.agency.id, status: 'pending' },
        data: { status: 'revoked', respondedAt: new Date() },
      });
      if (res.count === 0) throw notFound('Pending invitation');
      return { id: input.invitationId };
    }),
  /** What the invitation page shows before the visitor signs in. */
  byToken: publicProcedure
    .input(z.object({ token }))
    .output(
      z.object({
        agencyName: z.string(),
        invitedBy: z.string(),
        email: z.string(),
        role: z.enum(roles),
        status: invitationStatus,
        expiresAt: z.date(),
      }),
    )
    .query(async ({ ctx, input }) => {
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
    .output(responded)
    .mutation(({ ctx, input }) => respond(ctx, input.token, { accept: ctx.user })),
  decline: publicProcedure
    .input(z.object({ token }))
    .output(responded)
    .mutation(({ ctx, input }) => respond(ctx, input.token, { decline: true })),
});
