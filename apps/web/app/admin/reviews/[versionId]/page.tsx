import type { Metadata } from 'next';
import { cache } from 'react';
import { ReviewDetail } from '@/components/modules/review/review-detail';
import { serverApi } from '@/lib/server-api';
import { staffOnly } from '../../staff-only';

type Params = Promise<{ versionId: string }>;

const loadVersion = cache(async (versionId: string) => {
  const { api } = await serverApi(`/admin/reviews/${versionId}`);
  return staffOnly(api.modules.reviewDetail({ versionId }));
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { versionId } = await params;
  const { module, version } = await loadVersion(versionId);
  return { title: `Review ${module.name} ${version.version}` };
}

export default async function Page({ params }: { params: Params }) {
  const { versionId } = await params;
  return <ReviewDetail initial={await loadVersion(versionId)} />;
}
