'use client';
import { type LucideIcon, Plug, SlidersHorizontal } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useAgency } from '@/components/shell/agency-context';
import { cn } from '@/lib/cn';

const tabs: { label: string; segment: string; icon: LucideIcon }[] = [
  { label: 'General', segment: '', icon: SlidersHorizontal },
  { label: 'Apps', segment: 'apps', icon: Plug },
];

/** The sections of an agency's settings. */
export function SettingsTabs() {
  const agency = useAgency();
  const pathname = usePathname();
  const base = `/a/${agency.id}/settings`;
  return (
    <nav aria-label="Settings sections" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map(({ label, segment, icon: Icon }) => {
          const href = segment ? `${base}/${segment}` : base;
          const current = pathname === href;
          return (
            <li key={label} className="shrink-0">
              <Link
                href={href}
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
