import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { SiteDetail } from '@/components/sites/site-detail';
import { orNotFound, serverApi } from '@/lib/server-api';

type Params = Promise<{ agencyId: string; siteId: string }>;

const loadSite = cache(async (agencyId: string, siteId: string) => {
  const { api } = await serverApi(`/a/${agencyId}/sites/${siteId}`);
  const site = await orNotFound(api.sites.get({ siteId }));
  // a site of another of the user's agencies does not belong under this one
  if (site.agencyId !== agencyId) notFound();
  return site;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { agencyId, siteId } = await params;
  return { title: (await loadSite(agencyId, siteId)).name };
}

export default async function SitePage({ params }: { params: Params }) {
  const { agencyId, siteId } = await params;
  return <SiteDetail initial={await loadSite(agencyId, siteId)} />;
}
