'use client';
import { type FormEvent, useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, TextField } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { SecretField } from '@/components/ui/secret-field';
import { fieldErrors, formError, type RouterOutputs, trpc } from '@/lib/trpc';

type Site = RouterOutputs['sites']['list'][number];
const expiries = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 180, label: '180 days' },
  { days: 365, label: '1 year' },
  { days: null, label: 'Never' },
] as const;

/** Creates a site API token, then shows it once. */
export function CreateTokenDialog({ open, onClose, sites }: { open: boolean; onClose: () => void; sites: Site[] }) {
  const agency = useAgency();
  const utils = trpc.useUtils();
  const scopes = trpc.apiTokens.scopes.useQuery({ agencyId: agency.id }, { staleTime: Number.POSITIVE_INFINITY });
  const [form, setForm] = useState({
    name: '',
    siteId: sites[0]?.id ?? '',
    scopes: ['site:read'] as string[],
    expiresInDays: 90 as number | null,
  });
  const create = trpc.apiTokens.create.useMutation({
    onSuccess: () => utils.apiTokens.list.invalidate({ agencyId: agency.id }),
  });
  const errors = fieldErrors(create.error);
  const banner = formError(create.error, ['name', 'siteId', 'scopes', 'expiresInDays']);

  const close = () => {
    create.reset();
    setForm({ name: '', siteId: sites[0]?.id ?? '', scopes: ['site:read'], expiresInDays: 90 });
    onClose();
  };

  if (create.data) {
    return (
      <Dialog
        open={open}
        onClose={close}
        title="Copy your new token"
        description={`“${form.name}” can now call the REST API for ${sites.find((s) => s.id === form.siteId)?.name ?? 'its site'}.`}
        footer={<Button onClick={close}>Done</Button>}
      >
        <Alert tone="warning" title="This is the only time the token is shown">
          Store it somewhere safe, such as your integration’s secret store. If you lose it, revoke it and create a new one.
        </Alert>
        <SecretField id="new-api-token" label="API token" value={create.data.token} />
      </Dialog>
    );
  }

  function submit(_: FormEvent) {
    create.mutate({
      agencyId: agency.id,
      siteId: form.siteId,
      name: form.name,
      scopes: form.scopes as ['site:read'],
      expiresInDays: form.expiresInDays,
    });
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      size="md"
      title="Create an API token"
      description="A token reads one site’s data through the REST API, limited to the scopes you choose."
      onSubmit={submit}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </>
      }
    >
      {banner && <Alert tone="danger">{banner}</Alert>}
      <TextField
        label="Token name"
        name="name"
        placeholder="Zapier sync"
        hint="Name it after what uses it, so you know what breaks if you revoke it."
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
        error={errors.name}
        autoFocus
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Site" error={errors.siteId}>
          {(control) => (
            <Select {...control} value={form.siteId} onChange={(e) => setForm({ ...form, siteId: e.target.value })}>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Expires after" error={errors.expiresInDays}>
          {(control) => (
            <Select
              {...control}
              value={String(form.expiresInDays)}
              onChange={(e) => setForm({ ...form, expiresInDays: e.target.value === 'null' ? null : Number(e.target.value) })}
            >
              {expiries.map((x) => (
                <option key={x.label} value={String(x.days)}>
                  {x.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Scopes</legend>
        {(scopes.data ?? []).map(({ scope, description }) => (
          <label
            key={scope}
            className="flex items-start gap-3 rounded-md border border-slate-200 p-3 text-sm has-checked:border-brand-300 has-checked:bg-brand-50/50"
          >
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-brand-600"
              checked={form.scopes.includes(scope)}
              onChange={(e) =>
                setForm({ ...form, scopes: e.target.checked ? [...form.scopes, scope] : form.scopes.filter((s) => s !== scope) })
              }
            />
            <span>
              <code className="font-mono text-xs font-medium text-slate-900">{scope}</code>
              <span className="block text-slate-500">{description}</span>
            </span>
          </label>
        ))}
        {errors.scopes && <p className="text-xs text-red-600">{errors.scopes}</p>}
      </fieldset>
    </Dialog>
  );
}
