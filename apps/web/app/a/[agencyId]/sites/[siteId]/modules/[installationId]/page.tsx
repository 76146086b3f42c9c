import type { Metadata } from 'next';
import { InstallationPage } from '@/components/modules/site/installation-page';
import { loadInstallation } from '../load';

type Params = Promise<{ agencyId: string; siteId: string; installationId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { agencyId, siteId, installationId } = await params;
  const { site, installation } = await loadInstallation(agencyId, siteId, installationId);
  return { title: `${installation.module.name} · ${site.name}` };
}

export default async function Page({ params }: { params: Params }) {
  const { agencyId, siteId, installationId } = await params;
  const { site, installation } = await loadInstallation(agencyId, siteId, installationId);
  return <InstallationPage site={site} initial={installation} />;
}
