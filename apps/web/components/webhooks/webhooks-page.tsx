'use client';
import { BookOpen, Lock } from 'lucide-react';
import { useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { SiteTabs } from '@/components/sites/site-tabs';
import { BackLink } from '@/components/ui/back-link';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { trpc } from '@/lib/trpc';
import { DeliveryChart } from './delivery-chart';
import { DeliveryLog, noFilters } from './delivery-log';
import { EndpointDialog } from './endpoint-dialog';
import { EndpointList } from './endpoint-list';
import { SecretDialog } from './secret-dialog';
import type { DeliveryFilters, Endpoint, RevealedSecret } from './types';

interface Site {
  id: string;
  name: string;
}

/** A site's webhooks: its endpoints, their secrets and the log of every delivery. */
export function WebhooksPage({ site }: { site: Site }) {
  const agency = useAgency();
  const header = (
    <>
      <PageHeader
        back={<BackLink href={`/a/${agency.id}/sites/${site.id}`} label={site.name} />}
        title="Webhooks"
        description={`Signed HTTP requests to your own systems whenever something happens on ${site.name}.`}
        actions={
          <a href="/docs/events" target="_blank" rel="noreferrer" className={buttonClasses({ variant: 'secondary' })}>
            <BookOpen aria-hidden className="size-4" />
            Event reference
          </a>
        }
      />
      <SiteTabs agencyId={agency.id} siteId={site.id} />
    </>
  );
  if (!agency.isAdmin) {
    return (
      <>
        {header}
        <Card>
          <EmptyState icon={Lock} title="Only admins can manage webhooks">
            Webhook endpoints and their signing secrets are managed by the owners and admins of {agency.name}.
          </EmptyState>
        </Card>
      </>
    );
  }
  return (
    <>
      {header}
      <Webhooks site={site} />
    </>
  );
}

function Webhooks({ site }: { site: Site }) {
  const catalogue = trpc.webhooks.catalogue.useQuery({ siteId: site.id }, { staleTime: Number.POSITIVE_INFINITY });
  const endpoints = trpc.webhooks.list.useQuery({ siteId: site.id });
  const [dialog, setDialog] = useState<{ open: boolean; endpoint: Endpoint | null }>({ open: false, endpoint: null });
  const [revealed, setRevealed] = useState<RevealedSecret | null>(null);
  const [filters, setFilters] = useState<DeliveryFilters>(noFilters);
  // a deleted endpoint no longer narrows the log
  const effectiveFilters =
    filters.endpointId && endpoints.data && !endpoints.data.some((e) => e.id === filters.endpointId)
      ? { ...filters, endpointId: '' }
      : filters;
  const hasEndpoints = (endpoints.data?.length ?? 0) > 0;

  return (
    <div className="space-y-6">
      <EndpointList
        siteId={site.id}
        siteName={site.name}
        onAdd={() => setDialog({ open: true, endpoint: null })}
        onEdit={(endpoint) => setDialog({ open: true, endpoint })}
        onSecret={setRevealed}
        onShowDeliveries={(endpointId) => {
          setFilters({ ...noFilters, endpointId });
          document.getElementById('deliveries')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
        }}
      />
      {hasEndpoints && endpoints.data && (
        <>
          <DeliveryChart siteId={site.id} />
          <DeliveryLog
            siteId={site.id}
            endpoints={endpoints.data}
            eventTypes={catalogue.data?.events.map((e) => e.type) ?? []}
            maxAttempts={1 + (catalogue.data?.retrySchedule.length ?? 0)}
            filters={effectiveFilters}
            onFiltersChange={setFilters}
          />
        </>
      )}
      <EndpointDialog
        open={dialog.open}
        endpoint={dialog.endpoint}
        onClose={() => setDialog({ ...dialog, open: false })}
        siteId={site.id}
        catalogue={catalogue.data?.events}
        onCreated={(secret) => {
          setDialog({ open: false, endpoint: null });
          setRevealed(secret);
        }}
      />
      <SecretDialog revealed={revealed} onClose={() => setRevealed(null)} />
    </div>
  );
}
