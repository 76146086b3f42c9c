'use client';
import { useAgency } from '@/components/shell/agency-context';
import { PageHeader } from '@/components/ui/page-header';
import { InviteMember } from './invite-member';
import { MembersTable } from './members-table';
import { PendingInvitations } from './pending-invitations';

export function MembersPage() {
  const agency = useAgency();
  return (
    <>
      <PageHeader title="Members" description={`Who can work on ${agency.name}’s sites, and what they may do.`} />
      <div className="space-y-6">
        {agency.isAdmin && <InviteMember />}
        <MembersTable />
        <PendingInvitations />
      </div>
    </>
  );
}
