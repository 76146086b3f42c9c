import { z } from 'zod';
import { agencyProcedure, router } from '../../trpc.ts';

const emailOutput = z.object({
  id: z.string(),
  agencyId: z.string().nullable(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  status: z.enum(['queued', 'sent', 'failed', 'held']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  sentAt: z.date().nullable(),
  createdAt: z.date(),
});

export const emailRouter = router({
  /** The agency's outbox: what was sent, what is waiting, and (without SMTP) what is held. */
  outbox: agencyProcedure('admin')
    .input(z.object({ cursor: z.string().max(64).optional(), limit: z.number().int().min(1).max(100).default(25) }))
    .output(z.object({ items: z.array(emailOutput), nextCursor: z.string().optional(), smtpConfigured: z.boolean() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.emailMessage.findMany({
        where: { agencyId: ctx.agency.id },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
        ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      });
      const items = rows.slice(0, input.limit);
      return {
        items,
        nextCursor: rows.length > input.limit ? items.at(-1)?.id : undefined,
        smtpConfigured: Boolean(process.env.SMTP_URL),
      };
    }),
});
