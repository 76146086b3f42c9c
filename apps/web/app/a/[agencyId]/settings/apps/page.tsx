import type { Metadata } from 'next';
import { AppsSettingsPage } from '@/components/settings/apps-page';
import { guardAgencyPage } from '@/lib/server-api';

export const metadata: Metadata = { title: 'Apps' };

export default async function Page({ params }: { params: Promise<{ agencyId: string }> }) {
  await guardAgencyPage(params, 'settings/apps');
  return <AppsSettingsPage />;
}
