import { redirect } from 'next/navigation';

export default async function AgencyHome({ params }: { params: Promise<{ agencyId: string }> }) {
  const { agencyId } = await params;
  redirect(`/a/${agencyId}/sites`);
}
