'use client';
import { ComboboxButton, ComboboxInput, ComboboxOption, ComboboxOptions, Combobox as HeadlessCombobox } from '@headlessui/react';
import { Check, ChevronsUpDown } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { cn } from '@/lib/cn';
import type { ControlProps } from './field';
import { controlClasses } from './input';

export interface ComboboxChoice {
  value: string;
  label?: string;
  /** shown dimmed on the right, and searched too */
  hint?: string;
}

interface ComboboxProps extends Partial<ControlProps> {
  value: string;
  onChange: (value: string) => void;
  options: ComboboxChoice[];
  placeholder?: string;
  disabled?: boolean;
  /** lets the user keep what they typed when it is not in the list */
  allowCustom?: boolean;
  /** how many matches to render at once; typing narrows the rest */
  limit?: number;
}

const normalise = (s: string) => s.toLowerCase().replaceAll('_', ' ');

/** A searchable select: type to filter, arrows to move, Enter to pick. */
export function Combobox({
  value,
  onChange,
  options,
  placeholder,
  disabled,
  allowCustom,
  limit = 80,
  ...control
}: ComboboxProps) {
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const describedBy = control['aria-describedby'];
  // Headless UI owns aria-describedby on its input (for its own <Description>); the field's
  // hint or error is attached here instead
  useEffect(() => {
    if (describedBy) input.current?.setAttribute('aria-describedby', describedBy);
    else input.current?.removeAttribute('aria-describedby');
  }, [describedBy]);
  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);
  const matches = useMemo(() => {
    const q = normalise(query.trim());
    if (!q) return options;
    return options.filter((o) => [o.value, o.label, o.hint].some((s) => s && normalise(s).includes(q)));
  }, [options, query]);
  const custom = allowCustom && query.trim() && !byValue.has(query.trim()) ? query.trim() : null;
  const shown = matches.slice(0, limit);

  return (
    <HeadlessCombobox
      value={value}
      onChange={(v: string | null) => v !== null && onChange(v)}
      onClose={() => setQuery('')}
      disabled={disabled}
      immediate
    >
      <div className="relative">
        <ComboboxInput
          {...control}
          ref={input}
          className={cn(controlClasses, 'h-9 pr-9')}
          displayValue={(v: string) => byValue.get(v)?.label ?? v}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
        />
        <ComboboxButton className="absolute inset-y-0 right-0 flex items-center px-2.5 text-slate-400" aria-label="Show options">
          <ChevronsUpDown aria-hidden className="size-4" />
        </ComboboxButton>
      </div>
      <ComboboxOptions
        anchor="bottom start"
        className="z-50 max-h-72 w-(--input-width) overflow-y-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-900/10 [--anchor-gap:4px] empty:invisible"
      >
        {custom && (
          <ComboboxOption value={custom} className="cursor-default px-3 py-1.5 text-slate-700 data-focus:bg-brand-50">
            Use “{custom}”
          </ComboboxOption>
        )}
        {shown.map((o) => (
          <ComboboxOption
            key={o.value}
            value={o.value}
            className="group flex cursor-default items-center gap-2 px-3 py-1.5 text-slate-800 data-focus:bg-brand-50 data-focus:text-brand-900"
          >
            <Check aria-hidden className="invisible size-3.5 shrink-0 text-brand-600 group-data-selected:visible" />
            <span className="truncate">{o.label ?? o.value}</span>
            {o.hint && <span className="ml-auto shrink-0 pl-2 text-xs text-slate-400">{o.hint}</span>}
          </ComboboxOption>
        ))}
        {!custom && shown.length === 0 && <div className="px-3 py-2 text-slate-500">No matches</div>}
        {matches.length > shown.length && (
          <div className="border-t border-slate-100 px-3 pt-2 pb-1 text-xs text-slate-400">
            {matches.length - shown.length} more: type to narrow down
          </div>
        )}
      </ComboboxOptions>
    </HeadlessCombobox>
  );
}
