'use client';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { fieldErrors, formError, trpc } from '@/lib/trpc';

/** Creates an agency owned by the current user and opens it. */
export function CreateAgencyForm({ onCancel }: { onCancel?: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const utils = trpc.useUtils();
  const [name, setName] = useState('');
  const create = trpc.agencies.create.useMutation({
    onSuccess: async (agency) => {
      await utils.auth.me.invalidate();
      toast({ title: `${agency.name} is ready`, description: 'Create its first site to get started.' });
      router.push(`/a/${agency.id}/sites`);
    },
  });
  const banner = formError(create.error, ['name']);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name });
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {banner && <Alert tone="danger">{banner}</Alert>}
      <TextField
        label="Agency name"
        name="name"
        autoComplete="organization"
        placeholder="Acme Studio"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldErrors(create.error).name}
        autoFocus
      />
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" loading={create.isPending || create.isSuccess} className={onCancel ? undefined : 'w-full'}>
          Create agency
        </Button>
      </div>
    </form>
  );
}
