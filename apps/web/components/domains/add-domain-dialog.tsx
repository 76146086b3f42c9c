'use client';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { fieldErrors, formError, trpc } from '@/lib/trpc';
import type { Domain } from './types';

interface AddDomainDialogProps {
  open: boolean;
  onClose: () => void;
  siteId: string;
  siteName: string;
  onAdded: (domain: Domain) => void;
}

/** Adds a domain; the caller then shows how to prove it. */
export function AddDomainDialog(props: AddDomainDialogProps) {
  // a fresh form each time the dialog opens
  return <AddDomainForm key={String(props.open)} {...props} />;
}

function AddDomainForm({ open, onClose, siteId, siteName, onAdded }: AddDomainDialogProps) {
  const utils = trpc.useUtils();
  const [hostname, setHostname] = useState('');
  const add = trpc.domains.add.useMutation({
    onSuccess: async (domain) => {
      await utils.domains.list.invalidate({ siteId });
      onAdded(domain);
    },
  });
  const errors = fieldErrors(add.error);
  const banner = formError(add.error, ['hostname']);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="md"
      title="Add a domain"
      description={`A website where ${siteName} embeds its modules or calls the API from the browser.`}
      onSubmit={() => add.mutate({ siteId, hostname })}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add domain
          </Button>
        </>
      }
    >
      {banner && <Alert tone="danger">{banner}</Alert>}
      <TextField
        label="Domain"
        name="hostname"
        placeholder="shop.example.com"
        className="[&_input]:font-mono [&_input]:text-[0.8125rem]"
        value={hostname}
        onChange={(e) => setHostname(e.target.value)}
        error={errors.hostname}
        hint="Without https:// or a path. www.example.com and example.com are separate domains: add each one you use."
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
      />
      <p className="text-sm text-slate-600">
        Next, you prove you control it with a DNS record or a tag on its home page. Until then it stays pending and allows
        nothing.
      </p>
    </Dialog>
  );
}
