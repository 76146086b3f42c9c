// How an event is declared and written. Events are written to the outbox (platform.events) in the
// caller's transaction, with the job that will fan them out: an event is delivered if and only
// if its transaction committed. Each catalogue (the platform's, each domain's) gets its own
// typed emitter from `eventEmitter`, which checks the payload against the declared schema.
import { randomBytes } from 'node:crypto';
import type { Tx } from '@dramac/db';
import { enqueue, type PgBoss } from '@dramac/jobs';
import type { z } from 'zod';

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  description: string;
  schema: S;
  example: z.infer<S>;
}
export type EventCatalogue = Record<string, EventDefinition>;

export function event<S extends z.ZodType>(description: string, schema: S, example: z.infer<S>): EventDefinition<S> {
  return { description, schema, example };
}

export const newEventId = () => `evt_${randomBytes(12).toString('base64url')}`;

/** Writes the events of `catalogue`, each payload checked against its schema; returns the event id. */
export function eventEmitter<C extends EventCatalogue>(catalogue: C) {
  return async function emitEvent<T extends keyof C & string>(
    tx: Tx,
    boss: PgBoss,
    event: { type: T; agencyId: string; siteId: string | null; data: z.infer<C[T]['schema']> },
  ): Promise<string> {
    const data = catalogue[event.type]!.schema.parse(event.data);
    const id = newEventId();
    await tx.event.create({
      data: { id, type: event.type, agencyId: event.agencyId, siteId: event.siteId, payload: data as object },
    });
    await enqueue(boss, tx, 'events.dispatch', { eventId: id });
    return id;
  };
}
