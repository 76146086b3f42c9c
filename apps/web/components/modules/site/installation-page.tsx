'use client';
import { ArchiveRestore, CircleArrowUp, Ellipsis, Power, PowerOff, Trash2, Undo2 } from 'lucide-react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { SiteTabs } from '@/components/sites/site-tabs';
import { Alert } from '@/components/ui/alert';
import { BackLink } from '@/components/ui/back-link';
import { Button, ButtonLink } from '@/components/ui/button';
import { Dropdown, DropdownButton, DropdownItem, DropdownItems, DropdownSeparator } from '@/components/ui/menu';
import { PageHeader } from '@/components/ui/page-header';
import { cn } from '@/lib/cn';
import { formatDate } from '@/lib/format';
import { trpc } from '@/lib/trpc';
import { EmbedSnippet, isEmbeddable } from './embed-snippet';
import { InstallationDetails } from './installation-details';
import { PurgeDataDialog, RollbackDialog, UninstallDialog } from './lifecycle-dialogs';
import { typeLabel } from './module-catalog';
import { ModuleIcon } from './module-icon';
import { ModulePanel } from './module-panel';
import { SettingsForm } from './settings-form';
import { InstallationStatusBadge } from './status';
import { dashboardEntry, type Installation, missingSettings, modulesPath } from './types';
import { UpgradeDialog } from './upgrade-dialog';
import { useSetEnabled } from './use-set-enabled';

type Tab = 'module' | 'settings' | 'embed' | 'details';
type Dialog = 'upgrade' | 'rollback' | 'uninstall' | 'purge' | null;

