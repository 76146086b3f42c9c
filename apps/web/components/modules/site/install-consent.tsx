'use client';
// The consent screen: everything a module will be allowed to do on the site, in plain words,
// before the admin installs it. "Install and allow" sends exactly the permissions shown here, so
// the server refuses the install if the module asks for anything else by then.
import { Blocks, Database, Globe, ShieldCheck, SlidersHorizontal } from 'lucide-react';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { DataTable, PermissionList } from '@/components/modules/manifest-summary';
import { useAgency } from '@/components/shell/agency-context';
import { SiteTabs } from '@/components/sites/site-tabs';
import { Alert } from '@/components/ui/alert';
import { BackLink } from '@/components/ui/back-link';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { useToast } from '@/components/ui/toast';
import { formatDate } from '@/lib/format';
import { formError, trpc } from '@/lib/trpc';
import { useInstallationCache } from './lifecycle-dialogs';
import { categoryLabel, typeLabel } from './module-catalog';
import { ModuleIcon } from './module-icon';
import { type CatalogEntry, manifestOf, missingSettings, modulesPath, splitPermissions } from './types';

export function InstallConsent({ site, moduleId }: { site: { id: string; name: string }; moduleId: string }) {
  const agency = useAgency();
  const catalog = trpc.modules.catalog.useQuery();
  const base = modulesPath(agency.id, site.id);
  const entry = catalog.data?.find((e) => e.id === moduleId);

  return (
    <>
      <PageHeader back={<BackLink href={`${base}/add`} label="All modules" />} title={entry ? entry.name : 'Install a module'} />
      <SiteTabs agencyId={agency.id} siteId={site.id} />
      {catalog.isPending ? (
        <Loading label="Loading the module" className="space-y-4">
          <Skeleton className="h-24" />
          <Skeleton className="h-72" />
        </Loading>
      ) : catalog.isError ? (
        <QueryError error={catalog.error} retry={catalog.refetch} what="the module" />
      ) : !entry ? (
        <Card>
          <EmptyState
            icon={Blocks}
            title="This module is not available"
            action={
              <ButtonLink href={`${base}/add`} variant="secondary">
                Browse the catalogue
              </ButtonLink>
            }
          >
            It does not exist, or has no published version any more.
          </EmptyState>
        </Card>
      ) : (
        <Consent site={site} entry={entry} />
      )}
    </>
  );
}

