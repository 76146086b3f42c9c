import type { Metadata } from 'next';
import { Outbox } from '@/components/outbox/outbox';
import { guardAgencyPage } from '@/lib/server-api';

export const metadata: Metadata = { title: 'Outbox' };

export default async function OutboxPage({ params }: { params: Promise<{ agencyId: string }> }) {
  await guardAgencyPage(params, 'outbox');
  return <Outbox />;
}
