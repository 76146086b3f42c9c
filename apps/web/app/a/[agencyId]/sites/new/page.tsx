import type { Metadata } from 'next';
import { CreateSite } from '@/components/sites/create-site';
import { guardAgencyPage } from '@/lib/server-api';

export const metadata: Metadata = { title: 'New site' };

export default async function NewSitePage({ params }: { params: Promise<{ agencyId: string }> }) {
  await guardAgencyPage(params, 'sites/new');
  return <CreateSite />;
}
