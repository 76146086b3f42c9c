'use client';
import { Check, ChevronsUpDown, Plus } from 'lucide-react';
import { useState } from 'react';
import { CreateAgencyForm } from '@/components/agencies/create-agency-form';
import { Avatar } from '@/components/ui/avatar';
import { Dialog } from '@/components/ui/dialog';
import { Dropdown, DropdownButton, DropdownItem, DropdownItems, DropdownLabel, DropdownSeparator } from '@/components/ui/menu';
import { capitalize } from '@/lib/format';
import { type RouterOutputs, trpc } from '@/lib/trpc';
import { useAgency } from './agency-context';

type Me = RouterOutputs['auth']['me'];

/** The current agency; opens a list of the user's agencies and "New agency". */
export function AgencySwitcher({ initialMe }: { initialMe: Me }) {
  const agency = useAgency();
  const { data: me = initialMe } = trpc.auth.me.useQuery(undefined, { initialData: initialMe });
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Dropdown>
        <DropdownButton
          aria-label={`Switch agency (current: ${agency.name})`}
          className="flex w-full items-center gap-2.5 rounded-lg border border-slate-200 bg-white px-2.5 py-2 text-left shadow-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 data-open:bg-slate-50"
        >
          <Avatar name={agency.name} square className="size-7" />
          <span className="min-w-0 flex-1">
            <span className="block truncate text-sm font-medium text-slate-900">{agency.name}</span>
            <span className="block text-xs text-slate-500">{capitalize(agency.role)}</span>
          </span>
          <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-slate-400" />
        </DropdownButton>
        <DropdownItems anchor="bottom start" className="w-(--button-width) min-w-60">
          <DropdownLabel>Your agencies</DropdownLabel>
          {me.agencies.map((a) => (
            <DropdownItem
              key={a.id}
              href={`/a/${a.id}/sites`}
              trailing={a.id === agency.id ? <Check aria-label="current" className="size-4 text-brand-600" /> : null}
            >
              <span className="flex items-center gap-2">
                <Avatar name={a.name} square className="size-5 text-[0.5625rem]" />
                {a.name}
              </span>
            </DropdownItem>
          ))}
          <DropdownSeparator />
          <DropdownItem icon={Plus} onClick={() => setCreating(true)}>
            New agency
          </DropdownItem>
        </DropdownItems>
      </Dropdown>
      <Dialog
        open={creating}
        onClose={() => setCreating(false)}
        title="New agency"
        description="A separate workspace with its own sites and members. You will be its owner."
      >
        <div className="pb-4">
          <CreateAgencyForm onCancel={() => setCreating(false)} />
        </div>
      </Dialog>
    </>
  );
}
