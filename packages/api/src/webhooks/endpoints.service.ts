// Webhook endpoints of a site: create (secret shown once), update, rotate the secret with an
// overlap, delete, the delivery log, manual redelivery and test events. Every function takes the
// site the caller was already authorised for (trpc.ts), never an id from the input alone.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { Db } from '@dramac/db';
import { enqueue, type PgBoss } from '@dramac/jobs';
import ipaddr from 'ipaddr.js';
import type { z } from 'zod';
import { fieldError, notFound } from '../errors.ts';
import { encryptSecret } from '../lib/encryption.ts';
import type { deliveryFilters, endpointFields, updateEndpointFields } from './endpoints.schemas.ts';
import { newEventId } from './events.ts';

export const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;
export const newMessageId = () => `msg_${randomBytes(12).toString('base64url')}`;
/** How long the previous secret keeps signing after a rotation. */
const ROTATION_OVERLAP_HOURS = 24;

/** Early, friendly refusal of obviously internal targets; the connect-time guard is the real one. */
function assertPublicTarget(url: string) {
  if (process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS === '1') return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) {
    throw fieldError('url', 'Webhook URLs must point to a public host');
  }
  if (net.isIP(host) && ipaddr.process(host).range() !== 'unicast') {
    throw fieldError('url', 'Webhook URLs must point to a public address, not a private, loopback or link-local one');
  }
}

type Site = { id: string; agencyId: string };

export async function createEndpoint(db: Db, site: Site, input: z.infer<typeof endpointFields>) {
  assertPublicTarget(input.url);
  const secret = newSecret();
  const endpoint = await db.webhookEndpoint.create({
    data: {
      agencyId: site.agencyId,
      siteId: site.id,
      url: input.url,
      description: input.description,
      eventTypes: [...new Set(input.eventTypes)],
      secretEncrypted: encryptSecret(secret),
    },
  });
  return { endpoint, secret };
}

export async function findEndpoint(db: Db, site: Site, endpointId: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, siteId: site.id } });
  if (!endpoint) throw notFound('Webhook endpoint');
  return endpoint;
}

export async function updateEndpoint(db: Db, site: Site, endpointId: string, input: z.infer<typeof updateEndpointFields>) {
  await findEndpoint(db, site, endpointId);
  if (input.url) assertPublicTarget(input.url);
  return db.webhookEndpoint.update({
    where: { id: endpointId },
    data: {
      ...input,
      ...(input.eventTypes ? { eventTypes: [...new Set(input.eventTypes)] } : {}),
      // re-enabling starts a fresh failure window
      ...(input.enabled === true ? { disabledReason: null, failingSince: null } : {}),
      ...(input.enabled === false ? { disabledReason: 'Disabled by a user' } : {}),
    },
  });
}

export async function deleteEndpoint(db: Db, site: Site, endpointId: string) {
  await findEndpoint(db, site, endpointId);
  await db.webhookEndpoint.delete({ where: { id: endpointId } });
  return { id: endpointId };
}

/** A new secret, shown once; the old one keeps signing for ROTATION_OVERLAP_HOURS. */
export async function rotateSecret(db: Db, site: Site, endpointId: string) {
  const endpoint = await findEndpoint(db, site, endpointId);
  const secret = newSecret();
  const updated = await db.webhookEndpoint.update({
    where: { id: endpoint.id },
    data: {
      secretEncrypted: encryptSecret(secret),
      previousSecretEncrypted: endpoint.secretEncrypted,
      previousSecretExpiresAt: new Date(Date.now() + ROTATION_OVERLAP_HOURS * 3_600_000),
    },
  });
  return { endpoint: updated, secret };
}

export async function listDeliveries(db: Db, site: Site, filters: z.infer<typeof deliveryFilters>) {
  const rows = await db.webhookDelivery.findMany({
    where: {
      endpoint: { siteId: site.id, ...(filters.endpointId ? { id: filters.endpointId } : {}) },
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.eventType ? { event: { type: filters.eventType } } : {}),
    },
    include: {
      endpoint: { select: { url: true } },
      event: { select: { type: true } },
      attempts: { orderBy: { startedAt: 'asc' } },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: filters.limit + 1,
    ...(filters.cursor ? { cursor: { id: filters.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, filters.limit).map(({ endpoint, event, ...d }) => ({
    ...d,
    endpointUrl: endpoint.url,
    eventType: event.type,
    attempts: d.attempts.map(({ deliveryId: _, ...a }) => a),
  }));
  return { items, nextCursor: rows.length > filters.limit ? items.at(-1)?.id : undefined };
}

/** Sends a delivery again now (same webhook-id), whatever its status. */
export async function redeliver(db: Db, boss: PgBoss, site: Site, deliveryId: string) {
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, endpoint: { siteId: site.id } } });
    if (!delivery) throw notFound('Delivery');
    await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { status: 'pending', completedAt: null } });
    await enqueue(boss, tx, 'webhooks.deliver', { deliveryId: delivery.id, manual: true });
    return { id: delivery.id };
  });
}

/** A `webhook.test` event delivered to this endpoint only. */
export async function sendTestEvent(db: Db, boss: PgBoss, site: Site, endpointId: string) {
  const endpoint = await findEndpoint(db, site, endpointId);
  return db.$transaction(async (tx) => {
    const event = await tx.event.create({
      data: {
        id: newEventId(),
        type: 'webhook.test',
        agencyId: site.agencyId,
        siteId: site.id,
        payload: { message: 'This is a test event from Dramac.' },
        dispatchedAt: new Date(),
      },
    });
    const delivery = await tx.webhookDelivery.create({
      data: { id: newMessageId(), endpointId: endpoint.id, eventId: event.id },
    });
    await enqueue(boss, tx, 'webhooks.deliver', { deliveryId: delivery.id, manual: true });
    return { eventId: event.id, deliveryId: delivery.id };
  });
}
