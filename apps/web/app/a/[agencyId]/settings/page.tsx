import type { Metadata } from 'next';
import { SettingsPage } from '@/components/settings/settings-page';
import { guardAgencyPage } from '@/lib/server-api';

export const metadata: Metadata = { title: 'Settings' };

export default async function Page({ params }: { params: Promise<{ agencyId: string }> }) {
  await guardAgencyPage(params, 'settings');
  return <SettingsPage />;
}
