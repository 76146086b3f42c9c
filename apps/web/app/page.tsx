import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth';
import { services } from '@/lib/services';

export const dynamic = 'force-dynamic';

/** Home: the first agency of the signed-in user. */
export default async function Home() {
  const user = await requireUser();
  const { db } = await services();
  const membership = await db.membership.findFirst({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } });
  redirect(membership ? `/a/${membership.agencyId}/sites` : '/welcome');
}