/** One module on one site: its own page or widget, its settings, and what it was given. */
export function InstallationPage({ site, initial }: { site: { id: string; name: string }; initial: Installation }) {
  const agency = useAgency();
  const params = useSearchParams();
  const ref = { siteId: site.id, installationId: initial.id };
  const { data: inst = initial } = trpc.installations.get.useQuery(ref, { initialData: initial });
  const available = trpc.installations.available.useQuery(ref, { enabled: inst.status !== 'uninstalled' });
  const newest = inst.status !== 'uninstalled' ? available.data?.[0] : undefined;
  const [dialog, setDialog] = useState<Dialog>(null);
  const setEnabled = useSetEnabled(inst);
  const entry = dashboardEntry(inst.manifest);
  const base = modulesPath(agency.id, site.id);
  const here = `${base}/${inst.id}`;

  const tabs: { id: Tab; label: string }[] = [
    ...(entry ? [{ id: 'module' as const, label: entry.title }] : []),
    { id: 'settings', label: 'Settings' },
    ...(isEmbeddable(inst) ? [{ id: 'embed' as const, label: 'Embed' }] : []),
    { id: 'details', label: 'Details' },
  ];
  const asked = params.get('tab');
  const tab: Tab = tabs.find((t) => t.id === asked)?.id ?? tabs[0]!.id;
  // a panel stays mounted once opened, so unsaved settings survive a look at another tab
  const [visited, setVisited] = useState<Set<Tab>>(() => new Set([tab]));
  useEffect(() => setVisited((v) => (v.has(tab) ? v : new Set([...v, tab]))), [tab]);

  const missing = inst.status !== 'uninstalled' ? missingSettings(inst) : [];
  const uninstalled = inst.status === 'uninstalled';
  const publisher = inst.manifest.publisher.name;

  return (
    <>
      <PageHeader
        back={<BackLink href={base} label="Modules" />}
        title={
          <span className="flex min-w-0 items-center gap-3">
            <ModuleIcon name={inst.module.name} packageHash={inst.packageHash} icon={inst.manifest.icon} className="size-9" />
            <span className="truncate">{inst.module.name}</span>
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <InstallationStatusBadge status={inst.status} />
            <span className="font-mono text-xs text-slate-600">v{inst.version}</span>
            <span aria-hidden className="text-slate-300">
              ·
            </span>
            <span>{typeLabel(inst.module.type)}</span>
            <span aria-hidden className="text-slate-300">
              ·
            </span>
            <span>by {publisher}</span>
          </span>
        }
        actions={
          agency.isAdmin &&
          (uninstalled ? (
            <>
              <ButtonLink variant="secondary" href={`${base}/add/${inst.moduleId}`}>
                <ArchiveRestore aria-hidden className="size-4" />
                Install again
              </ButtonLink>
              {inst.purgeAfter && (
                <Button variant="danger" onClick={() => setDialog('purge')}>
                  Delete data now
                </Button>
              )}
            </>
          ) : (
            <>
              {newest && (
                <Button onClick={() => setDialog('upgrade')}>
                  <CircleArrowUp aria-hidden className="size-4" />
                  Upgrade to {newest.version}
                </Button>
              )}
              <Button
                variant="secondary"
                loading={setEnabled.isPending}
                onClick={() => setEnabled.mutate({ ...ref, enabled: inst.status !== 'enabled' })}
              >
                {!setEnabled.isPending &&
                  (inst.status === 'enabled' ? (
                    <PowerOff aria-hidden className="size-4" />
                  ) : (
                    <Power aria-hidden className="size-4" />
                  ))}
                {inst.status === 'enabled' ? 'Disable' : 'Enable'}
              </Button>
              <Dropdown>
                <DropdownButton
                  aria-label={`More actions for ${inst.module.name}`}
                  className="rounded-md border border-slate-300 bg-white p-2 text-slate-600 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                >
                  <Ellipsis aria-hidden className="size-4" />
                </DropdownButton>
                <DropdownItems>
                  {inst.previousVersion && (
                    <DropdownItem icon={Undo2} onClick={() => setDialog('rollback')}>
                      Roll back to {inst.previousVersion}…
                    </DropdownItem>
                  )}
                  {inst.previousVersion && <DropdownSeparator />}
                  <DropdownItem icon={Trash2} onClick={() => setDialog('uninstall')}>
                    Uninstall…
                  </DropdownItem>
                </DropdownItems>
              </Dropdown>
            </>
          ))
        }
      />
      <SiteTabs agencyId={agency.id} siteId={site.id} />

      <div className="space-y-4">
        {uninstalled && (
          <Alert tone="warning" title={`Uninstalled${inst.uninstalledAt ? ` on ${formatDate(inst.uninstalledAt)}` : ''}`}>
            {inst.purgeAfter
              ? `It no longer runs on ${site.name}. Its data is kept until ${formatDate(inst.purgeAfter)}, then deleted; installing it again before then brings the data back.`
              : `It no longer runs on ${site.name}, and its data has been deleted.`}
          </Alert>
        )}
        {inst.status === 'disabled' && (
          <Alert tone="info" title="Disabled">
            {inst.module.name} does not run on {site.name} while it is disabled. Its settings and data are kept.
          </Alert>
        )}
        {missing.length > 0 && tab !== 'settings' && (
          <Alert
            tone="warning"
            title="Finish setting up"
            actions={
              <ButtonLink size="sm" variant="secondary" href={`${here}?tab=settings`} scroll={false}>
                Open settings
              </ButtonLink>
            }
          >
            {missing.map((f) => f.label).join(', ')} {missing.length === 1 ? 'needs' : 'need'} a value before {inst.module.name}{' '}
            can work.
          </Alert>
        )}

        <nav aria-label="Module sections" className="border-b border-slate-200">
          <ul className="-mb-px flex gap-4 overflow-x-auto">
            {tabs.map((t) => (
              <li key={t.id} className="shrink-0">
                <Link
                  href={`${here}?tab=${t.id}`}
                  replace
                  scroll={false}
                  aria-current={t.id === tab ? 'page' : undefined}
                  className={cn(
                    'inline-block border-b-2 px-1 py-2 text-sm font-medium',
                    t.id === tab
                      ? 'border-slate-900 text-slate-900'
                      : 'border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800',
                  )}
                >
                  {t.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>

        {/* mounted only while shown: coming back to it reloads the module, so it shows what
            changed meanwhile (a submission sent from the embed preview, new settings) */}
        {entry && tab === 'module' && (
          <ModulePanel installation={inst} entry={entry} onEnable={() => setEnabled.mutate({ ...ref, enabled: true })} />
        )}
        {visited.has('settings') && (
          <div hidden={tab !== 'settings'}>
            <SettingsForm
              installation={inst}
              setup={missing.length === 0 ? undefined : params.get('setup') === '1' ? 'installed' : 'missing'}
              readOnly={
                uninstalled
                  ? 'An uninstalled module cannot be configured. Install it again to change its settings.'
                  : !agency.isAdmin
                    ? `Only owners and admins of ${agency.name} can change a module's settings.`
                    : undefined
              }
            />
          </div>
        )}
        {visited.has('embed') && isEmbeddable(inst) && (
          <div hidden={tab !== 'embed'}>
            <EmbedSnippet installation={inst} />
          </div>
        )}
        {visited.has('details') && (
          <div hidden={tab !== 'details'}>
            <InstallationDetails installation={inst} />
          </div>
        )}
      </div>

      {newest && (
        <UpgradeDialog installation={inst} target={newest} open={dialog === 'upgrade'} onClose={() => setDialog(null)} />
      )}
      <RollbackDialog installation={inst} open={dialog === 'rollback'} onClose={() => setDialog(null)} />
      <UninstallDialog installation={inst} open={dialog === 'uninstall'} onClose={() => setDialog(null)} />
      <PurgeDataDialog installation={inst} open={dialog === 'purge'} onClose={() => setDialog(null)} />
    </>
  );
}
