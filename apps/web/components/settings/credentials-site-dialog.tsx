'use client';
import { useEffect, useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { fieldErrors, formError, trpc } from '@/lib/trpc';
import type { OAuthApp } from './oauth-apps';

/**
 * The one site of this agency a confidential app's client credentials act on. With no user in
 * that flow, only the app's own agency can choose it.
 */
export function CredentialsSiteDialog({ open, app, onClose }: { open: boolean; app: OAuthApp; onClose: () => void }) {
  const agency = useAgency();
  const toast = useToast();
  const utils = trpc.useUtils();
  const sites = trpc.sites.list.useQuery({ agencyId: agency.id }, { enabled: open });
  const [siteId, setSiteId] = useState(app.credentialsSite?.id ?? '');
  useEffect(() => {
    if (open) setSiteId(app.credentialsSite?.id ?? '');
  }, [open, app.credentialsSite?.id]);
  const save = trpc.oauthApps.setCredentialsSite.useMutation({
    onSuccess: async (saved) => {
      await Promise.all([utils.oauthApps.list.invalidate({ agencyId: agency.id }), utils.oauthGrants.list.invalidate()]);
      toast(
        saved.credentialsSite
          ? { title: 'Client credentials on', description: `${saved.name} can now act on ${saved.credentialsSite.name}.` }
          : { title: 'Client credentials off', description: `${saved.name} can no longer get tokens without a user.` },
      );
      onClose();
    },
  });
  const close = () => {
    save.reset();
    onClose();
  };
  const changed = siteId !== (app.credentialsSite?.id ?? '');

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Client credentials"
      description={`Lets ${app.name} get tokens with its client ID and secret alone, without a person approving it, for one site of ${agency.name}.`}
      onSubmit={() => changed && save.mutate({ agencyId: agency.id, appId: app.id, siteId: siteId || null })}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!changed}>
            Save
          </Button>
        </>
      }
    >
      {formError(save.error, ['siteId']) && <Alert tone="danger">{formError(save.error, ['siteId'])}</Alert>}
      <Field
        label="Site"
        error={fieldErrors(save.error).siteId}
        hint={`Tokens carry the app’s scopes: ${app.scopes.join(', ')}. Changing the site ends the tokens issued for the previous one.`}
      >
        {(control) => (
          <Select {...control} value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            <option value="">Off: no client credentials</option>
            {sites.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </Dialog>
  );
}
