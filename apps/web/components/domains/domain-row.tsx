'use client';
import { Ellipsis, History, ListChecks, RefreshCw, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Dropdown, DropdownButton, DropdownItem, DropdownItems, DropdownSeparator } from '@/components/ui/menu';
import { Spinner } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { useToast } from '@/components/ui/toast';
import { errorCode, formError, trpc } from '@/lib/trpc';
import { CheckHistory } from './check-history';
import { Instructions } from './instructions';
import { DomainStatusBadge, outcomes } from './status';
import type { Domain, DomainCheck, Method } from './types';

/** Scheduled misses in a row after which a verified domain fails (transitions.ts). */
const GRACE_FAILURES = 3;
const RETRY_WINDOW_MS = 7 * 86_400_000;

type Panel = 'instructions' | 'history' | null;

export function DomainRow({
  siteId,
  domain,
  canManage,
  initiallyOpen,
}: {
  siteId: string;
  domain: Domain;
  canManage: boolean;
  /** just added: show how to prove it straight away */
  initiallyOpen?: boolean;
}) {
  const toast = useToast();
  const utils = trpc.useUtils();
  const [method, setMethod] = useState<Method>(domain.method);
  const [panel, setPanel] = useState<Panel>(initiallyOpen || (canManage && domain.status === 'pending') ? 'instructions' : null);
  const [result, setResult] = useState<DomainCheck | null>(null);
  const [confirming, setConfirming] = useState(false);

  const verify = trpc.domains.verify.useMutation({
    onMutate: () => setResult(null),
    onSuccess: async ({ domain: checked, check }) => {
      utils.domains.list.setData({ siteId }, (all) => all?.map((d) => (d.id === checked.id ? checked : d)));
      setResult(check);
      if (check.statusAfter === 'verified' && domain.status !== 'verified') setPanel(null);
      await utils.domains.history.invalidate({ siteId, domainId: domain.id });
    },
  });
  const remove = trpc.domains.remove.useMutation({
    onSuccess: async () => {
      setConfirming(false);
      await utils.domains.list.invalidate({ siteId });
      toast({ title: 'Domain removed', description: domain.hostname });
    },
  });
  const toggle = (p: Exclude<Panel, null>) => setPanel(panel === p ? null : p);

  return (
    <li aria-label={domain.hostname} className="px-5 py-4">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-3 sm:flex-nowrap">
        <div className="min-w-0 flex-1 basis-full sm:basis-0">
          <div className="flex min-w-0 flex-wrap items-center gap-2">
            <p className="truncate font-mono text-sm font-medium text-slate-900" title={domain.hostname}>
              {domain.hostname}
            </p>
            <DomainStatusBadge domain={domain} />
          </div>
          <StatusLine domain={domain} />
          {domain.lastCheckedAt && domain.lastOutcome && !result && (
            <p className="mt-1 text-xs text-slate-500">
              Last check <RelativeTime value={domain.lastCheckedAt} />:{' '}
              <span className={domain.lastOutcome === 'found' ? 'text-slate-600' : 'text-amber-800'}>{domain.lastDetail}</span>
            </p>
          )}
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {canManage && (
            <Button
              variant={domain.status === 'verified' ? 'secondary' : 'primary'}
              size="sm"
              onClick={() => verify.mutate({ siteId, domainId: domain.id, method })}
              loading={verify.isPending}
            >
              {!verify.isPending && <RefreshCw aria-hidden className="size-3.5" />}
              {domain.status === 'verified' ? 'Check now' : 'Verify now'}
            </Button>
          )}
          <Dropdown>
            <DropdownButton
              aria-label={`More for ${domain.hostname}`}
              className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <Ellipsis aria-hidden className="size-4" />
            </DropdownButton>
            <DropdownItems>
              <DropdownItem icon={ListChecks} onClick={() => toggle('instructions')}>
                {panel === 'instructions' ? 'Hide instructions' : 'How to verify'}
              </DropdownItem>
              <DropdownItem icon={History} onClick={() => toggle('history')}>
                {panel === 'history' ? 'Hide history' : 'Check history'}
              </DropdownItem>
              {canManage && (
                <>
                  <DropdownSeparator />
                  <DropdownItem icon={Trash2} onClick={() => setConfirming(true)}>
                    Remove domain
                  </DropdownItem>
                </>
              )}
            </DropdownItems>
          </Dropdown>
        </div>
      </div>

      {verify.isPending && (
        <p role="status" className="mt-3 flex items-center gap-2 text-sm text-slate-600">
          <Spinner className="size-3.5" />
          {method === 'dns_txt'
            ? `Looking up the TXT record at ${domain.instructions.dnsTxt.name}…`
            : `Fetching ${domain.instructions.htmlMeta.url}…`}
        </p>
      )}
      {verify.error && (
        // "checked a moment ago" is a wait, not a failure
        <Alert tone={errorCode(verify.error) === 'TOO_MANY_REQUESTS' ? 'warning' : 'danger'} className="mt-3">
          {formError(verify.error)}
        </Alert>
      )}
      {result && (
        <CheckResult
          check={result}
          hostname={domain.hostname}
          onShowSteps={panel === 'instructions' ? undefined : () => setPanel('instructions')}
        />
      )}

      {panel === 'instructions' && (
        <div className="mt-3">
          <Instructions domain={domain} method={method} onMethodChange={setMethod} />
        </div>
      )}
      {panel === 'history' && (
        <div className="mt-3">
          <CheckHistory siteId={siteId} domainId={domain.id} />
        </div>
      )}

      <ConfirmDialog
        open={confirming}
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
        title={`Remove ${domain.hostname}?`}
        confirmLabel="Remove domain"
        onConfirm={() => remove.mutate({ siteId, domainId: domain.id })}
        pending={remove.isPending}
        error={formError(remove.error)}
      >
        <p className="text-sm text-slate-600">
          {domain.status === 'verified'
            ? 'Its origin stops being allowed at once: embeds on its pages stop loading and browser calls from it are refused. '
            : ''}
          Its check history is deleted. You can add it again later, with a new token to publish.
        </p>
      </ConfirmDialog>
    </li>
  );
}

