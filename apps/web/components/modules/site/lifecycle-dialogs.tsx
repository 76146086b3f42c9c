'use client';
// The lifecycle steps that need a confirmation: uninstall (keep the data or delete it now),
// deleting kept data, and rolling back. Each shows its error in place and, once done, updates
// the cached installation so every view of it changes at once.
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { cn } from '@/lib/cn';
import { formatDate } from '@/lib/format';
import { formError, trpc } from '@/lib/trpc';
import { type Installation, RETENTION_DAYS } from './types';

/** Puts a changed installation into the caches of the list and the installation page. */
export function useInstallationCache(siteId: string) {
  const utils = trpc.useUtils();
  return async (saved: Installation) => {
    utils.installations.get.setData({ siteId, installationId: saved.id }, saved);
    utils.installations.list.setData({ siteId }, (all) => all?.map((i) => (i.id === saved.id ? saved : i)));
    await Promise.all([
      utils.installations.list.invalidate({ siteId }),
      utils.installations.available.invalidate({ siteId, installationId: saved.id }),
    ]);
  };
}

interface DialogProps {
  installation: Installation;
  open: boolean;
  onClose: () => void;
  onDone?: (saved: Installation) => void;
}

/** Uninstall: keep the data for the retention period (the default) or delete it now, typing the slug. */
export function UninstallDialog({ installation, open, onClose, onDone }: DialogProps) {
  // a fresh choice every time it opens
  return open ? <UninstallForm installation={installation} open onClose={onClose} onDone={onDone} /> : null;
}

function UninstallForm({ installation, open, onClose, onDone }: DialogProps) {
  const ids = useId();
  const toast = useToast();
  const cache = useInstallationCache(installation.siteId);
  const [purgeNow, setPurgeNow] = useState(false);
  const [typed, setTyped] = useState('');
  const { name, slug } = installation.module;
  const uninstall = trpc.installations.uninstall.useMutation({
    onSuccess: async (saved) => {
      await cache(saved);
      toast(
        saved.purgeAfter
          ? { title: `${name} uninstalled`, description: `Its data is kept until ${formatDate(saved.purgeAfter)}.` }
          : { title: `${name} uninstalled`, description: 'Its data has been deleted.' },
      );
      onClose();
      onDone?.(saved);
    },
  });
  const ready = !purgeNow || typed === slug;
  const keepUntil = new Date(Date.now() + RETENTION_DAYS * 86_400_000);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="md"
      title={`Uninstall ${name}?`}
      description="It stops running on this site at once. Installing it again later starts from its default settings."
      onSubmit={() => ready && !uninstall.isPending && uninstall.mutate({ ...ref(installation), purgeNow })}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" loading={uninstall.isPending} disabled={!ready}>
            {purgeNow ? 'Uninstall and delete data' : 'Uninstall'}
          </Button>
        </>
      }
    >
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-slate-700">What happens to its data?</legend>
        <Choice
          name={`${ids}-data`}
          checked={!purgeNow}
          onChange={() => setPurgeNow(false)}
          title={`Keep it for ${RETENTION_DAYS} days`}
          hint={`Until about ${formatDate(keepUntil)}. Installing ${name} again before then brings its data back; after that it is deleted automatically.`}
        />
        <Choice
          name={`${ids}-data`}
          checked={purgeNow}
          onChange={() => setPurgeNow(true)}
          title="Delete it now"
          hint="Everything the module stored for this site is deleted permanently. This cannot be undone."
        />
      </fieldset>
      {purgeNow && (
        <div className="space-y-1.5">
          <label htmlFor={`${ids}-confirm`} className="block text-sm text-slate-700">
            Type <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8125rem] text-slate-900">{slug}</code> to
            confirm
          </label>
          <Input
            id={`${ids}-confirm`}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
        </div>
      )}
      {uninstall.error && <Alert tone="danger">{formError(uninstall.error)}</Alert>}
    </Dialog>
  );
}

function Choice({
  name,
  checked,
  onChange,
  title,
  hint,
}: {
  name: string;
  checked: boolean;
  onChange: () => void;
  title: string;
  hint: string;
}) {
  return (
    <label
      className={cn(
        'flex cursor-pointer gap-3 rounded-md border px-3 py-2.5 text-sm',
        checked ? 'border-brand-500 bg-brand-50/60' : 'border-slate-200 hover:bg-slate-50',
      )}
    >
      <input type="radio" name={name} checked={checked} onChange={onChange} className="mt-0.5 size-4 accent-brand-600" />
      <span>
        <span className="block font-medium text-slate-900">{title}</span>
        <span className="block text-slate-500">{hint}</span>
      </span>
    </label>
  );
}

const ref = (inst: Installation) => ({ siteId: inst.siteId, installationId: inst.id });

/** Deletes the data an uninstall kept, before its retention ends; typing the slug confirms. */
export function PurgeDataDialog({ installation, open, onClose }: DialogProps) {
  const toast = useToast();
  const cache = useInstallationCache(installation.siteId);
  const purge = trpc.installations.purgeData.useMutation({
    onSuccess: async (saved) => {
      await cache(saved);
      toast({ title: 'Data deleted', description: `${installation.module.name} left nothing behind on this site.` });
      onClose();
    },
  });
  return (
    <ConfirmDialog
      open={open}
      onClose={() => {
        purge.reset();
        onClose();
      }}
      title={`Delete ${installation.module.name}'s data now?`}
      description={
        installation.purgeAfter ? `It would otherwise be kept until ${formatDate(installation.purgeAfter)}.` : undefined
      }
      confirmLabel="Delete data"
      confirmText={installation.module.slug}
      onConfirm={() => purge.mutate(ref(installation))}
      pending={purge.isPending}
      error={formError(purge.error)}
    >
      <p className="text-sm text-slate-600">
        Everything the module stored for this site is deleted permanently. Installing it again later starts from nothing.
      </p>
    </ConfirmDialog>
  );
}

/** Back to the version before the last upgrade; data and settings stay as they are. */
export function RollbackDialog({ installation, open, onClose }: DialogProps) {
  const toast = useToast();
  const cache = useInstallationCache(installation.siteId);
  const rollback = trpc.installations.rollback.useMutation({
    onSuccess: async (saved) => {
      await cache(saved);
      toast({ title: `Rolled back to ${saved.version}` });
      onClose();
    },
  });
  return (
    <ConfirmDialog
      open={open}
      onClose={() => {
        rollback.reset();
        onClose();
      }}
      tone="primary"
      title={`Roll back to ${installation.previousVersion ?? 'the previous version'}?`}
      description={`${installation.module.name} ${installation.version} is replaced by the version it was upgraded from.`}
      confirmLabel="Roll back"
      onConfirm={() => rollback.mutate(ref(installation))}
      pending={rollback.isPending}
      error={formError(rollback.error)}
    >
      <div className="space-y-2 text-sm text-slate-600">
        <p>Settings and data are kept. Anything the newer version added to the module&apos;s tables stays in place.</p>
        <p>You can upgrade again at any time.</p>
      </div>
    </ConfirmDialog>
  );
}
