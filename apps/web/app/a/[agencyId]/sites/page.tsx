import type { Metadata } from 'next';
import { SitesList } from '@/components/sites/sites-list';
import { guardAgencyPage } from '@/lib/server-api';

export const metadata: Metadata = { title: 'Sites' };

export default async function SitesPage({ params }: { params: Promise<{ agencyId: string }> }) {
  await guardAgencyPage(params, 'sites');
  return <SitesList />;
}
