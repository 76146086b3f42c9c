'use client';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/spinner';
import { useToast } from '@/components/ui/toast';
import { fieldErrors, formError, trpc } from '@/lib/trpc';
import { EventPicker } from './event-picker';
import type { Catalogue, Endpoint, RevealedSecret } from './types';

const FIELDS = ['url', 'description', 'eventTypes'];

interface EndpointDialogProps {
  open: boolean;
  onClose: () => void;
  siteId: string;
  /** undefined while it loads */
  catalogue: Catalogue['events'] | undefined;
  /** the endpoint to edit; without it, a new one is created */
  endpoint?: Endpoint | null;
  onCreated: (revealed: RevealedSecret) => void;
}

/** Adds an endpoint (then hands its secret to the caller to show once) or edits one. */
export function EndpointDialog(props: EndpointDialogProps) {
  // a fresh form each time the dialog opens on another endpoint
  return <EndpointForm key={`${props.endpoint?.id ?? 'new'}-${props.open}`} {...props} />;
}

function EndpointForm({ open, onClose, siteId, catalogue, endpoint, onCreated }: EndpointDialogProps) {
  const toast = useToast();
  const utils = trpc.useUtils();
  const ids = useId();
  const [values, setValues] = useState({
    url: endpoint?.url ?? '',
    description: endpoint?.description ?? '',
    eventTypes: endpoint?.eventTypes ?? [],
  });
  const create = trpc.webhooks.create.useMutation({
    onSuccess: async ({ secret, ...created }) => {
      await utils.webhooks.list.invalidate({ siteId });
      onCreated({ kind: 'created', url: created.url, secret });
    },
  });
  const update = trpc.webhooks.update.useMutation({
    onSuccess: async () => {
      await utils.webhooks.list.invalidate({ siteId });
      toast({ title: 'Endpoint saved' });
      onClose();
    },
  });
  const mutation = endpoint ? update : create;
  const errors = fieldErrors(mutation.error);
  // eventTypes.3 → eventTypes: one message under the picker
  const eventsError = Object.entries(errors).find(([k]) => k === 'eventTypes' || k.startsWith('eventTypes.'))?.[1];
  const banner = formError(
    mutation.error,
    Object.keys(errors).filter((k) => FIELDS.includes(k.split('.')[0] ?? k)),
  );

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="md"
      title={endpoint ? 'Edit endpoint' : 'Add an endpoint'}
      description={
        endpoint
          ? 'Changes apply to the next event; deliveries already queued keep their target.'
          : 'Dramac POSTs a signed JSON payload to this URL whenever a selected event happens.'
      }
      onSubmit={() =>
        endpoint ? update.mutate({ siteId, endpointId: endpoint.id, ...values }) : create.mutate({ siteId, ...values })
      }
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {endpoint ? 'Save changes' : 'Add endpoint'}
          </Button>
        </>
      }
    >
      {banner && <Alert tone="danger">{banner}</Alert>}
      <TextField
        label="Endpoint URL"
        name="url"
        type="url"
        inputMode="url"
        placeholder="https://example.com/webhooks/dramac"
        className="[&_input]:font-mono [&_input]:text-[0.8125rem]"
        value={values.url}
        onChange={(e) => setValues({ ...values, url: e.target.value })}
        error={errors.url}
        hint="An http(s) URL that answers POST requests with a 2xx within 10 seconds."
        autoComplete="off"
        spellCheck={false}
        autoFocus
      />
      <TextField
        label="Description"
        name="description"
        placeholder="Order sync for the CRM"
        aside={<span className="text-xs text-slate-400">Optional</span>}
        value={values.description}
        onChange={(e) => setValues({ ...values, description: e.target.value })}
        error={errors.description}
      />
      <fieldset
        aria-labelledby={`${ids}-events`}
        aria-describedby={eventsError ? `${ids}-events-error` : undefined}
        className="space-y-1.5"
      >
        <div className="flex items-baseline justify-between gap-2">
          <span id={`${ids}-events`} className="text-sm font-medium text-slate-700">
            Events to send
          </span>
          <a
            href="/docs/events"
            target="_blank"
            rel="noreferrer"
            className="text-xs font-medium text-brand-600 hover:text-brand-700"
          >
            Event reference
          </a>
        </div>
        {catalogue ? (
          <EventPicker
            events={catalogue}
            value={values.eventTypes}
            onChange={(eventTypes) => setValues({ ...values, eventTypes })}
            invalid={!!eventsError}
          />
        ) : (
          <Skeleton className="h-48" />
        )}
        {eventsError && (
          <p id={`${ids}-events-error`} className="text-xs text-red-600">
            {eventsError}
          </p>
        )}
      </fieldset>
    </Dialog>
  );
}
