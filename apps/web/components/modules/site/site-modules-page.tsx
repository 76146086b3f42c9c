'use client';
import {
  ArchiveRestore,
  Blocks,
  Ellipsis,
  ExternalLink,
  Plus,
  Power,
  PowerOff,
  SlidersHorizontal,
  Trash2,
  TriangleExclamationPoint,
} from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { SiteTabs } from '@/components/sites/site-tabs';
import { BackLink } from '@/components/ui/back-link';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Dropdown, DropdownButton, DropdownItem, DropdownItems, DropdownSeparator } from '@/components/ui/menu';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { RelativeTime } from '@/components/ui/time';
import { formatDate } from '@/lib/format';
import { trpc } from '@/lib/trpc';
import { PurgeDataDialog, UninstallDialog } from './lifecycle-dialogs';
import { typeLabel } from './module-catalog';
import { ModuleIcon } from './module-icon';
import { InstallationStatusBadge } from './status';
import { type Installation, missingSettings, modulesPath } from './types';
import { useSetEnabled } from './use-set-enabled';

/** The modules on one site: those running (or switched off), then those uninstalled whose data is kept. */
export function SiteModulesPage({ site }: { site: { id: string; name: string } }) {
  const agency = useAgency();
  const installations = trpc.installations.list.useQuery({ siteId: site.id });
  const base = modulesPath(agency.id, site.id);
  const all = installations.data ?? [];
  const active = all.filter((i) => i.status !== 'uninstalled');
  // an uninstall whose data is gone leaves nothing to act on
  const kept = all.filter((i) => i.status === 'uninstalled' && i.purgeAfter);
  const addButton = agency.isAdmin && (
    <ButtonLink href={`${base}/add`}>
      <Plus aria-hidden className="size-4" />
      Add module
    </ButtonLink>
  );

  return (
    <>
      <PageHeader
        back={<BackLink href={`/a/${agency.id}/sites/${site.id}`} label={site.name} />}
        title="Modules"
        description={`The widgets, apps and integrations running on ${site.name}.`}
        actions={active.length > 0 && addButton}
      />
      <SiteTabs agencyId={agency.id} siteId={site.id} />
      {installations.isPending ? (
        <Loading label="Loading modules" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {[0, 1].map((i) => (
            <div key={i} className="flex items-center gap-4 px-5 py-4">
              <Skeleton className="size-10 rounded-lg" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-4 w-48" />
                <Skeleton className="h-3 w-72 max-w-full" />
              </div>
            </div>
          ))}
        </Loading>
      ) : installations.isError ? (
        <QueryError error={installations.error} retry={installations.refetch} what="the modules" />
      ) : (
        <div className="space-y-6">
          <Card>
            <CardHeader
              title="Installed"
              description={
                active.length > 0
                  ? `${active.length} ${active.length === 1 ? 'module' : 'modules'} on ${site.name}.`
                  : `Nothing is installed on ${site.name} yet.`
              }
            />
            {active.length === 0 ? (
              <EmptyState icon={Blocks} title="No modules installed" action={addButton}>
                {agency.isAdmin
                  ? 'Modules add features to a site: a contact form, bookings, a CRM, integrations with other services. Browse the catalogue to add one.'
                  : `An admin of ${agency.name} can add modules to this site.`}
              </EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100">
                {active.map((inst) => (
                  <InstallationRow key={inst.id} installation={inst} href={`${base}/${inst.id}`} />
                ))}
              </ul>
            )}
          </Card>
          {kept.length > 0 && (
            <Card>
              <CardHeader
                title="Uninstalled, data kept"
                description="Their data is deleted when the date shown passes. Install one again before then to get its data back."
              />
              <ul className="divide-y divide-slate-100">
                {kept.map((inst) => (
                  <InstallationRow key={inst.id} installation={inst} href={`${base}/${inst.id}`} />
                ))}
              </ul>
            </Card>
          )}
        </div>
      )}
    </>
  );
}

function InstallationRow({ installation: inst, href }: { installation: Installation; href: string }) {
  const agency = useAgency();
  const base = modulesPath(agency.id, inst.siteId);
  const [dialog, setDialog] = useState<'uninstall' | 'purge' | null>(null);
  const setEnabled = useSetEnabled(inst);
  const missing = inst.status !== 'uninstalled' ? missingSettings(inst) : [];

  return (
    <li aria-label={inst.module.name} className="flex items-start gap-4 px-5 py-4">
      <ModuleIcon name={inst.module.name} packageHash={inst.packageHash} icon={inst.manifest.icon} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link href={href} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
            {inst.module.name}
          </Link>
          <span className="font-mono text-xs text-slate-500">v{inst.version}</span>
          <InstallationStatusBadge status={inst.status} />
        </div>
        <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">{inst.manifest.description}</p>
        <p className="mt-1.5 text-xs text-slate-400">
          {typeLabel(inst.module.type)} ·{' '}
          {inst.status === 'uninstalled' && inst.uninstalledAt ? (
            <>
              uninstalled <RelativeTime value={inst.uninstalledAt} />
              {inst.purgeAfter && <span className="text-amber-700"> · data kept until {formatDate(inst.purgeAfter)}</span>}
            </>
          ) : (
            <>
              installed <RelativeTime value={inst.createdAt} />
            </>
          )}
        </p>
        {missing.length > 0 && (
          <p className="mt-1.5 flex items-center gap-1.5 text-xs text-amber-800">
            <TriangleExclamationPoint aria-hidden className="size-3.5 shrink-0" />
            <span>
              <Link href={`${href}?tab=settings`} className="font-medium underline underline-offset-2">
                Finish setting up
              </Link>
              : {missing.map((f) => f.label).join(', ')} {missing.length === 1 ? 'needs' : 'need'} a value.
            </span>
          </p>
        )}
      </div>
      <Dropdown>
        <DropdownButton
          aria-label={`Actions for ${inst.module.name}`}
          className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <Ellipsis aria-hidden className="size-4" />
        </DropdownButton>
        <DropdownItems>
          <DropdownItem icon={ExternalLink} href={href}>
            Open
          </DropdownItem>
          {inst.status !== 'uninstalled' && (
            <DropdownItem icon={SlidersHorizontal} href={`${href}?tab=settings`}>
              Settings
            </DropdownItem>
          )}
          {agency.isAdmin && inst.status !== 'uninstalled' && (
            <>
              <DropdownItem
                icon={inst.status === 'enabled' ? PowerOff : Power}
                onClick={() =>
                  setEnabled.mutate({ siteId: inst.siteId, installationId: inst.id, enabled: inst.status !== 'enabled' })
                }
              >
                {inst.status === 'enabled' ? 'Disable' : 'Enable'}
              </DropdownItem>
              <DropdownSeparator />
              <DropdownItem icon={Trash2} onClick={() => setDialog('uninstall')}>
                Uninstall…
              </DropdownItem>
            </>
          )}
          {agency.isAdmin && inst.status === 'uninstalled' && inst.purgeAfter && (
            <>
              <DropdownItem icon={ArchiveRestore} href={`${base}/add/${inst.moduleId}`}>
                Install again
              </DropdownItem>
              <DropdownSeparator />
              <DropdownItem icon={Trash2} onClick={() => setDialog('purge')}>
                Delete data now…
              </DropdownItem>
            </>
          )}
        </DropdownItems>
      </Dropdown>
      <UninstallDialog installation={inst} open={dialog === 'uninstall'} onClose={() => setDialog(null)} />
      <PurgeDataDialog installation={inst} open={dialog === 'purge'} onClose={() => setDialog(null)} />
    </li>
  );
}
