// A domain's life, as a function of its state and one check's result.
//
//   pending  ── proof found ──▶ verified ── 3 scheduled checks in a row fail ──▶ failed
//      │                          ▲  │ (re-checked daily; a failure is re-checked within the hour)
//      │                          └──┴───────────── proof found ◀──────────────────┤
//      └── 7 days without proof ──▶ expired ◀── 7 days without proof ──────────────┘
//
// Pending and failed domains are retried with backoff (5 min doubling to 6 h). Expired ones are
// checked only on request. Only scheduled checks that found the proof absent (no record or tag,
// another value, an address we refuse) count towards failing a verified domain. A manual check
// ("verify now") can verify a domain but never fails one, and an inconclusive check (timeout,
// DNS server failure, TLS error) is recorded and repeated within the hour without counting: an
// outage of our resolver or of theirs must not take every site's domains away.
import type { DomainCheckOutcome, DomainStatus } from '@dramac/db';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Scheduled failures in a row after which a verified domain is failed. */
export const GRACE_FAILURES = 3;
export const RECHECK_VERIFIED_MS = DAY;
export const RECHECK_IN_GRACE_MS = HOUR;
/** How long a pending or failed domain is retried before it expires. */
export const RETRY_WINDOW_MS = 7 * DAY;
export const FIRST_CHECK_MS = 5 * MINUTE;

/** The wait after the `n`th failure in a row of a pending or failed domain. */
export const backoffMs = (n: number) => Math.min(6 * HOUR, FIRST_CHECK_MS * 2 ** Math.max(0, n - 1));

export type Finding = 'proven' | 'absent' | 'inconclusive';

export function findingOf(outcome: DomainCheckOutcome): Finding {
  if (outcome === 'found') return 'proven';
  return outcome === 'timeout' || outcome === 'error' ? 'inconclusive' : 'absent';
}

export interface DomainState {
  status: DomainStatus;
  statusSince: Date;
  consecutiveFailures: number;
  nextCheckAt: Date | null;
}

export interface Transition extends DomainState {
  /** the event to emit, when the status changed in a way others must hear about */
  event: 'domain.verified' | 'domain.failed' | null;
}

export function transition(state: DomainState, finding: Finding, manual: boolean, now: Date): Transition {
  const at = (ms: number) => new Date(now.getTime() + ms);
  const becomes = (status: DomainStatus, nextCheckAt: Date | null, event: Transition['event'] = null): Transition => ({
    status,
    statusSince: status === state.status ? state.statusSince : now,
    consecutiveFailures: 0,
    nextCheckAt,
    event,
  });

  if (finding === 'proven') {
    return becomes('verified', at(RECHECK_VERIFIED_MS), state.status === 'verified' ? null : 'domain.verified');
  }

  if (manual) {
    // recorded in the history, and a verified domain is re-checked soon by the schedule
    const soon = state.status === 'verified' ? at(RECHECK_IN_GRACE_MS) : null;
    const nextCheckAt = soon && state.nextCheckAt && state.nextCheckAt < soon ? state.nextCheckAt : (soon ?? state.nextCheckAt);
    return { ...state, nextCheckAt, event: null };
  }
  if (finding === 'inconclusive' && state.status === 'verified') {
    return { ...state, nextCheckAt: at(RECHECK_IN_GRACE_MS), event: null };
  }

  const failures = state.consecutiveFailures + 1;
  switch (state.status) {
    case 'verified':
      if (failures >= GRACE_FAILURES) return becomes('failed', at(backoffMs(1)), 'domain.failed');
      return { ...state, consecutiveFailures: failures, nextCheckAt: at(RECHECK_IN_GRACE_MS), event: null };
    case 'pending':
    case 'failed':
      if (now.getTime() - state.statusSince.getTime() >= RETRY_WINDOW_MS) return becomes('expired', null);
      return { ...state, consecutiveFailures: failures, nextCheckAt: at(backoffMs(failures)), event: null };
    case 'expired':
      return { ...state, nextCheckAt: null, event: null };
  }
}
