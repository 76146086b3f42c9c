'use client';
import { Archive, Ban, Ellipsis, Rocket, Send } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Dropdown, DropdownButton, DropdownItem, DropdownItems } from '@/components/ui/menu';
import { useToast } from '@/components/ui/toast';
import { formError, trpc } from '@/lib/trpc';
import type { Version } from './version-status';

type Action = 'publish' | 'deprecate' | 'yank';

/**
 * What the publisher can do with a version in its status: submit a draft, publish an approved
 * one, deprecate or yank a published one. Publishing and withdrawing ask first.
 */
export function VersionActions({
  agencyId,
  moduleId,
  moduleName,
  version,
  activeInstallations,
}: {
  agencyId: string;
  moduleId: string;
  moduleName: string;
  version: Version;
  activeInstallations: number;
}) {
  const toast = useToast();
  const utils = trpc.useUtils();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const ref = { agencyId, moduleId, versionId: version.id };
  const refresh = () =>
    Promise.all([utils.modules.get.invalidate({ agencyId, moduleId }), utils.modules.list.invalidate({ agencyId })]);
  const done = (title: string, description: string) => async () => {
    setConfirming(null);
    await refresh();
    toast({ title, description });
  };

  const submit = trpc.modules.submit.useMutation({
    onSuccess: done(`${version.version} submitted for review`, 'A Dramac reviewer will approve it or ask for changes.'),
    onError: async (error) => {
      toast({ tone: 'error', title: 'Could not submit', description: formError(error) });
      await refresh();
    },
  });
  const publish = trpc.modules.publish.useMutation({
    onSuccess: done(`${version.version} published`, `${moduleName} ${version.version} is in the marketplace now.`),
  });
  const deprecate = trpc.modules.deprecate.useMutation({
    onSuccess: done(`${version.version} deprecated`, 'It is no longer offered to new sites.'),
  });
  const yank = trpc.modules.yank.useMutation({
    onSuccess: done(`${version.version} yanked`, 'It can no longer be installed or upgraded to.'),
  });
  const mutations = { publish, deprecate, yank };
  const close = () => {
    if (confirming) mutations[confirming].reset();
    setConfirming(null);
  };
  const sites = `${activeInstallations} ${activeInstallations === 1 ? 'site' : 'sites'}`;

  const dialogs: Record<Action, { title: string; label: string; tone: 'primary' | 'danger'; body: React.ReactNode }> = {
    publish: {
      title: `Publish ${version.version}?`,
      label: 'Publish',
      tone: 'primary',
      body: (
        <p>
          Every agency can then install {moduleName} {version.version} from the marketplace, and sites on an older version can
          upgrade to it. If it asks for permissions an older version did not, each site has to accept them first.
        </p>
      ),
    },
    deprecate: {
      title: `Deprecate ${version.version}?`,
      label: 'Deprecate',
      tone: 'danger',
      body: (
        <>
          <p>It is no longer offered: new sites cannot install it and no site can upgrade to it.</p>
          <p>
            Sites that already run it keep running it, unchanged. Your module is installed on {sites} now. A deprecated version
            cannot be published again; publish a newer version instead.
          </p>
        </>
      ),
    },
    yank: {
      title: `Yank ${version.version}?`,
      label: 'Yank version',
      tone: 'danger',
      body: (
        <>
          <p>
            Yanking withdraws this version for good, for example after a serious bug: it cannot be installed or upgraded to, and
            it cannot be published again.
          </p>
          <p>
            Sites that already run it keep running it and keep their data: yanking does not uninstall anything. Your module is
            installed on {sites} now. Publish a fixed version so they can upgrade.
          </p>
        </>
      ),
    },
  };

  const withdraw: Action[] =
    version.status === 'published' ? ['deprecate', 'yank'] : version.status === 'deprecated' ? ['yank'] : [];

  return (
    <div className="flex items-center justify-end gap-2">
      {version.status === 'draft' && (
        <Button size="sm" onClick={() => submit.mutate(ref)} loading={submit.isPending}>
          {!submit.isPending && <Send aria-hidden className="size-3.5" />}
          Submit for review
        </Button>
      )}
      {version.status === 'approved' && (
        <Button size="sm" onClick={() => setConfirming('publish')}>
          <Rocket aria-hidden className="size-3.5" />
          Publish
        </Button>
      )}
      {withdraw.length > 0 && (
        <Dropdown>
          <DropdownButton
            aria-label={`More actions for ${version.version}`}
            className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <Ellipsis aria-hidden className="size-4" />
          </DropdownButton>
          <DropdownItems>
            {withdraw.includes('deprecate') && (
              <DropdownItem icon={Archive} onClick={() => setConfirming('deprecate')}>
                Deprecate…
              </DropdownItem>
            )}
            <DropdownItem icon={Ban} onClick={() => setConfirming('yank')}>
              Yank…
            </DropdownItem>
          </DropdownItems>
        </Dropdown>
      )}
      {confirming && (
        <ConfirmDialog
          open
          onClose={close}
          title={dialogs[confirming].title}
          description={`${moduleName} · ${version.version}`}
          confirmLabel={dialogs[confirming].label}
          tone={dialogs[confirming].tone}
          onConfirm={() => mutations[confirming].mutate(ref)}
          pending={mutations[confirming].isPending}
          error={formError(mutations[confirming].error)}
        >
          <div className="space-y-2 text-sm text-slate-600">{dialogs[confirming].body}</div>
        </ConfirmDialog>
      )}
    </div>
  );
}
