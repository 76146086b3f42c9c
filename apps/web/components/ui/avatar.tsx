import { cn } from '@/lib/cn';
import { initials } from '@/lib/format';

// a stable colour per name, so people are recognisable at a glance
const palette = [
  'bg-indigo-100 text-indigo-700',
  'bg-emerald-100 text-emerald-700',
  'bg-amber-100 text-amber-800',
  'bg-sky-100 text-sky-700',
  'bg-rose-100 text-rose-700',
  'bg-violet-100 text-violet-700',
];

export function Avatar({ name, className, square }: { name: string; className?: string; square?: boolean }) {
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return (
    <span
      aria-hidden
      className={cn(
        'inline-flex size-8 shrink-0 items-center justify-center text-xs font-semibold',
        square ? 'rounded-md' : 'rounded-full',
        palette[hash % palette.length],
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
