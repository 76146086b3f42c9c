'use client';
import { AppWindow, Ellipsis, KeyRound, Pencil, Plus, Server, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Dropdown, DropdownButton, DropdownItem, DropdownItems, DropdownSeparator } from '@/components/ui/menu';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { useToast } from '@/components/ui/toast';
import { formError, type RouterOutputs, trpc } from '@/lib/trpc';
import { AppLogo } from './app-logo';
import { AppSecretDialog, type RevealedClient } from './app-secret-dialog';
import { CredentialsSiteDialog } from './credentials-site-dialog';
import { OAuthAppDialog } from './oauth-app-dialog';

export type OAuthApp = RouterOutputs['oauthApps']['list'][number];

/** The OAuth apps this agency publishes, for its own integrations or for other agencies' sites. */
export function OAuthApps() {
  const agency = useAgency();
  const apps = trpc.oauthApps.list.useQuery({ agencyId: agency.id });
  const [editing, setEditing] = useState<OAuthApp | 'new' | null>(null);
  const [revealed, setRevealed] = useState<RevealedClient | null>(null);
  const count = apps.data?.length ?? 0;
  const registerButton = (
    <Button size="sm" onClick={() => setEditing('new')}>
      <Plus aria-hidden className="size-4" />
      Register app
    </Button>
  );

  return (
    <Card>
      <CardHeader
        title="OAuth apps"
        description="Apps your agency builds. A site admin approves one on its consent screen, and it then calls the REST API for that site."
        actions={count > 0 && registerButton}
      />
      {apps.isPending ? (
        <Loading label="Loading OAuth apps" className="p-5">
          <Skeleton className="h-16" />
        </Loading>
      ) : apps.isError ? (
        <div className="p-5">
          <QueryError error={apps.error} retry={apps.refetch} what="the OAuth apps" />
        </div>
      ) : count === 0 ? (
        <EmptyState icon={AppWindow} title="No OAuth apps yet" action={registerButton}>
          Register an app to let it ask site admins for access with OAuth 2.0, instead of handing out API tokens.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {apps.data.map((app) => (
            <AppRow key={app.id} app={app} onEdit={() => setEditing(app)} onSecret={setRevealed} />
          ))}
        </ul>
      )}
      <OAuthAppDialog
        open={editing !== null}
        app={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onCreated={(r) => {
          setEditing(null);
          setRevealed(r);
        }}
      />
      <AppSecretDialog revealed={revealed} onClose={() => setRevealed(null)} />
    </Card>
  );
}

function AppRow({ app, onEdit, onSecret }: { app: OAuthApp; onEdit: () => void; onSecret: (r: RevealedClient) => void }) {
  const agency = useAgency();
  const toast = useToast();
  const utils = trpc.useUtils();
  const [dialog, setDialog] = useState<'rotate' | 'delete' | 'credentials' | null>(null);
  const close = () => setDialog(null);
  const rotate = trpc.oauthApps.rotateSecret.useMutation({
    onSuccess: async ({ app: saved, clientSecret }) => {
      close();
      await utils.oauthApps.list.invalidate({ agencyId: agency.id });
      onSecret({ kind: 'rotated', name: saved.name, clientId: saved.clientId, clientSecret });
    },
  });
  const remove = trpc.oauthApps.delete.useMutation({
    onSuccess: async () => {
      close();
      await Promise.all([utils.oauthApps.list.invalidate({ agencyId: agency.id }), utils.oauthGrants.list.invalidate()]);
      toast({ title: 'App deleted', description: `${app.name} and every connection to it are gone.` });
    },
  });
  const confidential = app.clientType === 'confidential';

  return (
    <li aria-label={app.name} className="px-5 py-4">
      <div className="flex items-start gap-4">
        <AppLogo name={app.name} url={app.logoUrl} className="size-10" />
        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <p className="font-medium text-slate-900">{app.name}</p>
            <Badge tone={confidential ? 'brand' : 'neutral'}>{confidential ? 'Confidential' : 'Public'}</Badge>
          </div>
          <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <span>Client ID</span>
            <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-800">{app.clientId}</code>
            <CopyButton value={app.clientId} />
          </div>
          <dl className="grid gap-x-6 gap-y-1 text-xs text-slate-500 sm:grid-cols-[auto_1fr]">
            <dt>Redirect URLs</dt>
            <dd className="min-w-0">
              {app.redirectUris.map((uri) => (
                <span key={uri} className="block truncate font-mono text-slate-700" title={uri}>
                  {uri}
                </span>
              ))}
            </dd>
            <dt>Scopes</dt>
            <dd className="flex flex-wrap gap-1">
              {app.scopes.map((s) => (
                <Badge key={s} tone="info" className="font-mono">
                  {s}
                </Badge>
              ))}
            </dd>
            {confidential && (
              <>
                <dt>Client secret</dt>
                <dd className="text-slate-700">
                  <code className="font-mono">{app.secretPrefix}…</code>
                  {app.secretRotatedAt && (
                    <span className="text-slate-500">
                      {' '}
                      · made <RelativeTime value={app.secretRotatedAt} />
                    </span>
                  )}
                </dd>
                <dt>Client credentials</dt>
                <dd className="text-slate-700">{app.credentialsSite ? `act on ${app.credentialsSite.name}` : 'Off'}</dd>
              </>
            )}
            <dt>Rate limit</dt>
            <dd className="text-slate-700">{app.rateLimitPerMinute.toLocaleString('en')} requests per minute per site</dd>
          </dl>
        </div>
        <Dropdown>
          <DropdownButton
            aria-label={`Actions for ${app.name}`}
            className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <Ellipsis aria-hidden className="size-4" />
          </DropdownButton>
          <DropdownItems>
            <DropdownItem icon={Pencil} onClick={onEdit}>
              Edit app
            </DropdownItem>
            {confidential && (
              <>
                <DropdownItem icon={Server} onClick={() => setDialog('credentials')}>
                  Client credentials…
                </DropdownItem>
                <DropdownItem icon={KeyRound} onClick={() => setDialog('rotate')}>
                  Rotate client secret
                </DropdownItem>
              </>
            )}
            <DropdownSeparator />
            <DropdownItem icon={Trash2} onClick={() => setDialog('delete')}>
              Delete app
            </DropdownItem>
          </DropdownItems>
        </Dropdown>
      </div>

      <ConfirmDialog
        open={dialog === 'rotate'}
        onClose={() => {
          rotate.reset();
          close();
        }}
        tone="primary"
        title={`Rotate the client secret of ${app.name}?`}
        description="A new secret is made and shown to you once. The current secret stops working immediately, so deploy the new one right away; access tokens already issued keep working until they expire."
        confirmLabel="Rotate secret"
        onConfirm={() => rotate.mutate({ agencyId: agency.id, appId: app.id })}
        pending={rotate.isPending}
        error={formError(rotate.error)}
      />
      <ConfirmDialog
        open={dialog === 'delete'}
        onClose={() => {
          remove.reset();
          close();
        }}
        title={`Delete ${app.name}?`}
        description="Every site loses its connection to the app, and all its tokens stop working. This cannot be undone."
        confirmLabel="Delete app"
        confirmText={app.name}
        onConfirm={() => remove.mutate({ agencyId: agency.id, appId: app.id })}
        pending={remove.isPending}
        error={formError(remove.error)}
      />
      {confidential && <CredentialsSiteDialog open={dialog === 'credentials'} app={app} onClose={close} />}
    </li>
  );
}
