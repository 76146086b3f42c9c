// Events are written to the outbox (platform.events) in the caller's transaction, with the job
// that will fan them out: an event is delivered if and only if its transaction committed.
import { randomBytes } from 'node:crypto';
import type { Tx } from '@dramac/db';
import { enqueue, type PgBoss } from '@dramac/jobs';
import { catalogue, type EventData, type EventType } from './catalogue.ts';

export const newEventId = () => `evt_${randomBytes(12).toString('base64url')}`;

export async function emitEvent<T extends EventType>(
  tx: Tx,
  boss: PgBoss,
  event: { type: T; agencyId: string; siteId: string | null; data: EventData<T> },
): Promise<string> {
  const data = catalogue[event.type].schema.parse(event.data);
  const id = newEventId();
  await tx.event.create({
    data: { id, type: event.type, agencyId: event.agencyId, siteId: event.siteId, payload: data as object },
  });
  await enqueue(boss, tx, 'events.dispatch', { eventId: id });
  return id;
}