function Consent({ site, entry }: { site: { id: string; name: string }; entry: CatalogEntry }) {
  const agency = useAgency();
  const router = useRouter();
  const toast = useToast();
  const cache = useInstallationCache(site.id);
  const installations = trpc.installations.list.useQuery({ siteId: site.id });
  const manifest = manifestOf(entry);
  const base = modulesPath(agency.id, site.id);
  const existing = installations.data?.find((i) => i.moduleId === entry.id);
  const active = existing && existing.status !== 'uninstalled';
  const { access, network } = splitPermissions(manifest.permissions);
  const tables = manifest.data?.tables ?? [];
  // required and without a default: asked for right after installing
  const toFill = manifest.settings.filter((f) => f.required && (f.type === 'secret' || f.default === undefined));

  const install = trpc.installations.install.useMutation({
    onSuccess: async (saved) => {
      await cache(saved);
      const missing = missingSettings(saved);
      if (missing.length > 0) {
        router.push(`${base}/${saved.id}?tab=settings&setup=1`);
      } else {
        toast({ title: `${saved.module.name} installed`, description: `It is running on ${site.name}.` });
        router.push(`${base}/${saved.id}`);
      }
    },
  });

  return (
    <div className="space-y-6">
      <Card>
        <CardBody className="flex flex-wrap items-start gap-4">
          <ModuleIcon name={entry.name} packageHash={entry.latest.packageHash} icon={manifest.icon} className="size-14" />
          <div className="min-w-0 flex-1">
            <p className="text-sm text-slate-500">
              by <span className="text-slate-800">{manifest.publisher.name}</span> · version{' '}
              <span className="font-mono text-slate-800">{entry.latest.version}</span>
            </p>
            <p className="mt-1.5 text-sm text-slate-700">{manifest.description}</p>
            <div className="mt-3 flex flex-wrap gap-1.5">
              <Badge tone="brand">{typeLabel(entry.type)}</Badge>
              <Badge>{categoryLabel(manifest.category)}</Badge>
              {(manifest.tags ?? []).map((t) => (
                <Badge key={t} className="bg-white">
                  #{t}
                </Badge>
              ))}
            </div>
          </div>
        </CardBody>
      </Card>

      {active ? (
        <Alert
          tone="info"
          title={`${entry.name} is already installed on ${site.name}`}
          actions={
            <ButtonLink size="sm" variant="secondary" href={`${base}/${existing.id}`}>
              Open it
            </ButtonLink>
          }
        >
          Version {existing.version}, {existing.status}.
        </Alert>
      ) : (
        <Card aria-labelledby="consent-title">
          <CardHeader
            title={<span id="consent-title">Before you install</span>}
            description={`Installing ${entry.name} on ${site.name} allows it to do the following. You can uninstall it at any time.`}
          />
          <CardBody className="space-y-6">
            {existing?.purgeAfter && (
              <Alert tone="info" title="Its earlier data is still here">
                {entry.name} was uninstalled from this site, and its data is kept until {formatDate(existing.purgeAfter)}.
                Installing it again brings that data back.
              </Alert>
            )}
            <ConsentSection icon={ShieldCheck} title={`${entry.name} will be able to`}>
              <PermissionList
                permissions={access}
                empty="Nothing beyond showing itself: it asks for no access to the site's data."
              />
            </ConsentSection>
            <ConsentSection icon={Globe} title="Services it may contact">
              {network.length === 0 ? (
                <p className="text-sm text-slate-500">None: it does not call other websites.</p>
              ) : (
                <PermissionList permissions={network} />
              )}
            </ConsentSection>
            <ConsentSection icon={Database} title="Data it keeps">
              {tables.length === 0 ? (
                <p className="text-sm text-slate-500">None: it stores no data of its own.</p>
              ) : (
                <div className="space-y-3">
                  <p className="text-sm text-slate-600">
                    {tables.length === 1 ? 'A table is' : `${tables.length} tables are`} created for it. Rows of this site are
                    visible only to this site, and only to {entry.name}.
                  </p>
                  {tables.map((t) => (
                    <DataTable key={t.name} table={t} />
                  ))}
                </div>
              )}
            </ConsentSection>
            {manifest.settings.length > 0 && (
              <ConsentSection icon={SlidersHorizontal} title="Settings">
                <p className="text-sm text-slate-600">
                  {manifest.settings.length === 1 ? 'One setting' : `${manifest.settings.length} settings`}
                  {toFill.length > 0
                    ? `: ${toFill.map((f) => f.label).join(', ')} ${toFill.length === 1 ? 'needs' : 'need'} a value, which you enter right after installing.`
                    : ', all with defaults: you can change them after installing.'}
                </p>
              </ConsentSection>
            )}
            {!agency.isAdmin && <Alert tone="info">Only owners and admins of {agency.name} can install modules.</Alert>}
            {install.error && <Alert tone="danger">{formError(install.error)}</Alert>}
          </CardBody>
          {agency.isAdmin && (
            <CardFooter>
              <ButtonLink variant="ghost" href={`${base}/add`}>
                Cancel
              </ButtonLink>
              <Button
                loading={install.isPending || install.isSuccess}
                onClick={() =>
                  install.mutate({
                    siteId: site.id,
                    moduleId: entry.id,
                    // pinned: the version whose permissions this screen showed
                    versionId: entry.latest.id,
                    acceptPermissions: manifest.permissions,
                  })
                }
              >
                <ShieldCheck aria-hidden className="size-4" />
                Install and allow
              </Button>
            </CardFooter>
          )}
        </Card>
      )}
    </div>
  );
}

function ConsentSection({ icon: Icon, title, children }: { icon: typeof Globe; title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="grid gap-3 sm:grid-cols-[14rem_1fr]">
      <h3 className="flex items-center gap-2 text-sm font-medium text-slate-900">
        <Icon aria-hidden className="size-4 text-slate-400" />
        {title}
      </h3>
      <div className="min-w-0">{children}</div>
    </section>
  );
}
