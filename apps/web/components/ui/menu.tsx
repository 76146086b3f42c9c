'use client';
import { MenuButton as HeadlessMenuButton, Menu, MenuItem, MenuItems, MenuSeparator } from '@headlessui/react';
import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

export { HeadlessMenuButton as DropdownButton, Menu as Dropdown };

export function DropdownItems({
  children,
  anchor = 'bottom end',
  className,
}: {
  children: ReactNode;
  anchor?: 'bottom start' | 'bottom end' | 'top start' | 'top end';
  className?: string;
}) {
  return (
    <MenuItems
      anchor={anchor}
      transition
      className={cn(
        'z-50 min-w-56 rounded-lg bg-white p-1 text-sm shadow-lg ring-1 ring-slate-900/10 [--anchor-gap:6px] focus:outline-none',
        'transition duration-100 ease-out data-closed:scale-95 data-closed:opacity-0',
        className,
      )}
    >
      {children}
    </MenuItems>
  );
}

const itemClasses =
  'flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-slate-700 data-focus:bg-slate-100 data-focus:text-slate-900';

export function DropdownItem({
  icon: Icon,
  href,
  onClick,
  children,
  trailing,
  external,
}: {
  icon?: LucideIcon;
  href?: string;
  /** a page outside the app (opened in a new tab, without client-side navigation) */
  external?: boolean;
  onClick?: () => void;
  children: ReactNode;
  trailing?: ReactNode;
}) {
  const body = (
    <>
      {Icon && <Icon aria-hidden className="size-4 shrink-0 text-slate-400" />}
      <span className="min-w-0 flex-1 truncate">{children}</span>
      {trailing}
    </>
  );
  return (
    <MenuItem>
      {href && external ? (
        <a href={href} target="_blank" rel="noreferrer" className={itemClasses}>
          {body}
        </a>
      ) : href ? (
        <Link href={href} className={itemClasses}>
          {body}
        </Link>
      ) : (
        <button type="button" onClick={onClick} className={itemClasses}>
          {body}
        </button>
      )}
    </MenuItem>
  );
}

export function DropdownSeparator() {
  return <MenuSeparator className="my-1 h-px bg-slate-100" />;
}

export function DropdownLabel({ children }: { children: ReactNode }) {
  return <div className="px-2.5 pt-1.5 pb-1 text-xs font-medium text-slate-400">{children}</div>;
}
