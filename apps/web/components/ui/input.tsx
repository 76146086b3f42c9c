import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

export const controlClasses = cn(
  'block w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-xs placeholder:text-slate-400',
  'focus:border-brand-500 focus:outline-none focus:ring-3 focus:ring-brand-500/15',
  'disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500',
  'aria-invalid:border-red-400 aria-invalid:focus:border-red-500 aria-invalid:focus:ring-red-500/15',
);

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(controlClasses, 'h-9', className)} {...props} />;
}

export function Select({ className, children, ...props }: ComponentProps<'select'>) {
  return (
    <select className={cn(controlClasses, 'h-9 appearance-auto pr-8', className)} {...props}>
      {children}
    </select>
  );
}
