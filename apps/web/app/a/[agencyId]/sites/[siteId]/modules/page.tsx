import type { Metadata } from 'next';
import { SiteModulesPage } from '@/components/modules/site/site-modules-page';
import { loadSite } from './load';

type Params = Promise<{ agencyId: string; siteId: string }>;
const pathOf = (p: Awaited<Params>) => `/a/${p.agencyId}/sites/${p.siteId}/modules`;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  return { title: `Modules · ${(await loadSite(p.agencyId, p.siteId, pathOf(p))).name}` };
}

export default async function Page({ params }: { params: Params }) {
  const p = await params;
  return <SiteModulesPage site={await loadSite(p.agencyId, p.siteId, pathOf(p))} />;
}
