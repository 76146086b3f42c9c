import { CircleCheck, CircleX, Clock, Hourglass, TriangleExclamationPoint } from 'lucide-react';
import { Badge, type Tone } from '@/components/ui/badge';
import type { Domain, Method, Outcome } from './types';

const statuses: Record<Domain['status'], { label: string; tone: Tone; icon: typeof Clock; help: string }> = {
  verified: { label: 'Verified', tone: 'success', icon: CircleCheck, help: 'Ownership proven: its origin is allowed' },
  pending: { label: 'Pending', tone: 'info', icon: Clock, help: 'Waiting for the proof to be published' },
  failed: { label: 'Failed', tone: 'danger', icon: CircleX, help: 'The proof disappeared: its origin is no longer allowed' },
  expired: { label: 'Expired', tone: 'neutral', icon: Hourglass, help: 'No proof within 7 days: checked only when you ask' },
};

export function DomainStatusBadge({ domain }: { domain: Domain }) {
  // verified, but the last scheduled checks missed the proof: still allowed, not for long
  if (domain.status === 'verified' && domain.consecutiveFailures > 0) {
    return (
      <span title="The last scheduled checks did not find the proof">
        <Badge tone="warning">
          <TriangleExclamationPoint aria-hidden className="size-3" />
          Verified, failing
        </Badge>
      </span>
    );
  }
  const s = statuses[domain.status];
  const Icon = s.icon;
  return (
    <span title={s.help}>
      <Badge tone={s.tone}>
        <Icon aria-hidden className="size-3" />
        {s.label}
      </Badge>
    </span>
  );
}

export const outcomes: Record<Outcome, { label: string; tone: Tone }> = {
  found: { label: 'Found', tone: 'success' },
  missing: { label: 'Not found', tone: 'warning' },
  mismatch: { label: 'Different value', tone: 'warning' },
  timeout: { label: 'Timed out', tone: 'warning' },
  refused: { label: 'Refused', tone: 'danger' },
  claimed: { label: 'Claimed by another agency', tone: 'danger' },
  error: { label: 'Error', tone: 'danger' },
};

export const methodLabels: Record<Method, string> = { dns_txt: 'DNS TXT record', html_meta: 'HTML meta tag' };
