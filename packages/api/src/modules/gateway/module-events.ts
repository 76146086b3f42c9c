// A module's events and renders, written to the outbox like every other event: webhooks (and
// later analytics) hear about them once the transaction commits.
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { fieldError, forbidden, validationError } from '../../errors.ts';
import { emitEvent } from '../../webhooks/emit.ts';
import type { GatewayCaller } from './caller.ts';
import { parseBody, problemsOf } from './request.ts';

/** Payloads travel in every webhook delivery: keep them small. */
const MAX_PAYLOAD_BYTES = 32_768;

const eventBody = z.strictObject({
  name: z.string({ error: 'Name the event' }).max(64),
  // the object as sent, not a copy: a copy made key by key loses a `__proto__` key, which the
  // event's declaration must see to refuse it like any undeclared property
  payload: z
    .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
      error: 'Send the payload as a JSON object',
    })
    .default({}),
});

const renderBody = z.strictObject({
  entry: z.enum(['widget', 'dashboardPage']),
  surface: z.enum(['dashboard', 'embed']),
});

const moduleRef = (caller: GatewayCaller) => ({
  id: caller.module.id,
  slug: caller.module.slug,
  version: caller.version.version,
});

/** Emits `name` if the installed version declares it, with a payload that matches its declaration. */
export async function emitModuleEvent(services: Services, caller: GatewayCaller, body: unknown) {
  const { name, payload } = parseBody(eventBody, body);
  const schema = caller.contract.events.get(name);
  if (!schema) {
    const declared = [...caller.contract.events.keys()];
    throw fieldError(
      'name',
      `This module declares no event "${name}"${declared.length ? `; it declares ${declared.join(', ')}` : ''}`,
    );
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw validationError(
      `The payload does not match the declaration of "${name}"`,
      problemsOf(parsed.error, ['payload'], (key) => `"${key}" is not a declared property of this event`),
    );
  }
  if (Buffer.byteLength(JSON.stringify(parsed.data)) > MAX_PAYLOAD_BYTES) {
    throw fieldError('payload', `Keep event payloads under ${MAX_PAYLOAD_BYTES / 1024} KB`);
  }
  const id = await services.db.$transaction((tx) =>
    emitEvent(tx, services.boss, {
      type: 'module.event',
      agencyId: caller.site.agencyId,
      siteId: caller.site.id,
      data: { module: moduleRef(caller), siteId: caller.site.id, name, payload: parsed.data },
    }),
  );
  return { id };
}

/** Records that the module's widget or page was shown. Embedded pages render the widget only. */
export async function recordRender(services: Services, caller: GatewayCaller, body: unknown) {
  const { entry, surface } = parseBody(renderBody, body);
  if (caller.role === 'visitor' && surface !== 'embed') throw forbidden('An embed token records embedded renders only');
  if (!caller.contract.entryPoints.includes(entry))
    throw fieldError('entry', `This version of the module has no ${entry} entry point`);
  if (surface === 'embed' && entry !== 'widget') throw fieldError('entry', 'Embedded pages show the widget entry point only');
  const id = await services.db.$transaction((tx) =>
    emitEvent(tx, services.boss, {
      type: 'module.rendered',
      agencyId: caller.site.agencyId,
      siteId: caller.site.id,
      data: { module: moduleRef(caller), siteId: caller.site.id, entry, surface },
    }),
  );
  return { id };
}
