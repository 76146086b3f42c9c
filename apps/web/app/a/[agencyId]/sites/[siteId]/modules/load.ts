// The site (and installation) a modules page is about, loaded once per request for both the
// page and its metadata. Another agency's ids, or a site of another of the user's agencies, 404.
import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { orNotFound, serverApi } from '@/lib/server-api';

export const loadSite = cache(async (agencyId: string, siteId: string, path: string) => {
  const { api } = await serverApi(path);
  const site = await orNotFound(api.sites.get({ siteId }));
  if (site.agencyId !== agencyId) notFound();
  return { id: site.id, name: site.name };
});

export const loadInstallation = cache(async (agencyId: string, siteId: string, installationId: string) => {
  const path = `/a/${agencyId}/sites/${siteId}/modules/${installationId}`;
  const site = await loadSite(agencyId, siteId, path);
  const { api } = await serverApi(path);
  return { site, installation: await orNotFound(api.installations.get({ siteId, installationId })) };
});
