import type { Metadata } from 'next';
import { ReviewQueue } from '@/components/modules/review/review-queue';
import { serverApi } from '@/lib/server-api';
import { staffOnly } from '../staff-only';

export const metadata: Metadata = { title: 'Module reviews' };

export default async function Page() {
  const { api } = await serverApi('/admin/reviews');
  return <ReviewQueue initial={await staffOnly(api.modules.reviewQueue())} />;
}
