'use client';
import { Blocks, BookOpen, Inbox, LayoutGrid, type LucideIcon, Menu as MenuIcon, Settings, Users, X } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useState } from 'react';
import { Logo } from '@/components/brand';
import { cn } from '@/lib/cn';
import type { RouterOutputs } from '@/lib/trpc';
import { AgencyProvider, useAgency } from './agency-context';
import { AgencySwitcher } from './agency-switcher';
import { UserMenu } from './user-menu';

type Me = RouterOutputs['auth']['me'];
type Agency = RouterOutputs['agencies']['get'];

/** The dashboard frame for one agency: sidebar (switcher + navigation) and a top bar. */
export function AppShell({ agency, me, children }: { agency: Agency; me: Me; children: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const pathname = usePathname();
  // a navigation closes the mobile menu
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path changes only
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <AgencyProvider initial={agency}>
      <div className="flex min-h-full">
        {menuOpen && (
          <div aria-hidden className="fixed inset-0 z-30 bg-slate-900/30 md:hidden" onClick={() => setMenuOpen(false)} />
        )}
        {/* in the page flow on wide screens (so it spans the whole page), a drawer on small ones */}
        <aside
          className={cn(
            'fixed inset-y-0 left-0 z-40 w-64 shrink-0 border-r border-slate-200 bg-white transition-transform md:static md:translate-x-0',
            menuOpen ? 'translate-x-0 shadow-xl' : '-translate-x-full',
          )}
        >
          <div className="flex h-full flex-col md:sticky md:top-0 md:h-screen">
            <div className="flex h-14 items-center justify-between px-5">
              <Logo href={`/a/${agency.id}/sites`} />
              <button
                type="button"
                className="rounded p-1 text-slate-500 md:hidden"
                onClick={() => setMenuOpen(false)}
                aria-label="Close menu"
              >
                <X aria-hidden className="size-5" />
              </button>
            </div>
            <div className="px-3 pt-1 pb-4">
              <AgencySwitcher initialMe={me} />
            </div>
            <SidebarNav />
            <div className="mt-auto border-t border-slate-100 p-3">
              <a
                href="/docs/api"
                target="_blank"
                rel="noreferrer"
                className="flex items-center gap-2.5 rounded-md px-2.5 py-2 text-sm text-slate-500 hover:bg-slate-50 hover:text-slate-800"
              >
                <BookOpen aria-hidden className="size-4" />
                API reference
              </a>
            </div>
          </div>
        </aside>

        <div className="min-w-0 flex-1">
          <header className="sticky top-0 z-20 flex h-14 items-center gap-3 border-b border-slate-200 bg-white/85 px-4 backdrop-blur sm:px-6">
            <button
              type="button"
              className="-ml-1 rounded p-1.5 text-slate-600 hover:bg-slate-100 md:hidden"
              onClick={() => setMenuOpen(true)}
              aria-label="Open menu"
            >
              <MenuIcon aria-hidden className="size-5" />
            </button>
            <Breadcrumb />
            <div className="ml-auto">
              <UserMenu user={me.user} />
            </div>
          </header>
          <main className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 lg:px-8">{children}</main>
        </div>
      </div>
    </AgencyProvider>
  );
}

interface NavEntry {
  segment: string;
  label: string;
  icon: LucideIcon;
  adminOnly?: boolean;
}
const nav: NavEntry[] = [
  { segment: 'sites', label: 'Sites', icon: LayoutGrid },
  { segment: 'members', label: 'Members', icon: Users },
  { segment: 'modules', label: 'Modules', icon: Blocks },
  { segment: 'outbox', label: 'Outbox', icon: Inbox, adminOnly: true },
  { segment: 'settings', label: 'Settings', icon: Settings },
];

function useSection() {
  const pathname = usePathname();
  return pathname.split('/')[3] ?? 'sites';
}

function SidebarNav() {
  const agency = useAgency();
  const section = useSection();
  return (
    <nav aria-label="Main" className="space-y-0.5 px-3">
      {nav
        .filter((item) => !item.adminOnly || agency.isAdmin)
        .map(({ segment, label, icon: Icon }) => {
          const active = section === segment;
          return (
            <Link
              key={segment}
              href={`/a/${agency.id}/${segment}`}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'flex items-center gap-2.5 rounded-md px-2.5 py-2 text-sm transition-colors',
                active ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-600 hover:bg-slate-50 hover:text-slate-900',
              )}
            >
              <Icon aria-hidden className={cn('size-4', active ? 'text-brand-600' : 'text-slate-400')} />
              {label}
              {segment === 'sites' && <Count value={agency.counts.sites} />}
              {segment === 'members' && <Count value={agency.counts.members} />}
            </Link>
          );
        })}
    </nav>
  );
}

function Count({ value }: { value: number }) {
  return <span className="ml-auto text-xs tabular-nums text-slate-400">{value}</span>;
}

function Breadcrumb() {
  const agency = useAgency();
  const current = useSection();
  const section = nav.find((n) => n.segment === current);
  return (
    <div className="flex min-w-0 items-center gap-2 text-sm">
      <span className="truncate text-slate-500">{agency.name}</span>
      {section && (
        <>
          <span aria-hidden className="text-slate-300">
            /
          </span>
          <span className="font-medium text-slate-900">{section.label}</span>
        </>
      )}
    </div>
  );
}
