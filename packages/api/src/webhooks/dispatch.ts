// events.dispatch: outbox events → one delivery per matching enabled endpoint, each with its
// `webhooks.deliver` job, in one transaction per batch of events. Running twice creates nothing
// twice: the events are locked and marked dispatched in the same transaction.
import type { Db } from '@dramac/db';
import { enqueueMany, type PgBoss } from '@dramac/jobs';
import { matchesFilter } from './catalogue.ts';
import { newMessageId } from './endpoints.service.ts';

interface OutboxRow {
  id: string;
  type: string;
  agencyId: string;
  siteId: string | null;
  createdAt: Date;
}

/** Dispatches the given events; returns how many deliveries were created. */
export async function dispatchEvents(db: Db, boss: PgBoss, eventIds: string[]): Promise<number> {
  return db.$transaction(
    async (tx) => {
      // skip locked: a concurrent dispatcher already holds those events and will finish them
      const events = await tx.$queryRaw<OutboxRow[]>`
        select id, type, "agencyId", "siteId", "createdAt" from platform.events
         where id = any(${eventIds}::text[]) and "dispatchedAt" is null
         for update skip locked`;
      if (events.length === 0) return 0;
      const endpoints = await tx.webhookEndpoint.findMany({
        where: { agencyId: { in: [...new Set(events.map((e) => e.agencyId))] }, enabled: true },
        select: { id: true, agencyId: true, siteId: true, eventTypes: true, createdAt: true },
      });
      const deliveries = events.flatMap((event) =>
        endpoints
          .filter(
            (e) =>
              e.agencyId === event.agencyId &&
              (event.siteId === null || e.siteId === event.siteId) &&
              // an endpoint hears what happens after it was created, not what was still in the outbox
              e.createdAt <= event.createdAt &&
              matchesFilter(event.type, e.eventTypes),
          )
          .map((e) => ({ id: newMessageId(), endpointId: e.id, eventId: event.id })),
      );
      if (deliveries.length) {
        await tx.webhookDelivery.createMany({ data: deliveries });
        await enqueueMany(
          boss,
          tx,
          'webhooks.deliver',
          deliveries.map((d) => ({ deliveryId: d.id })),
        );
      }
      await tx.event.updateMany({ where: { id: { in: events.map((e) => e.id) } }, data: { dispatchedAt: new Date() } });
      return deliveries.length;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
