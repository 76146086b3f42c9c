// events.dispatch: one outbox event → one delivery per matching enabled endpoint, each with its
// `webhooks.deliver` job, in one transaction. Running twice creates nothing twice.
import type { Db } from '@dramac/db';
import { enqueueMany, type PgBoss } from '@dramac/jobs';
import { matchesFilter } from './catalogue.ts';
import { newMessageId } from './endpoints.service.ts';

export async function dispatchEvent(db: Db, boss: PgBoss, eventId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    // the row lock makes a concurrent second dispatch of the same event wait, then see it done
    const [event] = await tx.$queryRaw<
      { id: string; type: string; agencyId: string; siteId: string | null; createdAt: Date; dispatchedAt: Date | null }[]
    >`select id, type, "agencyId", "siteId", "createdAt", "dispatchedAt" from platform.events where id = ${eventId} for update`;
    if (!event || event.dispatchedAt) return 0;
    const endpoints = await tx.webhookEndpoint.findMany({
      where: {
        agencyId: event.agencyId,
        enabled: true,
        // an endpoint hears what happens after it was created, not what was still in the outbox
        createdAt: { lte: event.createdAt },
        ...(event.siteId ? { siteId: event.siteId } : {}),
      },
      select: { id: true, eventTypes: true },
    });
    const deliveries = endpoints
      .filter((e) => matchesFilter(event.type, e.eventTypes))
      .map((e) => ({ id: newMessageId(), endpointId: e.id, eventId: event.id }));
    if (deliveries.length) {
      await tx.webhookDelivery.createMany({ data: deliveries });
      await enqueueMany(boss, tx, 'webhooks.deliver', deliveries.map((d) => ({ deliveryId: d.id })));
    }
    await tx.event.update({ where: { id: event.id }, data: { dispatchedAt: new Date() } });
    return deliveries.length;
  });
}
