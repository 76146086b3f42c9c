// The webhook event catalogue, generated from packages/api/src/webhooks/catalogue.ts, with the
// signature scheme and the retry schedule a receiver needs to know.
import { catalogue, eventTypes } from '@dramac/api/events';
import { retrySchedule } from '@dramac/jobs';
import type { Metadata } from 'next';
import { z } from 'zod';

export const metadata: Metadata = { title: 'Webhook events' };

const human = (s: number) => (s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

export default function EventsPage() {
  const schedule = retrySchedule();
  return (
    <main className="mx-auto max-w-4xl px-6 py-10">
      <p className="text-sm font-medium text-brand-600">Dramac API</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight">Webhook events</h1>
      <p className="mt-3 text-slate-600">
        Each site can register endpoints that receive these events as signed HTTP POST requests. Subscribe to an exact type, a
        prefix such as <code className="rounded bg-slate-100 px-1">site.*</code>, or{' '}
        <code className="rounded bg-slate-100 px-1">*</code>. See also the{' '}
        <a className="text-brand-600 underline" href="/docs/api">
          REST API reference
        </a>
        .
      </p>

      <section className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="text-lg font-semibold">Verifying a delivery</h2>
        <p className="mt-2 text-sm text-slate-600">
          Deliveries follow the Standard Webhooks specification. Every request carries <code>webhook-id</code> (the same on every
          retry of one delivery: use it to ignore duplicates), <code>webhook-timestamp</code> (Unix seconds) and{' '}
          <code>webhook-signature</code>: <code>v1,</code> followed by the base64 HMAC-SHA256 of <code>id.timestamp.body</code>{' '}
          under your endpoint&apos;s <code>whsec_…</code> secret. After a secret rotation both the new and the previous signature
          are sent for 24 hours. Answer with any 2xx within 10 seconds; <code>410 Gone</code> disables the endpoint.
        </p>
        <pre className="mt-3 overflow-x-auto rounded bg-slate-900 p-4 text-xs text-slate-100">{`import { Webhook } from 'standardwebhooks';

const wh = new Webhook(process.env.DRAMAC_WEBHOOK_SECRET); // whsec_…
const event = wh.verify(rawBody, request.headers);          // throws when the signature is wrong`}</pre>
      </section>

      <section className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="text-lg font-semibold">Retries</h2>
        <p className="mt-2 text-sm text-slate-600">
          A delivery that does not get a 2xx is retried {schedule.length} times with exponential backoff and jitter, over about a
          day. An endpoint that has failed every delivery for 5 days is disabled and the agency&apos;s admins are told by email. A{' '}
          <strong>Send test</strong> delivery and a manual redelivery are one attempt each and are never retried: the log shows at
          once whether the endpoint took it. If our worker stops mid-attempt, the attempt is made again with the same{' '}
          <code>webhook-id</code>.
        </p>
        <table className="mt-3 w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1">Retry</th>
              <th>Waits between</th>
            </tr>
          </thead>
          <tbody>
            {schedule.map((r) => (
              <tr key={r.retry} className="border-t border-slate-100">
                <td className="py-1">{r.retry}</td>
                <td>
                  {human(r.minSeconds)} and {human(r.maxSeconds)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <h2 className="mt-10 text-xl font-semibold">Event types</h2>
      <div className="mt-4 space-y-4">
        {eventTypes.map((type) => (
          <section key={type} id={type} className="rounded-lg border border-slate-200 bg-white p-5">
            <h3 className="font-mono text-base font-semibold">{type}</h3>
            <p className="mt-1 text-sm text-slate-600">{catalogue[type].description}</p>
            <details className="mt-3">
              <summary className="cursor-pointer text-sm text-brand-600">Example payload and schema</summary>
              <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-xs">
                {JSON.stringify(
                  {
                    id: 'evt_…',
                    type,
                    timestamp: '2026-11-23T09:30:00.000Z',
                    siteId: 'cm3site0000example',
                    data: catalogue[type].example,
                  },
                  null,
                  2,
                )}
              </pre>
              <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-xs">
                {JSON.stringify(z.toJSONSchema(catalogue[type].schema), null, 2)}
              </pre>
            </details>
          </section>
        ))}
      </div>
    </main>
  );
}
