'use client';
import { PermissionList } from '@/components/modules/manifest-summary';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { formError, trpc } from '@/lib/trpc';
import { useInstallationCache } from './lifecycle-dialogs';
import type { AvailableUpgrade, Installation } from './types';

/**
 * Upgrade to the newest published version: what changed since the installed one, and the
 * permissions it adds, which upgrading grants (the consent is the button).
 */
export function UpgradeDialog({
  installation,
  target,
  open,
  onClose,
}: {
  installation: Installation;
  target: AvailableUpgrade;
  open: boolean;
  onClose: () => void;
}) {
  const toast = useToast();
  const cache = useInstallationCache(installation.siteId);
  const upgrade = trpc.installations.upgrade.useMutation({
    onSuccess: async (saved) => {
      await cache(saved);
      toast({ title: `Upgraded to ${saved.version}`, description: `${saved.module.name} ${saved.version} is running now.` });
      onClose();
    },
  });
  const asksMore = target.newPermissions.length > 0;
  const close = () => {
    upgrade.reset();
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      size="md"
      title={`Upgrade ${installation.module.name} to ${target.version}?`}
      description={`From ${installation.version}. Settings and data are kept; the module's tables gain whatever the new version adds.`}
      onSubmit={() =>
        !upgrade.isPending &&
        upgrade.mutate({
          siteId: installation.siteId,
          installationId: installation.id,
          versionId: target.id,
          ...(asksMore ? { acceptPermissions: target.permissions } : {}),
        })
      }
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={upgrade.isPending}>
            {asksMore ? 'Upgrade and allow' : `Upgrade to ${target.version}`}
          </Button>
        </>
      }
    >
      <section aria-label="What's new">
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">What&apos;s new</h3>
        {target.changelog.length === 0 ? (
          <p className="text-sm text-slate-500">The publisher wrote no notes for this version.</p>
        ) : (
          <ol className="max-h-56 space-y-2.5 overflow-y-auto rounded-md border border-slate-200 px-3 py-2.5">
            {target.changelog.map((c) => (
              <li key={c.version} className="text-sm">
                <span className="font-mono text-[0.8125rem] font-medium text-slate-900">{c.version}</span>
                <span className="text-xs text-slate-400"> · {c.date}</span>
                <p className="whitespace-pre-line text-slate-600">{c.notes}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {asksMore && (
        <section aria-label="New permissions" className="space-y-2">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Permissions</h3>
          <p className="text-sm text-slate-600">
            {target.version} asks for {target.newPermissions.length === 1 ? 'a permission' : 'permissions'} this site has not
            granted yet. Upgrading grants {target.newPermissions.length === 1 ? 'it' : 'them'}.
          </p>
          <PermissionList permissions={target.permissions} added={target.newPermissions} />
        </section>
      )}
      {upgrade.error && <Alert tone="danger">{formError(upgrade.error)}</Alert>}
    </Dialog>
  );
}
