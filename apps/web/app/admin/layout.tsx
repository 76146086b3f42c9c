import { notFound } from 'next/navigation';
import { AdminShell } from '@/components/shell/admin-shell';
import { optionalUser, serverApi } from '@/lib/server-api';

/** Platform staff only: to anyone else these pages do not exist. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // signed out: each page redirects to sign-in with its own path as `next`
  if (!(await optionalUser())) return children;
  const { api, user } = await serverApi();
  if (!(await api.modules.reviewerStatus()).reviewer) notFound();
  return <AdminShell user={user}>{children}</AdminShell>;
}
