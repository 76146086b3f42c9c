// A small business domain that exists only in the test suite, to prove the pattern: its folder
// declares everything (router, scopes, events, a queue and its handler, schema, tenancy rows,
// navigation) and registry.test.ts registers it with one line. Real domains keep their tables in a
// Prisma schema with migrations; this one creates its table on first use instead, so that the
// production schema knows nothing of it.
import { randomUUID } from 'node:crypto';
import type { Db } from '@dramac/db';
import { defineQueue, enqueueOn } from '@dramac/jobs';
import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { systemModuleProcedure } from '../../modules/system/procedure.ts';
import { systemManifest } from '../../modules/system/system-modules.ts';
import { defineDomain, defineWorker } from '../../registry/define-domain.ts';
import { id, router } from '../../trpc.ts';
import { event, eventEmitter } from '../../webhooks/events.ts';

export const notesModule = systemManifest({
  id: 'dramac-notes',
  name: 'Notes',
  version: '1.0.0',
  description: 'Short notes about the site (a test domain).',
  category: 'productivity',
  tags: ['notes'],
  changelog: [{ version: '1.0.0', date: '2026-12-05', notes: 'First release.' }],
});

const note = z.object({ id: z.string(), siteId: z.string(), body: z.string(), indexedAt: z.string().nullable() });
type Note = z.infer<typeof note>;

const notesEvents = {
  'notes.note.created': event('A note was written on a site.', z.object({ note }), {
    note: { id: 'b1c9e6a4-0000-4000-8000-000000000000', siteId: 'cm3site0000example', body: 'Call Mia back', indexedAt: null },
  }),
};
const emitNotesEvent = eventEmitter(notesEvents);

/** Indexes a new note (here: stamps `indexedAt`), in the worker. */
export const indexNoteQueue = defineQueue({
  name: 'notes.index',
  payload: z.object({ noteId: z.string() }),
  options: { retryLimit: 2, retryDelay: 1, expireInSeconds: 60, notify: true },
});

export async function ensureNotesTable(db: Db) {
  await db.$executeRawUnsafe('create schema if not exists notes');
  await db.$executeRawUnsafe(`create table if not exists notes.notes (
    id text primary key,
    "siteId" text not null references platform.sites(id) on delete cascade,
    body text not null,
    "indexedAt" timestamptz
  )`);
}

const readNotes = async (db: Db, siteId: string, noteId?: string) =>
  (
    await db.$queryRaw<{ id: string; siteId: string; body: string; indexedAt: Date | null }[]>`
      select id, "siteId", body, "indexedAt" from notes.notes
      where "siteId" = ${siteId} and (${noteId ?? null}::text is null or id = ${noteId ?? null}) order by id`
  ).map((n): Note => ({ ...n, indexedAt: n.indexedAt?.toISOString() ?? null }));

const read = systemModuleProcedure(notesModule).meta({ scope: 'notes:read' });
const write = systemModuleProcedure(notesModule, 'admin').meta({ scope: 'notes:write' });
const tags = ['notes'];

const notesRouter = router({
  list: read
    .meta({ openapi: { method: 'GET', path: '/sites/{siteId}/notes', protect: true, tags, summary: 'List notes' } })
    .output(z.array(note))
    .query(({ ctx }) => readNotes(ctx.db, ctx.site.id)),
  get: read
    .meta({ openapi: { method: 'GET', path: '/sites/{siteId}/notes/{noteId}', protect: true, tags, summary: 'Get a note' } })
    .input(z.object({ noteId: id }))
    .output(note)
    .query(async ({ ctx, input }) => {
      const [found] = await readNotes(ctx.db, ctx.site.id, input.noteId);
      if (!found) throw notFound('Note');
      return found;
    }),
  create: write
    .meta({ openapi: { method: 'POST', path: '/sites/{siteId}/notes', protect: true, tags, summary: 'Write a note' } })
    .input(z.object({ body: z.string().trim().min(1, 'Write something').max(500) }))
    .output(note)
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        const created: Note = { id: randomUUID(), siteId: ctx.site.id, body: input.body, indexedAt: null };
        await tx.$executeRaw`insert into notes.notes (id, "siteId", body) values (${created.id}, ${created.siteId}, ${created.body})`;
        await emitNotesEvent(tx, ctx.boss, {
          type: 'notes.note.created',
          agencyId: ctx.site.agencyId,
          siteId: ctx.site.id,
          data: { note: created },
        });
        await enqueueOn(ctx.boss, tx, indexNoteQueue, { noteId: created.id });
        return created;
      }),
    ),
});

export const notesDomain = defineDomain({
  key: 'notes',
  name: 'Notes',
  router: notesRouter,
  module: notesModule,
  schema: 'notes',
  scopes: {
    'notes:read': { description: "Read the site's notes", consent: 'See the notes kept about the site' },
    'notes:write': { description: 'Write notes', consent: 'Add notes about the site' },
  },
  events: notesEvents,
  workers: [
    defineWorker({
      queue: indexNoteQueue,
      async work({ noteId }, { db }) {
        await db.$executeRaw`update notes.notes set "indexedAt" = now() where id = ${noteId}`;
      },
    }),
  ],
  tenancy: {
    async rows({ services, siteId, n }) {
      await ensureNotesTable(services.db);
      const noteId = `note-${n}-${randomUUID()}`;
      await services.db.$executeRaw`insert into notes.notes (id, "siteId", body) values (${noteId}, ${siteId}, 'First')`;
      return { noteId };
    },
    calls: {
      'notes.list': (r) => ({ siteId: r.siteId }),
      'notes.get': (r) => ({ siteId: r.siteId, noteId: r.noteId }),
      'notes.create': (r) => ({ siteId: r.siteId, body: 'Swept' }),
    },
  },
  navigation: { label: 'Notes', segment: 'notes' },
});
