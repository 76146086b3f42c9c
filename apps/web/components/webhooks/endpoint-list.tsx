'use client';
import { BookOpen, Ellipsis, KeyRound, ListFilter, Pencil, Plus, Send, Trash2, Webhook } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Dropdown, DropdownButton, DropdownItem, DropdownItems, DropdownSeparator } from '@/components/ui/menu';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { useToast } from '@/components/ui/toast';
import { formatDateTime } from '@/lib/format';
import { formError, trpc } from '@/lib/trpc';
import { disabledByUser, EndpointStatusBadge } from './status';
import { Switch } from './switch';
import type { Endpoint, RevealedSecret } from './types';

interface EndpointListProps {
  siteId: string;
  siteName: string;
  onAdd: () => void;
  onEdit: (endpoint: Endpoint) => void;
  onSecret: (revealed: RevealedSecret) => void;
  onShowDeliveries: (endpointId: string) => void;
}

export function EndpointList({ siteId, siteName, onAdd, ...actions }: EndpointListProps) {
  const endpoints = trpc.webhooks.list.useQuery({ siteId });
  const count = endpoints.data?.length ?? 0;
  return (
    <Card>
      <CardHeader
        title="Endpoints"
        description={
          count > 0
            ? `${count} ${count === 1 ? 'endpoint receives' : 'endpoints receive'} events from ${siteName}.`
            : `The URLs events from ${siteName} are sent to.`
        }
        actions={
          count > 0 && (
            <Button size="sm" onClick={onAdd}>
              <Plus aria-hidden className="size-4" />
              Add endpoint
            </Button>
          )
        }
      />
      {endpoints.isPending ? (
        <Loading label="Loading endpoints" className="divide-y divide-slate-100">
          {[0, 1].map((i) => (
            <div key={i} className="space-y-2.5 px-5 py-4">
              <Skeleton className="h-4 w-72 max-w-full" />
              <Skeleton className="h-3 w-48" />
              <div className="flex gap-1.5">
                <Skeleton className="h-5 w-20 rounded-full" />
                <Skeleton className="h-5 w-24 rounded-full" />
              </div>
            </div>
          ))}
        </Loading>
      ) : endpoints.isError ? (
        <div className="p-5">
          <QueryError error={endpoints.error} retry={endpoints.refetch} what="the endpoints" />
        </div>
      ) : count === 0 ? (
        <EmptyState
          icon={Webhook}
          title="No webhook endpoints yet"
          action={
            <div className="flex flex-wrap items-center justify-center gap-2">
              <Button onClick={onAdd}>
                <Plus aria-hidden className="size-4" />
                Add endpoint
              </Button>
              <a
                href="/docs/events"
                target="_blank"
                rel="noreferrer"
                className="inline-flex h-9 items-center gap-2 rounded-md px-3 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              >
                <BookOpen aria-hidden className="size-4" />
                Browse the events
              </a>
            </div>
          }
        >
          Webhooks notify your own systems the moment something happens on {siteName}. Every request is signed, and retried for
          about a day if your server is down.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {endpoints.data.map((e) => (
            <EndpointRow key={e.id} siteId={siteId} endpoint={e} {...actions} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function EndpointRow({
  siteId,
  endpoint,
  onEdit,
  onSecret,
  onShowDeliveries,
}: { siteId: string; endpoint: Endpoint } & Omit<EndpointListProps, 'siteId' | 'siteName' | 'onAdd'>) {
  const toast = useToast();
  const utils = trpc.useUtils();
  const [confirming, setConfirming] = useState<'rotate' | 'delete' | null>(null);
  const onError = (title: string) => (error: unknown) => toast({ tone: 'error', title, description: formError(error) });

  const toggle = trpc.webhooks.update.useMutation({
    onSuccess: (saved) => {
      utils.webhooks.list.setData({ siteId }, (all) => all?.map((e) => (e.id === saved.id ? saved : e)));
      toast(
        saved.enabled
          ? { title: 'Endpoint enabled', description: 'New events are sent to it again.' }
          : { title: 'Endpoint disabled', description: 'No events are sent to it until you enable it.' },
      );
    },
    onError: onError('Could not change the endpoint'),
  });
  const sendTest = trpc.webhooks.sendTest.useMutation({
    onSuccess: async () => {
      toast({ title: 'Test event sent', description: 'Follow its delivery in the log below.' });
      await utils.webhooks.deliveries.invalidate({ siteId });
    },
    onError: onError('Could not send a test event'),
  });
  const rotate = trpc.webhooks.rotateSecret.useMutation({
    onSuccess: async ({ secret, ...saved }) => {
      setConfirming(null);
      utils.webhooks.list.setData({ siteId }, (all) => all?.map((e) => (e.id === saved.id ? saved : e)));
      onSecret({ kind: 'rotated', url: saved.url, secret, previousExpiresAt: saved.previousSecretExpiresAt });
    },
  });
  const remove = trpc.webhooks.delete.useMutation({
    onSuccess: async () => {
      setConfirming(null);
      await Promise.all([utils.webhooks.list.invalidate({ siteId }), utils.webhooks.deliveries.invalidate({ siteId })]);
      toast({ title: 'Endpoint deleted', description: endpoint.url });
    },
  });

  const enabled = toggle.isPending ? toggle.variables.enabled === true : endpoint.enabled;
  const rotating = endpoint.previousSecretExpiresAt !== null && endpoint.previousSecretExpiresAt > new Date();

  return (
    <li aria-label={endpoint.url} className="px-5 py-4">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-3 sm:flex-nowrap">
        <div className="min-w-0 flex-1 basis-full sm:basis-0">
          <div className="flex min-w-0 items-center gap-2">
            <p className="truncate font-mono text-sm font-medium text-slate-900" title={endpoint.url}>
              {endpoint.url}
            </p>
            <EndpointStatusBadge endpoint={endpoint} />
          </div>
          {endpoint.description && <p className="mt-0.5 text-sm text-slate-600">{endpoint.description}</p>}
          <ul aria-label="Subscribed events" className="mt-2 flex flex-wrap gap-1">
            {endpoint.eventTypes.map((t) => (
              <li key={t}>
                <Badge tone={t === '*' || t.endsWith('.*') ? 'brand' : 'neutral'} className="font-mono">
                  {t === '*' ? 'All events' : t}
                </Badge>
              </li>
            ))}
          </ul>
          <StatusNote endpoint={endpoint} />
          <p className="mt-2 text-xs text-slate-400">
            Added <RelativeTime value={endpoint.createdAt} />
            {rotating && endpoint.previousSecretExpiresAt && (
              <>
                {' · '}
                <span title={formatDateTime(endpoint.previousSecretExpiresAt)}>
                  secret rotated, the previous one signs until {formatDateTime(endpoint.previousSecretExpiresAt)}
                </span>
              </>
            )}
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-3">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => sendTest.mutate({ siteId, endpointId: endpoint.id })}
            loading={sendTest.isPending}
            disabled={!endpoint.enabled}
            title={endpoint.enabled ? 'Send a webhook.test event to this endpoint' : 'Enable the endpoint to send a test event'}
          >
            {!sendTest.isPending && <Send aria-hidden className="size-3.5" />}
            Send test
          </Button>
          <div className="flex items-center gap-2 border-l border-slate-200 pl-3">
            <Switch
              checked={enabled}
              label="Enabled"
              disabled={toggle.isPending}
              onChange={(on) => toggle.mutate({ siteId, endpointId: endpoint.id, enabled: on })}
            />
            <Dropdown>
              <DropdownButton
                aria-label={`More actions for ${endpoint.url}`}
                className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <Ellipsis aria-hidden className="size-4" />
              </DropdownButton>
              <DropdownItems>
                <DropdownItem icon={Pencil} onClick={() => onEdit(endpoint)}>
                  Edit endpoint
                </DropdownItem>
                <DropdownItem icon={ListFilter} onClick={() => onShowDeliveries(endpoint.id)}>
                  Show its deliveries
                </DropdownItem>
                <DropdownItem icon={KeyRound} onClick={() => setConfirming('rotate')}>
                  Rotate signing secret
                </DropdownItem>
                <DropdownSeparator />
                <DropdownItem icon={Trash2} onClick={() => setConfirming('delete')}>
                  Delete endpoint
                </DropdownItem>
              </DropdownItems>
            </Dropdown>
          </div>
        </div>
      </div>

      <ConfirmDialog
        open={confirming === 'rotate'}
        onClose={() => {
          setConfirming(null);
          rotate.reset();
        }}
        tone="primary"
        title="Rotate the signing secret?"
        description={<span className="break-all">{endpoint.url}</span>}
        confirmLabel="Rotate secret"
        onConfirm={() => rotate.mutate({ siteId, endpointId: endpoint.id })}
        pending={rotate.isPending}
        error={formError(rotate.error)}
      >
        <div className="space-y-2 text-sm text-slate-600">
          <p>A new secret is generated and shown to you once.</p>
          <p>
            For the next <strong className="font-medium text-slate-900">24 hours</strong> every delivery is signed with both the
            new and the current secret, so your receiver keeps verifying requests while you deploy the new one. After that, only
            the new secret signs.
          </p>
          {rotating && (
            <p className="text-amber-800">
              A rotation is already in progress: rotating again stops the oldest secret from signing right away.
            </p>
          )}
        </div>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'delete'}
        onClose={() => {
          setConfirming(null);
          remove.reset();
        }}
        title="Delete this endpoint?"
        description={<span className="break-all">{endpoint.url}</span>}
        confirmLabel="Delete endpoint"
        onConfirm={() => remove.mutate({ siteId, endpointId: endpoint.id })}
        pending={remove.isPending}
        error={formError(remove.error)}
      >
        <p className="text-sm text-slate-600">
          It stops receiving events at once, and its delivery log is deleted with it. To stop deliveries for a while, disable it
          instead. This cannot be undone.
        </p>
      </ConfirmDialog>
    </li>
  );
}

/** Why an endpoint is not receiving events, or is receiving but failing. */
function StatusNote({ endpoint }: { endpoint: Endpoint }) {
  if (!endpoint.enabled) {
    return disabledByUser(endpoint) ? (
      <p className="mt-2 text-xs text-slate-500">Disabled by a user. Events that happen while it is off are not sent to it.</p>
    ) : (
      <p className="mt-2 text-xs text-red-700">
        <span className="font-medium">Disabled automatically:</span> {endpoint.disabledReason}. Fix the receiver, then enable the
        endpoint again.
      </p>
    );
  }
  if (endpoint.failingSince) {
    return (
      <p className="mt-2 text-xs text-amber-800">
        <span className="font-medium">
          Failing since <RelativeTime value={endpoint.failingSince} />
        </span>
        : no delivery has succeeded since then. If it keeps failing for days, the endpoint is disabled automatically.
      </p>
    );
  }
  return null;
}
