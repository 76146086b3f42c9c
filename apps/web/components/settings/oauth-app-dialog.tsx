'use client';
import { ImageUp, X } from 'lucide-react';
import { type ChangeEvent, useEffect, useId, useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, TextField } from '@/components/ui/field';
import { controlClasses } from '@/components/ui/input';
import { cn } from '@/lib/cn';
import { fieldErrors, formError, trpc } from '@/lib/trpc';
import { AppLogo } from './app-logo';
import type { RevealedClient } from './app-secret-dialog';
import type { OAuthApp } from './oauth-apps';

const MAX_LOGO_BYTES = 64 * 1024;

type Logo = { kind: 'keep' } | { kind: 'remove' } | { kind: 'new'; base64: string; preview: string };

interface Form {
  name: string;
  clientType: 'confidential' | 'public';
  redirectUris: string;
  scopes: string[];
  rateLimitPerMinute: string;
  logo: Logo;
}

const blank: Form = {
  name: '',
  clientType: 'confidential',
  redirectUris: '',
  scopes: ['site:read'],
  rateLimitPerMinute: '600',
  logo: { kind: 'keep' },
};

const formOf = (app: OAuthApp | null): Form =>
  app
    ? {
        name: app.name,
        clientType: app.clientType,
        redirectUris: app.redirectUris.join('\n'),
        scopes: app.scopes,
        rateLimitPerMinute: String(app.rateLimitPerMinute),
        logo: { kind: 'keep' },
      }
    : blank;

const clientTypes = [
  {
    value: 'confidential',
    label: 'Confidential',
    hint: 'Runs on a server that keeps a client secret. Can also use client credentials for one of your sites.',
  },
  { value: 'public', label: 'Public', hint: 'Runs in a browser or on a device: no secret, PKCE (S256) on every authorization.' },
] as const;

