// webhooks.deliver: one signed HTTP attempt of one delivery, recorded as a WebhookAttempt.
// The outcome tells the worker whether pg-boss should retry (same delivery, same webhook-id).
import type { Db, Tx } from '@dramac/db';
import type { PgBoss } from '@dramac/jobs';
import { Webhook } from 'standardwebhooks';
import { decryptSecret } from '../lib/encryption.ts';
import { queueEmail, simpleHtml } from '../platform/email/email.service.ts';
import type { WebhookPayload } from './catalogue.ts';
import { postJson } from './safe-http.ts';

/** An endpoint failing without a single success for this long is disabled. */
export const disableAfterDays = () => Number(process.env.WEBHOOK_DISABLE_AFTER_DAYS ?? 5);

export type DeliveryOutcome = 'succeeded' | 'retry' | 'failed' | 'skipped';

/** `v1,<sig>` for the current secret, plus the previous one during a rotation's overlap. */
export function signatures(
  endpoint: { secretEncrypted: string; previousSecretEncrypted: string | null; previousSecretExpiresAt: Date | null },
  msgId: string,
  timestamp: Date,
  body: string,
): string {
  const secrets = [endpoint.secretEncrypted];
  if (endpoint.previousSecretEncrypted && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > timestamp) {
    secrets.push(endpoint.previousSecretEncrypted);
  }
  return secrets.map((s) => new Webhook(decryptSecret(s)).sign(msgId, timestamp, body)).join(' ');
}

export async function deliver(
  db: Db,
  boss: PgBoss,
  deliveryId: string,
  opts: { finalAttempt: boolean; manual?: boolean },
): Promise<DeliveryOutcome> {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { endpoint: true, event: true } });
  // never a second delivery after a 2xx (a manual redelivery resets the status first)
  if (!delivery || delivery.status === 'succeeded') return 'skipped';
  const { endpoint, event } = delivery;
  if (!endpoint.enabled) {
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: 'abandoned', completedAt: new Date() } });
    return 'skipped';
  }

  const payload: WebhookPayload = {
    id: event.id,
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    siteId: event.siteId,
    data: event.payload,
  };
  const body = JSON.stringify(payload);
  const now = new Date();
  const result = await postJson(endpoint.url, body, {
    'webhook-id': delivery.id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signatures(endpoint, delivery.id, now, body),
  });
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const gone = result.statusCode === 410;
  const outcome: DeliveryOutcome = ok ? 'succeeded' : gone || opts.finalAttempt ? 'failed' : 'retry';

  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        attempt: delivery.attemptCount + 1,
        startedAt: now,
        durationMs: result.durationMs,
        statusCode: result.statusCode,
        responseBody: result.body.slice(0, 2048) || null,
        error: result.error,
        manual: opts.manual ?? false,
      },
    });
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attemptCount: { increment: 1 },
        lastStatusCode: result.statusCode,
        status: outcome === 'retry' ? 'pending' : outcome,
        completedAt: outcome === 'retry' ? null : new Date(),
      },
    });
    if (ok) {
      if (endpoint.failingSince) await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: null } });
      return;
    }
    const failingSince = endpoint.failingSince ?? now;
    const failingDays = (now.getTime() - failingSince.getTime()) / 86_400_000;
    const reason = gone
      ? 'The endpoint answered 410 Gone'
      : failingDays >= disableAfterDays()
        ? `Every delivery failed for ${disableAfterDays()} days`
        : null;
    // a conditional update: of several failing deliveries, only one disables and sends the email
    const disabled = reason
      ? await tx.webhookEndpoint.updateMany({
          where: { id: endpoint.id, enabled: true },
          data: { enabled: false, disabledReason: reason, failingSince },
        })
      : await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince } });
    if (reason && disabled.count === 1) await notifyDisabled(tx, boss, endpoint, reason);
  });
  return outcome;
}

async function notifyDisabled(db: Tx, boss: PgBoss, endpoint: { agencyId: string; siteId: string; url: string }, reason: string) {
  const [site, admins] = await Promise.all([
    db.site.findUnique({ where: { id: endpoint.siteId }, select: { name: true } }),
    db.membership.findMany({
      where: { agencyId: endpoint.agencyId, role: { in: ['owner', 'admin'] } },
      include: { user: { select: { email: true } } },
    }),
  ]);
  const appUrl = process.env.NEXTAUTH_URL ?? 'http://localhost:3000';
  const lines = [
    `The webhook endpoint ${endpoint.url} of ${site?.name ?? 'a site'} was disabled: ${reason}.`,
    'No further events are sent to it. Fix the receiver, then enable the endpoint again in the dashboard.',
  ];
  for (const admin of admins) {
    await queueEmail(db, boss, {
      agencyId: endpoint.agencyId,
      to: admin.user.email,
      subject: `Webhook endpoint disabled: ${endpoint.url}`,
      text: lines.join('\n\n'),
      html: simpleHtml(lines, { label: 'Open webhooks', url: `${appUrl}/a/${endpoint.agencyId}/sites/${endpoint.siteId}/webhooks` }),
    });
  }
}
