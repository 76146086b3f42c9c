'use client';
import { Plug } from 'lucide-react';
import { useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Select } from '@/components/ui/input';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { useToast } from '@/components/ui/toast';
import { formError, type RouterOutputs, trpc } from '@/lib/trpc';
import { AppLogo } from './app-logo';

type Grant = RouterOutputs['oauthGrants']['list'][number];

/** Every app with access to one of the agency's sites, whoever published it; each can be disconnected. */
export function ConnectedApps() {
  const agency = useAgency();
  const toast = useToast();
  const utils = trpc.useUtils();
  const [siteId, setSiteId] = useState('');
  const sites = trpc.sites.list.useQuery({ agencyId: agency.id });
  const grants = trpc.oauthGrants.list.useQuery({ agencyId: agency.id, siteId: siteId || undefined });
  const [revoking, setRevoking] = useState<Grant | null>(null);
  const revoke = trpc.oauthGrants.revoke.useMutation({
    onSuccess: async () => {
      await Promise.all([utils.oauthGrants.list.invalidate({ agencyId: agency.id }), utils.oauthApps.list.invalidate()]);
      toast({
        title: 'App disconnected',
        description: `${revoking?.app.name} can no longer reach ${revoking?.site.name}.`,
      });
      setRevoking(null);
    },
  });

  const filter = (sites.data?.length ?? 0) > 1 && (
    <Select aria-label="Show apps of" value={siteId} onChange={(e) => setSiteId(e.target.value)} className="h-8 w-48">
      <option value="">All sites</option>
      {sites.data?.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </Select>
  );

  return (
    <Card>
      <CardHeader
        title="Connected apps"
        description="Apps that can reach your sites’ data through the REST API. Disconnecting one stops its access at once."
        actions={filter}
      />
      {grants.isPending ? (
        <Loading label="Loading connected apps" className="p-5">
          <Skeleton className="h-10" />
        </Loading>
      ) : grants.isError ? (
        <div className="p-5">
          <QueryError error={grants.error} retry={grants.refetch} what="the connected apps" />
        </div>
      ) : grants.data.length === 0 ? (
        <EmptyState icon={Plug} title={siteId ? 'No apps are connected to this site' : 'No connected apps'}>
          An app appears here once an owner or admin approves it for one of your sites on its consent screen.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
                {['App', 'Site', 'Can', 'Connected', 'Last used'].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2.5 font-medium first:pl-5">
                    {h}
                  </th>
                ))}
                <th scope="col" className="px-5 py-2.5">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {grants.data.map((g) => (
                <tr key={g.id}>
                  <td className="py-3 pr-3 pl-5">
                    <div className="flex items-center gap-3">
                      <AppLogo name={g.app.name} url={g.app.logoUrl} />
                      <div className="min-w-0">
                        <p className="truncate font-medium text-slate-900">{g.app.name}</p>
                        <p className="truncate text-xs text-slate-500">{g.app.ownApp ? 'Your app' : `by ${g.app.publisher}`}</p>
                      </div>
                    </div>
                  </td>
                  <td className="px-3 py-3 text-slate-700">{g.site.name}</td>
                  <td className="px-3 py-3">
                    <div className="flex flex-wrap gap-1">
                      {g.kind === 'client_credentials' && <Badge tone="brand">Client credentials</Badge>}
                      {g.scopes.map((s) => (
                        <Badge key={s} tone="info" className="font-mono">
                          {s}
                        </Badge>
                      ))}
                    </div>
                  </td>
                  <td className="px-3 py-3 text-slate-500">
                    <RelativeTime value={g.createdAt} />
                    {g.grantedBy && <span className="block text-xs">by {g.grantedBy.name}</span>}
                  </td>
                  <td className="px-3 py-3 text-slate-500">{g.lastUsedAt ? <RelativeTime value={g.lastUsedAt} /> : 'Never'}</td>
                  <td className="px-5 py-3 text-right">
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => setRevoking(g)}
                      aria-label={`Disconnect ${g.app.name} from ${g.site.name}`}
                    >
                      Disconnect
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
        title={`Disconnect ${revoking?.app.name}?`}
        description={`It loses access to ${revoking?.site.name} immediately: every token it holds for the site stops working. To reconnect, an admin has to approve it again.`}
        confirmLabel="Disconnect"
        onConfirm={() => revoking && revoke.mutate({ agencyId: agency.id, grantId: revoking.id })}
        pending={revoke.isPending}
        error={formError(revoke.error)}
      />
    </Card>
  );
}
