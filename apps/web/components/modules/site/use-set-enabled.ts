'use client';
import { useToast } from '@/components/ui/toast';
import { formError, trpc } from '@/lib/trpc';
import { useInstallationCache } from './lifecycle-dialogs';
import type { Installation } from './types';

/** Switches a module on or off, with a toast saying what that means. */
export function useSetEnabled(installation: Installation) {
  const toast = useToast();
  const cache = useInstallationCache(installation.siteId);
  const name = installation.module.name;
  return trpc.installations.setEnabled.useMutation({
    onSuccess: async (saved) => {
      await cache(saved);
      toast(
        saved.status === 'enabled'
          ? { title: `${name} enabled`, description: 'It runs on the site again.' }
          : { title: `${name} disabled`, description: 'It stops running; its settings and data are kept.' },
      );
    },
    onError: (error) => toast({ tone: 'error', title: `Could not change ${name}`, description: formError(error) }),
  });
}
