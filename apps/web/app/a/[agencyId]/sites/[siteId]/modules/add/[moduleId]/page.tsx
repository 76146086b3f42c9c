import type { Metadata } from 'next';
import { InstallConsent } from '@/components/modules/site/install-consent';
import { loadSite } from '../../load';

type Params = Promise<{ agencyId: string; siteId: string; moduleId: string }>;
const pathOf = (p: Awaited<Params>) => `/a/${p.agencyId}/sites/${p.siteId}/modules/add/${p.moduleId}`;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  return { title: `Install a module · ${(await loadSite(p.agencyId, p.siteId, pathOf(p))).name}` };
}

export default async function Page({ params }: { params: Params }) {
  const p = await params;
  return <InstallConsent site={await loadSite(p.agencyId, p.siteId, pathOf(p))} moduleId={p.moduleId} />;
}
