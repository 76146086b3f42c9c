'use client';
import { type FormEvent, useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardFooter, CardHeader } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { fieldErrors, formError, trpc } from '@/lib/trpc';

export function AgencyName() {
  const agency = useAgency();
  const toast = useToast();
  const utils = trpc.useUtils();
  const [name, setName] = useState(agency.name);
  const update = trpc.agencies.update.useMutation({
    onSuccess: async (saved) => {
      await Promise.all([utils.agencies.get.invalidate({ agencyId: agency.id }), utils.auth.me.invalidate()]);
      setName(saved.name);
      toast({ title: 'Agency renamed', description: `It is now called ${saved.name}.` });
    },
  });
  const banner = formError(update.error, ['name']);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ agencyId: agency.id, name });
  }

  return (
    <Card>
      <CardHeader title="Agency" description="The name members see in the dashboard and in invitation emails." />
      <form noValidate onSubmit={submit}>
        <fieldset disabled={!agency.isAdmin} className="max-w-md space-y-4 px-5 py-4">
          {banner && <Alert tone="danger">{banner}</Alert>}
          <TextField
            label="Agency name"
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fieldErrors(update.error).name}
            hint={agency.isAdmin ? undefined : 'Only owners and admins can rename the agency.'}
          />
        </fieldset>
        {agency.isAdmin && (
          <CardFooter>
            <Button type="submit" loading={update.isPending} disabled={name.trim() === agency.name}>
              Save
            </Button>
          </CardFooter>
        )}
      </form>
    </Card>
  );
}
