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
import { QueryError } from '@/components/ui/query-error';
import { Loading, Skeleton } from '@/components/ui/spinner';
import { trpc } from '@/lib/trpc';
import { RequestChart } from './request-chart';
import { RequestLog } from './request-log';
import { type LogFilters, noFilters } from './types';

interface Site {
  id: string;
  name: string;
}

/** A site's API log: what external callers (API tokens, OAuth apps, embeds) did, and how it went. */
export function ApiLogPage({ site }: { site: Site }) {
  const agency = useAgency();
  return (
    <>
      <PageHeader
        back={<BackLink href={`/a/${agency.id}/sites/${site.id}`} label={site.name} />}
        title="API log"
        description={`Requests to ${site.name} from outside the dashboard: its API tokens, connected apps and embedded modules.`}
        actions={
          <a href="/docs/api" target="_blank" rel="noreferrer" className={buttonClasses({ variant: 'secondary' })}>
            <BookOpen aria-hidden className="size-4" />
            API reference
          </a>
        }
      />
      <SiteTabs agencyId={agency.id} siteId={site.id} />
      {agency.isAdmin ? (
        <ApiLog siteId={site.id} />
      ) : (
        <Card>
          <EmptyState icon={Lock} title="Only admins can see the API log">
            The requests made to this site, with their callers’ IP addresses, are visible to the owners and admins of{' '}
            {agency.name}.
          </EmptyState>
        </Card>
      )}
    </>
  );
}

function ApiLog({ siteId }: { siteId: string }) {
  const summary = trpc.requestLog.summary.useQuery({ siteId });
  const [filters, setFilters] = useState<LogFilters>(noFilters);
  return (
    <div className="space-y-6">
      {summary.isPending ? (
        <Card>
          <Loading label="Loading request activity" className="space-y-4 p-5">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-24 w-full" />
          </Loading>
        </Card>
      ) : summary.isError ? (
        <QueryError error={summary.error} retry={summary.refetch} what="the request activity" />
      ) : (
        <RequestChart summary={summary.data} />
      )}
      <RequestLog
        siteId={siteId}
        summary={summary.data}
        filters={filters}
        onFiltersChange={setFilters}
        onRefresh={() => void summary.refetch()}
      />
    </div>
  );
}
