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

export interface DeliveryJob {
  deliveryId: string;
  /** the last scheduled attempt (or a manual one): a failure is final */
  finalAttempt: boolean;
  manual?: boolean;
}

/**
 * Delivers a batch: one read for every delivery with its endpoint and event, the HTTP attempts in
 * parallel, then one transaction that records every attempt and its consequences. Returns one
 * outcome per job, in order.
 */
export async function deliverBatch(db: Db, boss: PgBoss, jobs: DeliveryJob[]): Promise<DeliveryOutcome[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { id: { in: jobs.map((j) => j.deliveryId) } },
    include: { endpoint: true, event: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const abandoned: string[] = [];
  const sent = await Promise.all(
    jobs.map(async (job) => {
      const delivery = byId.get(job.deliveryId);
      // never a second delivery after a 2xx (a manual redelivery resets the status first)
      if (!delivery || delivery.status === 'succeeded') return null;
      if (!delivery.endpoint.enabled) {
        abandoned.push(delivery.id);
        return null;
      }
      const { endpoint, event } = delivery;
      const payload: WebhookPayload = {
        id: event.id,
        type: event.type,
        timestamp: event.createdAt.toISOString(),
        siteId: event.siteId,
        data: event.payload,
      };
      const body = JSON.stringify(payload);
      const startedAt = new Date();
      const result = await postJson(endpoint.url, body, {
        'webhook-id': delivery.id,
        'webhook-timestamp': String(Math.floor(startedAt.getTime() / 1000)),
        'webhook-signature': signatures(endpoint, delivery.id, startedAt, body),
      });
      const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
      const gone = result.statusCode === 410;
      const outcome: DeliveryOutcome = ok ? 'succeeded' : gone || job.finalAttempt ? 'failed' : 'retry';
      return { job, delivery, startedAt, result, ok, gone, outcome };
    }),
  );
  const done = sent.filter((x) => x !== null);

  await db.$transaction(
    async (tx) => {
      if (abandoned.length) {
        await tx.webhookDelivery.updateMany({
          where: { id: { in: abandoned } },
          data: { status: 'abandoned', completedAt: new Date() },
        });
      }
      if (done.length === 0) return;
      await tx.webhookAttempt.createMany({
        data: done.map((d) => ({
          deliveryId: d.delivery.id,
          attempt: d.delivery.attemptCount + 1,
          startedAt: d.startedAt,
          durationMs: d.result.durationMs,
          statusCode: d.result.statusCode,
          responseBody: d.result.body.slice(0, 2048) || null,
          error: d.result.error,
          manual: d.job.manual ?? false,
        })),
      });
      // one statement for every delivery's new state
      await tx.$executeRaw`
      update external.webhook_deliveries d
         set "attemptCount" = d."attemptCount" + 1,
             "lastStatusCode" = v.code,
             status = v.status::external."DeliveryStatus",
             "completedAt" = case when v.status = 'pending' then null else now() end
        from unnest(${done.map((d) => d.delivery.id)}::text[], ${done.map((d) => d.result.statusCode)}::int[],
                    ${done.map((d) => (d.outcome === 'retry' ? 'pending' : d.outcome))}::text[]) as v(id, code, status)
       where d.id = v.id`;

      // the endpoints' health: a success clears the failure window, 410 or days of failure disable
      const endpoints = new Map<
        string,
        { endpoint: (typeof done)[number]['delivery']['endpoint']; ok: boolean; gone: boolean }
      >();
      for (const d of done) {
        const e = endpoints.get(d.delivery.endpointId) ?? { endpoint: d.delivery.endpoint, ok: false, gone: false };
        endpoints.set(d.delivery.endpointId, { endpoint: e.endpoint, ok: e.ok || d.ok, gone: e.gone || d.gone });
      }
      const now = new Date();
      for (const { endpoint, ok, gone } of endpoints.values()) {
        if (ok && !gone) {
          if (endpoint.failingSince)
            await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: null } });
          continue;
        }
        const failingSince = endpoint.failingSince ?? now;
        const failingDays = (now.getTime() - failingSince.getTime()) / 86_400_000;
        const reason = gone
          ? 'The endpoint answered 410 Gone'
          : failingDays >= disableAfterDays()
            ? `Every delivery failed for ${disableAfterDays()} days`
            : null;
        // conditional updates: of several workers seeing failures, only one disables and sends the email
        const disabled = reason
          ? await tx.webhookEndpoint.updateMany({
              where: { id: endpoint.id, enabled: true },
              data: { enabled: false, disabledReason: reason, failingSince },
            })
          : await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince } });
        if (reason && disabled.count === 1) await notifyDisabled(tx, boss, endpoint, reason);
      }
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
  const outcomes = new Map(done.map((d) => [d.job.deliveryId, d.outcome]));
  return jobs.map((j) => outcomes.get(j.deliveryId) ?? 'skipped');
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
      html: simpleHtml(lines, {
        label: 'Open webhooks',
        url: `${appUrl}/a/${endpoint.agencyId}/sites/${endpoint.siteId}/webhooks`,
      }),
    });
  }
}
