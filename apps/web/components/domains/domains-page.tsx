'use client';
import { Globe, Plus } from 'lucide-react';
import { useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { SiteTabs } from '@/components/sites/site-tabs';
import { BackLink } from '@/components/ui/back-link';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { trpc } from '@/lib/trpc';
import { AddDomainDialog } from './add-domain-dialog';
import { DomainRow } from './domain-row';

interface Site {
  id: string;
  name: string;
}

/** A site's domains: the websites allowed to embed its modules and call the API from the browser. */
export function DomainsPage({ site }: { site: Site }) {
  const agency = useAgency();
  return (
    <>
      <PageHeader
        back={<BackLink href={`/a/${agency.id}/sites/${site.id}`} label={site.name} />}
        title="Domains"
        description={`The websites of ${site.name}. Once a domain is verified, its pages may embed the site's modules and call the API from the browser.`}
      />
      <SiteTabs agencyId={agency.id} siteId={site.id} />
      <DomainList site={site} canManage={agency.isAdmin} />
    </>
  );
}

function DomainList({ site, canManage }: { site: Site; canManage: boolean }) {
  const domains = trpc.domains.list.useQuery({ siteId: site.id });
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const count = domains.data?.length ?? 0;
  const verified = domains.data?.filter((d) => d.status === 'verified').length ?? 0;
  const addButton = (size: 'sm' | 'md') =>
    canManage && (
      <Button size={size} onClick={() => setAdding(true)}>
        <Plus aria-hidden className="size-4" />
        Add domain
      </Button>
    );

  return (
    <Card>
      <CardHeader
        title="Domains"
        description={
          count > 0
            ? `${verified} of ${count} verified.${canManage ? '' : ' Owners and admins add and verify domains.'}`
            : 'Where the site’s own website runs.'
        }
        actions={count > 0 && addButton('sm')}
      />
      {domains.isPending ? (
        <Loading label="Loading domains" className="divide-y divide-slate-100">
          {[0, 1].map((i) => (
            <div key={i} className="space-y-2.5 px-5 py-4">
              <Skeleton className="h-4 w-56 max-w-full" />
              <Skeleton className="h-3 w-80 max-w-full" />
            </div>
          ))}
        </Loading>
      ) : domains.isError ? (
        <div className="p-5">
          <QueryError error={domains.error} retry={domains.refetch} what="the domains" />
        </div>
      ) : count === 0 ? (
        <EmptyState icon={Globe} title="No domains yet" action={addButton('md')}>
          Add the domains {site.name}’s website runs on. You prove each one with a DNS record or a tag on its home page; then its
          pages may embed the site’s modules and call the API from the browser.
          {!canManage && ' Owners and admins add them.'}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {domains.data.map((d) => (
            <DomainRow key={d.id} siteId={site.id} domain={d} canManage={canManage} initiallyOpen={d.id === added} />
          ))}
        </ul>
      )}
      <AddDomainDialog
        open={adding}
        onClose={() => setAdding(false)}
        siteId={site.id}
        siteName={site.name}
        onAdded={(domain) => {
          setAdded(domain.id);
          setAdding(false);
        }}
      />
    </Card>
  );
}
