import { AppShell } from '@/components/shell/app-shell';
import { optionalUser, orNotFound, serverApi } from '@/lib/server-api';

export default async function AgencyLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ agencyId: string }>;
}) {
  const { agencyId } = await params;
  // signed out: each page redirects to sign-in itself, with its own path as `next` (a layout
  // does not know the path below it)
  if (!(await optionalUser())) return children;
  const { api } = await serverApi(`/a/${agencyId}`);
  // another agency's id, or one that does not exist, is the same 404
  const [agency, me] = await Promise.all([orNotFound(api.agencies.get({ agencyId })), api.auth.me()]);
  return (
    <AppShell agency={agency} me={me}>
      {children}
    </AppShell>
  );
}
