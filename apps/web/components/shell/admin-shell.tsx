'use client';
import { ArrowLeft, ClipboardCheck } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { Logo } from '@/components/brand';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/cn';
import { UserMenu } from './user-menu';

const nav = [{ href: '/admin/reviews', label: 'Module reviews', icon: ClipboardCheck }];

/** The frame of the platform staff's pages: not an agency's, so a top bar instead of the sidebar. */
export function AdminShell({ user, children }: { user: { name: string; email: string }; children: ReactNode }) {
  const pathname = usePathname();
  return (
    <div className="min-h-full">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/85 backdrop-blur">
        <div className="mx-auto flex h-14 w-full max-w-5xl items-center gap-4 px-4 sm:px-6 lg:px-8">
          <Logo />
          <Badge tone="warning">Platform staff</Badge>
          <nav aria-label="Main" className="ml-2 hidden items-center gap-1 sm:flex">
            {nav.map(({ href, label, icon: Icon }) => {
              const active = pathname.startsWith(href);
              return (
                <Link
                  key={href}
                  href={href}
                  aria-current={active ? 'page' : undefined}
                  className={cn(
                    'flex items-center gap-2 rounded-md px-2.5 py-1.5 text-sm',
                    active ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-600 hover:bg-slate-50 hover:text-slate-900',
                  )}
                >
                  <Icon aria-hidden className="size-4" />
                  {label}
                </Link>
              );
            })}
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <Link href="/" className="hidden items-center gap-1.5 text-sm text-slate-500 hover:text-slate-800 md:inline-flex">
              <ArrowLeft aria-hidden className="size-3.5" />
              Your dashboard
            </Link>
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 lg:px-8">{children}</main>
    </div>
  );
}
