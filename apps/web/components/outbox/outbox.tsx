'use client';
import { Disclosure, DisclosureButton, DisclosurePanel } from '@headlessui/react';
import { ChevronRight, Inbox, Lock, RefreshCw } from 'lucide-react';
import { useAgency } from '@/components/shell/agency-context';
import { Alert } from '@/components/ui/alert';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { capitalize, formatDateTime } from '@/lib/format';
import { type RouterOutputs, trpc } from '@/lib/trpc';
import { LinkifiedText } from './linkified-text';

type Message = RouterOutputs['email']['outbox']['items'][number];

const statusTone: Record<Message['status'], Tone> = { queued: 'neutral', sent: 'success', failed: 'danger', held: 'warning' };
const statusHelp: Record<Message['status'], string> = {
  queued: 'Waiting for the worker to send it',
  sent: 'Handed to the mail server',
  failed: 'Sending failed; it is retried with backoff',
  held: 'Not sent because SMTP is not configured',
};

export function Outbox() {
  const agency = useAgency();
  if (!agency.isAdmin) {
    return (
      <>
        <PageHeader title="Outbox" />
        <Card>
          <EmptyState icon={Lock} title="Only admins can see the outbox">
            The outbox holds invitation links and other mail sent for {agency.name}. Ask an owner or admin if you need something
            from it.
          </EmptyState>
        </Card>
      </>
    );
  }
  return <OutboxList />;
}

function OutboxList() {
  const agency = useAgency();
  const outbox = trpc.email.outbox.useInfiniteQuery(
    { agencyId: agency.id, limit: 25 },
    {
      getNextPageParam: (page) => page.nextCursor,
      // while something waits for the worker, watch it change
      refetchInterval: (query) =>
        query.state.data?.pages.some((p) => p.items.some((m) => m.status === 'queued')) ? 1500 : false,
    },
  );
  const messages = outbox.data?.pages.flatMap((p) => p.items) ?? [];
  const smtpConfigured = outbox.data?.pages[0]?.smtpConfigured ?? true;

  return (
    <>
      <PageHeader
        title="Outbox"
        description={`Every email sent for ${agency.name}: invitations and notifications.`}
        actions={
          <Button
            variant="secondary"
            onClick={() => outbox.refetch()}
            loading={outbox.isRefetching && !outbox.isFetchingNextPage}
          >
            {!outbox.isRefetching && <RefreshCw aria-hidden className="size-4" />}
            Refresh
          </Button>
        }
      />
      <div className="space-y-4">
        {!smtpConfigured && (
          <Alert tone="warning" title="Mail is not being delivered">
            SMTP is not configured, so messages are held here instead of being sent: set{' '}
            <code className="font-mono">SMTP_URL</code> to deliver mail. Until then, open a message below to copy or follow its
            link.
          </Alert>
        )}
        {outbox.isPending ? (
          <Loading label="Loading messages" className="space-y-2">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-14" />
            ))}
          </Loading>
        ) : outbox.isError ? (
          <QueryError error={outbox.error} retry={outbox.refetch} what="the outbox" />
        ) : messages.length === 0 ? (
          <Card>
            <EmptyState icon={Inbox} title="No emails yet">
              Invitations and notifications for {agency.name} will appear here.
            </EmptyState>
          </Card>
        ) : (
          <Card>
            <ul className="divide-y divide-slate-100">
              {messages.map((m) => (
                <li key={m.id}>
                  <OutboxMessage message={m} />
                </li>
              ))}
            </ul>
            {outbox.hasNextPage && (
              <div className="border-t border-slate-100 p-3 text-center">
                <Button variant="ghost" size="sm" onClick={() => outbox.fetchNextPage()} loading={outbox.isFetchingNextPage}>
                  Load older messages
                </Button>
              </div>
            )}
          </Card>
        )}
      </div>
    </>
  );
}

function OutboxMessage({ message: m }: { message: Message }) {
  return (
    <Disclosure>
      <DisclosureButton className="group flex w-full items-center gap-3 px-5 py-3.5 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600 data-open:bg-slate-50">
        <ChevronRight aria-hidden className="size-4 shrink-0 text-slate-400 transition-transform group-data-open:rotate-90" />
        <span className="w-16 shrink-0">
          <Badge tone={statusTone[m.status]}>{capitalize(m.status)}</Badge>
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium text-slate-900">{m.subject}</span>
          <span className="block truncate text-xs text-slate-500">To {m.to}</span>
        </span>
        <span className="shrink-0 text-xs text-slate-400">
          <RelativeTime value={m.createdAt} />
        </span>
      </DisclosureButton>
      <DisclosurePanel className="border-t border-slate-100 bg-slate-50/60 px-5 py-4 pl-12 text-sm">
        <dl className="grid gap-x-6 gap-y-1 text-xs text-slate-500 sm:grid-cols-[auto_1fr]">
          <dt>To</dt>
          <dd className="text-slate-800">{m.to}</dd>
          <dt>Status</dt>
          <dd className="text-slate-800">
            {statusHelp[m.status]}
            {m.attempts > 0 && ` · ${m.attempts} ${m.attempts === 1 ? 'attempt' : 'attempts'}`}
          </dd>
          <dt>Created</dt>
          <dd className="text-slate-800">{formatDateTime(m.createdAt)}</dd>
          {m.sentAt && (
            <>
              <dt>Sent</dt>
              <dd className="text-slate-800">{formatDateTime(m.sentAt)}</dd>
            </>
          )}
        </dl>
        {m.lastError && (
          <Alert tone="danger" title="Last error" className="mt-3">
            <span className="font-mono text-xs">{m.lastError}</span>
          </Alert>
        )}
        <div className="mt-4 rounded-md border border-slate-200 bg-white p-4 whitespace-pre-wrap text-slate-800">
          <LinkifiedText text={m.text} />
        </div>
      </DisclosurePanel>
    </Disclosure>
  );
}
