'use client';
import { Switch as HeadlessSwitch } from '@headlessui/react';
import { cn } from '@/lib/cn';

/** An on/off toggle (role="switch"), for settings that apply at once. */
export function Switch({
  checked,
  onChange,
  label,
  disabled,
  className,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** the accessible name: what is being switched */
  label: string;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <HeadlessSwitch
      checked={checked}
      onChange={onChange}
      disabled={disabled}
      aria-label={label}
      className={cn(
        'group relative inline-flex h-5 w-9 shrink-0 cursor-pointer items-center rounded-full bg-slate-300 p-0.5 transition-colors',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600',
        'data-checked:bg-brand-600 data-disabled:cursor-not-allowed data-disabled:opacity-60',
        className,
      )}
    >
      <span
        aria-hidden
        className="size-4 rounded-full bg-white shadow-sm ring-1 ring-slate-900/5 transition-transform group-data-checked:translate-x-4"
      />
    </HeadlessSwitch>
  );
}
