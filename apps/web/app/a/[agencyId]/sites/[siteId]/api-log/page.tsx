import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ApiLogPage } from '@/components/api-log/api-log-page';
import { orNotFound, serverApi } from '@/lib/server-api';

type Params = Promise<{ agencyId: string; siteId: string }>;

const loadSite = cache(async (agencyId: string, siteId: string) => {
  const { api } = await serverApi(`/a/${agencyId}/sites/${siteId}/api-log`);
  const site = await orNotFound(api.sites.get({ siteId }));
  // a site of another of the user's agencies does not belong under this one
  if (site.agencyId !== agencyId) notFound();
  return site;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { agencyId, siteId } = await params;
  return { title: `API log · ${(await loadSite(agencyId, siteId)).name}` };
}

export default async function Page({ params }: { params: Params }) {
  const { agencyId, siteId } = await params;
  const site = await loadSite(agencyId, siteId);
  return <ApiLogPage site={{ id: site.id, name: site.name }} />;
}
