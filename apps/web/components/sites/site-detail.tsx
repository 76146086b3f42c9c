'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { Alert } from '@/components/ui/alert';
import { BackLink } from '@/components/ui/back-link';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/time';
import { useToast } from '@/components/ui/toast';
import { formatDateTime } from '@/lib/format';
import { formError, type RouterOutputs, trpc } from '@/lib/trpc';
import { SiteForm } from './site-form';
import { SiteTabs } from './site-tabs';

type Site = RouterOutputs['sites']['get'];

export function SiteDetail({ initial }: { initial: Site }) {
  const agency = useAgency();
  const toast = useToast();
  const utils = trpc.useUtils();
  const { data: site = initial } = trpc.sites.get.useQuery({ siteId: initial.id }, { initialData: initial });
  const update = trpc.sites.update.useMutation({
    onSuccess: async (saved) => {
      utils.sites.get.setData({ siteId: saved.id }, saved);
      await utils.sites.list.invalidate({ agencyId: agency.id });
      toast({ title: 'Changes saved' });
    },
  });

  return (
    <>
      <PageHeader
        back={<BackLink href={`/a/${agency.id}/sites`} label="Sites" />}
        title={site.name}
        description={
          <span className="font-mono text-xs">
            {site.slug} · {site.timeZone} · {site.currency} · {site.locale}
          </span>
        }
      />
      <SiteTabs agencyId={agency.id} siteId={site.id} />
      <div className="space-y-6">
        {!agency.isAdmin && (
          <Alert tone="info">You can view this site. Only owners and admins of {agency.name} can change or delete it.</Alert>
        )}
        <Card>
          <CardHeader title="General" description="How the site is named, addressed and localised." />
          <SiteForm
            key={site.updatedAt.toISOString()}
            agencyId={agency.id}
            initial={site}
            readOnly={!agency.isAdmin}
            error={update.error}
            onSubmit={(values) => update.mutate({ siteId: site.id, ...values })}
            actions={({ dirty }) => (
              <CardFooter>
                <Button type="submit" loading={update.isPending} disabled={!dirty}>
                  Save changes
                </Button>
              </CardFooter>
            )}
          />
        </Card>

        <Card>
          <CardHeader title="Details" />
          <CardBody>
            <dl className="grid gap-4 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-slate-500">Site ID</dt>
                <dd className="mt-1 flex items-center gap-2">
                  <code className="truncate font-mono text-xs text-slate-800">{site.id}</code>
                  <CopyButton value={site.id} label="Copy ID" />
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Created</dt>
                <dd className="mt-1 text-slate-800" title={formatDateTime(site.createdAt)}>
                  <RelativeTime value={site.createdAt} />
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Last updated</dt>
                <dd className="mt-1 text-slate-800">
                  <RelativeTime value={site.updatedAt} />
                </dd>
              </div>
            </dl>
          </CardBody>
        </Card>

        {agency.isAdmin && <DangerZone site={site} />}
      </div>
    </>
  );
}

function DangerZone({ site }: { site: Site }) {
  const agency = useAgency();
  const router = useRouter();
  const toast = useToast();
  const utils = trpc.useUtils();
  const [open, setOpen] = useState(false);
  const remove = trpc.sites.delete.useMutation({
    onSuccess: async () => {
      await Promise.all([
        utils.sites.list.invalidate({ agencyId: agency.id }),
        utils.agencies.get.invalidate({ agencyId: agency.id }),
      ]);
      toast({ title: 'Site deleted', description: `${site.name} and everything on it is gone.` });
      router.push(`/a/${agency.id}/sites`);
    },
  });
  return (
    <Card className="border-red-200">
      <CardHeader title={<span className="text-red-700">Danger zone</span>} />
      <CardBody className="flex flex-wrap items-center justify-between gap-4">
        <div className="text-sm">
          <p className="font-medium text-slate-900">Delete this site</p>
          <p className="text-slate-500">
            Removes the site and all of its data: installed modules, API tokens, webhooks. This cannot be undone.
          </p>
        </div>
        <Button variant="danger" onClick={() => setOpen(true)}>
          Delete site
        </Button>
      </CardBody>
      <ConfirmDialog
        open={open}
        onClose={() => {
          setOpen(false);
          remove.reset();
        }}
        title={`Delete ${site.name}?`}
        description="The site and everything that belongs to it will be deleted permanently."
        confirmLabel="Delete site"
        confirmText={site.slug}
        onConfirm={() => remove.mutate({ siteId: site.id, confirmSlug: site.slug })}
        pending={remove.isPending || remove.isSuccess}
        error={formError(remove.error)}
      />
    </Card>
  );
}
