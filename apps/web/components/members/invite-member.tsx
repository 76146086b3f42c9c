'use client';
import { UserPlus } from 'lucide-react';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Field, TextField } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { capitalize } from '@/lib/format';
import { fieldErrors, formError, trpc } from '@/lib/trpc';
import { permissions, type Role, roleDescriptions } from './role';

export function InviteMember() {
  const agency = useAgency();
  const toast = useToast();
  const utils = trpc.useUtils();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const invite = trpc.invitations.create.useMutation({
    onSuccess: async (invitation) => {
      await Promise.all([
        utils.invitations.list.invalidate({ agencyId: agency.id }),
        utils.email.outbox.invalidate({ agencyId: agency.id }),
      ]);
      toast({
        title: `Invitation sent to ${invitation.email}`,
        description: (
          <>
            The email and its link are also in the{' '}
            <Link href={`/a/${agency.id}/outbox`} className="font-medium text-brand-600 underline">
              Outbox
            </Link>
            .
          </>
        ),
      });
      setEmail('');
      setRole('member');
    },
  });
  const errors = fieldErrors(invite.error);
  const banner = formError(invite.error, ['email', 'role']);
  const { assignable } = permissions(agency, { role: 'member', isYou: false });

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate({ agencyId: agency.id, email, role });
  }

  return (
    <Card>
      <CardHeader title="Invite a member" description="They get an email with a link to join. Invitations expire after 7 days." />
      <form noValidate onSubmit={submit} className="space-y-4 px-5 py-4">
        {banner && <Alert tone="danger">{banner}</Alert>}
        <div className="grid items-start gap-4 sm:grid-cols-[1fr_11rem_auto]">
          <TextField
            label="Email address"
            type="email"
            name="email"
            placeholder="colleague@example.com"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.email}
          />
          <Field label="Role" error={errors.role}>
            {(control) => (
              <Select {...control} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {assignable.map((r) => (
                  <option key={r} value={r}>
                    {capitalize(r)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit" loading={invite.isPending} className="sm:mt-[1.625rem]">
            <UserPlus aria-hidden className="size-4" />
            Send invitation
          </Button>
        </div>
        <p className="text-xs text-slate-500">
          <span className="font-medium text-slate-600">{capitalize(role)}:</span> {roleDescriptions[role]}.
        </p>
      </form>
    </Card>
  );
}
