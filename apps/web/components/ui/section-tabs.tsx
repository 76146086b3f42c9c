'use client';
import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';

export interface SectionTab {
  label: string;
  /** path below `base`; '' is `base` itself */
  segment: string;
  icon: LucideIcon;
}

/**
 * A row of links to the sections under `base`. The current one is marked, and so is the one a
 * deeper page sits under (a module's page marks "Modules").
 */
export function SectionTabs({ label, base, tabs }: { label: string; base: string; tabs: SectionTab[] }) {
  const pathname = usePathname();
  const isCurrent = (segment: string) =>
    segment === '' ? pathname === base : pathname === `${base}/${segment}` || pathname.startsWith(`${base}/${segment}/`);

  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map(({ label, segment, icon: Icon }) => {
          const current = isCurrent(segment);
          return (
            <li key={label} className="shrink-0">
              <Link
                href={segment ? `${base}/${segment}` : base}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'inline-flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium transition-colors',
                  'focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600',
                  current
                    ? 'border-brand-600 text-brand-700'
                    : 'border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800',
                )}
              >
                <Icon aria-hidden className={cn('size-4', current ? 'text-brand-600' : 'text-slate-400')} />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
