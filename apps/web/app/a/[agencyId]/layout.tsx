import { AppShell } from '@/components/shell/app-shell';
import { orNotFound, serverApi } from '@/lib/server-api';

export default async function AgencyLayout({ children, params }: { children: React.ReactNode; params: Promise<{ agencyId: string }> }) {
  const { agencyId } = await params;
  const { api } = await serverApi(`/a/${agencyId}`);
  // another agency's id, or one that does not exist, is the same 404
  const [agency, me] = await Promise.all([orNotFound(api.agencies.get({ agencyId })), api.auth.me()]);
  return (
    <AppShell agency={agency} me={me}>
      {children}
    </AppShell>
  );
}