/** Registers an OAuth app (`app` null) or edits one. A new confidential app's secret is shown once, by the caller. */
export function OAuthAppDialog({
  open,
  app,
  onClose,
  onCreated,
}: {
  open: boolean;
  app: OAuthApp | null;
  onClose: () => void;
  onCreated: (revealed: RevealedClient) => void;
}) {
  const agency = useAgency();
  const utils = trpc.useUtils();
  const logoInput = useId();
  const scopes = trpc.apiTokens.scopes.useQuery({ agencyId: agency.id }, { staleTime: Number.POSITIVE_INFINITY });
  const [form, setForm] = useState<Form>(formOf(app));
  const [logoProblem, setLogoProblem] = useState<string | null>(null);
  useEffect(() => {
    if (open) setForm(formOf(app));
  }, [open, app]);

  const invalidate = () => utils.oauthApps.list.invalidate({ agencyId: agency.id });
  const create = trpc.oauthApps.create.useMutation({
    onSuccess: async ({ app: saved, clientSecret }) => {
      await invalidate();
      onCreated({ kind: 'created', name: saved.name, clientId: saved.clientId, clientSecret });
    },
  });
  const update = trpc.oauthApps.update.useMutation({
    onSuccess: async () => {
      await Promise.all([invalidate(), utils.oauthGrants.list.invalidate()]);
      close();
    },
  });
  const mutation = app ? update : create;
  const errors = fieldErrors(mutation.error);
  const uriLines = form.redirectUris.split('\n').map((line) => line.trim());
  // each message names the URL it was about, as sent (the text may have changed since)
  const sentUris = mutation.variables?.redirectUris ?? [];
  const uriErrors = Object.entries(errors)
    .filter(([key]) => key.startsWith('redirectUris.'))
    .map(([key, message]) => `${sentUris[Number(key.split('.')[1])] ?? 'A URL'}: ${message}`);
  const shown = ['name', 'clientType', 'redirectUris', 'scopes', 'rateLimitPerMinute', 'logo'];
  const banner = formError(mutation.error, [...shown, ...Object.keys(errors).filter((k) => k.startsWith('redirectUris.'))]);

  function close() {
    create.reset();
    update.reset();
    setLogoProblem(null);
    onClose();
  }

  function pickLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!['image/png', 'image/jpeg', 'image/webp'].includes(file.type)) return setLogoProblem('Use a PNG, JPEG or WebP image');
    if (file.size > MAX_LOGO_BYTES) return setLogoProblem('Use an image of at most 64 KB');
    setLogoProblem(null);
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      setForm((f) => ({ ...f, logo: { kind: 'new', base64: dataUrl.slice(dataUrl.indexOf(',') + 1), preview: dataUrl } }));
    };
    reader.readAsDataURL(file);
  }

  function submit() {
    const fields = {
      name: form.name,
      redirectUris: uriLines.filter(Boolean),
      scopes: form.scopes as 'site:read'[],
      rateLimitPerMinute: Number(form.rateLimitPerMinute),
    };
    const logo = form.logo.kind === 'new' ? form.logo.base64 : form.logo.kind === 'remove' ? null : undefined;
    if (app) update.mutate({ agencyId: agency.id, appId: app.id, ...fields, logo });
    else create.mutate({ agencyId: agency.id, ...fields, clientType: form.clientType, logo: logo ?? null });
  }

  const logoPreview = form.logo.kind === 'new' ? form.logo.preview : form.logo.kind === 'keep' ? (app?.logoUrl ?? null) : null;

  return (
    <Dialog
      open={open}
      onClose={close}
      size="md"
      title={app ? `Edit ${app.name}` : 'Register an OAuth app'}
      description="Site admins see the name and logo on the consent screen, with the scopes in plain words."
      onSubmit={submit}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {app ? 'Save' : 'Register app'}
          </Button>
        </>
      }
    >
      {banner && <Alert tone="danger">{banner}</Alert>}
      <div className="flex items-end gap-4">
        <TextField
          className="flex-1"
          label="App name"
          name="name"
          placeholder="Acme Sync"
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          error={errors.name}
          autoFocus
        />
        <div className="flex items-center gap-2 pb-0.5">
          <AppLogo name={form.name || '?'} url={logoPreview} className="size-9" />
          <label
            htmlFor={logoInput}
            className="inline-flex h-9 cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
          >
            <ImageUp aria-hidden className="size-4" />
            Logo
          </label>
          <input id={logoInput} type="file" accept="image/png,image/jpeg,image/webp" className="sr-only" onChange={pickLogo} />
          {logoPreview && (
            <Button
              variant="ghost"
              size="sm"
              aria-label="Remove the logo"
              onClick={() => setForm({ ...form, logo: { kind: 'remove' } })}
            >
              <X aria-hidden className="size-4" />
            </Button>
          )}
        </div>
      </div>
      {(logoProblem ?? errors.logo) && <p className="-mt-2 text-xs text-red-600">{logoProblem ?? errors.logo}</p>}

      {!app && (
        <fieldset className="space-y-2">
          <legend className="mb-1.5 text-sm font-medium text-slate-700">Type</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {clientTypes.map((t) => (
              <label
                key={t.value}
                className="flex items-start gap-3 rounded-md border border-slate-200 p-3 text-sm has-checked:border-brand-300 has-checked:bg-brand-50/50"
              >
                <input
                  type="radio"
                  name="clientType"
                  className="mt-0.5 size-4 accent-brand-600"
                  checked={form.clientType === t.value}
                  onChange={() => setForm({ ...form, clientType: t.value })}
                />
                <span>
                  <span className="font-medium text-slate-900">{t.label}</span>
                  <span className="block text-xs text-slate-500">{t.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <Field
        label="Redirect URLs"
        error={errors.redirectUris ?? (uriErrors.length ? uriErrors.join(' · ') : undefined)}
        hint="One per line, matched exactly. https, or http only for localhost, 127.0.0.1 and [::1]."
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            spellCheck={false}
            placeholder="https://app.example/oauth/callback"
            value={form.redirectUris}
            onChange={(e) => setForm({ ...form, redirectUris: e.target.value })}
            className={cn(controlClasses, 'py-2 font-mono text-xs')}
          />
        )}
      </Field>

      <fieldset className="space-y-2">
        <legend className="mb-1.5 text-sm font-medium text-slate-700">Scopes it may ask for</legend>
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
        {app && <p className="text-xs text-slate-500">Removing a scope takes it from every token the app holds, at once.</p>}
      </fieldset>

      <TextField
        label="Rate limit"
        name="rateLimitPerMinute"
        type="number"
        min={1}
        inputMode="numeric"
        value={form.rateLimitPerMinute}
        onChange={(e) => setForm({ ...form, rateLimitPerMinute: e.target.value })}
        error={errors.rateLimitPerMinute}
        hint="Requests per minute, per connected site."
        className="max-w-48"
      />
    </Dialog>
  );
}