/** Where the domain stands and what happens next, in one line. */
function StatusLine({ domain }: { domain: Domain }) {
  const next = domain.nextCheckAt && (
    <>next check {domain.nextCheckAt.getTime() <= Date.now() ? 'due now' : <RelativeTime value={domain.nextCheckAt} />}</>
  );
  const expires = new Date(domain.statusSince.getTime() + RETRY_WINDOW_MS);
  const text = 'mt-1 text-sm';
  switch (domain.status) {
    case 'verified':
      return domain.consecutiveFailures > 0 ? (
        <p className={`${text} text-amber-800`}>
          {`The proof was missing at the last ${domain.consecutiveFailures === 1 ? 'check' : `${domain.consecutiveFailures} checks`}; after ${GRACE_FAILURES} in a row the domain fails. Still allowed, `}
          {next}.
        </p>
      ) : (
        <p className={`${text} text-slate-600`}>
          Allows <span className="font-mono text-[0.8125rem]">{domain.origins.join(', ')}</span>. Verified{' '}
          {domain.verifiedAt && <RelativeTime value={domain.verifiedAt} />}; re-checked daily, {next}.
        </p>
      );
    case 'pending':
      return (
        <p className={`${text} text-slate-600`}>
          Waiting for the proof; {next}. Expires <RelativeTime value={expires} /> without it.
        </p>
      );
    case 'failed':
      return (
        <p className={`${text} text-red-700`}>
          Failed <RelativeTime value={domain.statusSince} />: its origin is no longer allowed. Publish the proof again; {next}.
        </p>
      );
    case 'expired':
      return (
        <p className={`${text} text-slate-600`}>
          Expired <RelativeTime value={domain.statusSince} />: no proof within 7 days. Publish it, then verify now.
        </p>
      );
  }
}

/** What "verify now" found, with the detail of the check. */
function CheckResult({
  check,
  hostname,
  onShowSteps,
}: {
  check: DomainCheck;
  hostname: string;
  /** absent while the steps are already on screen */
  onShowSteps?: () => void;
}) {
  if (check.outcome === 'found') {
    return (
      <Alert tone="success" title={`${hostname} is verified`} className="mt-3">
        {check.detail}
      </Alert>
    );
  }
  const still = check.statusAfter === 'verified';
  return (
    <Alert
      tone={check.outcome === 'refused' || check.outcome === 'claimed' ? 'danger' : 'warning'}
      title={
        still
          ? `${outcomes[check.outcome].label}: still verified for now`
          : `Not verified: ${outcomes[check.outcome].label.toLowerCase()}`
      }
      className="mt-3"
      actions={
        !still &&
        onShowSteps && (
          <Button size="sm" variant="secondary" onClick={onShowSteps}>
            Show the steps
          </Button>
        )
      }
    >
      {check.detail}
    </Alert>
  );
}
