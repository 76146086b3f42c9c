import { Ban, CircleCheck, CircleX, Clock } from 'lucide-react';
import { Badge, type Tone } from '@/components/ui/badge';
import { cn } from '@/lib/cn';
import type { DeliveryStatus, Endpoint } from './types';

export const deliveryStatuses: { value: DeliveryStatus; label: string; tone: Tone; icon: typeof Clock; help: string }[] = [
  { value: 'succeeded', label: 'Succeeded', tone: 'success', icon: CircleCheck, help: 'The endpoint answered with a 2xx' },
  { value: 'pending', label: 'Pending', tone: 'info', icon: Clock, help: 'Waiting for its first attempt or a retry' },
  { value: 'failed', label: 'Failed', tone: 'danger', icon: CircleX, help: 'Every attempt failed, or the endpoint answered 410' },
  { value: 'abandoned', label: 'Abandoned', tone: 'neutral', icon: Ban, help: 'Not sent because the endpoint was disabled' },
];
const byStatus = new Map(deliveryStatuses.map((s) => [s.value, s]));

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const s = byStatus.get(status) ?? deliveryStatuses[0]!;
  const Icon = s.icon;
  return (
    <span title={s.help}>
      <Badge tone={s.tone}>
        <Icon aria-hidden className={cn('size-3', status === 'pending' && 'animate-pulse')} />
        {s.label}
      </Badge>
    </span>
  );
}

/** An HTTP status code, coloured by class; a missing code means the request itself failed. */
export function StatusCode({ code, failed }: { code: number | null; failed?: boolean }) {
  if (code === null) {
    return failed ? (
      <span className="font-mono text-xs text-red-600">No response</span>
    ) : (
      <span className="text-slate-400">—</span>
    );
  }
  const ok = code >= 200 && code < 300;
  return (
    <span
      className={cn('inline-flex items-center gap-1.5 font-mono text-xs font-medium', ok ? 'text-emerald-700' : 'text-red-700')}
    >
      <span aria-hidden className={cn('size-1.5 rounded-full', ok ? 'bg-emerald-500' : 'bg-red-500')} />
      {code}
    </span>
  );
}

/** A user switching an endpoint off is a choice; the worker doing it means something is broken. */
export const disabledByUser = (endpoint: Endpoint) => endpoint.disabledReason === 'Disabled by a user';

export function EndpointStatusBadge({ endpoint }: { endpoint: Endpoint }) {
  if (!endpoint.enabled) return <Badge tone={disabledByUser(endpoint) ? 'neutral' : 'danger'}>Disabled</Badge>;
  if (endpoint.failingSince) return <Badge tone="warning">Failing</Badge>;
  return <Badge tone="success">Enabled</Badge>;
}
