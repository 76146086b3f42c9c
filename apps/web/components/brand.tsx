import Link from 'next/link';
import { cn } from '@/lib/cn';

export function Logo({ className, href = '/' }: { className?: string; href?: string }) {
  return (
    <Link href={href} className={cn('inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900', className)}>
      <span
        aria-hidden
        className="flex size-7 items-center justify-center rounded-lg bg-gradient-to-br from-brand-500 to-brand-700 text-sm font-bold text-white shadow-sm"
      >
        D
      </span>
      Dramac
    </Link>
  );
}
