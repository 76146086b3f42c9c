import type { Metadata } from 'next';
import { ModulesPage } from '@/components/modules/modules-page';
import { guardAgencyPage } from '@/lib/server-api';

export const metadata: Metadata = { title: 'Modules' };

export default async function Page({ params }: { params: Promise<{ agencyId: string }> }) {
  await guardAgencyPage(params, 'modules');
  return <ModulesPage />;
}
