import type { Metadata } from 'next';
import { ModuleCatalog } from '@/components/modules/site/module-catalog';
import { loadSite } from '../load';

type Params = Promise<{ agencyId: string; siteId: string }>;
const pathOf = (p: Awaited<Params>) => `/a/${p.agencyId}/sites/${p.siteId}/modules/add`;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  return { title: `Add a module · ${(await loadSite(p.agencyId, p.siteId, pathOf(p))).name}` };
}

export default async function Page({ params }: { params: Params }) {
  const p = await params;
  return <ModuleCatalog site={await loadSite(p.agencyId, p.siteId, pathOf(p))} />;
}
