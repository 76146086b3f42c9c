'use client';
import { BookOpen, ChevronDown, ClipboardCheck, LogOut } from 'lucide-react';
import { signOut } from 'next-auth/react';
import { Avatar } from '@/components/ui/avatar';
import { Dropdown, DropdownButton, DropdownItem, DropdownItems, DropdownSeparator } from '@/components/ui/menu';
import { trpc } from '@/lib/trpc';

export function UserMenu({ user }: { user: { name: string; email: string } }) {
  // platform staff also review modules: their menu leads to the queue
  const review = trpc.modules.reviewerStatus.useQuery(undefined, { staleTime: 60_000 });
  return (
    <Dropdown>
      <DropdownButton
        aria-label="Account menu"
        className="flex items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 data-open:bg-slate-100"
      >
        <Avatar name={user.name} className="size-7" />
        <span className="hidden max-w-40 truncate font-medium sm:block">{user.name}</span>
        <ChevronDown aria-hidden className="size-3.5 text-slate-400" />
      </DropdownButton>
      <DropdownItems anchor="bottom end">
        <div className="px-2.5 py-2">
          <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
          <p className="truncate text-xs text-slate-500">{user.email}</p>
        </div>
        <DropdownSeparator />
        {review.data?.reviewer && (
          <DropdownItem
            icon={ClipboardCheck}
            href="/admin/reviews"
            trailing={
              review.data.waiting > 0 && (
                <span className="rounded-full bg-brand-50 px-1.5 text-xs font-medium text-brand-700 tabular-nums">
                  {review.data.waiting}
                </span>
              )
            }
          >
            Module reviews
          </DropdownItem>
        )}
        <DropdownItem icon={BookOpen} href="/docs/api" external>
          API reference
        </DropdownItem>
        <DropdownItem icon={LogOut} onClick={() => void signOut({ callbackUrl: '/sign-in' })}>
          Sign out
        </DropdownItem>
      </DropdownItems>
    </Dropdown>
  );
}
