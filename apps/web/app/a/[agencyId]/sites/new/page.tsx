import type { Metadata } from 'next';
import { CreateSite } from '@/components/sites/create-site';

export const metadata: Metadata = { title: 'New site' };

export default function NewSitePage() {
  return <CreateSite />;
}
