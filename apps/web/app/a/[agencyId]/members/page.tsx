import type { Metadata } from 'next';
import { MembersPage } from '@/components/members/members-page';
import { guardAgencyPage } from '@/lib/server-api';

export const metadata: Metadata = { title: 'Members' };

export default async function Page({ params }: { params: Promise<{ agencyId: string }> }) {
  await guardAgencyPage(params, 'members');
  return <MembersPage />;
}
