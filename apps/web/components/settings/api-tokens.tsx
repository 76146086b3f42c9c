'use client';
import { KeyRound, Plus } from 'lucide-react';
import { useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { useToast } from '@/components/ui/toast';
import { formatDate } from '@/lib/format';
import { formError, type RouterOutputs, trpc } from '@/lib/trpc';
import { CreateTokenDialog } from './create-token-dialog';

type Token = RouterOutputs['apiTokens']['list'][number];

export function ApiTokens() {
  const agency = useAgency();
  if (!agency.isAdmin) {
    return (
      <Card>
        <CardHeader title="API tokens" />
        <p className="px-5 py-6 text-sm text-slate-500">
          Only owners and admins of {agency.name} can create and revoke API tokens.
        </p>
      </Card>
    );
  }
  return <TokenList />;
}

function TokenList() {
  const agency = useAgency();
  const toast = useToast();
  const utils = trpc.useUtils();
  const tokens = trpc.apiTokens.list.useQuery({ agencyId: agency.id });
  const sites = trpc.sites.list.useQuery({ agencyId: agency.id });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const revoke = trpc.apiTokens.revoke.useMutation({
    onSuccess: async () => {
      await utils.apiTokens.list.invalidate({ agencyId: agency.id });
      toast({ title: 'Token revoked', description: `Requests with “${revoking?.name}” are now refused.` });
      setRevoking(null);
    },
  });
  const noSites = sites.data?.length === 0;
  const createButton = (
    <Button size="sm" onClick={() => setCreating(true)} disabled={!sites.data?.length}>
      <Plus aria-hidden className="size-4" />
      Create token
    </Button>
  );

  return (
    <Card>
      <CardHeader
        title="API tokens"
        description="Let other systems read a site’s data through the REST API. Each token belongs to one site."
        actions={createButton}
      />
      {tokens.isPending ? (
        <Loading label="Loading tokens" className="p-5">
          <Skeleton className="h-10" />
        </Loading>
      ) : tokens.isError ? (
        <div className="p-5">
          <QueryError error={tokens.error} retry={tokens.refetch} what="the API tokens" />
        </div>
      ) : tokens.data.length === 0 ? (
        <EmptyState
          icon={KeyRound}
          title="No API tokens"
          action={
            noSites && (
              <ButtonLink href={`/a/${agency.id}/sites/new`} variant="secondary">
                Create a site first
              </ButtonLink>
            )
          }
        >
          {noSites
            ? 'Tokens are bound to a site, and this agency has none yet.'
            : 'Create a token to connect an integration to one of your sites.'}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
                {['Name', 'Site', 'Scopes', 'Last used', 'Expires'].map((h) => (
                  <th key={h} scope="col" className="px-5 py-2.5 font-medium first:pl-5 [&:not(:first-child)]:px-3">
                    {h}
                  </th>
                ))}
                <th scope="col" className="px-5 py-2.5">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.data.map((t) => {
                const expired = t.expiresAt !== null && t.expiresAt < new Date();
                return (
                  <tr key={t.id}>
                    <td className="px-5 py-3">
                      <p className="font-medium text-slate-900">{t.name}</p>
                      <code className="font-mono text-xs text-slate-500">{t.prefix}…</code>
                    </td>
                    <td className="px-3 py-3 text-slate-700">{t.site.name}</td>
                    <td className="px-3 py-3">
                      <div className="flex flex-wrap gap-1">
                        {t.scopes.map((s) => (
                          <Badge key={s} tone="info" className="font-mono">
                            {s}
                          </Badge>
                        ))}
                      </div>
                    </td>
                    <td className="px-3 py-3 text-slate-500">{t.lastUsedAt ? <RelativeTime value={t.lastUsedAt} /> : 'Never'}</td>
                    <td className="px-3 py-3 text-slate-500">
                      {expired ? <Badge tone="warning">Expired</Badge> : t.expiresAt ? formatDate(t.expiresAt) : 'Never'}
                    </td>
                    <td className="px-5 py-3 text-right">
                      <Button variant="ghost" size="sm" onClick={() => setRevoking(t)} aria-label={`Revoke token ${t.name}`}>
                        Revoke
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {sites.data && sites.data.length > 0 && (
        <CreateTokenDialog open={creating} onClose={() => setCreating(false)} sites={sites.data} />
      )}
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
        title={`Revoke “${revoking?.name}”?`}
        description="Anything using this token loses access immediately. This cannot be undone."
        confirmLabel="Revoke token"
        onConfirm={() => revoking && revoke.mutate({ agencyId: agency.id, tokenId: revoking.id })}
        pending={revoke.isPending}
        error={formError(revoke.error)}
      />
    </Card>
  );
}
