'use client';
import { useRouter } from 'next/navigation';
import { useAgency } from '@/components/shell/agency-context';
import { Alert } from '@/components/ui/alert';
import { BackLink } from '@/components/ui/back-link';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardFooter } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { useToast } from '@/components/ui/toast';
import { trpc } from '@/lib/trpc';
import { SiteForm } from './site-form';

export function CreateSite() {
  const agency = useAgency();
  const router = useRouter();
  const toast = useToast();
  const utils = trpc.useUtils();
  const list = `/a/${agency.id}/sites`;
  const create = trpc.sites.create.useMutation({
    onSuccess: async (site) => {
      await Promise.all([
        utils.sites.list.invalidate({ agencyId: agency.id }),
        utils.agencies.get.invalidate({ agencyId: agency.id }),
      ]);
      toast({ title: 'Site created', description: `${site.name} is ready.` });
      router.push(list);
    },
  });

  return (
    <div className="max-w-3xl">
      <PageHeader
        back={<BackLink href={list} label="Sites" />}
        title="New site"
        description="Add a client business. Modules, bookings and invoices will live on it."
      />
      {!agency.isAdmin ? (
        <Alert tone="warning" title="Only admins can create sites">
          Ask an owner or admin of {agency.name} to create the site, or to make you an admin.
        </Alert>
      ) : (
        <Card>
          <SiteForm
            agencyId={agency.id}
            error={create.error}
            onSubmit={(values) => create.mutate({ agencyId: agency.id, ...values })}
            actions={() => (
              <CardFooter>
                <ButtonLink href={list} variant="secondary">
                  Cancel
                </ButtonLink>
                <Button type="submit" loading={create.isPending || create.isSuccess}>
                  Create site
                </Button>
              </CardFooter>
            )}
          />
        </Card>
      )}
    </div>
  );
}
